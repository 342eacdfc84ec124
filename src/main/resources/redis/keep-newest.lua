-- Keeps ARGV[2] among the newest ARGV[3] members of the sorted set KEYS[1] (scored ARGV[1], e.g. a time in ms) and
-- lets the set expire ARGV[4] ms after its last change: a bounded, self-cleaning "latest few" list in one step.
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
