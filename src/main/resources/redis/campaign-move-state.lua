-- Moves a campaign's state from one of ARGV[1] (comma-separated) to ARGV[2]; returns the state it found.
-- KEYS[1] the campaign's hash.
local now = redis.call('HGET', KEYS[1], 'state')
if not now then return false end
for s in string.gmatch(ARGV[1], '[^,]+') do
  if s == now then redis.call('HSET', KEYS[1], 'state', ARGV[2]) return now end
end
return now
