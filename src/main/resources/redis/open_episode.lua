-- Opens a silence episode unless one is open already (two replicas or a retried pass open it once).
-- KEYS[1] episode hash, KEYS[2] open episodes zset, KEYS[3] awaiting-nudge zset
-- ARGV[1] deal id, ARGV[2] start millis, then field/value pairs
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return 1
