#!/usr/bin/env bash
# CI: run the README's Slurm job array and its dependent merge job on a real one-node cluster
# (scripts/slurm-one-node.sh), and check that the merged database holds exactly the runs of a
# single-process sweep of the same spec.
#
#   scripts/slurm-ci-check.sh [--carbonsim PATH]     as root
#
# The two job scripts are taken from README.md, between <!-- slurm-array:begin/end --> and
# <!-- slurm-merge:begin/end -->, and submitted unchanged: `carbonsim` is put on PATH. They run in a
# scratch directory holding a copy of scenarios/ whose sweeps/sobol.yaml has a smaller n
# (SLURM_CHECK_N, default 256), so that the check takes a few minutes.
# SLURM_CHECK_TIMEOUT (seconds, default 900) bounds the wait for the jobs. The cluster is stopped
# at the end if this script started it; SLURM_CHECK_KEEP=1 leaves it and the scratch directory.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

carbonsim=""
while [ $# -gt 0 ]; do
  case "$1" in
    --carbonsim) carbonsim="$2"; shift 2 ;;
    *) echo "usage: $0 [--carbonsim PATH]" >&2; exit 2 ;;
  esac
done
if [ -z "$carbonsim" ]; then
  for c in .build/release/carbonsim .build/debug/carbonsim; do
    [ -x "$c" ] && { carbonsim="$c"; break; }
  done
fi
[ -n "$carbonsim" ] && [ -x "$carbonsim" ] || { echo "slurm-ci-check: no carbonsim binary (build it, or pass --carbonsim)" >&2; exit 2; }
carbonsim="$(cd "$(dirname "$carbonsim")" && pwd)/$(basename "$carbonsim")"
n="${SLURM_CHECK_N:-256}"
timeout="${SLURM_CHECK_TIMEOUT:-900}"
started=$(date +%s)

say() { echo "slurm-ci-check: $*" >&2; }
elapsed() { echo "$(( $(date +%s) - started ))s"; }

# --- the cluster: start it unless it is already up, and stop it at the end if we started it.
we_started=no
if ! sinfo -h >/dev/null 2>&1; then
  we_started=yes
fi
work="$(mktemp -d /tmp/carbonsim-slurm.XXXXXX)"
array_id="" merge_id=""
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    say "FAILED after $(elapsed); job output and logs follow"
    for f in "$work"/slurm-*.out; do [ -s "$f" ] && { echo "== $f"; tail -n 30 "$f"; }; done >&2
    [ -f /var/log/slurm/jobcomp.log ] && grep -F " WorkDir=$work " /var/log/slurm/jobcomp.log | cut -c 1-200 >&2
    [ -f /var/log/slurm/slurmctld.log ] && tail -n 30 /var/log/slurm/slurmctld.log >&2
    for j in $array_id $merge_id; do scancel "$j" 2>/dev/null || true; done
  fi
  if [ "${SLURM_CHECK_KEEP:-0}" != 1 ]; then
    [ "$we_started" = yes ] && "$repo/scripts/slurm-one-node.sh" stop || true
    rm -rf "$work"
  else
    say "kept the cluster and $work"
  fi
  exit $rc
}
trap cleanup EXIT
"$repo/scripts/slurm-one-node.sh" start >/dev/null

