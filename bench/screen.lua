-- wrk script for POST /v1/screen: a different ~20-token message on every request, so the
-- content cache never answers. Usage: KEY=nope_live_... wrk -t2 -c16 -d30s -s bench/screen.lua http://localhost:8080
local counter = 0
local key = os.getenv("KEY")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

request = function()
  counter = counter + 1
  local body = '{"messages":[{"role":"user","content":"honestly i do not know how much longer i can keep going like this ' .. counter .. '"}]}'
  return wrk.format(nil, "/v1/screen", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p99 %.1f ms\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
