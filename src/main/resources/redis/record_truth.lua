-- Records the truth that ends an episode, once: a retried request or a second submission finds it there.
-- KEYS[1] truth hash, KEYS[2] truths zset, KEYS[3] write-back queue zset
-- ARGV[1] truth id, ARGV[2] recorded millis, ARGV[3] "1" to queue a CRM write-back, then field/value pairs
-- Returns 1 when recorded now, 0 when it was already there.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
if ARGV[3] == '1' then redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1]) end
return 1
