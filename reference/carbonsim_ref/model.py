"""The carbonsim model as stated in docs/model.md, integrated with scipy.integrate.solve_ivp."""
import math
import numpy as np
from scipy.integrate import solve_ivp

from .inputs import FUELS, GROUPS, PRODUCTS, get, leaf
from .steffen import Linear, Steffen


def smax(a, b, w):
    return 0.5 * (a + b + math.sqrt((a - b) ** 2 + w * w))


def smin(a, b, w):
    return 0.5 * (a + b - math.sqrt((a - b) ** 2 + w * w))


def spos(x, w):
    return smax(x, 0.0, w)


def _progress(start, full, shape, t):
    t0, t1 = float(start), float(full + 1)
    if t < t0:
        return 0.0
    if shape == "step" or t >= t1:
        return 1.0
    x = (t - t0) / (t1 - t0)
    if shape == "linear":
        return x
    lo, hi = 1 / (1 + math.exp(5.0)), 1 / (1 + math.exp(-5.0))
    return (1 / (1 + math.exp(-10 * (x - 0.5))) - lo) / (hi - lo)


class Schedule:
    """A level `frm` before any move, plus ramps (start, full, shape, amount): each adds `amount` between
    1 January of `start` and 31 December of `full` (docs/model.md, Levers)."""

    def __init__(self, frm=0.0, ramps=()):
        self.frm, self.ramps = frm, list(ramps)

    @property
    def is_set(self):
        return bool(self.ramps)

    @property
    def first_start(self):
        return min(r[0] for r in self.ramps)

    def value(self, t):
        return self.frm + sum(a * _progress(s, f, sh, t) for s, f, sh, a in self.ramps)

    def breakpoints(self):
        return [b for s, f, _, _ in self.ramps for b in (float(s), float(f + 1))]


