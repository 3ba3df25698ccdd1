-- Ends a deal's open episode: archived for digests, removed from the open indexes.
-- KEYS[1] episode hash, KEYS[2] open zset, KEYS[3] awaiting-nudge zset, KEYS[4] ended zset,
-- KEYS[5] deals to judge at the next detection pass (the deal's verdict may open a new episode)
-- ARGV[1] deal id, ARGV[2] end millis, ARGV[3] end reason, ARGV[4] archive key prefix ("sd:{T}:episode-log:"),
-- ARGV[5] expected episode id ("" = whichever is open)
local id = redis.call('HGET', KEYS[1], 'episode_id')
if not id then return 0 end
if ARGV[5] ~= '' and ARGV[5] ~= id then return 0 end
redis.call('HSET', KEYS[1], 'ended_at', ARGV[2], 'end_reason', ARGV[3])
local archive = ARGV[4] .. id
redis.call('DEL', archive)
local fields = redis.call('HGETALL', KEYS[1])
redis.call('HSET', archive, unpack(fields))
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], id)
redis.call('SADD', KEYS[5], ARGV[1])
return 1
