-- Counts one more attempt in a fixed window of ARGV[1] ms that opens with the first attempt, in one step: concurrent
-- attempts each get their own number (no read-then-write). The window is not extended by later attempts, so a steady
-- trickle (a worker's hops, an agent's PIN typed over days) is not counted for ever. A count of 0 or less is a counter
-- a give-back made (INCRBY -1 on a key that had just expired, leaving no expiry): it gets the window too.
-- KEYS[1] the counter. Returns the new count.
local n = redis.call('INCR', KEYS[1])
if n <= 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
