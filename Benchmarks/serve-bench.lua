-- wrk script for Benchmarks/serve-bench.sh: each request is a slider move (the wind target of the
-- announced scenario, a new value each time) asking for the table, the indicators and the trajectory chart.
-- THINK_MS (environment) is the pause of each client between moves; 0 sends the next move at once.
local think = tonumber(os.getenv("THINK_MS") or "0")
local counter = 0

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  counter = counter + 1
  local wind = 100 + math.random() * 250
  local body = string.format('{\n  "name": "announced (what-if)",\n  "extends": "announced.yaml",\n  "sector_plans": {"power": {"wind": {"target": %.3f, "start": 2021, "full": 2030, "shape": "linear"}}}\n}\n', wind)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

function delay()
  if think <= 0 then return 0 end
  return think * (0.5 + math.random())
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s (%.0f/s), errors %d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
