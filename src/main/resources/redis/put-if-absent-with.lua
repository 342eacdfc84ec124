-- Sets a record and the keys that index it in one step, only when the record is new: whoever creates the record sets
-- its indexes, and no reader ever sees the record without them (the sandbox core system's registration: one call).
-- KEYS[1] the record, KEYS[2..] the others (one hash tag: one slot). ARGV[1] time to live in ms, ARGV[2..] one value per
-- key. Returns 1 when the record was created (and the others set), 0 when it existed (nothing set).
if not redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1], 'NX') then return 0 end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', ARGV[1]) end
return 1
