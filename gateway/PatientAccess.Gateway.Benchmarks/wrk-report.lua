-- wrk -s wrk-report.lua, used by wrk-gateway.sh.
--
-- WRK_DELAY_MS (environment): a pause before each request on every connection. wrk is a closed
-- loop, so without it even 4 connections saturate a small machine and "moderate load" latency
-- would measure CPU queueing; with it the load is moderate. wrk starts its latency clock when a
-- request is written, so the pause itself is not counted.
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0") or 0
if pause > 0 then
  delay = function() return pause end
end

-- After the run, one line that wrk-gateway.sh parses instead of scraping wrk's text.
-- wrk's latencies are in microseconds.
done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "WRKSTATS requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non2xx=%d connect=%d read=%d write=%d timeout=%d bytes_per_response=%.0f\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout,
    summary.requests > 0 and summary.bytes / summary.requests or 0))
end
