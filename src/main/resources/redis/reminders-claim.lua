-- Claims up to ARGV[2] reminders due by ARGV[1] (epoch ms): moves them from the due set to the claimed set with a
-- lease ending at ARGV[3], so that an instance dying mid-send leaves them to be reclaimed. KEYS[1] due, KEYS[2] claimed.
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], ARGV[3], id)
end
return ids