class Model:
    def __init__(self, data, scenario):
        d = lambda path: leaf(get(data, path))
        opt = lambda path, default: leaf(get(data, path)) if _has(data, path) else default
        self.base_year, self.end_year = int(data["base_year"]), int(data["end_year"])
        self.t0 = self.base_year + 0.5
        self.ef = [d(f"emission_factors.{f}") for f in FUELS]
        self.ceads = {g: d(f"ceads_2019.{g}") for g in GROUPS}
        self.cement_process = d("ceads_2019.cement_process")
        # Economy
        self.gdp0 = d("economy.base_gdp")
        gy, gr = d("economy.growth")
        self.growth_times = [y + 0.5 for y in gy]
        self.growth_rates = gr
        self.log_levels = [0.0]
        for i in range(len(gr)):
            self.log_levels.append(self.log_levels[i] + math.log(1 + gr[i]) * (gy[i + 1] - gy[i]))
        self.psi = d("economy.replacement_share")
        self.repl_fuel = [d("economy.replacement_fuel_coal"), 0.0, 0.0, d("economy.replacement_fuel_gas")]
        self.repl_elec = d("economy.replacement_electricity")
        self.mwh_per_tce = d("economy.electrification_mwh_per_tce")
        # Products
        self.p = []
        for name in PRODUCTS:
            k = f"products.{name}."
            if not _has(data, f"products.{name}"):
                # A product the dataset does not describe is one the region does not make: all flows 0.
                self.p.append(_absent_product(name))
                continue
            q = {"name": name, "group": get(data, k + "group"), "present": True}
            for field in ["base_output", "base_utilisation", "max_utilisation", "old_share", "old_lifetime", "new_lifetime",
                          "adjustment_time", "old_relative_intensity", "share_of_group_fuel", "electricity_per_tonne",
                          "benchmark_relative_intensity", "entry_relative_intensity", "efficiency_relaxation_time",
                          "value_added_per_tonne"]:
                q[field] = d(k + field)
            for field in ["process_co2_per_tonne", "extended_process_co2_per_tonne", "feedstock_tce_per_tonne",
                          "deep_processing_base", "deep_processing_value_uplift", "deep_processing_energy_uplift",
                          "restricted_share", "restricted_energy_gap"]:
                q[field] = opt(k + field, 0.0)
            q["ei"] = bool(opt(k + "electricity_intensive", False))
            q["K0"] = q["base_output"] / q["base_utilisation"]
            s = q["old_share"]
            q["x0"] = (1 - s * q["old_relative_intensity"]) / (1 - s)
            co2 = self.ceads[q["group"]]
            q["fuel_per_t"] = [q["share_of_group_fuel"] * co2[j] / self.ef[j] / q["base_output"] for j in range(4)]
            self.p.append(q)
        paths = {}
        for q in self.p:
            if q["name"] != "alumina" and q["present"]:
                years, index = d(f"products.{q['name']}.demand_index")
                paths[q["name"]] = Steffen([y + 0.5 for y in years], index)
        paths["alumina"] = paths.get("aluminium")
        self.demand = [paths.get(q["name"]) if q["present"] else (lambda t: 0.0) for q in self.p]
        # Activities, in file order
        self.acts = []
        for key, node in data["activities"].items():
            a = {"key": key, "group": node["group"], "remainder": bool(node.get("takes_group_remainder", False)),
                 "elec_remainder": bool(node.get("takes_electricity_remainder", False)),
                 "elasticity": leaf(node["gdp_elasticity"]), "aeei": leaf(node["autonomous_efficiency"]),
                 "electrification": node.get("electrification", "none"),
                 "elec": leaf(node["base_electricity"]) if "base_electricity" in node else 0.0}
            # A trend fitted to history (carbonsim calibrate) replaces GDP growth and autonomous efficiency.
            a["trend"] = Steffen([y + 0.5 for y in node["trend"]["years"]], node["trend"]["values"]) if "trend" in node else None
            a["fuel"] = [0.0] * 4 if a["remainder"] else [leaf(node["base_co2"])[j] / self.ef[j] for j in range(4)]
            a["process"] = 0.0
            self.acts.append(a)
        # A group with no activity of its own: the products' shares of its fuel are weights summing to one.
        for g in {q["group"] for q in self.p if q["present"]} - {a["group"] for a in self.acts}:
            total = sum(q["share_of_group_fuel"] for q in self.p if q["present"] and q["group"] == g)
            for q in self.p:
                if q["present"] and q["group"] == g and total > 0:
                    q["fuel_per_t"] = [v / total for v in q["fuel_per_t"]]
        # Power, fly ash, CCUS, sinks, policy
        self.pw = {k: leaf(v) for k, v in data["power"].items()}
        ey, ev = self.pw["exports"]
        self.exports = Steffen([y + 0.5 for y in ey], ev)
        # Power-side structure since the base year (absent: none): observed new load, approved coal pipeline,
        # the storage allocation rule.
        # The new load is a yearly path of year-end levels, linear within each year (docs/model.md).
        self.new_load = Linear([y + 1.0 for y in self.pw["new_load"][0]], self.pw["new_load"][1]) if "new_load" in self.pw else (lambda t: 0.0)
        # Electricity received from other grids (the published exports are gross): year-end levels like the new load.
        self.imports = Linear([y + 1.0 for y in self.pw["imports"][0]], self.pw["imports"][1]) if "imports" in self.pw else (lambda t: 0.0)
        # Wind and solar full-load hours relative to the capacity factors (absent: 1): year-end levels like the new load.
        self.hours = Linear([y + 1.0 for y in self.pw["renewable_hours_index"][0]], self.pw["renewable_hours_index"][1]) \
            if "renewable_hours_index" in self.pw else (lambda t: 1.0)
        self.pipeline = Steffen([y + 0.5 for y in self.pw["coal_pipeline"][0]], self.pw["coal_pipeline"][1]) if "coal_pipeline" in self.pw else (lambda t: 0.0)
        for key, default in (("storage_rule_share", 0.0), ("storage_rule_hours", 2.0), ("storage_hours", 4.0),
                             ("storage_cycles_per_year", 300.0), ("storage_efficiency", 0.85)):
            self.pw.setdefault(key, default)
        self.pw.setdefault("dedicated_export_renewable_share", 0.5)
        self.pw.setdefault("dedicated_export_wind_share", 0.5)
        # Without a fly_ash section: no fly-ash alumina, no high-alumina stock, no ash counted.
        self.fa = {k: leaf(v) for k, v in data["fly_ash"].items()} if "fly_ash" in data else dict(NO_FLY_ASH)
        # Without a heat_supply section the power group's whole remainder is heat supply (no residual split).
        self.hs = {k: leaf(v) for k, v in data["heat_supply"].items()} if "heat_supply" in data else {"heat_supplied": 0.0, "coal_per_heat": 0.04}
        # Energy statistics' tce per tce of CEADs-implied energy: scales every energy quantity, not CO2.
        self.kstat = float(leaf(data["energy_statistics"]["basis_ratio"])) if "basis_ratio" in data.get("energy_statistics", {}) else 1.0
        self.rho = 0.0  # the power group's accounting residual per tce of coal burnt for power (base-year split)
        self.hy = {k: leaf(v) for k, v in data["hydrogen"].items()} if "hydrogen" in data else \
            {"fuel_tce_per_tonne": 0.0, "feedstock_tce_per_tonne": 0.0, "electricity_per_tonne": 55.0, "grid_share": 0.0}
        self.cc = {k: leaf(v) for k, v in data["ccus"].items()}
        self.sk = {k: leaf(v) for k, v in data["sinks"].items()}
        self.ip = {k: leaf(v) for k, v in data["industry_policy"].items()}
        self.dc = {k: leaf(v) for k, v in data["dual_control"].items()}
        acc = scenario.get("accounting", {})
        self.extended = bool(acc.get("extended_process", False))
        self.deduct_exports = bool(acc.get("deduct_electricity_exports", True))
        self.excl_renewables = bool(acc.get("exclude_renewables_from_dual_control", True))
        self.excl_feedstock = bool(acc.get("exclude_feedstock_from_dual_control", True))
        self.enforce = bool(scenario.get("enforce", False))
        caps = scenario.get("targets", {}).get("energy_cap") or {}
        self.cap_points = sorted((int(y) + 0.5, float(v)) for y, v in caps.items())
        # A cap binds from 1 January of its first year; before it nothing is capped.
        self.cap_start = float(min(int(y) for y in caps)) if caps else math.inf
        self._levers(scenario)
        self.stock_factor = lambda s: max(s, 0) / (max(s, 0) + self.fa["scarcity_stock"])
        # Fly-ash alumina displaces imports (share m) and in-region Bayer alumina (1 - m); phi N0 - (1 - m) F0 = Bayer B0.
        self.m_import = self.fa.get("import_displacement", 0.0)
        self.phi = (self.p[2]["base_output"] + (1 - self.m_import) * self.fa["base_capacity"] * self.fa["utilisation"] * self.stock_factor(self.fa["base_stock"])) \
            / (self.fa["alumina_per_aluminium"] * self.p[1]["base_output"]) if self.p[1]["present"] and self.p[2]["present"] else 0.0
        self.n = len(self.p) * 3 + 1 + 2 + 1 + 1 + 3
        self.share0 = 0.0
        self.fa_base_output = 0.0
        self.gdp_ref = self.gdp0
        self.segment_end = math.inf
        self.ren_ref = 0.0
        self._calibrate()

    # ---- levers -----------------------------------------------------------------------------------------
    def _lever_table(self):
        """Per lever path: (baseline kind, scale from file units, baseline level or trend in file units, slot)."""
        pw = self.pw
        t = {}
        for i, name in enumerate(PRODUCTS):
            t[f"sector_plans.industry.capacity_cut.{name}"] = ("level", 0.01, 0.0, ("cut", i))
            t[f"sector_plans.industry.capacity_cap.{name}"] = ("none", 1.0, self.p[i]["K0"], ("cap", i))
        for name in ("steel", "aluminium", "coal_chemicals"):
            i = PRODUCTS.index(name)
            t[f"sector_plans.industry.deep_processing.{name}"] = ("level", 0.01, 100 * self.p[i]["deep_processing_base"], ("deep", i))
        for name in ("steel", "clinker", "aluminium", "coke"):
            t[f"sector_plans.industry.capacity_replacement.{name}"] = ("none", 1.0, 1.0, ("repl", PRODUCTS.index(name)))
        t["sector_plans.industry.clinker_substitution"] = ("level", 0.01, 0.0, "clinker_sub")
        t["sector_plans.industry.carbide_slag"] = ("level", 0.01, 0.0, "carbide_slag")
        t["sector_plans.industry.cement_capacity_transfer"] = ("level", 1.0, 0.0, "cement_transfer")
        t["sector_plans.industry.green_hydrogen"] = ("level", 1.0, 0.0, "green_h2")
        t["sector_plans.industry.equipment_upgrade.steel"] = ("level", 0.01, 0.0, "upgrade_steel")
        t["sector_plans.industry.efficiency_benchmark"] = ("level", 0.01, 0.0, "bench")
        t["sector_plans.industry.green_entry"] = ("level", 0.01, 0.0, "entry")
        t["sector_plans.industry.fly_ash_alumina"] = ("level", 1.0, self.fa["base_capacity"], "fa_target")
        t["sector_plans.power.wind"] = ("trend", 1.0, (pw["base_wind"], pw["wind_build_rate"]), "wind")
        t["sector_plans.power.solar"] = ("trend", 1.0, (pw["base_solar"], pw["solar_build_rate"]), "solar")
        t["sector_plans.power.coal_heat_rate"] = ("level", 1.0, pw["base_heat_rate"], "heat_target")
        t["sector_plans.power.coal_retirement"] = ("level", 0.01, 0.0, "retire")
        # Power-side structure (issue 12): planned new load (TWh/yr) and storage beyond the rule (GW).
        t["sector_plans.power.new_load"] = ("level", 1.0, 0.0, "new_load_lever")
        t["sector_plans.power.storage"] = ("level", 1.0, 0.0, "storage_lever")
        t["sector_plans.power.dedicated_export"] = ("level", 1.0, 0.0, "dedicated_lever")
        t["sector_plans.buildings.electrification"] = ("level", 0.01, 0.0, "elec_buildings")
        t["sector_plans.transport.electrification"] = ("level", 0.01, 0.0, "elec_transport")
        t["sector_plans.removals.ccus"] = ("level", 1.0, 0.0, "ccus")
        t["sector_plans.removals.sinks"] = ("level", 1.0, 0.0, "sinks")
        t["measures.ladder_pricing"] = ("level", 1.0, 0.0, "ladder")
        return t

    def trend(self, base, t):
        """A trend lever's baseline: the level at the end of the base year plus rate x years since."""
        return base[0] + base[1] * (t - (self.base_year + 1))

    def _milestones(self, s, key):
        return milestones(s, key, self.base_year)

    def schedule(self, path, s):
        kind, scale, base, _ = self.table[path]
        if s is None:
            return Schedule(0.0 if kind == "trend" else base * scale)
        form = _form(s)
        start, ms = self._milestones(s, form)
        ramps, st = [], start
        if form == "delta":
            b = self.schedule(path, s.get("over"))
            prev = 0.0
            for y, v, sh in ms:
                ramps.append((st, y, sh, (v - prev) * scale))
                prev, st = v, y + 1
            return Schedule(b.frm, b.ramps + ramps)
        frm = 0.0 if kind == "trend" else base * scale
        prev = frm
        for y, v, sh in ms:
            level = v * scale - (self.trend(base, y + 1) * scale if kind == "trend" else 0.0)
            ramps.append((st, y, sh, level - prev))
            prev, st = level, y + 1
        return Schedule(frm, ramps)

    def _levers(self, scenario):
        self.table = self._lever_table()
        n = len(PRODUCTS)
        self.cut, self.cap, self.deep, self.repl = [None] * n, [None] * n, [None] * n, [None] * n
        for path, (kind, scale, base, slot) in self.table.items():
            sched = self.schedule(path, scenario["levers"].get(path))
            if isinstance(slot, tuple):
                getattr(self, slot[0])[slot[1]] = sched
            else:
                setattr(self, slot, sched)
        for path in scenario["levers"]:
            if path not in self.table:
                raise ValueError(f"unknown lever {path}")
        self.cap = [c if c.is_set else None for c in self.cap]
        self.repl = [c if c is not None and c.is_set else None for c in self.repl]
        self.deep = [self.deep[i] or Schedule(q["deep_processing_base"]) for i, q in enumerate(self.p)]
        all_s = [s for s in self.cut + self.deep + self.cap + self.repl if s] + [self.clinker_sub, self.carbide_slag, self.cement_transfer, self.green_h2, self.upgrade_steel, self.bench, self.entry, self.fa_target, self.wind, self.solar,
                                                                     self.heat_target, self.retire, self.elec_buildings,
                                                                     self.elec_transport, self.ccus, self.sinks, self.ladder,
                                                                     self.new_load_lever, self.storage_lever, self.dedicated_lever]
        times = {b for s in all_s for b in s.breakpoints()}
        if self.cap_points:
            # The cap switching on, and every 1 January where the year's cap differs from the last year's.
            times.add(self.cap_start)
            last = math.floor(self.cap_points[-1][0])
            times.update(float(y) for y in range(int(self.cap_start) + 1, last + 1) if self.year_cap(y) != self.year_cap(y - 1))
        self.breakpoints = sorted(times)

    def year_cap(self, year):
        """The cap in force through calendar year `year`: on the line through the caps at mid-year, flat outside them."""
        xs = [p[0] for p in self.cap_points]; ys = [p[1] for p in self.cap_points]
        return float(np.interp(year + 0.5, xs, ys))

    # ---- one evaluation -----------------------------------------------------------------------------------
    def activity_scale(self, a, lg, t, dt):
        """(GDP/GDP0)^e (1 - a)^(t - t0), or (GDP/GDP_exo)^e trend(t) for an activity with a fitted trend."""
        if a["trend"] is not None:
            deviation = lg - math.log(self.gdp_exogenous(t) / self.gdp0)
            return math.exp(a["elasticity"] * deviation) * a["trend"](t)
        return math.exp(a["elasticity"] * lg + math.log(1 - a["aeei"]) * dt)

    def gdp_exogenous(self, t):
        times, i = self.growth_times, 0
        while i + 1 < len(times) - 1 and t >= times[i + 1]:
            i += 1
        return self.gdp0 * math.exp(self.log_levels[i] + math.log(1 + self.growth_rates[i]) * (t - times[i]))

    def evaluate(self, t, y):
        w = {"transferred": 0.0, "transfer_share": 0.0, "clinker_substituted": 0.0, "slag_avoided": 0.0}
        o = 0
        P = len(self.p)
        idc = P * 3 + 1 + 2 + 1
        z = min(max(y[idc], 0), self.dc["max_curtailment"]) if self.enforce else 0.0
        w["cap"] = self.year_cap(math.floor(t)) if self.cap_points and t >= self.cap_start else math.inf
        # Fly-ash alumina
        ifa = P * 3
        stock, kfa = y[ifa], max(self.fa_target.value(t), 0)
        qfa = self.fa["utilisation"] * kfa * self.stock_factor(stock)
        w.update(stock=stock, kfa=kfa, qfa=qfa)
        fa_fuel = [qfa * self.fa["fuel_tce_per_tonne"], 0, 0, 0]
        fa_elec, fa_proc = qfa * self.fa["electricity_per_tonne"], qfa * self.fa["process_co2_per_tonne"]
        # Industry
        ladder = self.ladder.value(t)
        sub, slag = self.clinker_sub.value(t), self.carbide_slag.value(t)
        upgraded = min(max(self.upgrade_steel.value(t), 0), 1)
        out, dem, idx, kold, knew, fuel, elec, proc, ext, feed, cut, dps = ([0.0] * P for _ in range(12))
        for i, q in enumerate(self.p):
            k = 3 * i
            if not q["present"]:
                fuel[i] = [0.0] * 4
                continue
            ko, kn, x, dp = max(y[k], 0), max(y[k + 1], 1e-9), y[k + 2], self.deep[i].value(t)
            dps[i] = dp
            idx[i] = self.demand[i](t) * (1 - sub if q["name"] == "clinker" else 1)
            if q["name"] == "alumina":
                need, wa = self.fa["alumina_per_aluminium"] * out[1], 0.01 * q["base_output"]
                dem[i] = spos(smin(self.phi * need - (1 - self.m_import) * qfa, need - qfa, wa), wa)
            else:
                dem[i] = q["base_output"] * idx[i] * (1 - z)
            out[i] = max(smin(dem[i], q["max_utilisation"] * (ko + kn), 0.01 * q["base_output"]), 0.0)
            if q["name"] == "clinker":
                # Capacity transferred out of the region (at most the whole stock) leaves with its share of the output.
                transferred = min(max(self.cement_transfer.value(t), 0.0), ko + kn)
                out[i] *= 1 - transferred / (ko + kn)
                w["transferred"], w["transfer_share"] = transferred, transferred / (ko + kn)
            r = (ko * q["old_relative_intensity"] + kn * x) / (ko + kn) * (1 + q["deep_processing_energy_uplift"] * (dp - q["deep_processing_base"]))
            if q["name"] == "steel":
                r *= 1 - q["restricted_energy_gap"] * q["restricted_share"] * upgraded
            fuel[i] = [e * out[i] * r for e in q["fuel_per_t"]]
            elec[i] = out[i] * q["electricity_per_tonne"] * r
            proc[i] = out[i] * q["process_co2_per_tonne"] * (1 - slag if q["name"] == "clinker" else 1)
            if q["name"] == "clinker":
                w["clinker_substituted"] = out[i] * sub / (1 - sub)
                w["slag_avoided"] = out[i] * q["process_co2_per_tonne"] * slag
            ext[i] = out[i] * q["extended_process_co2_per_tonne"]
            feed[i] = out[i] * q["feedstock_tce_per_tonne"]
            kold[i], knew[i] = ko, kn
            cut[i] = self.cut[i].value(t) + (self.ip["ladder_exit_response"] * ladder if q["ei"] else 0)
        # Green hydrogen: coal chemicals gasify and burn less coal; electrolysis draws its grid share.
        c, h2, displaced = 7, 0.0, 0.0
        if self.p[c]["present"]:
            h2 = max(self.green_h2.value(t), 0)
            width = 0.01 * sum(self.p[c]["fuel_per_t"]) * self.p[c]["base_output"]
            total = sum(fuel[c])
            displaced = max(smin(h2 * self.hy["fuel_tce_per_tonne"], 0.9 * total, width), 0)
            if total > 0:
                fuel[c] = [f * (1 - displaced / total) for f in fuel[c]]
            feed[c] = max(feed[c] - h2 * self.hy["feedstock_tce_per_tonne"], 0)
            elec[c] += h2 * self.hy["electricity_per_tonne"] * self.hy["grid_share"]
        w.update(h2=h2, h2_displaced=displaced)
        w.update(out=out, dem=dem, kold=kold, knew=knew, cut=cut, dp=dps)
        balance = self.fa["alumina_per_aluminium"] * out[1] - out[2] - qfa if self.p[1]["present"] else -qfa
        w["alumina_imports"], w["alumina_exports"] = max(balance, 0), max(-balance, 0)
        # GDP
        lost = deep = 0.0
        for i, q in enumerate(self.p):
            if not q["present"]:
                continue
            va = q["value_added_per_tonne"] / 100
            lost += va * spos(q["base_output"] * idx[i] - out[i], 0.01 * q["base_output"])
            deep += va * out[i] * q["deep_processing_value_uplift"] * (dps[i] - q["deep_processing_base"])
        deep += self.p[2]["value_added_per_tonne"] / 100 * (qfa - self.fa_base_output)
        repl = self.psi * lost
        gdp = self.gdp_exogenous(t) - lost + repl + deep
        w["gdp"] = gdp
        # Activities
        lg, dt = math.log(gdp / self.gdp_ref), t - self.t0
        act_fuel, act_elec, act_proc = [], [], []
        for a in self.acts:
            scale = self.activity_scale(a, lg, t, dt)
            act_proc.append(a["process"] * scale)
            sw = {"none": 0.0, "buildings": self.elec_buildings.value(t), "transport": self.elec_transport.value(t)}[a["electrification"]]
            fossil = [f * scale for f in a["fuel"]]
            act_fuel.append([f * (1 - sw) for f in fossil])
            act_elec.append(a["elec"] * scale + sum(fossil) * sw * self.mwh_per_tce)
        repl_fuel = [f * repl * 0.01 for f in self.repl_fuel]
        repl_elec = self.repl_elec * repl * 0.01
        # CCUS capacity
        kc = max(self.ccus.value(t), 0)
        ccus_elec = kc * self.cc["utilisation"] * self.cc["electricity_per_tonne"]
        new_load = max(self.new_load(t), 0) + max(self.new_load_lever.value(t), 0)
        in_region = fa_elec + repl_elec + ccus_elec + sum(elec) + sum(act_elec) + new_load
        # Power
        ipw = P * 3 + 1
        wcap = max(self.trend((self.pw["base_wind"], self.pw["wind_build_rate"]), t) + self.wind.value(t), 0)
        scap = max(self.trend((self.pw["base_solar"], self.pw["solar_build_rate"]), t) + self.solar.value(t), 0)
        ccap, h = max(y[ipw], 1e-6), y[ipw + 1]
        # Dedicated renewable export: the bases' wind and solar give s D, the fleet the rest of the line.
        dedicated = max(self.dedicated_lever.value(t), 0)
        bases = self.pw["dedicated_export_renewable_share"] * dedicated
        bases_cap = bases * (self.pw["dedicated_export_wind_share"] / self.pw["wind_capacity_factor"]
                             + (1 - self.pw["dedicated_export_wind_share"]) / self.pw["solar_capacity_factor"]) / 8.76
        exports = self.exports(t) + dedicated
        imports = min(max(self.imports(t), 0), exports)  # at most the exports: the balance nets them
        demand = in_region + exports - imports - bases
        index = max(self.hours(t), 0.0)
        wa, sa = wcap * 8.76 * self.pw["wind_capacity_factor"] * index, scap * 8.76 * self.pw["solar_capacity_factor"] * index
        share = (wa + sa) / demand if demand > 0 else math.inf  # no demand yet: only while calibrating
        damping = 1 + self.pw["curtailment_slope"] * spos(share - self.share0, 0.01)
        wg = wa * (1 - self.pw["wind_curtailment"]) / damping
        sg = sa * (1 - self.pw["solar_curtailment"]) / damping
        # Storage charges from what would be curtailed: X c / (X + c).
        pw = self.pw
        storage = pw["storage_rule_share"] * max(wcap + scap - pw["base_wind"] - pw["base_solar"], 0) + max(self.storage_lever.value(t), 0)
        x = (pw["storage_rule_share"] * max(wcap + scap - pw["base_wind"] - pw["base_solar"], 0) * pw["storage_rule_hours"]
             + max(self.storage_lever.value(t), 0) * pw["storage_hours"]) * pw["storage_cycles_per_year"] / 1000
        wc, sc = wa - wg, sa - sg
        charged = x * (wc + sc) / (x + wc + sc) if x > 0 and wc + sc > 0 else 0.0
        discharged = pw["storage_efficiency"] * charged
        if charged > 0:
            wg, sg = wg + discharged * wc / (wc + sc), sg + discharged * sc / (wc + sc)
        needed = demand - wg - sg - self.pw["other_generation"]
        coal_gen = smax(needed, ccap * 8.76 * self.pw["coal_must_run_capacity_factor"], 1)
        surplus, ren = coal_gen - needed, wg + sg
        if ren > 0:
            keep = max(ren - surplus, 0) / ren
            wg, sg = wg * keep, sg * keep
        thermal = coal_gen * h / 1000
        w.update(wcap=wcap, scap=scap, ccap=ccap, h=h, wg=wg, sg=sg, og=self.pw["other_generation"], coal_gen=coal_gen,
                 curtailed=wa + sa - wg - sg, in_region=in_region, new_load=new_load, storage=storage, discharged=discharged, bases=bases, bases_cap=bases_cap, exports=exports, imports=imports, thermal=thermal, kc=kc, retire=self.retire.value(t))
        # Sinks and fly ash generation
        w["sink"] = y[P * 3 + 3]
        heat_coal = sum(f[0] for f, a in zip(act_fuel, self.acts) if a["group"] == "power")
        residual = thermal * self.rho
        w["residual_coal"] = residual
        w["ash"] = self.fa["ash_per_tce"] * (thermal + residual + heat_coal)
        w["ash_building"] = w["ash"] * self.fa["building_material_use"]
        w["ash_to_alumina"] = qfa * self.fa["ash_per_tonne_alumina"]
        # Accounting
        co2g = {g: 0.0 for g in GROUPS}; eng = {g: 0.0 for g in GROUPS}
        fuelg = {g: [0.0] * 4 for g in GROUPS}; procg = {g: 0.0 for g in GROUPS}  # by group and fuel; process by group
        tot = [0.0] * 4; process = 0.0
        co2 = lambda f: sum(f[j] * self.ef[j] for j in range(4))
        for i, q in enumerate(self.p):
            e = ext[i] if self.extended else 0.0
            co2g[q["group"]] += co2(fuel[i]) + proc[i] + e
            eng[q["group"]] += sum(fuel[i])
            fuelg[q["group"]] = [fuelg[q["group"]][j] + fuel[i][j] for j in range(4)]; procg[q["group"]] += proc[i] + e
            tot = [tot[j] + fuel[i][j] for j in range(4)]
            process += proc[i] + e
        co2g["nonferrous"] += co2(fa_fuel) + fa_proc; eng["nonferrous"] += sum(fa_fuel)
        tot = [tot[j] + fa_fuel[j] for j in range(4)]; process += fa_proc
        fuelg["nonferrous"] = [fuelg["nonferrous"][j] + fa_fuel[j] for j in range(4)]; procg["nonferrous"] += fa_proc
        for f, pr, a in zip(act_fuel, act_proc, self.acts):
            co2g[a["group"]] += co2(f) + pr; eng[a["group"]] += sum(f); process += pr
            fuelg[a["group"]] = [fuelg[a["group"]][j] + f[j] for j in range(4)]; procg[a["group"]] += pr
            tot = [tot[j] + f[j] for j in range(4)]
        pc = thermal + residual
        co2g["power"] += pc * self.ef[0]; eng["power"] += pc; tot[0] += pc; fuelg["power"][0] += pc
        co2g["other"] += co2(repl_fuel); eng["other"] += sum(repl_fuel)
        fuelg["other"] = [fuelg["other"][j] + repl_fuel[j] for j in range(4)]
        tot = [tot[j] + repl_fuel[j] for j in range(4)]
        gross = sum(co2g.values())
        feedstock = sum(feed)
        # Exports count as coal power as far as coal generation goes, beyond it as non-fossil.
        # Dedicated renewable export comes off non-fossil energy whole; the rest of the exports is coal first.
        generation = wg + sg + self.pw["other_generation"] + coal_gen + bases
        # Net exports: the balance deducts exports less imports.
        exported = min(max(exports - imports - bases, 0), generation - bases) if self.deduct_exports else 0.0
        exported_coal = min(exported, coal_gen)
        nonfossil = (wg + sg + self.pw["other_generation"] + bases - (bases if self.deduct_exports else 0.0)
                     - (exported - exported_coal)) * h / 1000
        deduction = exported_coal * h / 1000
        # All non-fossil generation at the same rate, nothing deducted: the energy that goes with territorial CO2 (LMDI).
        generated = (wg + sg + self.pw["other_generation"] + bases) * h / 1000
        # On the energy statistics' basis: every energy quantity times the fitted ratio (CO2 above is unchanged).
        k = self.kstat
        eng = {g: v * k for g, v in eng.items()}
        efuelg = {g: [v * k for v in fs] for g, fs in fuelg.items()}
        etot = [v * k for v in tot]
        feedstock, nonfossil, deduction, generated = feedstock * k, nonfossil * k, deduction * k, generated * k
        energy = sum(etot) + feedstock + nonfossil - deduction
        # Official basis (2021-2022 rules): renewable consumption above its 2020 level and raw-material energy left out.
        ren_consumed = wg + sg + self.pw["other_generation"] - (exported - exported_coal)
        new_ren = max(ren_consumed - self.ren_ref, 0) * h / 1000 * k
        edc = energy - (new_ren if self.excl_renewables else 0) - (feedstock if self.excl_feedstock else 0)
        capturable = (thermal + residual + heat_coal) * self.ef[0] + co2(fuel[7])
        captured = smin(self.cc["utilisation"] * kc, self.cc["max_capture_share"] * capturable, 0.01) if kc > 0 else 0.0
        w.update(co2g=co2g, eng=eng, fuelg=fuelg, efuelg=efuelg, procg=procg, tot=tot, etot=etot, process=process, gross=gross, feedstock=feedstock, nonfossil=nonfossil,
                 generated=generated, deduction=deduction, energy=energy, edc=edc, ren_consumed=ren_consumed, new_ren=new_ren, captured=captured, net=gross - captured - w["sink"], z=z,
                 fuel_groups=[tot[j] * self.ef[j] for j in range(4)])
        return w

    # ---- derivatives ------------------------------------------------------------------------------------------
    def rhs(self, t, y):
        t = t if t < self.segment_end else math.nextafter(self.segment_end, -math.inf)
        w = self.evaluate(t, y)
        dy = np.zeros(self.n)
        bench, entry_share, ladder = self.bench.value(t), self.entry.value(t), self.ladder.value(t)
        for i, q in enumerate(self.p):
            k = 3 * i
            if not q["present"]:
                continue
            ko, kn = w["kold"][i], w["knew"][i]
            K, x = ko + kn, y[k + 2]
            width = 0.01 * q["K0"]
            old_exit = ko / q["old_lifetime"] + w["cut"][i] * ko
            retirements = kn / q["new_lifetime"] + old_exit
            invest = spos((w["dem"][i] / q["base_utilisation"] - K) / q["adjustment_time"] + retirements, width)
            if self.cap[i] is not None and t >= self.cap[i].first_start:
                room = spos((self.cap[i].value(t) - K) / 0.5 + retirements, width)
                invest = smin(invest, room, width)
            if self.repl[i] is not None and t >= self.repl[i].first_start:
                invest = smin(invest, retirements / max(self.repl[i].value(t), 1), width)
            dy[k] = -old_exit
            dy[k + 1] = invest - kn / q["new_lifetime"]
            b = q["benchmark_relative_intensity"]
            entry = q["entry_relative_intensity"] - min(max(entry_share, 0), 1) * max(q["entry_relative_intensity"] - b, 0)
            g = min(max(bench + (self.ip["ladder_gap_response"] * ladder if q["ei"] else 0), 0), 1)
            target = q["x0"] - g * (q["x0"] - b)
            dy[k + 2] = invest / kn * (entry - x) - spos(x - target, 0.005) / q["efficiency_relaxation_time"]
        P = len(self.p)
        ifa = P * 3
        dy[ifa] = (w["ash"] - w["ash_building"]) * self.fa["high_alumina_share"] - w["ash_to_alumina"]
        ipw = ifa + 1
        pw = self.pw
        C = w["ccap"]
        need = w["coal_gen"] / (8.76 * pw["coal_planning_capacity_factor"])
        invest = spos((need - C) / pw["coal_adjustment_time"] + C / pw["coal_lifetime"], 0.5)
        # Approved units come on top of the need-driven investment.
        pipeline = max(self.pipeline(t), 0)
        dy[ipw] = invest + pipeline - C / pw["coal_lifetime"] - w["retire"] * C
        # Early retirement removes the worst units: the fleet falls toward the new units' rate, never below it.
        pull = pw["retired_heat_rate_penalty"] / max(pw["base_heat_rate"] - pw["new_unit_heat_rate"], 1)
        dy[ipw + 1] = (invest + pipeline) / C * (pw["new_unit_heat_rate"] - w["h"]) - w["retire"] * pull * (w["h"] - pw["new_unit_heat_rate"]) \
            - spos(w["h"] - self.heat_target.value(t), 0.5) / pw["heat_rate_relaxation_time"]
        dy[ipw + 2] = (self.sk["base_flux"] + self.sinks.value(t) - w["sink"]) / self.sk["maturation_time"]
        idc = ipw + 3
        if self.enforce and math.isfinite(w["cap"]):
            z = y[idc]
            push = self.dc["response_rate"] * (w["edc"] / w["cap"] - 1)
            dy[idc] = push * max(1 - z / self.dc["max_curtailment"], 0) if push > 0 else push * max(z, 0) / (max(z, 0) + 0.01)
        dy[idc + 1], dy[idc + 2], dy[idc + 3] = w["gross"], w["net"], w["energy"]
        return dy

    # ---- base year ----------------------------------------------------------------------------------------------
    def initial(self):
        y = []
        for q in self.p:
            y += [q["old_share"] * q["K0"], (1 - q["old_share"]) * q["K0"], q["x0"]]
        y += [self.fa["base_stock"]]
        y += [self.pw["base_coal"], self.pw["base_heat_rate"]]
        y += [self.sk["base_flux"], 0.0, 0.0, 0.0, 0.0]
        return np.array(y, dtype=float)

    def _calibrate(self):
        y0 = self.initial()
        w = self.evaluate(self.t0, y0)
        self.fa_base_output = w["qfa"]
        w = self.evaluate(self.t0, y0)
        self.gdp_ref = w["gdp"]
        w = self.evaluate(self.t0, y0)
        residual = self.pw["base_in_region_consumption"] - w["in_region"]
        next(a for a in self.acts if a["elec_remainder"])["elec"] += residual
        w = self.evaluate(self.t0, y0)
        index = max(self.hours(self.t0), 0.0)
        wa = w["wcap"] * 8.76 * self.pw["wind_capacity_factor"] * index
        sa = w["scap"] * 8.76 * self.pw["solar_capacity_factor"] * index
        self.share0 = (wa + sa) / (w["in_region"] + w["exports"] - w["imports"])
        w = self.evaluate(self.t0, y0)
        # The fuel of each sector group that products and named activities do not claim.
        for g in GROUPS:
            group = [self.ceads[g][j] / self.ef[j] for j in range(4)]
            claimed = [0.0] * 4
            P = len(self.p)
            fuel_of = lambda i: [e * w["out"][i] * self._r(i, y0) for e in self.p[i]["fuel_per_t"]]
            for i, q in enumerate(self.p):
                if q["group"] == g and q["present"]:
                    claimed = [claimed[j] + fuel_of(i)[j] for j in range(4)]
            for a in self.acts:
                if a["group"] == g and not a["remainder"]:
                    claimed = [claimed[j] + a["fuel"][j] for j in range(4)]
            if g == "power":
                claimed[0] += w["thermal"]
            if g == "nonferrous":
                claimed[0] += w["qfa"] * self.fa["fuel_tce_per_tonne"]
            remainder = [max(group[j] - claimed[j], 0.0) for j in range(4)]
            holders = [a for a in self.acts if a["group"] == g and a["remainder"]]
            if g == "power" and self.hs["heat_supplied"] > 0 and holders and w["thermal"] > 0:
                # Real heat supply keeps its coal; the rest scales with coal burnt for power.
                heat = self.hs["heat_supplied"] * self.hs["coal_per_heat"]
                self.rho = max(remainder[0] - heat, 0) / w["thermal"]
                remainder[0] = min(heat, remainder[0])
            if holders:
                holders[0]["fuel"] = [holders[0]["fuel"][j] + remainder[j] for j in range(4)]
        # Cement process CO2 no product claims goes with the nonmetal remainder activity.
        claimed = sum(q["process_co2_per_tonne"] * w["out"][i] for i, q in enumerate(self.p) if q["group"] == "nonmetal")
        rest = self.cement_process - claimed
        if rest > 1e-3 * max(self.cement_process, 1):
            next(a for a in self.acts if a["group"] == "nonmetal" and a["remainder"])["process"] = rest
        # The 2022 rule's base: renewable electricity consumed in the region in mid-2020, from the base-year state.
        self.ren_ref = self.evaluate(max(2020, self.base_year) + 0.5, y0)["ren_consumed"]

    def _r(self, i, y):
        q, k = self.p[i], 3 * i
        ko, kn = max(y[k], 0), max(y[k + 1], 1e-9)
        dp = self.deep[i].value(self.t0)
        return (ko * q["old_relative_intensity"] + kn * y[k + 2]) / (ko + kn) * (1 + q["deep_processing_energy_uplift"] * (dp - q["deep_processing_base"]))

    # ---- outputs ---------------------------------------------------------------------------------------------------
    def outputs(self, t, y):
        w = self.evaluate(t, y)
        o = {"co2_gross": w["gross"], "co2_net": w["net"], "co2_process": w["process"], "ccus_captured": w["captured"], "sinks": w["sink"]}
        for g in GROUPS:
            o[f"co2_sector_{g}"] = w["co2g"][g]
        for j, f in enumerate(FUELS):
            o[f"co2_fuel_{f}"] = w["fuel_groups"][j]
        for g in GROUPS:
            o[f"energy_sector_{g}"] = w["eng"][g]
        for g in GROUPS:
            for j, f in enumerate(FUELS):
                o[f"energy_{g}_{f}"] = w["efuelg"][g][j]
        for g in GROUPS:
            for j, f in enumerate(FUELS):
                o[f"co2_{g}_{f}"] = w["fuelg"][g][j] * self.ef[j]
        for g in GROUPS:
            o[f"co2_process_{g}"] = w["procg"][g]
        o["energy_total"], o["energy_dual_control"] = w["energy"], w["edc"]
        for j, f in enumerate(FUELS):
            o[f"energy_{f}"] = w["etot"][j]
        o["energy_non_fossil"], o["energy_feedstock"], o["energy_export_deduction"] = w["nonfossil"], w["feedstock"], w["deduction"]
        o["energy_non_fossil_generated"] = w["generated"]
        o["renewable_consumption"], o["energy_new_renewables"] = w["ren_consumed"], w["new_ren"]
        o["coal_power_residual"] = w["residual_coal"]
        o["energy_intensity_dual_control"] = 100 * w["edc"] / w["gdp"]
        o["gdp"] = w["gdp"]
        o["energy_intensity"] = w["energy"] * 100 / w["gdp"]
        o["co2_intensity"] = w["gross"] * 100 / w["gdp"]
        o["non_fossil_share"] = 100 * w["nonfossil"] / w["energy"]
        o["electricity_generation"] = w["wg"] + w["sg"] + w["og"] + w["coal_gen"] + w["bases"]
        o["electricity_demand_in_region"], o["electricity_exports"] = w["in_region"], w["exports"]
        o["electricity_imports"] = w["imports"]
        o["generation_coal"], o["generation_wind"], o["generation_solar"], o["generation_other"] = w["coal_gen"], w["wg"], w["sg"], w["og"]
        o["curtailed_renewables"] = w["curtailed"]
        o["electricity_new_load"], o["storage_discharged"], o["capacity_storage"] = w["new_load"], w["discharged"], w["storage"]
        o["generation_dedicated_export"], o["capacity_dedicated_renewables"] = w["bases"], w["bases_cap"]
        o["capacity_wind"], o["capacity_solar"], o["capacity_coal"], o["heat_rate"] = w["wcap"], w["scap"], w["ccap"], w["h"]
        for i, q in enumerate(self.p):
            o[f"output_{q['name']}"] = w["out"][i]
            in_region = 1 - w["transfer_share"] if q["name"] == "clinker" else 1.0  # transferred capacity is elsewhere
            o[f"capacity_{q['name']}"] = (w["kold"][i] + w["knew"][i]) * in_region
            o[f"capacity_old_{q['name']}"] = w["kold"][i] * in_region
        o["fly_ash_generated"], o["fly_ash_stock"] = w["ash"], w["stock"]
        o["fly_ash_alumina_capacity"], o["fly_ash_alumina_output"] = w["kfa"], w["qfa"]
        o["alumina_exports"] = w["alumina_exports"]
        o["green_hydrogen"], o["hydrogen_displaced_fuel"] = w["h2"], w["h2_displaced"]
        o["cement_capacity_transferred"], o["clinker_substituted"] = w["transferred"], w["clinker_substituted"]
        o["carbide_slag_avoided_co2"] = w["slag_avoided"]
        o["alumina_imports"], o["ccus_capacity"], o["dual_control_curtailment"] = w["alumina_imports"], w["kc"], 100 * w["z"]
        o["ccus_capture_potential"] = self.cc["utilisation"] * w["kc"]
        o.update(self.measures(t, y, w))
        return o

    def measures(self, t, y, w):
        """What the measures do in a recorded year (docs/model.md, Costs)."""
        bench, ladder = self.bench.value(t), self.ladder.value(t)
        eliminated = saved = processed = curtailed = 0.0
        for i, q in enumerate(self.p):
            k = 3 * i
            if not q["present"]:
                continue
            # Capacity transferred out of the region is eliminated elsewhere, if at all.
            eliminated += w["cut"][i] * w["kold"][i] * (1 - w["transfer_share"] if q["name"] == "clinker" else 1.0)
            def target(b, l):
                g = min(max(b + (self.ip["ladder_gap_response"] * l if q["ei"] else 0), 0), 1)
                return q["x0"] - g * (q["x0"] - q["benchmark_relative_intensity"])
            # The pull toward the levers' target beyond the pull toward it at their baseline levels (w/2 at rest).
            x = y[k + 2]
            pull = max(spos(x - target(bench, ladder), 0.005) - spos(x - target(self.bench.frm, self.ladder.frm), 0.005), 0.0) \
                / q["efficiency_relaxation_time"]
            saved += pull * w["knew"][i] / (w["kold"][i] + w["knew"][i]) * w["out"][i] * sum(q["fuel_per_t"])
            processed += w["out"][i] * max(w["dp"][i] - q["deep_processing_base"], 0)
            if q["name"] != "alumina":
                curtailed += q["value_added_per_tonne"] / 100 * q["base_output"] * self.demand[i](t) * w["z"]
        lg, dt = math.log(w["gdp"] / self.gdp_ref), t - self.t0
        electrified = 0.0
        for a in self.acts:
            sw = {"none": None, "buildings": self.elec_buildings, "transport": self.elec_transport}[a["electrification"]]
            if sw is not None:
                electrified += sum(a["fuel"]) * self.activity_scale(a, lg, t, dt) * sw.value(t)
        retired = w["retire"] * w["ccap"]
        # Beyond the pull toward the schedule's baseline level, which the baseline has too.
        retrofit = max(spos(w["h"] - self.heat_target.value(t), 0.5) - spos(w["h"] - self.heat_target.frm, 0.5), 0.0) \
            / self.pw["heat_rate_relaxation_time"] * w["ccap"]
        return {"capacity_eliminated": eliminated, "retrofit_savings": saved, "electrified_fossil_energy": electrified,
                "deep_processed_extra": processed, "coal_retired_early": retired, "heat_rate_retrofit": retrofit,
                "curtailed_value_added": curtailed}

    STOCKS = {"cement_capacity_transferred", "capacity_wind", "capacity_solar", "capacity_coal", "capacity_storage", "capacity_dedicated_renewables", "fly_ash_stock", "fly_ash_alumina_capacity", "ccus_capacity"} \
        | {f"capacity_{p}" for p in PRODUCTS} | {f"capacity_old_{p}" for p in PRODUCTS}
    RATIOS = {"energy_intensity": ("energy_total", "gdp", 100.0), "co2_intensity": ("co2_gross", "gdp", 100.0),
              "energy_intensity_dual_control": ("energy_dual_control", "gdp", 100.0),
              "non_fossil_share": ("energy_non_fossil", "energy_total", 100.0)}

    def _year(self, start, middle, end):
        """A calendar year's values: flows by Simpson's rule, stocks at the year's end, ratios of annual totals."""
        row = {k: (start[k] + 4 * middle[k] + end[k]) / 6 for k in middle}
        for k in self.STOCKS:
            row[k] = end[k]
        for k, (num, den, f) in self.RATIOS.items():
            row[k] = f * row[num] / row[den]
        return row

    def run(self, method="DOP853", rtol=1e-10, atol=1e-10):
        """Annual values from the base year to the end year (docs/model.md, Recording), integrated piecewise."""
        years = list(range(self.base_year, self.end_year + 1))
        t1 = float(self.end_year + 1)
        points = sorted({float(y) for y in range(self.base_year + 1, self.end_year + 2)}
                        | {y + 0.5 for y in range(self.base_year + 1, self.end_year + 1)})
        edges = [self.t0] + [b for b in self.breakpoints if self.t0 < b < t1] + [t1]
        y = self.initial()
        states = {}
        for a, b in zip(edges, edges[1:]):
            self.segment_end = b
            inside = [r for r in points if a < r <= b]
            sol = solve_ivp(self.rhs, (a, b), y, method=method, rtol=rtol, atol=atol, t_eval=inside + ([b] if b not in inside else []),
                            dense_output=False)
            if not sol.success:
                raise RuntimeError(f"solve_ivp failed on [{a}, {b}]: {sol.message}")
            for k, tk in enumerate(sol.t):
                if tk in inside:
                    states[tk] = sol.y[:, k].copy()
            y = sol.y[:, -1]
        self.segment_end = math.inf
        left = lambda T: self.outputs(math.nextafter(T, -math.inf), states[T])
        base = self.outputs(self.t0, self.initial())
        first = self._year(base, base, base)
        end = left(float(self.base_year + 1))
        for k in self.STOCKS:
            first[k] = end[k]
        rows = [first]
        for yr in years[1:]:
            rows.append(self._year(self.outputs(float(yr), states[float(yr)]), self.outputs(yr + 0.5, states[yr + 0.5]),
                                   left(float(yr + 1))))
        return years, rows


