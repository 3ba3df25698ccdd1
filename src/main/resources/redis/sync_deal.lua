-- Upserts one deal and its touches, and keeps the detection and owner indexes right.
-- KEYS[1] deal hash, KEYS[2] touches zset, KEYS[3] all-deals set, KEYS[4] index by last reply,
-- KEYS[5] deals to judge at the next detection pass, KEYS[6] detection's progress hash, KEYS[7] silent deals,
-- KEYS[8] the deal's open-episode hash
-- ARGV[1] deal id, ARGV[2] owner-index key prefix ("sd:{T}:idx:owner:"),
-- ARGV[3] updated-at millis, or "" when this call carries only touches,
-- ARGV[4] last reply candidate millis from these touches ("0" for none),
-- ARGV[5] n = number of deal field/value pairs, ARGV[6 .. 5+2n] the pairs,
-- then touch score/member pairs to the end.
-- Returns {dealChanged (0/1), touchesAdded}.
-- Each step is one variadic command (HMGET, HSET, ZADD): a deal with 20 touches costs about 8 commands.
local dealId = ARGV[1]
local ownerPrefix = ARGV[2]
local changed = 0
local n = tonumber(ARGV[5])

-- Field names are short because every deal carries them (DealStore.DealFields spells them out). A hash written
-- with the long names of earlier versions is renamed in place the first time it is synced again.
local state = redis.call('HMGET', KEYS[1], 'u', 'g', 'o', 'c', 'r', 'updated_at')
if state[6] then
  local long = {name = 'n', company = 'co', stage = 's', amount = 'a', currency = 'cu', owner_email = 'o',
    contact_name = 'cn', contact_email = 'ce', contact_phone = 'cp', closed = 'c', updated_at = 'u', gone = 'g',
    last_reply_at = 'r', last_conversation_at = 'lc'}
  local old = redis.call('HGETALL', KEYS[1])
  local renamed = {}
  for i = 1, #old, 2 do
    local short = long[old[i]] or old[i]
    if old[i + 1] ~= '' and not ((short == 'c' or short == 'g') and old[i + 1] == '0') then
      renamed[#renamed + 1] = short
      renamed[#renamed + 1] = old[i + 1]
    end
  end
  redis.call('DEL', KEYS[1])
  if #renamed > 0 then redis.call('HSET', KEYS[1], unpack(renamed)) end
  state = redis.call('HMGET', KEYS[1], 'u', 'g', 'o', 'c', 'r')
end
local current, gone, owner, closed = state[1], state[2], state[3], state[4]
local last = tonumber(state[5] or '0')
local lastBefore = last

if ARGV[3] ~= '' then
  if (not current) or tonumber(ARGV[3]) > tonumber(current) or gone == '1' then
    local oldOwner = owner
    -- Empty values are not stored; a field that became empty is removed.
    local fields = {'u', ARGV[3]}
    local empty = {'g'}
    closed = nil
    for i = 6, 5 + 2 * n, 2 do
      if ARGV[i + 1] == '' then
        empty[#empty + 1] = ARGV[i]
      else
        fields[#fields + 1] = ARGV[i]
        fields[#fields + 1] = ARGV[i + 1]
      end
      if ARGV[i] == 'o' then
        owner = ARGV[i + 1]
      elseif ARGV[i] == 'c' and ARGV[i + 1] == '1' then
        closed = '1'
      end
    end
    redis.call('HSET', KEYS[1], unpack(fields))
    if gone == '1' or #empty > 1 then
      redis.call('HDEL', KEYS[1], unpack(empty))
    end
    gone = nil
    if oldOwner and oldOwner ~= owner then
      redis.call('SREM', ownerPrefix .. oldOwner, dealId)
    end
    changed = 1
  end
  redis.call('SADD', KEYS[3], dealId)
end

-- ZADD in slices, so a deal with thousands of touches stays within Lua's limit on unpacked values.
local added = 0
local i = 6 + 2 * n
while i <= #ARGV do
  local stop = math.min(#ARGV, i + 1999)
  added = added + redis.call('ZADD', KEYS[2], unpack(ARGV, i, stop))
  i = stop + 1
end

local candidate = tonumber(ARGV[4])
if candidate > last then
  redis.call('HSET', KEYS[1], 'r', tostring(candidate))
  last = candidate
end

if owner then
  if closed ~= '1' and gone ~= '1' then
    redis.call('SADD', ownerPrefix .. owner, dealId)
    if last > 0 then
      redis.call('ZADD', KEYS[4], last, dealId)
    end
  else
    redis.call('SREM', ownerPrefix .. owner, dealId)
    redis.call('ZREM', KEYS[4], dealId)
  end
end
-- The next detection pass must judge this deal again if it could be silent now (its last reply is at or before
-- the newest cutoff a pass started with) or has an episode or a verdict to revise. A deal replied to more
-- recently is judged when its reply crosses the cutoff, so a busy pipeline's syncs add little here.
if changed == 1 or added > 0 or last ~= lastBefore then
  local horizon = tonumber(redis.call('HGET', KEYS[6], 'horizon') or '-1')
  if (last > 0 and last <= horizon) or redis.call('EXISTS', KEYS[8]) == 1
      or redis.call('SISMEMBER', KEYS[7], dealId) == 1 then
    redis.call('SADD', KEYS[5], dealId)
  end
end
return {changed, added}
