-- Changes fields of one hash and hands back the whole hash as it was, in one step, so that concurrent changes of one
-- record (a member's group and month paid through, changed by a payment and a group move at once) each see the state
-- the other left: every change is counted out of exactly the rows it was counted into.
-- KEYS[1] the hash. ARGV[1] "create" (only when the hash does not exist) or "change" (only when it does), then
-- field, value pairs. Returns: create -> {1} when created, {} when it existed; change -> the old fields and values as a
-- flat list, {} when there was no hash (nothing set).
local exists = redis.call('EXISTS', KEYS[1]) == 1
if ARGV[1] == 'create' then
  if exists then return {} end
  redis.call('HSET', KEYS[1], unpack(ARGV, 2))
  return {1}
end
if not exists then return {} end
local old = redis.call('HGETALL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
return old
