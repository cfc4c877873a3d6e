#!/usr/bin/env bash
# Soak: measure capacity for the mixed workload of bench/soak.mjs, then hold 70 % of it for MINUTES
# (default 10) against a local stub upstream, printing per-minute latency, errors, heap and RSS.
# Usage: bench/soak.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-10}"
mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
WORK="$(mktemp -d)"; STUB_PORT=18181; GW_PORT=18180
cleanup() { kill "${GW_PID:-}" "${STUB_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
java -cp target/test-classes:target/lifeguard.jar dev.lifeguard.bench.StubUpstream "$STUB_PORT" 5 >"$WORK/stub.log" 2>&1 &
STUB_PID=$!
printf 'plans:\n  enterprise:\n    requests_per_minute: 100000000\n    requests_per_day: 100000000\n' >"$WORK/soak.yaml"
export LIFEGUARD_DATA_DIR="$WORK/data" LIFEGUARD_PORT="$GW_PORT" LIFEGUARD_UPSTREAM_URL="http://127.0.0.1:$STUB_PORT/v1"
java -Xmx256m -jar target/lifeguard.jar --config "$WORK/soak.yaml" >"$WORK/gateway.log" 2>&1 &
GW_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$GW_PORT/health/ready" >/dev/null && break; sleep 0.5; done
KEY="$(java -jar target/lifeguard.jar --config "$WORK/soak.yaml" keys create --name soak --plan enterprise)"
export BASE_URL="http://127.0.0.1:$GW_PORT" KEY GATEWAY_PID="$GW_PID"
echo "# capacity (30 s, 32 concurrent)"
CAP=$(MODE=max CONCURRENCY=32 SECONDS=30 REPORT_EVERY=10 node bench/soak.mjs | tee /dev/stderr | sed -n 's/.*RESULT requests=[0-9]* rps=\([0-9.]*\).*/\1/p')
RATE=$(awk -v c="$CAP" 'BEGIN { printf "%d", c * 0.7 }')
echo "# soak: $MINUTES min at $RATE req/s (70 % of $CAP)"
MODE=rate RATE="$RATE" SECONDS=$(( MINUTES * 60 )) REPORT_EVERY=60 node bench/soak.mjs
