-- Claims a due revisit for sending: its score moves to the retry time, so a replica that dies mid-send
-- leaves it to be tried again later, and a second run meanwhile does not see it as due.
-- KEYS[1] revisits zset, KEYS[2] the deal's revisit hash
-- ARGV[1] deal id, ARGV[2] now millis, ARGV[3] retry-at millis, ARGV[4] expected truth id
-- Returns 1 claimed, 0 not due, already sent, or replaced by a newer truth's revisit meanwhile.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return 0 end
if redis.call('HGET', KEYS[2], 'truth_id') ~= ARGV[4] then return 0 end
if redis.call('HEXISTS', KEYS[2], 'sent_at') == 1 then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
