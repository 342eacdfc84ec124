-- Puts claims whose lease ended by ARGV[1] (epoch ms) back into the due set, due at once.
-- KEYS[1] due, KEYS[2] claimed. A few commands for up to 1000 of them.
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, 1000)
if #ids == 0 then return 0 end
redis.call('ZREM', KEYS[2], unpack(ids))
local scored = {}
for i, id in ipairs(ids) do
  scored[2 * i - 1] = ARGV[1]
  scored[2 * i] = id
end
redis.call('ZADD', KEYS[1], 'NX', unpack(scored))
return #ids
