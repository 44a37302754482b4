-- wrk script of the HTTP benchmark (benchmarks/http). Usage:
--   wrk -t2 -c50 -d20s --latency -s bench.lua http://127.0.0.1:PORT -- SHAPE PATH [POOL_FILE]
-- SHAPE: public    GET PATH without a token;
--        repeated  GET PATH, thread i uses the pool's tokens i, i+T, i+2T, ... in turn (the pool holds one token per
--                  connection, so the server sees the same few tokens again and again);
--        padded    GET PATH with the repeated pool's "Bearer ..." values in an X-Padding header that no server reads
--                  (a request of a token-carrying size that carries no token);
--        unique    GET PATH, thread i takes the pool's lines i, i+T, ... once each: every request a token the server
--                  has never seen, as long as the pool is not exhausted (then it wraps and counts "wraps").
-- done() prints one line "BENCH {json}" that the harness parses.

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  shape = args[1] or "public"
  path = args[2] or "/api/public"
  tokens = {}
  wraps = 0
  next_token = 1
  if shape ~= "public" then
    local total = tonumber(args[4] or "1")
    local line_no = 0
    for line in io.lines(args[3]) do
      if line ~= "" then
        if line_no % total == id then
          tokens[#tokens + 1] = "Bearer " .. line
        end
        line_no = line_no + 1
      end
    end
    if #tokens == 0 then
      error("no tokens for thread " .. id .. " in " .. args[3])
    end
  end
  plain = wrk.format("GET", path)
end

function request()
  if shape == "public" then
    return plain
  end
  local token = tokens[next_token]
  next_token = next_token + 1
  if next_token > #tokens then
    next_token = 1
    wraps = wraps + 1
  end
  if shape == "padded" then
    return wrk.format("GET", path, { ["X-Padding"] = token })
  end
  return wrk.format("GET", path, { Authorization = token })
end

function done(summary, latency, requests)
  local total_wraps = 0
  for _, thread in ipairs(threads) do
    total_wraps = total_wraps + (thread:get("wraps") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH {\"requests\":%d,\"duration_us\":%d,\"p50_us\":%d,\"p99_us\":%d,\"connect\":%d,\"read\":%d,"
      .. "\"write\":%d,\"status\":%d,\"timeout\":%d,\"wraps\":%d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout, total_wraps))
end
