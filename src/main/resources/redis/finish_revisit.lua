-- Marks a revisit done (sent or cancelled): out of the schedule and the owner's list, kept a while, then expires.
-- Does nothing when a newer truth's revisit replaced it meanwhile.
-- KEYS[1] the deal's revisit hash, KEYS[2] revisits zset, KEYS[3] the owner's pending set
-- ARGV[1] deal id, ARGV[2] expected truth id, ARGV[3] seconds to keep, then field/value pairs
-- Returns 1 when marked, 0 when replaced.
if redis.call('HGET', KEYS[1], 'truth_id') ~= ARGV[2] then return 0 end
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
