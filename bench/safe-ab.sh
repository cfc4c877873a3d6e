#!/usr/bin/env bash
# Interleaved A/B of the /v1/safe overhead: two gateways (two builds of lifeguard.jar) on one stub
# upstream, alternating short wrk runs at concurrency 1 so both see the same machine noise. Prints
# each run, then per case the median p50 over the rounds and the rounds' range.
# Needs wrk. Usage: bench/safe-ab.sh BEFORE.jar AFTER.jar [seconds per run, default 8] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A JAR=([before]="$(realpath "$1")" [after]="$(realpath "$2")")
SECS="${3:-8}"; ROUNDS="${4:-3}"
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 2; }
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
WORK="$(mktemp -d)"; STUB=18081
declare -A PORT=([before]=18090 [after]=18091) KEYS
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
java -cp "target/test-classes:${JAR[after]}" dev.lifeguard.bench.StubUpstream "$STUB" 20 >"$WORK/stub.log" 2>&1 &
PIDS+=($!)
printf 'plans:\n  enterprise:\n    requests_per_minute: 100000000\n    requests_per_day: 100000000\n' >"$WORK/bench.yaml"
for v in before after; do
  LIFEGUARD_DATA_DIR="$WORK/data-$v" LIFEGUARD_PORT="${PORT[$v]}" LIFEGUARD_UPSTREAM_URL="http://127.0.0.1:$STUB/v1" \
    java -jar "${JAR[$v]}" --config "$WORK/bench.yaml" >"$WORK/gateway-$v.log" 2>&1 &
  PIDS+=($!)
done
for v in before after; do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:${PORT[$v]}/health/ready" >/dev/null && break; sleep 0.5; done
  KEYS[$v]="$(LIFEGUARD_DATA_DIR="$WORK/data-$v" java -jar "${JAR[$v]}" --config "$WORK/bench.yaml" keys create --name bench --plan enterprise)"
  for unique in 1 0; do # the JIT needs tens of seconds on both paths
    KEY="${KEYS[$v]}" UNIQUE=$unique wrk -t1 -c4 -d20s -s bench/safe.lua "http://127.0.0.1:${PORT[$v]}" >/dev/null
  done
done
: >"$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
  for c in "0 0" "1 0" "0 20" "1 20"; do # unique (1: full screening), upstream delay in ms
    read -r unique delay <<<"$c"
    for v in direct before after; do
      [ "$v" = direct ] && [ "$unique" = 1 ] && continue
      if [ "$v" = direct ]; then url="http://127.0.0.1:$STUB"; key=""; else url="http://127.0.0.1:${PORT[$v]}"; key="${KEYS[$v]}"; fi
      out=$(KEY="$key" UNIQUE="$unique" DELAY_MS="$delay" wrk -t1 -c1 -d"${SECS}s" -s bench/safe.lua "$url" | grep RESULT)
      echo "round=$round $v unique=$unique upstream_delay_ms=$delay $out" | tee -a "$WORK/results"
    done
  done
done
echo "# median p50 over $ROUNDS rounds [min-max]"
awk '{ print $2, $3, $4 }' "$WORK/results" | sort -u | while read -r v u d; do
  vals=$(awk -v v="$v" -v u="$u" -v d="$d" '$2 == v && $3 == u && $4 == d {
    for (i = 5; i <= NF; i++) if ($i ~ /^p50_ms=/) { sub("p50_ms=", "", $i); print $i } }' "$WORK/results" | sort -n)
  n=$(echo "$vals" | wc -l)
  echo "$v $u $d p50_ms=$(echo "$vals" | sed -n "$(( (n + 1) / 2 ))p") [$(echo "$vals" | head -1)-$(echo "$vals" | tail -1)]"
done
