"""History mode, independently of the Swift code (docs/model.md, "History mode"): through the last observed
year the model follows observed real GDP growth, electricity exports and wind and solar capacity; wind and solar act
from the year after. Reads the observations CSV itself with the same unit factors and basis rules."""
import csv
import math
import datetime
import os

from .model import milestones

DRIVERS = {
    "gdp_growth": {"%": 0.01},
    "electricity_exports": {"TWh": 1, "10^8 kWh": 0.1, "100 GWh": 0.1, "亿千瓦时": 0.1},
    "capacity_wind": None, "capacity_solar": None, "capacity_wind_solar": None,
}
GW = {"GW": 1, "10^4 kW": 0.01, "10 MW": 0.01, "万千瓦": 0.01, "MW": 0.001}
CONFIDENCE = ["high", "medium", "low"]


def observations_path(data, dataset_path):
    """The dataset's observations file: next to the dataset, else the embedded one; None without one."""
    name = data.get("observations")
    if not name:
        return None
    sibling = os.path.join(os.path.dirname(dataset_path), name)
    if os.path.exists(sibling):
        return sibling
    embedded = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "Scenarios", "Datasets", name)
    return embedded if os.path.exists(embedded) else None


def drives(basis):
    """A whole-region annual or year-end figure that is not 'at least' or held back (what the model follows)."""
    tags = {t.strip().lower() for t in basis.split(";") if t.strip()}
    if not tags & {"annual", "year-end"}:
        return False
    return not tags & {"above designated size", "grid-company", "at least", "held back"}


GENERATION = {"generation_wind_solar": ("generation_wind", "generation_solar"), "generation_wind": ("generation_wind",),
              "generation_solar": ("generation_solar",)}
TWH = DRIVERS["electricity_exports"]


MTCE = {"Mtce": 1, "10^4 tce": 0.01, "万吨标准煤": 0.01}


def compared_rows(path, base_year, end_year, through, table=None, first=None):
    """Every annual whole-region figure a fit compares: wind and solar generation, or with `table` the quantities
    it names (with their unit factors); in year then line order, duplicates kept."""
    table = table or {q: TWH for q in GENERATION}
    first = base_year + 1 if first is None else first
    last_year = min(end_year, datetime.date.today().year, through)
    out = []
    with open(path, encoding="utf-8") as f:
        lines = [(i + 1, l) for i, l in enumerate(f.read().replace("\r\n", "\n").split("\n"))
                 if l.strip() and not l.startswith("#")]
    rows = csv.reader([l for _, l in lines])
    header = next(rows)
    col = {h.strip(): i for i, h in enumerate(header)}
    for (number, _), r in zip(lines[1:], rows):
        q, year = r[col["quantity"]].strip(), int(r[col["year"]])
        if q in table and first <= year <= last_year and drives(r[col["basis"]]):
            out.append((year, number, q, float(r[col["value"]]) * table[q][r[col["unit"]].strip()]))
    return sorted(out)


def read(path, base_year, end_year, through=None, quantities=None):
    """{quantity: {year: value in model units}}: per quantity and year the highest confidence, then first line.
    quantities: {name: unit factors} (default: the drivers)."""
    quantities = quantities or DRIVERS
    last_year = min(end_year, datetime.date.today().year, through if through is not None else 10 ** 6)
    chosen = {}
    with open(path, encoding="utf-8") as f:
        lines = [(i + 1, l) for i, l in enumerate(f.read().replace("\r\n", "\n").split("\n"))
                 if l.strip() and not l.startswith("#")]
    rows = csv.reader([l for _, l in lines])
    header = next(rows)
    col = {h.strip(): i for i, h in enumerate(header)}
    for (number, _), r in zip(lines[1:], rows):
        q, year, unit = r[col["quantity"]].strip(), int(r[col["year"]]), r[col["unit"]].strip()
        if q not in quantities or not (base_year < year <= last_year) or not drives(r[col["basis"]]):
            continue
        factor = (quantities[q] or GW)[unit]
        rank = (CONFIDENCE.index(r[col["confidence"]].strip()), number)
        old = chosen.setdefault(q, {}).get(year)
        if old is None or rank < old[0]:
            chosen[q][year] = (rank, float(r[col["value"]]) * factor)
    return {q: {y: v for y, (_, v) in ys.items()} for q, ys in chosen.items()}


