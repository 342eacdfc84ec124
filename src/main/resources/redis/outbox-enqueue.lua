-- Queues a batch of messages of one outbox shard in one step: each key not queued within the last 8 days is marked
-- QUEUED in today's state hash, and the new ones go into ONE stream entry; the shard's backlog counter grows by as many.
-- A process killed half-way leaves nothing half-done: a key is never marked queued without its message.
-- KEYS[1] the shard's stream, KEYS[2] its backlog counter, KEYS[3] today's state hash, KEYS[4..] the 7 days before;
-- ARGV[1] when today's hash expires (unix seconds), ARGV[2] today (epoch day), ARGV[3] n, then n x (key, to, stop, text).
-- Returns one flag per message: 1 queued now, 0 queued before.
local n = tonumber(ARGV[3])
local keys = {}
for i = 1, n do keys[i] = ARGV[4 + (i - 1) * 4] end
local seen = {}
for h = 3, #KEYS do
  local found = redis.call('HMGET', KEYS[h], unpack(keys))
  for i = 1, n do if found[i] then seen[i] = true end end
end
local flags, fields, states, fresh, inBatch = {}, {'d', ARGV[2]}, {}, 0, {}
for i = 1, n do
  local k = keys[i]
  if seen[i] or inBatch[k] then
    flags[i] = 0
  else
    inBatch[k] = true
    flags[i] = 1
    local a = 4 + (i - 1) * 4
    fields[#fields + 1] = 'k' .. fresh
    fields[#fields + 1] = k
    fields[#fields + 1] = 't' .. fresh
    fields[#fields + 1] = ARGV[a + 1]
    fields[#fields + 1] = 's' .. fresh
    fields[#fields + 1] = ARGV[a + 2]
    fields[#fields + 1] = 'x' .. fresh
    fields[#fields + 1] = ARGV[a + 3]
    states[#states + 1] = k
    states[#states + 1] = 'QUEUED'
    fresh = fresh + 1
  end
end
if fresh > 0 then
  redis.call('HSET', KEYS[3], unpack(states))
  redis.call('EXPIREAT', KEYS[3], ARGV[1])
  fields[#fields + 1] = 'n'
  fields[#fields + 1] = tostring(fresh)
  redis.call('XADD', KEYS[1], '*', unpack(fields))
  redis.call('INCRBY', KEYS[2], fresh)
end
return flags