USUAL_GROUP = {"steel": "ferrous", "aluminium": "nonferrous", "alumina": "nonferrous", "clinker": "nonmetal",
               "coke": "petro_coking", "ferroalloy": "ferrous", "carbide": "chemicals", "coal_chemicals": "chemicals"}

NO_FLY_ASH = {"ash_per_tce": 0.0, "building_material_use": 0.0, "high_alumina_share": 0.0, "base_stock": 0.0,
              "ash_per_tonne_alumina": 3.0, "base_capacity": 0.0, "utilisation": 0.0,
              "scarcity_stock": 5.0, "fuel_tce_per_tonne": 0.0, "electricity_per_tonne": 0.0,
              "process_co2_per_tonne": 0.0, "alumina_per_aluminium": 1.93, "import_displacement": 0.0}


def _absent_product(name):
    q = {"name": name, "group": USUAL_GROUP[name], "present": False, "ei": False, "K0": 0.0, "x0": 1.0,
         "fuel_per_t": [0.0] * 4}
    for field in ["base_output", "old_share", "share_of_group_fuel", "electricity_per_tonne", "value_added_per_tonne",
                  "process_co2_per_tonne", "extended_process_co2_per_tonne", "feedstock_tce_per_tonne",
                  "deep_processing_base", "deep_processing_value_uplift", "deep_processing_energy_uplift"]:
        q[field] = 0.0
    for field in ["base_utilisation", "max_utilisation", "old_lifetime", "new_lifetime", "adjustment_time",
                  "old_relative_intensity", "benchmark_relative_intensity", "entry_relative_intensity",
                  "efficiency_relaxation_time"]:
        q[field] = 1.0
    return q