def split(obs, base_wind, base_solar):
    """Wind and solar by year; a total alone is split in the wind share of the last earlier year observing both."""
    wind, solar, total = dict(obs.get("capacity_wind", {})), dict(obs.get("capacity_solar", {})), obs.get("capacity_wind_solar", {})
    w0, s0 = obs.get("capacity_wind", {}), obs.get("capacity_solar", {})
    both = sorted(y for y in w0 if y in s0)
    for year in sorted(total):
        t = total[year]
        if year not in w0 and year not in s0:
            earlier = [y for y in both if y < year]
            ref = earlier[-1] if earlier else (both[0] if both else None)
            share = w0[ref] / (w0[ref] + s0[ref]) if ref is not None else base_wind / (base_wind + base_solar)
            wind[year], solar[year] = t * share, t * (1 - share)
        elif year in w0 and year not in s0:
            solar[year] = t - w0[year]
        elif year in s0 and year not in w0:
            wind[year] = t - s0[year]
    return wind, solar


def growth_steps(years, values, observed):
    """A knot at year k holds the growth from mid-year k to mid-year k + 1: observed growth of year Y at knot Y - 1."""
    def rate(year):
        i = 0
        while i + 1 < len(values) and year >= years[i + 1]:
            i += 1
        return values[i]
    first, last = int(years[0]), max(observed)
    ys = list(range(first, last + 1))
    vs = [observed.get(k + 1, rate(k)) for k in range(first, last)] + [rate(last)]
    for i, y in enumerate(years):
        if y > last:
            ys.append(y)
            if i < len(values):
                vs.append(values[i])
    return ys, vs


def points(years, values, observed):
    first, last = min(observed), max(observed)
    merged = [(y, v) for y, v in zip(years, values) if y < first or y > last] + list(observed.items())
    merged.sort()
    return [y for y, _ in merged], [v for _, v in merged]


def merge_lever(setting, observed, base_year, rate):
    """The observed capacities as path milestones, then the scenario's milestones after the last observed year."""
    last = max(observed)
    path = {y: observed[y] for y in sorted(observed)}
    shapes = {y: "linear" for y in path}
    if setting is not None and "delta" in setting:
        # A delta adds to what it extends as history runs it, and moves only after N: its milestones at or before
        # N are superseded, the later ones ramp from nothing at the start of N + 1 (or its own later start).
        over = merge_lever(setting.get("over"), observed, base_year, rate)
        start, ms = milestones(setting, "delta", base_year)
        later = [(y, v, sh) for y, v, sh in ms if y > last]
        if not later:
            return over
        return {"delta": {y: v for y, v, _ in later}, "shape": {y: sh for y, _, sh in later},
                "start": max(start, last + 1), "over": over}
    if setting is not None:
        start = int(setting.get("start", base_year + 2))
        sh = setting.get("shape", "linear")
        if "path" in setting:
            own = [(int(y), float(v), sh.get(y, sh.get(str(y), "linear")) if isinstance(sh, dict) else sh) for y, v in setting["path"].items()]
        else:
            own = [(int(setting.get("full", start)), float(setting["target"]), sh)]
        # A later milestone below the last observed capacity is raised to it (the lever only builds) in a setting
        # that began by the last observed year; one that starts after it is a projection carbonsim refuses below it.
        floor = observed[last] if start <= last else -math.inf
        later = sorted((y, max(v, floor), s) for y, v, s in own if y > last)
        if later and last < start - 1 < later[0][0]:
            path[start - 1] = observed[last] + rate * (start - 1 - last)
            shapes[start - 1] = "linear"
        for y, v, s in later:
            path[y], shapes[y] = v, s
    return {"path": path, "start": base_year + 1, "shape": shapes}


