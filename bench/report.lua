-- wrk script: optional POST body from $BODY_FILE with $CONTENT_TYPE, or with $BODY_LINES one
-- line of that file per request in turn; prints one RESULT line.
local body_file = os.getenv("BODY_FILE")
local lines = nil
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "text/plain; charset=utf-8"
  if os.getenv("BODY_LINES") == "1" then
    lines = {}
    for line in wrk.body:gmatch("[^\n]+") do lines[#lines + 1] = line end
  end
end
if os.getenv("NO_CACHE") == "1" then
  wrk.headers["Cache-Control"] = "no-cache"
end
local token = os.getenv("GOCAUSE_API_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local turn = 0
local prepared = nil
if lines then
  -- the requests are formatted once, so the load generator (on the same cores as the server)
  -- spends no more per request than with a fixed body
  request = function()
    if not prepared then
      prepared = {}
      for i, line in ipairs(lines) do prepared[i] = wrk.format(nil, nil, nil, line) end
    end
    turn = turn % #prepared + 1
    return prepared[turn]
  end
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s %.1f %.2f %.2f %d %d\n", os.getenv("SCENARIO") or "?",
      summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, bad))
end
