#!/usr/bin/env bash
# /v1/safe overhead: the same requests through the gateway and straight to a local stub upstream, in
# one run, at concurrency 1 and 64; then streamed time to first token and inter-chunk gaps.
# Needs wrk (apt-get install wrk) and node. Usage: bench/safe.sh [seconds per wrk run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-20}"
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 2; }
mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
WORK="$(mktemp -d)"
STUB_PORT=18081; GW_PORT=18080
cleanup() { kill "${GW_PID:-}" "${STUB_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
java -cp target/test-classes:target/lifeguard.jar dev.lifeguard.bench.StubUpstream "$STUB_PORT" 20 >"$WORK/stub.log" 2>&1 &
STUB_PID=$!
export LIFEGUARD_DATA_DIR="$WORK/data" LIFEGUARD_PORT="$GW_PORT" LIFEGUARD_UPSTREAM_URL="http://127.0.0.1:$STUB_PORT/v1"
# The benchmark key's plan must not turn the load into 429s: raise the enterprise limits for this run.
printf 'plans:\n  enterprise:\n    requests_per_minute: 100000000\n    requests_per_day: 100000000\n' >"$WORK/bench.yaml"
java -jar target/lifeguard.jar --config "$WORK/bench.yaml" >"$WORK/gateway.log" 2>&1 &
GW_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$GW_PORT/health/ready" >/dev/null && break; sleep 0.5; done
KEY="$(java -jar target/lifeguard.jar --config "$WORK/bench.yaml" keys create --name bench --plan enterprise)"
export KEY
run() { # name, url, connections, unique (1: every message new), key, [upstream delay ms]
  local name="$1" url="$2" conns="$3" unique="$4" key="$5" delay="${6:-0}"
  local out
  out=$(KEY="$key" UNIQUE="$unique" DELAY_MS="$delay" wrk -t"$(( conns > 1 ? 2 : 1 ))" -c"$conns" -d"${SECONDS_PER_RUN}s" -s bench/safe.lua "$url" | grep RESULT)
  echo "$name c=$conns unique=$unique upstream_delay_ms=$delay $out"
}
# Warm-up: the JIT needs tens of seconds of both paths before the proxy's own part settles (measured:
# a cached call's p50 went from 1.9 ms in the first 8 s run to 0.4 ms by the third).
echo "# warm-up"
KEY="$KEY" UNIQUE=1 wrk -t1 -c4 -d20s -s bench/safe.lua "http://127.0.0.1:$GW_PORT" >/dev/null
KEY="$KEY" UNIQUE=0 wrk -t1 -c4 -d20s -s bench/safe.lua "http://127.0.0.1:$GW_PORT" >/dev/null
for c in 1 64; do
  run direct "http://127.0.0.1:$STUB_PORT" "$c" 0 ""
  run gateway-cached "http://127.0.0.1:$GW_PORT" "$c" 0 "$KEY"
  run gateway-screened "http://127.0.0.1:$GW_PORT" "$c" 1 "$KEY"
done
# An upstream that takes 20 ms to answer: what the gateway does while it waits no longer adds up.
run direct "http://127.0.0.1:$STUB_PORT" 1 0 "" 20
run gateway-cached "http://127.0.0.1:$GW_PORT" 1 0 "$KEY" 20
run gateway-screened "http://127.0.0.1:$GW_PORT" 1 1 "$KEY" 20
echo "# streaming, 20 ms per token upstream"
echo "direct $(node bench/stream-ttft.mjs "http://127.0.0.1:$STUB_PORT/v1" "" 20)"
echo "gateway $(node bench/stream-ttft.mjs "http://127.0.0.1:$GW_PORT/v1" "$KEY" 20)"
