#!/usr/bin/env bash
# Sweep benchmark: a 100,000-run Sobol sweep into SQLite with 1 and 2 jobs.
# Prints wall time, runs per second, peak memory, the speed-up, and checks both databases are identical.
#   Benchmarks/sweep-bench.sh [spec]        (needs GNU time: apt-get install -y time)
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-Benchmarks/specs/sobol-100k.yaml}
swift build -c release --product carbonsim >/dev/null
bin=.build/release/carbonsim
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
declare -A seconds
for jobs in 1 2; do
  /usr/bin/time -f "%e %M" -o "$dir/time.$jobs" "$bin" sweep "$spec" --db "$dir/jobs$jobs.sqlite" --jobs "$jobs" --quiet
  read -r s kb < "$dir/time.$jobs"
  seconds[$jobs]=$s
  read -r n failed < <("$bin" summarize "$dir/jobs$jobs.sqlite" --format json --bootstrap 10 |
    python3 -c 'import json,sys; s=json.load(sys.stdin)["scenarios"]; print(sum(x["runs"] for x in s), sum(x["failed"] for x in s))')
  # A refused run costs almost nothing: a sweep with failures measures refusals, not the model.
  if [ "$failed" -ne 0 ]; then echo "$spec: $failed of $n runs failed; a benchmark's runs must all run" >&2; exit 1; fi
  printf 'jobs %d: %d runs in %.2f s = %.0f runs/s, peak memory %.0f MB\n' "$jobs" "$n" "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
done
printf 'speed-up 1 -> 2 jobs: %.2fx\n' "$(echo "${seconds[1]} / ${seconds[2]}" | bc -l)"
cmp -s "$dir/jobs1.sqlite" "$dir/jobs2.sqlite" && echo "databases: byte-identical" || echo "databases: DIFFER"
