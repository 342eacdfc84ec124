-- Adds each delta to its field of the hash KEYS[1] (HINCRBY per field) in one call: ARGV = field, delta, field, delta...
for i = 1, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
return 1
