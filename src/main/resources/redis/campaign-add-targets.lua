-- Adds a page of numbers to a campaign's targets and, those new to it only, as ONE entry to its work stream.
-- KEYS[1] the targets set, KEYS[2] the work stream; ARGV: pairs (number, its template values as JSON).
-- Returns how many were new.
local numbers = {}
for i = 1, #ARGV, 2 do numbers[#numbers + 1] = ARGV[i] end
local known = redis.call('SMISMEMBER', KEYS[1], unpack(numbers))
local fresh, fields, seen = {}, {}, {}
for i = 1, #numbers do
  local m = numbers[i]
  if known[i] == 0 and not seen[m] then
    seen[m] = true
    fresh[#fresh + 1] = m
    fields[#fields + 1] = 'm' .. (#fresh - 1)
    fields[#fields + 1] = m
    fields[#fields + 1] = 'v' .. (#fresh - 1)
    fields[#fields + 1] = ARGV[i * 2]
  end
end
if #fresh > 0 then
  redis.call('SADD', KEYS[1], unpack(fresh))
  fields[#fields + 1] = 'n'
  fields[#fields + 1] = tostring(#fresh)
  redis.call('XADD', KEYS[2], '*', unpack(fields))
end
return #fresh
