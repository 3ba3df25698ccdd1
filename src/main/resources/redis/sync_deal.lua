-- Upserts one deal and its touches, and keeps the detection and owner indexes right.
-- KEYS[1] deal hash, KEYS[2] touches zset, KEYS[3] all-deals set, KEYS[4] index by last reply
-- ARGV[1] deal id, ARGV[2] owner-index key prefix ("sd:{T}:idx:owner:"),
-- ARGV[3] updated_at millis, or "" when this call carries only touches,
-- ARGV[4] last reply candidate millis from these touches ("0" for none),
-- ARGV[5] n = number of deal field/value pairs, ARGV[6 .. 5+2n] the pairs,
-- then touch score/member pairs to the end.
-- Returns {dealChanged (0/1), touchesAdded}.
local dealId = ARGV[1]
local ownerPrefix = ARGV[2]
local changed = 0
local n = tonumber(ARGV[5])

if ARGV[3] ~= '' then
  local current = redis.call('HGET', KEYS[1], 'updated_at')
  local wasGone = redis.call('HGET', KEYS[1], 'gone') == '1'
  if (not current) or tonumber(ARGV[3]) > tonumber(current) or wasGone then
    local oldOwner = redis.call('HGET', KEYS[1], 'owner_email')
    for i = 6, 5 + 2 * n, 2 do
      redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    end
    redis.call('HSET', KEYS[1], 'updated_at', ARGV[3], 'gone', '0')
    local newOwner = redis.call('HGET', KEYS[1], 'owner_email')
    if oldOwner and oldOwner ~= newOwner then
      redis.call('SREM', ownerPrefix .. oldOwner, dealId)
    end
    changed = 1
  end
  redis.call('SADD', KEYS[3], dealId)
end

local added = 0
for i = 6 + 2 * n, #ARGV, 2 do
  added = added + redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1])
end

local candidate = tonumber(ARGV[4])
local last = tonumber(redis.call('HGET', KEYS[1], 'last_reply_at') or '0')
if candidate > last then
  redis.call('HSET', KEYS[1], 'last_reply_at', tostring(candidate))
  last = candidate
end

local owner = redis.call('HGET', KEYS[1], 'owner_email')
if owner then
  local open = redis.call('HGET', KEYS[1], 'closed') ~= '1' and redis.call('HGET', KEYS[1], 'gone') ~= '1'
  if open then
    redis.call('SADD', ownerPrefix .. owner, dealId)
    if last > 0 then
      redis.call('ZADD', KEYS[4], last, dealId)
    end
  else
    redis.call('SREM', ownerPrefix .. owner, dealId)
    redis.call('ZREM', KEYS[4], dealId)
  end
end
return {changed, added}
