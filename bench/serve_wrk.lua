-- wrk script of bench/serve.py: random paths from a file, one summary line of JSON.
--
--   wrk -t1 -c32 -d10s --timeout 30s -s bench/serve_wrk.lua http://127.0.0.1:PORT -- PATHS SEED
--
-- Every request is formatted once, in init (a request then costs a table look-up);
-- each asks for gzip, as a browser does. done() prints the figures bench/serve.py reads.

local requests = {}

function init(args)
  math.randomseed(tonumber(args[2]) or 1)
  local headers = { ["Accept-Encoding"] = "gzip" }
  for line in io.lines(args[1]) do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("GET", line, headers)
    end
  end
end

function request()
  return requests[math.random(#requests)]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)
  ))
end
