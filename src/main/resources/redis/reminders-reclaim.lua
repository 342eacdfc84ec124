-- Puts claims whose lease ended by ARGV[1] (epoch ms) back into the due set, due at once.
-- KEYS[1] due, KEYS[2] claimed.
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, 1000)
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], 'NX', ARGV[1], id)
end
return #ids
