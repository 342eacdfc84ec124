-- Claims up to ARGV[2] reminders due by ARGV[1] (epoch ms): moves them from the due set to the claimed set with a
-- lease ending at ARGV[3], so that an instance dying mid-send leaves them to be reclaimed. KEYS[1] due, KEYS[2] claimed.
-- Three commands however many are claimed (ARGV[2] at most 2000: the Lua stack holds about 8000 arguments).
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #ids == 0 then return ids end
redis.call('ZREM', KEYS[1], unpack(ids))
local scored = {}
for i, id in ipairs(ids) do
  scored[2 * i - 1] = ARGV[3]
  scored[2 * i] = id
end
redis.call('ZADD', KEYS[2], unpack(scored))
return ids
