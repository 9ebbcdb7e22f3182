-- wrk script for bench/run.sh's settling traffic after each start: every reader page the bench measures in
-- turn, and every sixth request a search for words nobody searched before, so the code of every scenario
-- has been through tiered compilation (and its PGO stage) before any figure is taken.
local paths = {"/posts/what-is-ketamine-iv-treatment", "/", "/tags/ketamine", "/feed.xml", "/search?q=glutamate"}
local counter = 0
request = function()
  counter = counter + 1
  local i = counter % (#paths + 1)
  if i == #paths then
    return wrk.format("GET", "/search?q=sleep+therapy+s" .. counter)
  end
  return wrk.format("GET", paths[i + 1])
end
