-- Counts one more attempt and keeps the count ARGV[1] ms from now, in one step: concurrent attempts each get their own
-- number (no read-then-write), and a count never outlives its window. KEYS[1] the counter. Returns the new count.
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return n
