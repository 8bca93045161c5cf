#!/usr/bin/env bash
# Benchmark of `carbonsim serve`: 20 concurrent clients moving a slider (POST /api/evaluate with the table,
# the indicators and the trajectory chart), with wrk (apt-get install -y wrk), against the release build.
#   Benchmarks/serve-bench.sh [seconds]
# Two loads: each client moving the slider every 100 ms on average (the page sends one move at a time and
# coalesces the moves made meanwhile), then every client sending its next move as soon as the last returns
# (the server saturated: the throughput ceiling).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
swift build -c release --product carbonsim >/dev/null
log=$(mktemp)
.build/release/carbonsim serve --port 0 --scenarios scenarios >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
[ -n "$url" ] || { cat "$log"; exit 1; }
target="$url/api/evaluate?lang=zh&charts=trajectory"
curl -sf -X POST -d '{"extends": "announced.yaml"}' "$target" >/dev/null   # warm: the base file's run is kept
# The server's own CPU time per request (user + system, from /proc): what a request costs whatever else
# the machine is doing, so that a figure from a shared machine can be read against a quiet one.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
load() {
  local think=$1 before after out n
  before=$(cpu)
  out=$(THINK_MS=$think wrk -t2 -c20 -d"${seconds}s" -s Benchmarks/serve-bench.lua "$target")
  after=$(cpu)
  echo "$out" | grep -E "^(requests|latency)"
  n=$(echo "$out" | awk '/^requests/ {print $2}')
  printf 'server CPU per request: %.2f ms (%d requests)\n' "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $n" | bc -l)" "$n"
}
echo "== 20 clients, a move every 100 ms each (50-150 ms) =="
load 100
echo "== 20 clients, no pause (saturated) =="
load 0
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
