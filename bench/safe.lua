-- wrk script for the /v1/safe benchmark: an OpenAI chat body, sent to the gateway or straight to the
-- upstream (same body, same path shape). UNIQUE=1 makes every user message new, so the classifier's
-- content cache never answers (full screening cost); without it, screening results are cached and
-- what remains is the proxy's own part.
-- Usage: KEY=... PATH_PREFIX=/v1 UNIQUE=1 wrk -t1 -c1 -d20s --latency -s bench/safe.lua http://127.0.0.1:8080
local counter = 0
-- Unique messages must be new to the gateway, not just within this run: the warm-up and earlier runs
-- sent "batch 1", "batch 2", ... too, and their results are cached. The run's start time and the
-- thread's number make every run's messages its own.
local run = os.time()
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local key = os.getenv("KEY")
local prefix = os.getenv("PATH_PREFIX") or "/v1"
local unique = os.getenv("UNIQUE") == "1"
-- DELAY_MS: the stub upstream waits this long before answering, like a model that takes time to reply.
local delay = tonumber(os.getenv("DELAY_MS") or "0")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if key then
  wrk.headers["Authorization"] = "Bearer " .. key
end

request = function()
  counter = counter + 1
  local suffix = unique and (" (batch " .. run .. "-" .. (tid or 0) .. "-" .. counter .. ")") or ""
  local extra = delay > 0 and (',"stub_delay_ms":' .. delay) or ""
  local body = '{"model":"stub"' .. extra .. ',"messages":[{"role":"system","content":"You are a helpful baking assistant."},'
    .. '{"role":"user","content":"how do I keep my banana bread from drying out' .. suffix .. '?"}]}'
  return wrk.format(nil, prefix .. "/chat/completions", nil, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f\n", summary.requests, errors,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
