-- Schedules a deal's one revisit, replacing any earlier one of the deal (a newer truth wins).
-- KEYS[1] the deal's revisit hash, KEYS[2] revisits zset, KEYS[3] the owner's pending set
-- ARGV[1] deal id, ARGV[2] due millis, ARGV[3] owner-set key prefix ("sd:{T}:revisits:owner:"),
-- then field/value pairs (owner_email among them)
local old = redis.call('HGET', KEYS[1], 'owner_email')
if old then redis.call('SREM', ARGV[3] .. old, ARGV[1]) end
redis.call('DEL', KEYS[1])
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
