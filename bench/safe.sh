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
run() { # name, url, env...
  local name="$1" url="$2" conns="$3" unique="$4" key="$5"
  local out
  out=$(KEY="$key" UNIQUE="$unique" wrk -t"$(( conns > 1 ? 2 : 1 ))" -c"$conns" -d"${SECONDS_PER_RUN}s" -s bench/safe.lua "$url" | grep RESULT)
  echo "$name c=$conns unique=$unique $out"
}
echo "# warm-up"; KEY="$KEY" UNIQUE=1 wrk -t1 -c4 -d5s -s bench/safe.lua "http://127.0.0.1:$GW_PORT" >/dev/null
for c in 1 64; do
  run direct "http://127.0.0.1:$STUB_PORT" "$c" 0 ""
  run gateway-cached "http://127.0.0.1:$GW_PORT" "$c" 0 "$KEY"
  run gateway-screened "http://127.0.0.1:$GW_PORT" "$c" 1 "$KEY"
done
echo "# streaming, 20 ms per token upstream"
echo "direct $(node bench/stream-ttft.mjs "http://127.0.0.1:$STUB_PORT/v1" "" 20)"
echo "gateway $(node bench/stream-ttft.mjs "http://127.0.0.1:$GW_PORT/v1" "$KEY" 20)"
