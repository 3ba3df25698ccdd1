-- Marks a deal gone from the CRM: kept for history, out of every index.
-- KEYS[1] deal hash, KEYS[2] index by last reply, KEYS[3] deals to judge at the next detection pass; ARGV[1] deal id, ARGV[2] owner-index key prefix
-- Short field names (see sync_deal.lua); a hash not yet renamed from the long ones is read by those.
if redis.call('HGET', KEYS[1], 'g') == '1' or redis.call('HGET', KEYS[1], 'gone') == '1' then return 0 end
redis.call('HSET', KEYS[1], 'g', '1')
redis.call('HDEL', KEYS[1], 'gone')
redis.call('ZREM', KEYS[2], ARGV[1])
local owner = redis.call('HGET', KEYS[1], 'o') or redis.call('HGET', KEYS[1], 'owner_email')
if owner then redis.call('SREM', ARGV[2] .. owner, ARGV[1]) end
redis.call('SADD', KEYS[3], ARGV[1])
return 1
