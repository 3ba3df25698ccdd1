-- Claims the one nudge of an episode, within the rep's daily cap. Atomic, so retries, restarts and
-- replicas never send a second nudge for the same episode.
-- KEYS[1] episode hash, KEYS[2] awaiting-nudge zset, KEYS[3] the rep's nudge counter for today
-- ARGV[1] deal id, ARGV[2] now millis, ARGV[3] daily cap, ARGV[4] counter ttl seconds,
-- ARGV[5] slack user id, ARGV[6] quiet days now, ARGV[7] chase count now
-- Returns 1 claimed, 0 already nudged or no episode, -1 over today's cap.
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return 0
end
if redis.call('HEXISTS', KEYS[1], 'nudged_at') == 1 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return 0
end
local sent = tonumber(redis.call('GET', KEYS[3]) or '0')
if sent >= tonumber(ARGV[3]) then return -1 end
redis.call('INCR', KEYS[3])
redis.call('EXPIRE', KEYS[3], tonumber(ARGV[4]))
redis.call('HSET', KEYS[1], 'nudged_at', ARGV[2], 'nudge_user', ARGV[5], 'quiet_days_at_nudge', ARGV[6],
  'chase_at_nudge', ARGV[7])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
