"""Cross-check: every scenario file through carbonsim and through the reference; every annual series must agree
within 1e-4 relative. Series near zero use an absolute floor: 1e-4 x (1e-3 x the series' largest magnitude),
so that a series that is zero in one model and 1e-12 in the other does not fail on round-off.

    python3 reference/crosscheck.py [--carbonsim PATH] [files...]      (from the repository root)
"""
import argparse
import csv
import glob
import math
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from carbonsim_ref.run import run_file  # noqa: E402

RELATIVE = 1e-4
FLOOR_SHARE = 1e-3
# carbonsim series the reference does not produce: the dual-control cap is a lever input, not a result;
# the annual cost columns (cost_<family>) price the measures and are checked by carbonsim's own tests;
# "observed" flags history mode's observed years (1/0), not a model output.
NOT_IN_REFERENCE = {"energy_cap", "observed"}
NOT_IN_REFERENCE_PREFIXES = ("cost_",)


def carbonsim_series(binary, scenario, directory, dataset, use_history):
    subprocess.run([binary, "run", scenario, "--dataset", dataset, "--format", "csv", "--output", directory]
                   + ([] if use_history else ["--no-history"]),
                   check=True, stdout=subprocess.DEVNULL)
    name = next(f for f in os.listdir(directory) if f.endswith(".annual.csv"))
    with open(os.path.join(directory, name)) as f:
        rows = list(csv.DictReader(f))
    os.remove(os.path.join(directory, name))
    return {k: [float(r[k]) if r[k] else math.nan for r in rows] for k in rows[0] if k != "year"}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*")
    p.add_argument("--carbonsim", default=".build/release/carbonsim")
    p.add_argument("--dataset", default="Sources/Scenarios/Datasets/inner-mongolia.yaml")
    p.add_argument("--no-history", action="store_true", help="both models from the base year, not following observations")
    a = p.parse_args()
    if not os.path.exists(a.carbonsim):
        print(f"building {a.carbonsim} ...", flush=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "carbonsim"], check=True, stdout=subprocess.DEVNULL)
    files = a.files or sorted(f for f in glob.glob("scenarios/**/*.yaml", recursive=True) if "/sweeps/" not in f and "/optimize/" not in f)
    failures, compared = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            start = time.time()
            swift = carbonsim_series(a.carbonsim, f, tmp, a.dataset, not a.no_history)
            name, (years, rows) = run_file(a.dataset, f, not a.no_history)
            worst = (0.0, "", 0)
            missing = sorted(k for k in set(swift) - set(rows[0]) - NOT_IN_REFERENCE if not k.startswith(NOT_IN_REFERENCE_PREFIXES))
            if missing:
                failures += len(missing)
                print(f"  {f}: not in the reference: {', '.join(missing)}")
            for series in rows[0]:
                if series not in swift:
                    continue
                ref = [r[series] for r in rows]
                scale = max(abs(v) for v in ref)
                for i, (x, y) in enumerate(zip(swift[series], ref)):
                    compared += 1
                    allowed = RELATIVE * max(abs(y), FLOOR_SHARE * scale, 1e-12)
                    err = abs(x - y) / allowed * RELATIVE
                    if err > worst[0]:
                        worst = (err, series, years[i])
                    if not abs(x - y) <= allowed:
                        failures += 1
                        if failures <= 20:
                            print(f"  {f}: {series} {years[i]}: carbonsim {x!r}, reference {y!r}")
            print(f"{f}: worst {worst[0]:.1e} ({worst[1]} {worst[2]}), {time.time() - start:.1f} s")
    print(f"{compared - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
