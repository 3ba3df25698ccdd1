-- Moves the deals marked for judging into the set a pass works from, keeping any a failed pass left there.
-- KEYS[1] deals to judge (syncs keep adding), KEYS[2] deals taken by the running pass
-- Returns how many the pass now holds.
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('EXISTS', KEYS[2]) == 1 then
    redis.call('SUNIONSTORE', KEYS[2], KEYS[2], KEYS[1])
    redis.call('DEL', KEYS[1])
  else
    redis.call('RENAME', KEYS[1], KEYS[2])
  end
end
return redis.call('SCARD', KEYS[2])
