-- wrk script: optional POST body from $BODY_FILE with $CONTENT_TYPE; prints one RESULT line.
local body_file = os.getenv("BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "text/plain; charset=utf-8"
end
if os.getenv("NO_CACHE") == "1" then
  wrk.headers["Cache-Control"] = "no-cache"
end
local token = os.getenv("GOCAUSE_API_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s %.1f %.2f %.2f %d %d\n", os.getenv("SCENARIO") or "?",
      summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, bad))
end
