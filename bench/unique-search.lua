-- wrk script: every request searches for different words (a flood of unique search URLs), so none can
-- be answered from a cache. Deterministic: the same sequence on every run.
local words = {"ketamine", "sleep", "therapy", "anxiety", "infusion", "dose", "clinic", "pain", "mood",
  "glutamate", "brain", "safety", "care", "doctor", "nurse", "depression", "treatment", "recovery"}
local counter = 0
request = function()
  counter = counter + 1
  local a = words[counter % #words + 1]
  local b = words[(counter * 7) % #words + 1]
  return wrk.format("GET", "/search?q=" .. a .. "+" .. b .. "+n" .. counter)
end
