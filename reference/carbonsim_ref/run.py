"""Run one scenario file with the reference model and write its annual series as CSV (same columns as carbonsim)."""
import argparse
import copy
import csv
import sys

from . import history
from .inputs import apply_assumption, load_dataset, load_scenario
from .model import Model


def run_file(dataset_path, scenario_path, use_history=True):
    """Runs in history mode when the dataset names observations (as carbonsim), unless use_history is False."""
    data = load_dataset(dataset_path)
    scenario = load_scenario(scenario_path)
    data = copy.deepcopy(data)
    for path, value in scenario["assumptions"].items():
        apply_assumption(data, path, float(value))
    if use_history:
        history.apply(data, scenario, dataset_path)
    return scenario["name"], Model(data, scenario).run()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("scenario")
    p.add_argument("--dataset", default="Sources/Scenarios/Datasets/inner-mongolia.yaml")
    p.add_argument("--output", "-o", default="-")
    p.add_argument("--no-history", action="store_true", help="run from the base year without following observations")
    a = p.parse_args(argv)
    name, (years, rows) = run_file(a.dataset, a.scenario, not a.no_history)
    out = sys.stdout if a.output == "-" else open(a.output, "w", newline="")
    writer = csv.writer(out)
    names = list(rows[0].keys())
    writer.writerow(["year"] + names)
    for y, r in zip(years, rows):
        writer.writerow([y] + [repr(r[n]) for n in names])


if __name__ == "__main__":
    main()
