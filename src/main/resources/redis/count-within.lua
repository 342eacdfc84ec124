-- Counts one more attempt in a fixed window of ARGV[1] ms that opens with the first attempt, in one step: concurrent
-- attempts each get their own number (no read-then-write). The window is not extended by later attempts, so a steady
-- trickle (a worker's hops, an agent's PIN typed over days) is not counted for ever. KEYS[1] the counter.
-- Returns the new count.
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
