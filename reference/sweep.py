"""The reference's side of the benchmark: N runs of a scenario with the wind target (the path's last milestone, as
carbonsim's sweep sets it) varied over [131, 250] GW,
one process, timed. Prints JSON: {"runs": N, "seconds": wall time, "one_run_seconds": median of single runs at
the reference's own tolerance (DOP853, 1e-10), "one_run_matched_seconds": median at carbonsim run's tolerance
(DOP853, rtol = atol = 1e-8, as rk8pd at 1e-8), "one_run_rk45_seconds": the same with RK45}."""
import copy
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from carbonsim_ref.inputs import load_dataset, load_scenario  # noqa: E402
from carbonsim_ref.model import Model  # noqa: E402


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    scenario_path = sys.argv[2] if len(sys.argv) > 2 else "scenarios/announced.yaml"
    dataset = load_dataset("Sources/Scenarios/Datasets/inner-mongolia.yaml")
    base = load_scenario(scenario_path)
    def median_run(**tolerance):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            Model(copy.deepcopy(dataset), base).run(**tolerance)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    singles = [median_run()]
    matched = median_run(rtol=1e-8, atol=1e-8)
    rk45 = median_run(method="RK45", rtol=1e-8, atol=1e-8)
    start = time.perf_counter()
    for i in range(n):
        s = copy.deepcopy(base)
        # As carbonsim's sweep sets a target factor: the lever keeps its form, and its last milestone becomes the level.
        wind, level = dict(s["levers"]["sector_plans.power.wind"]), 131 + 119 * i / max(n - 1, 1)
        if "path" in wind:
            wind["path"] = {**wind["path"], max(wind["path"]): level}
        else:
            wind.update(target=level, start=2021, full=2030)
        s["levers"]["sector_plans.power.wind"] = wind
        Model(copy.deepcopy(dataset), s).run()
    print(json.dumps({"runs": n, "seconds": time.perf_counter() - start, "one_run_seconds": statistics.median(singles),
                      "one_run_matched_seconds": matched, "one_run_rk45_seconds": rk45}))


if __name__ == "__main__":
    main()