def apply_dataset(data, dataset_path, through=None):
    """History mode on the dataset, in place, before any assumption: observed GDP growth and exports, then the
    capacity-factor fit. Returns what apply_levers needs (None without observations)."""
    path = observations_path(data, dataset_path)
    if path is None:
        return None
    base_year, end_year = int(data["base_year"]), int(data["end_year"])
    obs = read(path, base_year, end_year, through)
    # N is the last year of anything history mode follows or fits (a file may hold consumption alone).
    fitted = [y for y, _, _, _ in compared_rows(path, base_year, end_year, through if through is not None else 10 ** 6, calibrated_table(data))]
    if not obs and not fitted:
        return None
    if obs.get("gdp_growth"):
        g = data["economy"]["growth"]
        g["years"], g["values"] = growth_steps([float(y) for y in g["years"]], [float(v) for v in g["values"]], obs["gdp_growth"])
    if obs.get("electricity_exports"):
        e = data["power"]["exports"]
        e["years"], e["values"] = points([float(y) for y in e["years"]], [float(v) for v in e["values"]], obs["electricity_exports"])
    last = max([y for ys in obs.values() for y in ys] + fitted)
    # What an assumption scales in history mode: the years after N, not the observed ones (a growth step at
    # year k holds year k + 1's growth, so steps from N on).
    if obs.get("gdp_growth"):
        data["economy"]["growth"]["scale_from"] = last
    if obs.get("electricity_exports"):
        data["power"]["exports"]["scale_from"] = last + 1
    for quantity, where, later in CALIBRATED:
        fit_path(data, obs, path, quantity, where, later, last)
    fit_capacity_factors(data, obs, compared_rows(path, base_year, end_year, last))
    for quantity, where, later in CALIBRATED_AFTER:
        fit_path(data, obs, path, quantity, where, later, last)
    fit_energy_basis(data, obs, compared_rows(path, base_year, end_year, last, {"energy_total": MTCE}, first=base_year))
    return obs


def apply_levers(data, scenario, obs):
    """The wind and solar levers following the observed capacities (after the scenario's assumptions)."""
    pw, base_year = data["power"], int(data["base_year"])
    wind, solar = split(obs, float(pw["base_wind"]["value"]), float(pw["base_solar"]["value"]))
    for key, observed, rate in (("wind", wind, pw["wind_build_rate"]["value"]), ("solar", solar, pw["solar_build_rate"]["value"])):
        if observed:
            lever = f"sector_plans.power.{key}"
            scenario["levers"][lever] = merge_lever(scenario["levers"].get(lever), observed, base_year, float(rate))


MT = {"Mt": 1, "10^4 t": 0.01, "10 kt": 0.01, "万吨": 0.01}
PERCENT = {"%": 1}
# The demand paths history mode calibrates, in order (outputs first: their electricity is part of consumption):
# (observed level quantity, dataset series as (section, key...), what its later knots mean).
CALIBRATED = [(f"output_{p}", ("products", p, "demand_index"), "rescaled")
              for p in ("steel", "aluminium", "clinker", "coke", "ferroalloy", "carbide", "coal_chemicals")] \
    + [("electricity_consumption", ("power", "new_load"), "kept"), ("generation", ("power", "imports"), "kept")]
# Fitted after the capacity factors' one scale: the wind and solar hours year by year (what the scale leaves).
CALIBRATED_AFTER = [("generation_wind_solar", ("power", "renewable_hours_index"), "kept")]
LEVEL_UNITS = {"electricity_consumption": TWH, "generation": TWH, "generation_wind_solar": TWH}
# The model output a calibrated quantity is compared with, where its name differs.
OUTPUTS = {"electricity_consumption": "electricity_demand_in_region", "generation": "electricity_generation"}


def series_node(data, where):
    """The dataset's series at `where` (section, key...), or None."""
    node = data
    for k in where:
        node = node.get(k) if isinstance(node, dict) else None
        if node is None:
            return None
    return node if isinstance(node, dict) and "years" in node else None


def calibrated_table(data):
    """Every quantity a history-mode fit compares in this dataset (the demand paths it has), with its unit factors."""
    table = {q: TWH for q in GENERATION}
    table["energy_total"] = MTCE
    for quantity, where, _ in CALIBRATED + CALIBRATED_AFTER:
        if series_node(data, where) is None:
            continue
        table[quantity] = LEVEL_UNITS.get(quantity, MT)
        table[quantity + "_growth"] = PERCENT
    return table