# --- the README's two job scripts, as written there.
extract() { # marker -> the fenced block between <!-- marker:begin --> and <!-- marker:end -->
  awk -v b="<!-- $1:begin -->" -v e="<!-- $1:end -->" '
    $0 == b { inside = 1; next }
    $0 == e { inside = 0; next }
    inside && /^```/ { fence = !fence; next }
    inside && fence { print }
  ' README.md
}
extract slurm-array >"$work/sweep.sh"
extract slurm-merge >"$work/merge.sh"
for f in sweep.sh merge.sh; do
  head -n 1 "$work/$f" | grep -q '^#!' || { say "README.md: no job script between the markers for $f"; exit 1; }
done
grep -q 'scenarios/sweeps/sobol.yaml' "$work/sweep.sh" || { say "README's job array does not sweep scenarios/sweeps/sobol.yaml"; exit 1; }
shards=$(sed -n 's/.*--shard "${SLURM_ARRAY_TASK_ID}\/\([0-9]*\)".*/\1/p' "$work/sweep.sh")
tasks=$(sed -n 's/^#SBATCH --array=0-\([0-9]*\).*/\1/p' "$work/sweep.sh")
[ -n "$shards" ] && [ -n "$tasks" ] && [ $((tasks + 1)) -eq "$shards" ] \
  || { say "README's job array: --array=0-$tasks does not match --shard .../$shards"; exit 1; }

# --- a scratch copy of scenarios/ with a smaller sobol.yaml; carbonsim on PATH.
cp -rL scenarios "$work/scenarios"  # -L: baseline.yaml and announced.yaml are symbolic links
sed -i "s/^n: [0-9]*$/n: $n/" "$work/scenarios/sweeps/sobol.yaml"
grep -q "^n: $n$" "$work/scenarios/sweeps/sobol.yaml" || { say "could not set n in sobol.yaml"; exit 1; }
mkdir "$work/bin"
ln -s "$carbonsim" "$work/bin/carbonsim"
export PATH="$work/bin:$PATH"
cd "$work"

# --- submit: the array, then the merge after it (sbatch passes this environment, PATH included).
array_id=$(sbatch --parsable sweep.sh | cut -d ';' -f 1)
merge_id=$(sbatch --parsable --dependency="afterok:$array_id" merge.sh | cut -d ';' -f 1)
say "submitted array job $array_id ($shards shards of n=$n) and merge job $merge_id"

deadline=$(( $(date +%s) + timeout ))
while squeue -h -r -o '%F' | grep -qx -e "$array_id" -e "$merge_id"; do  # %F: the array's id, or the job's own
  if [ "$(date +%s)" -ge "$deadline" ]; then
    squeue >&2 || true
    say "jobs not finished after ${timeout}s"
    exit 1
  fi
  sleep 2
done
say "jobs finished after $(elapsed)"

# --- every task and the merge completed (the job-completion log, jobcomp/filetxt).
comp=/var/log/slurm/jobcomp.log
completed() { # job name -> how many of our jobs (run in $work) of that name COMPLETED
  grep -F " Name=$1 JobState=COMPLETED " "$comp" | grep -c -F " WorkDir=$work " || true
}
[ "$(completed carbonsim-sweep)" -eq "$shards" ] || { say "not all $shards array tasks completed"; exit 1; }
[ "$(completed carbonsim-merge)" -eq 1 ] || { say "the merge job did not complete"; exit 1; }
[ -s sweep.sqlite ] && [ -s summary.md ] || { say "the merge job left no sweep.sqlite or summary.md"; exit 1; }

# --- the same spec in one process, and the comparison.
carbonsim sweep scenarios/sweeps/sobol.yaml --db single.sqlite --quiet
carbonsim summarize sweep.sqlite --format json >merged.json
carbonsim summarize single.sqlite --format json >single.json
cmp -s merged.json single.json || { say "summaries differ:"; diff merged.json single.json | head -n 20 >&2; exit 1; }
python3 - sweep.sqlite single.sqlite <<'EOF'
import sqlite3, sys
merged, single = (sqlite3.connect(p) for p in sys.argv[1:3])
def rows(db, table):
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    return cols, db.execute(f"SELECT * FROM {table} ORDER BY {', '.join(cols)}").fetchall()
count = None
for table in ("factors", "runs", "run_targets", "series"):
    a, b = rows(merged, table), rows(single, table)
    if a != b:
        sys.exit(f"slurm-ci-check: table {table} differs between the merged shards and the single sweep "
                 f"({len(a[1])} rows against {len(b[1])})")
    if table == "runs":
        count = len(a[1])
if not count:
    sys.exit("slurm-ci-check: no runs")
print(f"slurm-ci-check: {count} runs, factors, run_targets and series equal to a single-process sweep", file=sys.stderr)
EOF
say "passed in $(elapsed)"
