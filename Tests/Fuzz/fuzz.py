#!/usr/bin/env python3
"""Mutation fuzzer for carbonsim's inputs (issue 13): every bad input a clear error, never a crash or a hang.

Runs the binary on the committed corpus (Tests/Fuzz/corpus/) and on N fresh mutants of the repository's
scenario files, sweep specs, optimisation specs, dataset and observations file, and fails on

  - a run ended by a signal (a Swift trap, a stack overflow, ...),
  - a run over --timeout seconds (default 30, as CI: hindcast runs history mode twice, about 14 s in the debug build; optimize, hundreds of model runs per start, --optimize-timeout, 60),
  - a non-finite number ('nan', 'inf') in any output: stdout, stderr of a successful run, a written
    optimum file, every value of a sweep database. (An error message may quote a 'nan' the input gave.)
  - a scenario or dataset that `validate` accepts and `run` then refuses.

Corpus cases are files whose leading comment lines say how to run them:

  # fuzz: run {file}                        arguments; {file} is the case file, {db} a fresh database path,
                                            {svg} a chart path, {work} the workspace (a copy of scenarios/),
                                            {dataset} the patched dataset
  # fuzz-dir: sweeps                        where under the workspace's scenarios/ the file goes (default: top)
  # fuzz-dataset: end_year: 2060 => end_year: 2019
                                            {dataset} is the embedded dataset with this text replaced (repeatable)
  # fuzz-chain: 2000                        also writes chain-0.yaml ... chain-1999.yaml, each extending the one before
  # fuzz-expect: error                      the run must end with an error status (2, 3 or 64), not success

Mutants are drawn from a seeded generator: the same --seed gives the same mutants.

  python3 Tests/Fuzz/fuzz.py                         # corpus + 200 mutants with the debug binary
  python3 Tests/Fuzz/fuzz.py --count 5000 --seed 7   # longer
  python3 Tests/Fuzz/fuzz.py --seconds 3600          # as many mutants as fit in an hour
"""
import argparse
import math
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(REPO, "Tests", "Fuzz", "corpus")
DATASET = os.path.join(REPO, "Sources", "Scenarios", "Datasets", "inner-mongolia.yaml")
OBSERVATIONS = os.path.join(REPO, "Sources", "Scenarios", "Datasets", "inner-mongolia-observations.csv")
NONFINITE = re.compile(r"(?<![A-Za-z.])[+-]?(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)
ERROR_STATUSES = {1, 2, 3, 64}
# Sweeps larger than this but under carbonsim's cap of 10^9 runs are long by design, not hangs: skipped.
# (Optimisations run with --starts 1 unless the mutant's starts are invalid.)
LONG_SWEEP = 400
# Set from --optimize-timeout.
OPTIMIZE_TIMEOUT = [60.0]

INTERESTING = ["0", "-1", "1", "2", "-0.3", "1e300", "-1e300", "1e20", "4e18", "1e19", "1e-300", "100000",
               "1000000000000", "9223372036854775807", "-9223372036854775808", "4611686018427387904",
               "1900", "2200", "99999", "2019", "2060", "2100", "nan", ".nan", ".inf", "-.inf", "0x10", "1_000",
               "''", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "!!str 12", "true", "1.5", "2030.5", "14th"]
SPECIAL_LINES = ["&a [1, 2]", "*a", "!!str", "? complex", "- item", "\t", "#", "---", "...", "%YAML 1.1",
                 "key: value", "{", "[", "\"unterminated", "'", "a: b: c", "<<: *a", "\u00e9\u4e2d\u0000"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", default=os.path.join(REPO, ".build", "debug", "carbonsim"))
    p.add_argument("--count", type=int, default=200, help="fresh random mutants (default 200)")
    p.add_argument("--seed", type=int, default=1, help="seed of the mutant generator (default 1)")
    p.add_argument("--seconds", type=float, default=None, help="stop making mutants after this many seconds")
    p.add_argument("--timeout", type=float, default=30.0, help="a run longer than this is a hang (default 30 s)")
    p.add_argument("--optimize-timeout", type=float, default=60.0,
                   help="the same for optimize, whose one start is hundreds of model runs by design: about 1 s in a "
                        "release build, 20-30 s in the debug build CI fuzzes (default 60 s)")
    p.add_argument("--no-corpus", action="store_true", help="mutants only")
    p.add_argument("--keep", default=os.path.join(REPO, ".build", "fuzz-failures"),
                   help="directory to copy failing inputs into (default .build/fuzz-failures)")
    p.add_argument("--verbose", "-v", action="store_true")
    return p.parse_args()


class Workspace:
    """A scratch copy of scenarios/ so that relative paths (extends, ../baseline.yaml) resolve as in the repository."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="carbonsim-fuzz-")
        shutil.copytree(os.path.join(REPO, "scenarios"), os.path.join(self.root, "scenarios"))
        self.counter = 0

    def fresh(self):
        self.counter += 1
        d = os.path.join(self.root, "case-%d" % self.counter)
        os.makedirs(d)
        return d

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def nonfinite_in_db(path):
    """The first infinite REAL in any table (SQLite stores NaN as NULL, so a NaN cannot be told from no value)."""
    try:
        con = sqlite3.connect(path)
    except sqlite3.Error:
        return None
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for t in tables:
            for row in con.execute('SELECT * FROM "%s"' % t):
                for v in row:
                    if isinstance(v, float) and not math.isfinite(v):
                        return "%s holds %r" % (t, v)
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return None


def nonfinite(text, echoes):
    """The first non-finite number in `text` that is not an echo of the input (a name 'nan' printed back)."""
    for m in NONFINITE.finditer(text):
        if m.group(1).lower() not in echoes:
            return m
    return None


def echoed_words(inputs):
    words = set()
    for path in inputs:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                words |= {m.group(1).lower() for m in NONFINITE.finditer(f.read())}
        except OSError:
            pass
    return words


def execute(binary, args, cwd, timeout, outputs, inputs=()):
    """Runs one case; returns (problem or None, status, seconds, stdout, stderr). A 'nan' or 'inf' that the
    input itself holds (as a name, say) may be printed back; only others count."""
    if args and args[0] == "optimize":
        timeout = max(timeout, OPTIMIZE_TIMEOUT[0])
    echoes = echoed_words(inputs)
    start = time.time()
    try:
        p = subprocess.run([binary] + args, cwd=cwd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang: no exit within %g s" % timeout, None, time.time() - start, "", ""
    seconds = time.time() - start
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        return "crash: killed by signal %d" % -p.returncode, p.returncode, seconds, out, err
    m = nonfinite(out, echoes) or (p.returncode == 0 and nonfinite(err, echoes))
    if m:
        return "non-finite number %r in the output" % m.group(0), p.returncode, seconds, out, err
    for path in outputs:
        if not os.path.exists(path):
            continue
        if path.endswith(".sqlite"):
            bad = nonfinite_in_db(path)
            if bad:
                return "non-finite number in the database: " + bad, p.returncode, seconds, out, err
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                m = nonfinite(f.read(), echoes)
            if m:
                return "non-finite number %r in %s" % (m.group(0), os.path.basename(path)), p.returncode, seconds, out, err
    return None, p.returncode, seconds, out, err


# ---------------------------------------------------------------------------------------------- corpus


def corpus_cases():
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".yaml"):
            yield os.path.join(CORPUS, name)


def prepare_corpus_case(path, ws):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    head = {"fuzz": None, "fuzz-dir": "", "fuzz-dataset": [], "fuzz-chain": None, "fuzz-expect": None}
    for line in text.splitlines():
        m = re.match(r"#\s*(fuzz(?:-[a-z]+)?):\s?(.*)$", line)
        if not m:
            continue
        key, value = m.group(1), m.group(2)
        if key == "fuzz-dataset":
            head[key].append(value)
        elif key in head:
            head[key] = value
    if head["fuzz"] is None:
        raise SystemExit("%s: no '# fuzz:' line saying how to run it" % path)
    case = ws.fresh()
    scen = os.path.join(case, "scenarios")
    shutil.copytree(os.path.join(ws.root, "scenarios"), scen)
    where = os.path.join(scen, head["fuzz-dir"])
    os.makedirs(where, exist_ok=True)
    file = os.path.join(where, os.path.basename(path))
    with open(file, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    if head["fuzz-chain"]:
        n = int(head["fuzz-chain"])
        with open(os.path.join(where, "chain-0.yaml"), "w") as f:
            f.write("name: chain-0\n")
        for i in range(1, n):
            with open(os.path.join(where, "chain-%d.yaml" % i), "w") as f:
                f.write("extends: chain-%d.yaml\n" % (i - 1))
    values = {"file": file, "db": os.path.join(case, "sweep.sqlite"), "work": case, "dataset": os.path.join(case, "dataset.yaml"),
              "svg": os.path.join(case, "chart.svg")}
    if head["fuzz-dataset"]:
        with open(DATASET, encoding="utf-8") as f:
            data = f.read()
        for patch in head["fuzz-dataset"]:
            old, new = patch.split(" => ", 1)
            if old not in data:
                raise SystemExit("%s: '%s' is not in the dataset" % (path, old))
            data = data.replace(old, new.replace("\\n", "\n"), 1)
        with open(values["dataset"], "w", encoding="utf-8") as f:
            f.write(data)
    args = [a.format(**values) for a in head["fuzz"].split()]
    outputs = [values["db"], os.path.join(case, "optimum.yaml"), values["svg"]]
    return args, case, outputs, head["fuzz-expect"]


# --------------------------------------------------------------------------------------------- mutants


def seeds():
    """(kind, relative path under the workspace or repository, text) of every file mutants start from."""
    out = []
    for d, kind in [("scenarios", "scenario"), ("scenarios/levers", "scenario"), ("scenarios/sweeps", "sweep"),
                    ("scenarios/optimize", "optimize")]:
        for name in sorted(os.listdir(os.path.join(REPO, d))):
            if name.endswith(".yaml"):
                with open(os.path.join(REPO, d, name), encoding="utf-8") as f:
                    out.append((kind, d, name, f.read()))
    with open(DATASET, encoding="utf-8") as f:
        out.append(("dataset", "", "inner-mongolia.yaml", f.read()))
    with open(OBSERVATIONS, encoding="utf-8") as f:
        out.append(("observations", "", "inner-mongolia-observations.csv", f.read()))
    return out


def normalise(kind, text):
    """Seeds made quick to run: sweeps of a few runs, optimisations of one variable and one start."""
    if kind == "sweep":
        text = re.sub(r"(?m)^n: *\d+", "n: 16", text)
    if kind == "optimize":
        text = re.sub(r"(?m)^starts: *\d+", "starts: 1", text)
        lines, out, seen = text.splitlines(), [], 0
        inside = False
        for line in lines:
            if line.startswith("variables:"):
                inside = True
            elif inside and line.startswith("  "):
                seen += 1
                if seen > 1:
                    continue
            elif inside:
                inside = False
            out.append(line)
        text = "\n".join(out) + "\n"
    return text


NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])")


def mutate(text, rng):
    lines = text.split("\n")
    op = rng.randrange(12)
    if op <= 3:  # a number replaced by an interesting value
        spots = [(i, m) for i, l in enumerate(lines) if not l.lstrip().startswith("#") for m in NUMBER.finditer(l)]
        if spots:
            i, m = rng.choice(spots)
            l = lines[i]
            value = rng.choice(INTERESTING) if rng.random() < 0.8 else repr(float(m.group(0)) * rng.choice([-1, 10, 100, 0.001, 1e10]))
            lines[i] = l[:m.start()] + value + l[m.end():]
    elif op == 4 and len(lines) > 1:  # a line deleted
        del lines[rng.randrange(len(lines))]
    elif op == 5:  # a line duplicated
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif op == 6 and len(lines) > 1:  # two lines swapped
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 7:  # a special line or token inserted
        i = rng.randrange(len(lines))
        indent = re.match(r"\s*", lines[i]).group(0)
        lines.insert(i, indent + rng.choice(SPECIAL_LINES))
    elif op == 8:  # a value replaced by a YAML special
        i = rng.randrange(len(lines))
        if ":" in lines[i]:
            k = lines[i].index(":")
            lines[i] = lines[i][:k + 1] + " " + rng.choice(INTERESTING)
    elif op == 9:  # indentation changed
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(["", "  ", "    ", " ", "\t"]) + lines[i].lstrip()
    elif op == 10:  # truncated
        joined = "\n".join(lines)
        return joined[:rng.randrange(len(joined) + 1)]
    else:  # a key renamed to another key of the file
        keys = [m.group(1) for l in lines for m in [re.match(r"\s*([A-Za-z_][\w.]*):", l)] if m]
        spots = [i for i, l in enumerate(lines) if re.match(r"\s*[A-Za-z_][\w.]*:", l)]
        if keys and spots:
            i = rng.choice(spots)
            lines[i] = re.sub(r"^(\s*)[A-Za-z_][\w.]*:", lambda m: m.group(1) + rng.choice(keys) + ":", lines[i], count=1)
    return "\n".join(lines)


def sweep_runs(text):
    """Runs the sweep would make, when it can be told (with PyYAML, else from the text); None otherwise."""
    try:
        import yaml
    except ImportError:
        m = re.search(r"(?m)^n: *(\d+) *$", text)
        grid = re.search(r"(?m)^design: *grid", text)
        if grid:
            points = 1
            for levels in re.findall(r"levels: *\[([^\]]*)\]", text):
                points *= max(len(levels.split(",")), 1)
            return points * 2
        if not m:
            return None
        factors = len(re.findall(r"(?m)^  \S", text))
        return int(m.group(1)) * (factors + 2) * 2
    try:
        spec = yaml.safe_load(text)
        design, factors = spec.get("design"), spec.get("factors") or {}
        scen = spec.get("scenarios") or ["baseline"]
        scen = len(scen) if isinstance(scen, list) else 1
        if design == "grid":
            points = 1
            for f in factors.values():
                points *= max(len(f.get("levels") or [1]), 1)
        elif design == "saltelli":
            points = int(spec.get("n")) * (len(factors) + 2)
        else:
            points = int(spec.get("n"))
        return points * scen
    except Exception:
        return None


def optimize_starts(text):
    """The spec's starts (4 when it says nothing), None when they cannot be read."""
    m = re.search(r"(?m)^starts: *(\S+)", text)
    try:
        return int(m.group(1)) if m else 4
    except ValueError:
        return None


def mutant_case(kind, directory, name, text, ws, rng, index):
    case = ws.fresh()
    scen = os.path.join(case, "scenarios")
    shutil.copytree(os.path.join(ws.root, "scenarios"), scen)
    mutated = normalise(kind, text)
    for _ in range(rng.choice([1, 1, 2, 3])):
        mutated = mutate(mutated, rng)
    db = os.path.join(case, "sweep.sqlite")
    optimum = os.path.join(case, "optimum.yaml")
    svg = os.path.join(case, "chart.svg")
    follow = []
    if kind == "dataset":
        file = os.path.join(case, "mutant-%d.yaml" % index)
        scenario = rng.choice(["scenarios/baseline.yaml", "scenarios/announced.yaml", "scenarios/accelerated.yaml"])
        args = ["run", scenario, "--dataset", file]
    elif kind == "observations":
        file = os.path.join(case, "mutant-%d.csv" % index)
        args = ["hindcast", "--observations", file] + rng.choice([[], ["--format", "json"], ["--format", "csv"],
                                                                   ["--lang", "zh"], ["--chart", svg]])
    else:
        where = os.path.join(case, directory)
        file = os.path.join(where, "mutant-%d-%s" % (index, name))
        if kind == "scenario":
            u = rng.random()
            if u < 0.75:
                args = ["run", file] + rng.choice([[], [], ["--format", "json"], ["--format", "csv"], ["--lang", "zh"]])
                if "--lang" in args:
                    # A mutant that runs is compared with the baseline in a Chinese workbook too (no draw from rng,
                    # so the seeded mutants stay the same).
                    follow = [["compare", "scenarios/baseline.yaml", file, "--format", "xlsx", "--lang", "zh",
                               "-o", os.path.join(case, "compare.xlsx")]]
            elif u < 0.85:
                args = ["plot", "trajectory", file, "--series", rng.choice(["co2_gross", "gdp", "energy_total"]), "-o", svg]
            elif u < 0.9:
                args = ["decompose", file] + rng.choice([[], ["--format", "json"], ["--from", "2025", "--to", "2035"]])
            else:
                args = ["solve", "--scenario", file, "--lever", "sector_plans.power.wind", "--target", "peak_year=2028"]
        elif kind == "sweep":
            runs = sweep_runs(mutated)
            if runs is not None and LONG_SWEEP < runs <= 10 ** 9:
                return None  # long by design
            args = ["sweep", file, "--db", db, "--quiet", "--jobs", "2"]
            # A sweep that ends well is summarised and drawn too.
            follow = [["summarize", db] + rng.choice([[], ["--format", "json"], ["--format", "csv"]]),
                      ["plot", "fan", db, "-o", svg]]
        else:
            # Valid starts run as one (--starts 1): each start is a full local search. Invalid ones must be refused.
            starts = optimize_starts(mutated)
            args = ["optimize", file, "-o", optimum] + (["--starts", "1"] if starts is not None and 1 <= starts <= 1000 else [])
    with open(file, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mutated)
    return args, case, [db, optimum, svg], file, follow


# ------------------------------------------------------------------------------------------------ main


def main():
    opts = parse_args()
    OPTIMIZE_TIMEOUT[0] = opts.optimize_timeout
    opts.binary = os.path.abspath(opts.binary)  # cases run in their own directories
    if not os.access(opts.binary, os.X_OK):
        raise SystemExit("no carbonsim binary at %s (swift build first, or --binary)" % opts.binary)
    ws = Workspace()
    failures, ran, skipped, slowest = [], 0, 0, (0.0, "")
    started = time.time()

    def report(label, problem, args, case, seconds, out, err, files, status=None):
        nonlocal slowest
        if seconds > slowest[0]:
            slowest = (seconds, label)
        if problem is None:
            if opts.verbose:
                print("ok   %5.2f s  %s  (status %s) %s" % (seconds, label, status, (err.strip().splitlines() or [""])[0][:150]))
            return
        failures.append(label)
        keep = os.path.join(opts.keep, "failure-%d" % len(failures))
        shutil.rmtree(keep, ignore_errors=True)
        os.makedirs(keep)
        for path in files:
            if os.path.exists(path):
                shutil.copy(path, keep)
        with open(os.path.join(keep, "command.txt"), "w") as f:
            f.write("%s\ncarbonsim %s\n\nstdout:\n%s\nstderr:\n%s\n" % (problem, " ".join(args), out[-4000:], err[-4000:]))
        print("FAIL %s: %s\n     carbonsim %s\n     kept in %s" % (label, problem, " ".join(args), keep))

    try:
        if not opts.no_corpus:
            for path in corpus_cases():
                args, case, outputs, expect = prepare_corpus_case(path, ws)
                problem, status, seconds, out, err = execute(opts.binary, args, case, opts.timeout, outputs, [path])
                if problem is None and expect == "error" and status not in ERROR_STATUSES:
                    problem = "expected an error status, got %s" % status
                ran += 1
                report("corpus/" + os.path.basename(path), problem, args, case, seconds, out, err, [path], status)
        rng = random.Random(opts.seed)
        pool = seeds()
        made = 0
        while made < opts.count:
            if opts.seconds is not None and time.time() - started > opts.seconds:
                break
            kind, directory, name, text = rng.choice(pool)
            prepared = mutant_case(kind, directory, name, text, ws, rng, made)
            made += 1
            if prepared is None:
                skipped += 1
                continue
            args, case, outputs, file, follow = prepared
            problem, status, seconds, out, err = execute(opts.binary, args, case, opts.timeout, outputs, [file])
            ran += 1
            # A file that validates never fails `run` for input reasons (issue 13): when a run of a scenario or
            # dataset mutant ends with an error, `validate` must refuse the same input too.
            if problem is None and status != 0 and args[0] == "run":
                check = ["validate"] + [a for a in args[1:] if a not in ("--format", "json", "csv", "--lang", "zh")]
                _, vstatus, _, _, _ = execute(opts.binary, check, case, opts.timeout, [], [file])
                ran += 1
                if vstatus == 0:
                    problem = "'carbonsim %s' passes but the run ends with status %s" % (" ".join(check), status)
            for more in follow:
                if problem is not None or status != 0:
                    break
                args = more
                problem, status, seconds, out, err = execute(opts.binary, args, case, opts.timeout, outputs, [file])
                ran += 1
            report("mutant %d of %s (seed %d)" % (made - 1, name, opts.seed), problem, args, case, seconds, out, err, [file], status)
            shutil.rmtree(case, ignore_errors=True)
    finally:
        ws.close()
    total = time.time() - started
    print("fuzz: %d runs (%d mutants skipped as long by design), %d failures, %.0f s; slowest %.1f s (%s)"
          % (ran, skipped, len(failures), total, slowest[0], slowest[1]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