def coverage_end(path, quantities, end_year):
    """The last year of any figure of these quantities in the file, whatever its basis but held back (in the years a file may hold)."""
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f.read().replace("\r\n", "\n").split("\n") if l.strip() and not l.startswith("#")]
    rows = csv.reader(lines)
    col = {h.strip(): i for i, h in enumerate(next(rows))}
    last = min(end_year, datetime.date.today().year)
    # Every basis counts but a held-back figure (kept in the record, never compared or fitted).
    held = lambda r: "held back" in {t.strip().lower() for t in r[col["basis"]].split(";")}
    years = [y for y in (int(r[col["year"]]) for r in rows if r[col["quantity"]].strip() in quantities and not held(r)) if y <= last]
    return max(years) if years else None


def linear(years, values, at):
    """Linear interpolation between knots, flat outside (the fit's start)."""
    if at <= years[0]:
        return values[0]
    for i in range(1, len(years)):
        if at <= years[i]:
            f = (at - years[i - 1]) / (years[i] - years[i - 1])
            return values[i - 1] + f * (values[i] - values[i - 1])
    return values[-1]


def calibrated_path(years, values, knots, fitted, coverage, later):
    """The dataset's knots before the first observed year, a knot at each observed year, then the dataset's knots
    after every covered year (a demand index rescaled by fitted / own at the last observed year)."""
    first, last = knots[0], knots[-1]
    ys = [y for y in years if y < first] + list(knots)
    vs = [v for y, v in zip(years, values) if y < first] + list(fitted)
    own = linear(years, values, last)
    scale = fitted[-1] / own if later == "rescaled" and own > 0 else 1.0
    for y, v in zip(years, values):
        if y > max(last, coverage):
            ys.append(y)
            vs.append(v * scale)
    while len(ys) < 3:  # a series needs three points: hold the last value a year on
        ys.append(ys[-1] + 1)
        vs.append(vs[-1])
    return ys, vs


SMOOTHNESS = 0.01


def fit_path(data, obs, path, quantity, where, later, last):
    """A demand path's yearly knots through the last observed year, least squares on relative errors (a level
    m/o - 1, a growth g (m_Y / m_Y-1) / (1 + g) - 1) plus a light term on the knots' year-on-year change; the model run as its baseline in history mode (docs/model.md, "History mode")."""
    base_year, end_year = int(data["base_year"]), int(data["end_year"])
    units = LEVEL_UNITS.get(quantity, MT)
    if last < base_year + 1:
        return
    rows = compared_rows(path, base_year, end_year, last, {quantity: units, quantity + "_growth": PERCENT})
    # A level of zero or a fall of 100 % has no relative error to fit.
    rows = [r for r in rows if (r[3] > -100 if r[2].endswith("_growth") else r[3] > 0)]
    node = series_node(data, where)
    if not rows or node is None:
        return
    import copy
    from scipy.optimize import least_squares
    from .model import Model
    years, values = [float(y) for y in node["years"]], [float(v) for v in node["values"]]
    knots = list(range(base_year + 1, max(y for y, _, _, _ in rows) + 1))
    anchor = linear(years, values, float(base_year))
    level = anchor
    # The level one unit of the path drives: the base-year consumption for the new load and the imports.
    if quantity in ("electricity_consumption", "generation") and "base_in_region_consumption" in data.get("power", {}):
        level = float(data["power"]["base_in_region_consumption"]["value"])
    weight = SMOOTHNESS / level if level > 0 else SMOOTHNESS
    coverage = max(coverage_end(path, {quantity, quantity + "_growth"}, end_year) or last, last)
    outputs = GENERATION.get(quantity, (OUTPUTS.get(quantity, quantity),))

    def series(x):
        return calibrated_path(years, values, [float(k) for k in knots], [max(v, 0.0) for v in x], coverage, later)

    def residuals(x):
        d = copy.deepcopy(data)
        n = d
        for k in where:
            n = n[k]
        n["years"], n["values"] = series(x)
        d["end_year"] = min(end_year, max(knots) + 1)
        baseline = {"levers": {}, "targets": {}, "assumptions": {}, "accounting": {}, "enforce": False, "name": "baseline"}
        apply_levers(d, baseline, obs)
        ys, out = Model(d, baseline).run()
        r = []
        for y, _, q, v in rows:
            now = sum(out[ys.index(y)][o] for o in outputs)
            if q == quantity:
                r.append(now / v - 1)
            else:
                before = sum(out[ys.index(y - 1)][o] for o in outputs) if y - 1 in ys else 0.0
                r.append(now / before / (1 + v / 100) - 1 if before > 0 else 1.0)
        # Unobserved years held by the path's year-on-year change, relative to the level it drives.
        for j in range(len(knots)):
            before = anchor if j == 0 else x[j - 1]
            r.append(weight * (x[j] - before))
        return r

    # Central differences with a step far above the integrator's noise (the annual values are close to linear).
    fit = least_squares(residuals, [linear(years, values, k) for k in knots], jac="3-point", diff_step=1e-4,
                        xtol=1e-12, ftol=1e-12, gtol=1e-12)
    node["years"], node["values"] = series(fit.x)
    node["scale_from"] = last + 1


