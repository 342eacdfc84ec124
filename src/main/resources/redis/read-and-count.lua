-- A hop's one read: the values of KEYS[1..n-1] (the dialogue, the language) and one more count on KEYS[n] (the
-- number's hop quota) in a fixed window of ARGV[1] ms, as count-within.lua. One command instead of MGET + EVALSHA
-- (measured: MGET + INCR + PEXPIRE NX pipelined cost the service more than this script costs Redis). All keys carry
-- the phone's hash tag (one slot). Returns {value1, ..., value(n-1), count}; a missing value is false.
local out = redis.call('MGET', unpack(KEYS, 1, #KEYS - 1))
local counter = KEYS[#KEYS]
local n = redis.call('INCR', counter)
if n <= 1 then
  redis.call('PEXPIRE', counter, ARGV[1])
end
out[#out + 1] = n
return out
