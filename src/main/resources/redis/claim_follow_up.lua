-- Claims an episode's one follow-up after its nudge (the step-back or the reminder). Atomic, so retries,
-- restarts and replicas never send a second one, and never one for an episode that has just ended.
-- KEYS[1] the deal's open-episode hash, KEYS[2] the episode's follow-ups hash
-- ARGV[1] episode id, ARGV[2] field to claim ("step_back_at" or "reminder_at"), ARGV[3] now millis,
-- ARGV[4] ttl seconds for the follow-ups hash, ARGV[5..] fields whose presence means a follow-up went out
-- Returns 1 claimed, 0 the episode already had its follow-up, -1 the episode is no longer open.
if redis.call('HGET', KEYS[1], 'episode_id') ~= ARGV[1] then return -1 end
for i = 5, #ARGV do
  if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 1 then return 0 end
end
if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[4]))
return 1
