-- Adds a number to a campaign's targets and, the first time only, to its work stream.
-- KEYS[1] the targets set, KEYS[2] the work stream; ARGV[1] the number, ARGV[2] its template values (JSON).
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('XADD', KEYS[2], '*', 'm', ARGV[1], 'v', ARGV[2])
  return 1
end
return 0