def _has(data, path):
    node = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def milestones(s, key, base_year):
    """(start, [(year, value, shape)]) of a setting's target, path or delta (docs/model.md, lever forms).
    A delta without its own start begins with the setting it extends ("over"), unless its own first year (its full
    year, its first milestone) comes before that start; then, as over the baseline, in the base year + 2. Its full
    year defaults to the extended setting's."""
    first = base_year + 2
    shapes = s.get("shape", "linear")
    value = s[key]
    over = milestones(s["over"], _form(s["over"]), base_year) if key == "delta" and s.get("over") else None

    def begin(own_first):
        if "start" in s:
            return int(s["start"])
        if over is not None and (own_first is None or over[0] <= own_first):
            return over[0]
        return first

    if isinstance(value, dict):
        ms = sorted((int(y), float(v), shapes.get(y, shapes.get(str(y), "linear")) if isinstance(shapes, dict) else shapes)
                    for y, v in value.items())
        return begin(ms[0][0]), ms
    own_full = int(s["full"]) if "full" in s else None
    start = begin(own_full)
    full = own_full if own_full is not None else (over[1][-1][0] if over is not None else start)
    return start, [(max(full, start), float(value), shapes)]


def _form(setting):
    return next(k for k in ("target", "path", "delta") if k in setting)
