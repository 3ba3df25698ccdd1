-- Gives a claimed nudge back when Slack could not deliver it, so the next pass tries again.
-- KEYS[1] episode hash, KEYS[2] awaiting-nudge zset, KEYS[3] the rep's nudge counter for today
-- ARGV[1] deal id, ARGV[2] start millis
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HEXISTS', KEYS[1], 'nudge_ts') == 1 then return 0 end
redis.call('HDEL', KEYS[1], 'nudged_at', 'nudge_user', 'quiet_days_at_nudge', 'chase_at_nudge')
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
return 1
