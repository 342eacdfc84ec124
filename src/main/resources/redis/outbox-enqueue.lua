-- Marks an SMS key queued and adds the message to the outbox stream in one step: a process killed between the two
-- would otherwise leave a key marked queued with no message, and every later attempt would think it queued already.
-- KEYS[1] the message's state key, KEYS[2] the outbox stream;
-- ARGV: seconds to keep the state, key, to, text, stop ("1": withheld while the number has sent STOP).
if redis.call('SET', KEYS[1], 'QUEUED', 'NX', 'EX', ARGV[1]) then
  redis.call('XADD', KEYS[2], '*', 'key', ARGV[2], 'to', ARGV[3], 'text', ARGV[4], 'stop', ARGV[5])
  return 1
end
return 0