def fit_capacity_factors(data, obs, rows):
    """One scale on the wind and solar capacity factors, least squares on the relative generation errors of
    the dataset's baseline (no levers) in history mode; clamped to the wind capacity factor's range."""
    if not rows:
        return
    import copy
    from scipy.optimize import least_squares
    from .model import Model
    pw = data["power"]
    cw, cs = float(pw["wind_capacity_factor"]["value"]), float(pw["solar_capacity_factor"]["value"])
    rng = pw["wind_capacity_factor"].get("range", [0, 1])
    lower, upper = max(float(rng[0]), 0) / cw, min(float(rng[1]), 1) / cw
    last = max(y for y, _, _, _ in rows)

    def residuals(x):
        s = min(max(x[0], lower), upper)
        d = copy.deepcopy(data)
        d["power"]["wind_capacity_factor"]["value"] = cw * s
        d["power"]["solar_capacity_factor"]["value"] = cs * s
        d["end_year"] = min(int(data["end_year"]), last + 1)  # the fit needs the observed years only
        baseline = {"levers": {}, "targets": {}, "assumptions": {}, "accounting": {}, "enforce": False, "name": "baseline"}
        apply_levers(d, baseline, obs)
        years, out = Model(d, baseline).run()
        return [sum(out[years.index(y)][o] for o in GENERATION[q]) / v - 1 for y, _, q, v in rows]

    fit = least_squares(residuals, [1.0], xtol=1e-12, ftol=1e-12, gtol=1e-12)
    s = min(max(float(fit.x[0]), lower), upper)
    pw["wind_capacity_factor"]["value"] = cw * s
    pw["solar_capacity_factor"]["value"] = cs * s


def fit_energy_basis(data, obs, rows):
    """The energy statistics' tce per tce of CEADs-implied energy: every energy quantity is proportional to it, so
    the least-squares ratio on relative errors is closed-form, sum(m/o) / sum((m/o)^2), from one baseline run
    (after the capacity-factor fit) with the dataset's own ratio divided out."""
    if not rows:
        return
    import copy
    from .model import Model
    last = max(y for y, _, _, _ in rows)
    d = copy.deepcopy(data)
    d["end_year"] = min(int(data["end_year"]), last + 1)
    baseline = {"levers": {}, "targets": {}, "assumptions": {}, "accounting": {}, "enforce": False, "name": "baseline"}
    apply_levers(d, baseline, obs)
    years, out = Model(d, baseline).run()
    start = float(data.get("energy_statistics", {}).get("basis_ratio", {}).get("value", 1.0))
    r = [out[years.index(y)]["energy_total"] / start / v for y, _, _, v in rows if v > 0]
    k = sum(r) / sum(x * x for x in r)
    data.setdefault("energy_statistics", {}).setdefault("basis_ratio", {"value": 1.0, "unit": "ratio"})
    data["energy_statistics"]["basis_ratio"]["value"] = k
