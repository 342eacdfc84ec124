-- Takes finished entries off one outbox shard: acknowledged and deleted, and the backlog counter lowered by the
-- messages of each entry deleted now (an entry finished twice, by a sender that reclaimed it, is counted once).
-- KEYS[1] the shard's stream, KEYS[2] its backlog counter; ARGV[1] the consumer group, then pairs (entry id, messages).
local ids, gone = {}, 0
for i = 2, #ARGV, 2 do
  ids[#ids + 1] = ARGV[i]
end
redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
for i = 2, #ARGV, 2 do
  if redis.call('XDEL', KEYS[1], ARGV[i]) == 1 then gone = gone + tonumber(ARGV[i + 1]) end
end
if gone > 0 then redis.call('DECRBY', KEYS[2], gone) end
return gone
