"""Run one scenario file with the reference model and write its annual series as CSV (same columns as carbonsim)."""
import argparse
import copy
import csv
import sys

from . import history
from .inputs import apply_assumption, load_dataset, load_scenario
from .model import Model


_CACHE = {}


def history_dataset(dataset_path, use_history):
    """A fresh copy of the dataset, in history mode when asked and it names observations (the fit is cached)."""
    key = (dataset_path, use_history)
    if key not in _CACHE:
        data = load_dataset(dataset_path)
        if use_history:
            data["_observed"] = history.apply_dataset(data, dataset_path)
        _CACHE[key] = data
    return copy.deepcopy(_CACHE[key])


def run_file(dataset_path, scenario_path, use_history=True):
    """Runs in history mode when the dataset names observations (as carbonsim), unless use_history is False."""
    data = history_dataset(dataset_path, use_history)
    scenario = load_scenario(scenario_path)
    observed = data.pop("_observed", None)
    for path, value in scenario["assumptions"].items():
        apply_assumption(data, path, float(value))
    if observed:
        history.apply_levers(data, scenario, observed)
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
