"""Independent check of carbonsim's Excel workbooks: reads them back with openpyxl (not the library that wrote
them) and compares sheet names, cell values, number formats, frozen panes, column widths and the metadata sheet
with the JSON output of the same command.

    python3 Tests/Excel/check_workbooks.py [--carbonsim .build/debug/carbonsim]     (from the repository root)
"""
import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASET = os.path.join(ROOT, "Sources/Scenarios/Datasets/inner-mongolia.yaml")
FILES = [os.path.join(ROOT, "scenarios", f) for f in ("baseline.yaml", "announced.yaml", "accelerated.yaml")]

SHEETS = {
    "en": ["Plan periods", "Targets", "Notices", "Headline", "Costs", "Annual baseline", "Annual announced", "Annual accelerated", "Metadata"],
    "zh": ["五年规划", "目标", "提示", "核心指标", "成本", "逐年 基准情景", "逐年 已公布政策情景", "逐年 强化政策情景", "说明"],
}
# The shipped scenarios as a Chinese report names them (README, "Chinese statistical conventions").
SCENARIO_ZH = {"baseline": "基准情景", "announced": "已公布政策情景", "accelerated": "强化政策情景"}

# Chinese statistical units, from the factors README.md states ("Units"): 1 Mt = 100 万吨, 1 Mtce = 100 万吨标准煤,
# 1 GW = 100 万千瓦, 1 TWh = 10 亿千瓦时, 10^8 yuan = 亿元; cumulative emissions 1 Mt = 0.01 亿吨. Computed here
# from the documentation, not read from carbonsim: model unit -> (the Chinese label, the factor).
CN_UNITS = {"Mt CO2": ("万吨CO2", 100.0), "Mtce": ("万吨标准煤", 100.0), "GW": ("万千瓦", 100.0), "TWh": ("亿千瓦时", 10.0),
            "Mt": ("万吨", 100.0), "Mt/yr": ("万吨/年", 100.0),
            # Rates (per year, and per year of a measure) convert with their quantity's factor.
            "Mt CO2/yr": ("万吨CO2/年", 100.0), "GW/yr": ("万千瓦/年", 100.0), "Mt/yr per yr": ("万吨产能/年", 100.0),
            "Mtce/yr per yr": ("万吨标准煤/年，当年新增", 100.0), "GW gce/kWh per yr": ("万千瓦·克标准煤/千瓦时，当年改造", 100.0)}
# The model units' Chinese labels, which must not be left in a workbook in Chinese statistical units.
MODEL_LABELS_ZH = {"百万吨CO2", "百万吨标准煤", "吉瓦", "太瓦时", "百万吨", "百万吨/年", "百万吨CO2/年", "吉瓦/年", "百万吨产能/年",
                   "百万吨标准煤/年，当年新增", "吉瓦·克标准煤/千瓦时，当年改造"}
# A shown Chinese unit label -> the factor its numbers were multiplied by (for sheets that name the unit only).
CN_FACTOR_BY_LABEL = {label: f for label, f in CN_UNITS.values()}


def cn_factor(model_unit, units):
    """The factor a model value is multiplied by in `units` ("cn" or "model")."""
    return CN_UNITS[model_unit][1] if units == "cn" and model_unit in CN_UNITS else 1.0


def shown(name, lang):
    return SCENARIO_ZH.get(name, name) if lang == "zh" else name


def points_format(lang):
    """A share's change or difference: percentage points, the unit in the number format."""
    unit = '"个百分点"' if lang == "zh" else '" pp"'
    return f"+0.00{unit};-0.00{unit};0.00{unit}"


def scaled(v, f):
    return None if v is None else v * f
FROZEN = {"Plan periods": "E2", "Targets": "C2", "Notices": "C2", "Headline": "C2", "Costs": "C2", "Metadata": "B2",
          "五年规划": "E2", "目标": "C2", "提示": "C2", "核心指标": "C2", "成本": "C2", "说明": "B2"}
# Labels an analyst reads, by language (a sample: the full tables are in Sources/Reports/Language.swift).
LABELS = {"en": {"co2_gross": "CO2 gross", "unit": "Mt CO2", "base": "base", "15th": "15th (2026-30)", "pass": "PASS", "fail": "FAIL"},
          "zh": {"co2_gross": "CO2排放总量", "unit": "万吨CO2", "base": "基期", "15th": "十五五（2026-30）", "pass": "达标", "fail": "未达标"}}
UNIT_LABEL = {("en", "model"): "Mt CO2", ("zh", "cn"): "万吨CO2", ("zh", "model"): "百万吨CO2"}

passed = 0


def check(condition, message):
    global passed
    if not condition:
        raise AssertionError(message)
    passed += 1


def same(cell, expected, where):
    """A number cell equal to the JSON number (libxlsxwriter keeps 16 significant digits), or empty for null."""
    if expected is None:
        check(cell.value is None, f"{where}: expected an empty cell, found {cell.value!r}")
        return
    check(cell.data_type == "n" and isinstance(cell.value, (int, float)), f"{where}: expected a number, found {cell.value!r}")
    check(math.isclose(cell.value, expected, rel_tol=1e-14, abs_tol=1e-300), f"{where}: {cell.value!r} != {expected!r}")


def value_format(v):
    """The number format carbonsim gives a value: the digits of its text tables."""
    a = abs(v)
    if a == 0:
        return "0"
    if a < 0.0005:  # zero as the text shows it, without the minus Excel would put on -8e-5
        return "0;0;0"
    # As the value shows once rounded (999.9999999999961 is "#,##0", as 1000 is).
    scale = 1 if a >= 1000 else 10 if a >= 100 else 100 if a >= 1 else 1000
    shown = math.floor(a * scale + 0.5) / scale
    return "#,##0" if shown >= 1000 else "0.0" if shown >= 100 else "0.00" if shown >= 1 else "0.000"


def change_format(v):
    """A % change or relative difference: signed, one decimal; unsigned "0.0" where it rounds to zero."""
    return "0.0;0.0;0.0" if abs(v) < 0.05 else "+0.0;-0.0;0.0"


def signed_format(v):
    """A difference between scenarios: the value's digits, signed; "0;0;0" where it rounds to zero."""
    plain = value_format(v)
    return "0;0;0" if plain in ("0", "0;0;0") else f"+{plain};-{plain};{plain}"


def formatted(cell, expected, fmt, where):
    same(cell, expected, where)
    if expected is not None:
        check(cell.number_format == fmt, f"{where}: number format {cell.number_format!r}, expected {fmt!r}")


def fnv1a(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return format(h, "x")


def carbonsim(binary, *args, expect=0):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    check(p.returncode == expect, f"carbonsim {' '.join(args)}: exit {p.returncode}, expected {expect}\n{p.stderr}")
    return p


def rows_of(ws):
    return list(ws.iter_rows())


def check_layout(wb, lang):
    check(wb.sheetnames == SHEETS[lang], f"sheet names {wb.sheetnames} != {SHEETS[lang]}")
    for ws in wb.worksheets:
        expected = FROZEN.get(ws.title, "C4")  # the annual sheets: year and basis, three header rows
        check(ws.freeze_panes == expected, f"{ws.title}: frozen at {ws.freeze_panes}, expected {expected}")
        first = [c for c in ws[1] if c.value is not None]
        check(all(c.font.b for c in first), f"{ws.title}: header row not bold")
        # Column widths fit the header and labels of each column (CJK counts two). The notes below a table, after its
        # first empty row, are left out of the widths (Spreadsheet.swift).
        table = []
        for r in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 60)):
            if all(c.value is None for c in r):
                break
            table.append(r)
        for c in ws[1][:3]:
            longest = max(width(str(r[c.column - 1].value)) for r in table
                          if len(r) >= c.column and r[c.column - 1].value is not None and r[c.column - 1].data_type == "s")
            w = ws.column_dimensions[c.column_letter].width
            check(w >= min(longest, 58), f"{ws.title}: column {c.column_letter} is {w} wide for a {longest}-wide text")


def width(s):
    return sum(2 if ord(ch) >= 0x1100 and (0x2E80 <= ord(ch) <= 0xA4CF or 0xFF00 <= ord(ch) <= 0xFF60 or 0x1100 <= ord(ch) <= 0x115F
                                           or 0xAC00 <= ord(ch) <= 0xD7A3) else 1 for ch in s)


def check_plan_periods(ws, data, lang, differences, units):
    """Every indicator and point as in the comparison JSON (model units), converted to `units` by the documented
    factors, numbers with their formats; a share's change and difference in percentage points."""
    n = len(data["scenarios"])
    header = [c.value for c in ws[1]]
    names = [shown(x, lang) for x in data["scenarios"]]
    check(header[4::2][:n] == names, f"plan periods: scenario columns {header[4::2][:n]}")
    check(len(header) == 4 + 2 * n + (2 * (n - 1) if differences else 0), f"plan periods: {len(header)} columns")
    rows = rows_of(ws)[1:]
    k = 0
    for ind in data["indicators"]:
        f = cn_factor(ind["unit"], units)
        share = ind["unit"] == "%"
        for j, p in enumerate(ind["points"]):
            row = rows[k]
            k += 1
            where = f"plan periods row {k + 1} ({ind['series']} {p['year']})"
            if lang == "zh" and units == "cn":
                check(row[1].value not in MODEL_LABELS_ZH, f"{where}: a model unit {row[1].value} left in Chinese statistical units")
                if ind["unit"] in CN_UNITS:
                    check(row[1].value == CN_UNITS[ind["unit"]][0], f"{where}: unit {row[1].value}, expected {CN_UNITS[ind['unit']][0]}")
            if ind["series"] == "co2_gross":
                check(row[0].value == LABELS[lang]["co2_gross"] and row[1].value == UNIT_LABEL[(lang, units)], f"{where}: labels {row[0].value}, {row[1].value}")
                if p.get("period") is None:
                    check(row[2].value == LABELS[lang]["base"], f"{where}: period {row[2].value}")
                if p.get("period") == "15th":
                    check(row[2].value == LABELS[lang]["15th"], f"{where}: period {row[2].value}")
            formatted(row[3], p["year"], "0", where + " year")
            for s in range(n):
                v = scaled(p["values"][s], f)
                formatted(row[4 + 2 * s], v, value_format(v), f"{where} value {s}")
                if share and p.get("period"):
                    # Percentage points over the period: this point's share minus the previous point's.
                    formatted(row[5 + 2 * s], p["values"][s] - ind["points"][j - 1]["values"][s], points_format(lang), f"{where} change (pp) {s}")
                else:
                    c = p["change_pct"][s] if p.get("period") else None
                    formatted(row[5 + 2 * s], c, change_format(c) if c is not None else None, f"{where} change {s}")
            if differences:
                for s in range(n - 1):
                    d, r = p["difference"][s], p["difference_pct"][s]
                    if share:
                        formatted(row[4 + 2 * n + 2 * s], d, points_format(lang), f"{where} difference (pp) {s}")
                        check(r is None and row[5 + 2 * n + 2 * s].value is None, f"{where}: a share has no % difference")
                    else:
                        d = scaled(d, f)
                        formatted(row[4 + 2 * n + 2 * s], d, signed_format(d) if d is not None else None, f"{where} difference {s}")
                        formatted(row[5 + 2 * n + 2 * s], r, change_format(r) if r is not None else None, f"{where} difference % {s}")
    check(rows[k][0].value is None, "plan periods: a blank row after the table")


def check_targets(ws, data, lang, units):
    rows = rows_of(ws)[1:]
    k = 0
    for s, name in enumerate(data["scenarios"]):
        for t in data["targets"]:
            c = t["checks"][s]
            if c is None:
                continue
            row = rows[k]
            k += 1
            where = f"targets row {k + 1} ({name} {t['target']} {t['year']})"
            year_target = t["target"] in ("peak_year", "neutrality_year")
            # Ceilings are in CO2, caps in energy; cuts and shares in %.
            f = cn_factor({"peak_ceiling": "Mt CO2", "energy_cap": "Mtce"}.get(t["target"], "%"), units)
            check(row[0].value == shown(name, lang), f"{where}: scenario {row[0].value}")
            formatted(row[3], c["year"], "0", where + " year")
            required = scaled(c["required"], f)
            formatted(row[4], required, "0" if year_target else value_format(required), where + " required")
            if c["achieved"] is None:
                check(row[5].value in ("never", "未实现"), f"{where}: achieved {row[5].value}")
            else:
                achieved = scaled(c["achieved"], f)
                formatted(row[5], achieved, "0" if year_target else value_format(achieved), where + " achieved")
            margin = c["margin"]
            shown_margin = scaled(margin, f)
            formatted(row[6], shown_margin, "0" if year_target else (value_format(shown_margin) if margin is not None else None), where + " margin")
            if margin is not None:
                # + met, - short: years early, room under a ceiling or cap, points above a cut or share (as `run`).
                at_most = t["target"] in ("peak_year", "neutrality_year", "peak_ceiling", "energy_cap")
                expected = c["required"] - c["achieved"] if at_most else c["achieved"] - c["required"]
                check(math.isclose(margin, expected, rel_tol=1e-12, abs_tol=1e-9), f"{where}: margin {margin}, expected {expected}")
                check((margin >= 0) == c["passed"] or margin == 0, f"{where}: margin {margin} but passed {c['passed']}")
            margin_unit = {"peak_year": ("yr", "年"), "neutrality_year": ("yr", "年")}.get(t["target"], ("pp", "个百分点"))
            if t["target"] in ("peak_ceiling", "energy_cap"):
                margin_unit = (None, None)
            if margin_unit[0] is not None:
                check(row[7].value == margin_unit[lang == "zh"], f"{where}: margin unit {row[7].value}")
            else:
                check(row[7].value not in (None, "", "%", "pp", "个百分点"), f"{where}: margin unit {row[7].value}")
            check(row[8].value == LABELS[lang]["pass" if c["passed"] else "fail"], f"{where}: result {row[8].value}")
    # A target of an observed year (history mode) carries the text table's note: checked against the model's fit.
    notes = [r[0].value for r in rows[k:] if r and r[0].value]
    observed = any(c is not None and c["year"] <= 2025 for t in data["targets"] for c in t["checks"])
    check(len(rows) == k + (2 if observed else 0), f"targets: {len(rows)} rows, expected {k} and the note")
    if observed:
        check(("拟合值" if lang == "zh" else "model's fit") in notes[0], f"targets: the observed-years note is {notes}")


def check_headline(ws, data, differences, units):
    rows = rows_of(ws)[1:]
    n = len(data["scenarios"])
    check(len(rows) == len(data["headline"]), "headline: one row per indicator")
    for row, h in zip(rows, data["headline"]):
        years = h["unit"] == "year"
        # Cumulative emissions as a large total: 亿吨 (1 Mt = 0.01 亿吨) in Chinese statistical units.
        f = 0.01 if units == "cn" and h["indicator"] == "cumulative_co2" else cn_factor(h["unit"], units)
        for s in range(n):
            v = scaled(h["values"][s], f)
            if v is None:
                check(row[2 + s].value in ("never", "未实现"), f"headline {h['indicator']}: {row[2 + s].value}")
            else:
                formatted(row[2 + s], v, "0" if years else value_format(v), f"headline {h['indicator']} {s}")
        if differences:
            for s in range(n - 1):
                d = scaled(h["difference"][s], f)
                formatted(row[2 + n + 2 * s], d, "+0;-0;0" if years else (signed_format(d) if d is not None else None), f"headline {h['indicator']} difference")
                r = h["difference_pct"][s]
                formatted(row[3 + n + 2 * s], r, change_format(r) if r is not None else None, f"headline {h['indicator']} difference %")


def check_costs(ws, run):
    rows = rows_of(ws)[1:]
    families = list(run["scenarios"][0]["indicators"]["cost_by_family"].keys())
    check(len(rows) == len(families) + 2, f"costs: {len(rows)} rows")
    for s, sc in enumerate(run["scenarios"]):
        by = sc["indicators"]["cost_by_family"]
        values = sorted(by.values())
        cells = sorted(r[2 + s].value for r in rows[:len(families)])
        for a, b in zip(cells, values):
            check(math.isclose(a, b, rel_tol=1e-14, abs_tol=1e-300), f"costs {sc['name']}: {a} != {b}")
        formatted(rows[len(families)][2 + s], sc["indicators"]["total_cost"], value_format(sc["indicators"]["total_cost"]), "costs total")
        formatted(rows[len(families) + 1][2 + s], 100 * sc["indicators"]["discount_rate"], "0.0", "costs discount rate")


def check_annual(ws, sc, lang, units):
    """Every series, year by year; in Chinese statistical units each column's numbers are the JSON's times the
    factor of the unit it names (a model unit's label must not be left). The second column says what each year is:
    the base year, an observed year of history mode (the JSON's observed_years) or the model's."""
    keys = [c.value for c in ws[3]][2:]
    labels = [c.value for c in ws[2]][2:]
    check(ws[3][1].value == "year_basis", f"{ws.title}: the basis column's key is {ws[3][1].value}")
    factors = [CN_FACTOR_BY_LABEL.get(label, 1.0) if units == "cn" else 1.0 for label in labels]
    if lang == "zh" and units == "cn":
        left = [label for label in labels if label in MODEL_LABELS_ZH]
        check(not left, f"{ws.title}: model units left: {left}")
        check(labels[keys.index("co2_gross")] == "万吨CO2" and labels[keys.index("capacity_wind")] == "万千瓦", f"{ws.title}: units {labels[:5]}")
    check(set(sc["series"]) <= set(keys), f"{ws.title}: series missing: {set(sc['series']) - set(keys)}")
    rows = rows_of(ws)[3:3 + len(sc["years"])]
    check(len(rows) == len(sc["years"]), f"{ws.title}: {len(rows)} years")
    observed = sc.get("observed_years")
    basis_labels = {"en": ("base year", "observed year (history mode)", "model"), "zh": ("基年", "观测年份（历史模式）", "模型计算")}[lang]
    for i, row in enumerate(rows):
        year = sc["years"][i]
        formatted(row[0], year, "0", f"{ws.title} year")
        expected = basis_labels[0] if i == 0 else basis_labels[1] if observed and observed["first"] <= year <= observed["last"] else basis_labels[2]
        check(row[1].value == expected, f"{ws.title} {year}: basis {row[1].value!r}, expected {expected!r}")
        for j, key in enumerate(keys):
            if key.startswith("cost_"):
                same(row[j + 2], sc["annual_costs"][key[5:]][i], f"{ws.title} {key} {year}")
            else:
                v = scaled(sc["series"][key][i], factors[j])
                formatted(row[j + 2], v, value_format(v) if v is not None else None, f"{ws.title} {key} {year}")
    notes = [r[0].value for r in rows_of(ws)[3 + len(sc["years"]):] if r and r[0].value]
    if observed:
        check(any(observed["note"] == n or ("跟随观测值" in n and lang == "zh") for n in notes), f"{ws.title}: the history note is missing: {notes}")
    # The note says how the columns add up; they do, year by year (in the model's units, from the JSON).
    check(any(n.startswith(("How the columns add up: energy_total =", "各列关系：能源消费总量")) for n in notes), f"{ws.title}: the balances note is missing: {notes}")
    s = sc["series"]
    for i, year in enumerate(sc["years"]):
        def v(k):
            return s[k][i]
        energy = sum(v(f"energy_{f}") for f in ("coal", "coke", "oil", "gas")) + v("energy_feedstock") + v("energy_non_fossil") - v("energy_export_deduction")
        check(abs(energy - v("energy_total")) <= 1e-9 * max(1.0, abs(v("energy_total"))), f"{ws.title} {year}: energy columns add to {energy}, energy_total {v('energy_total')}")
        sectors = sum(v(k) for k in s if k.startswith("co2_sector_"))
        fuels = sum(v(k) for k in s if k.startswith("co2_fuel_")) + v("co2_process")
        for total, what in ((sectors, "sectors"), (fuels, "fuels and process")):
            check(abs(total - v("co2_gross")) <= 1e-9 * max(1.0, abs(v("co2_gross"))), f"{ws.title} {year}: CO2 by {what} adds to {total}, co2_gross {v('co2_gross')}")
        net = v("co2_gross") - v("ccus_captured") - v("sinks")
        check(abs(net - v("co2_net")) <= 1e-9 * max(1.0, abs(v("co2_net"))), f"{ws.title} {year}: net {net}, co2_net {v('co2_net')}")


def check_notices(ws, run, lang, units):
    """What cannot be honoured and the input warnings, per scenario, as `run --format json` has them: the amount in
    the workbook's units (the documented factor), the years, the lever; a scenario without any says so."""
    rows = [[c.value for c in r] for r in rows_of(ws)[1:]]
    none = "无" if lang == "zh" else "None"
    for sc in run["scenarios"]:
        name = shown(sc["name"], lang)
        mine = [r for r in rows if r[0] == name]
        if not sc["shortfalls"] and not sc["warnings"]:
            check(len(mine) == 1 and mine[0][1] == none, f"notices {name}: expected one '{none}' row, got {mine}")
            continue
        check(len(mine) == len(sc["shortfalls"]) + len(sc["warnings"]), f"notices {name}: {len(mine)} rows for {len(sc['shortfalls'])} shortfalls and {len(sc['warnings'])} warnings")
        for r, f in zip(mine, sc["shortfalls"]):
            check(r[2] == f["lever"] and r[3] == f["first_year"] and r[4] == f["worst_year"], f"notices {name}: {r} against {f}")
            check(math.isclose(r[5], f["amount"] * cn_factor(f["unit"], units), rel_tol=1e-12), f"notices {name}: amount {r[5]} against {f['amount']} {f['unit']}")
            message = f["message_zh"] if lang == "zh" else f["message"]
            # The JSON's message is in the model's units, its message_zh in Chinese statistical units: where the workbook's
            # units are the same the text is the JSON's, else only its amounts differ.
            if (lang, units) in (("en", "model"), ("zh", "cn")):
                same_text = r[7] == message
            else:
                same_text = r[7][:6] == message[:6] and abs(len(r[7]) - len(message)) <= 8
            check(same_text, f"notices {name}: text {r[7]!r} against {message!r}")
        for r, w in zip(mine[len(sc["shortfalls"]):], sc["warnings"]):
            # The JSON's warning is "file:line: warning at 'key': message"; the row has the key, the message and file:line.
            check(r[2] and f"'{r[2]}'" in w and r[8] and r[8].split(":")[-1] in w, f"notices {name}: {r} against {w!r}")
            if lang == "en":
                check(w.endswith(r[7]), f"notices {name}: text {r[7]!r} against {w!r}")


def check_metadata(ws, lang, scenario_files, command):
    pairs = [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=2)]
    values = {}
    for k, v in pairs:
        values.setdefault(k, []).append(v)
    zh = lang == "zh"
    region = values["地区" if zh else "Region"][0]
    check(region == ("内蒙古" if zh else "Inner Mongolia"), f"metadata region {region}")
    with open(DATASET, "rb") as f:
        text = f.read()
    checksum = values["数据集校验值（FNV-1a）" if zh else "Dataset checksum (FNV-1a)"][0]
    check(checksum == fnv1a(text), f"metadata dataset checksum {checksum} != FNV-1a of the dataset {fnv1a(text)}")
    files = values["情景文件" if zh else "Scenario file"]
    for path in map(os.path.realpath, scenario_files):  # the loader names a linked file by its target
        with open(path, "rb") as f:
            fp = fnv1a(f.read())
        check(any(path in v and (f"（{fp}）" if zh else f"({fp})") in v for v in files), f"metadata: {path} ({fp}) not among {files}")
    check(values["软件版本" if zh else "Tool version"][0].startswith("carbonsim "), "metadata tool version")
    date = values["日期（UTC）" if zh else "Date (UTC)"][0]
    made = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    check(abs((datetime.datetime.now(datetime.timezone.utc) - made).total_seconds()) < 3600, f"metadata date {date}")
    check(command in values["命令" if zh else "Command"][0], "metadata command")
    check(("年末" if zh else "year-end") in values["统计口径" if zh else "Convention"][0], "metadata convention")
    sources = values["数据来源" if zh else "Source"]
    check(len(sources) >= 10 and all(s.split(" ")[0] in text.decode() or s.startswith(("history mode:", "fitted to observations")) for s in sources), f"metadata: {len(sources)} sources, all from the dataset")


def check_compare(binary, tmp, lang, units):
    """`compare`'s workbook against `compare --format json` (always in model units), in `units`: under zh the
    default is Chinese statistical units, --units model keeps the model's."""
    path = os.path.join(tmp, f"compare-{lang}-{units}.xlsx")
    carbonsim(binary, "compare", *FILES, "--format", "xlsx", "--output", path, "--lang", lang, "--units", units)
    data = json.loads(carbonsim(binary, "compare", *FILES, "--format", "json", "--lang", lang, "--units", units).stdout)
    run = json.loads(carbonsim(binary, "run", *FILES, "--format", "json").stdout)
    wb = openpyxl.load_workbook(path)
    check_layout(wb, lang)
    ws = wb.worksheets
    check_plan_periods(ws[0], data, lang, differences=True, units=units)
    region = "地区：内蒙古" if lang == "zh" else "Region: Inner Mongolia"
    check(any(r[0].value and str(r[0].value).startswith(region) for r in ws[0].iter_rows()), "plan periods: the region named")
    check_targets(ws[1], data, lang, units)
    check_notices(ws[2], run, lang, units)
    check_headline(ws[3], data, differences=True, units=units)
    check_costs(ws[4], run)
    for sheet, sc in zip(ws[5:8], run["scenarios"]):
        check_annual(sheet, sc, lang, units)
    check_metadata(ws[8], lang, FILES, "compare")
    meta = {r[0].value: r[1].value for r in ws[8].iter_rows(min_row=2)}
    expected = {("zh", "cn"): "万吨CO2", ("zh", "model"): "百万吨CO2", ("en", "model"): "Mt CO2"}[(lang, units)]
    check(expected in meta["计量单位" if lang == "zh" else "Units"], f"metadata units: {meta}")


def check_run(binary, tmp, lang):
    """`run`'s workbook: the same sheets without differences, values equal to `run --format json`."""
    path = os.path.join(tmp, f"run-{lang}.xlsx")
    carbonsim(binary, "run", *FILES, "--format", "xlsx", "--output", path, "--lang", lang)
    run = json.loads(carbonsim(binary, "run", *FILES, "--format", "json").stdout)
    wb = openpyxl.load_workbook(path)
    check_layout(wb, lang)
    ws = wb.worksheets[0]
    check(ws.max_column == 4 + 2 * len(FILES), f"run plan periods: {ws.max_column} columns, no differences")
    units = "cn" if lang == "zh" else "model"
    rows = rows_of(ws)[1:]
    # Rows follow the report's order; find each by its first row's year and values.
    first = run["scenarios"][0]
    n_points = 1 + len(first["periods"])
    by_label = {}
    for i in range(0, len(rows), n_points):
        if rows[i][3].value is None:
            break
        by_label[i] = rows[i:i + n_points]
    check(len(by_label) == len(first["periods"][0]["values"]), f"run: {len(by_label)} indicators")
    for block in by_label.values():
        # Identify the series by its base value in the first scenario (in model units: the documented factor
        # of the unit the block names undone).
        f = CN_FACTOR_BY_LABEL.get(block[0][1].value, 1.0) if units == "cn" else 1.0
        share = block[0][1].value == "%"
        base = block[0][4].value / f
        year0 = block[0][3].value
        candidates = [s for s in first["periods"][0]["values"]
                      if first["series"][s][first["years"].index(year0)] is not None
                      and math.isclose(first["series"][s][first["years"].index(year0)], base, rel_tol=1e-14)
                      and all(math.isclose(block[1 + k][4].value, f * first["periods"][k]["values"][s]["end"], rel_tol=1e-14)
                              for k in range(len(first["periods"])) if first["periods"][k]["values"][s]["end"] is not None)]
        # Series equal in the first scenario (CCUS capacity and capture, both zero in the baseline) are told apart
        # by the other scenarios' columns.
        def matches_all(s):
            return all(block[1 + k][4 + 2 * j].value is not None and math.isclose(block[1 + k][4 + 2 * j].value, f * p["values"][s]["end"], rel_tol=1e-14, abs_tol=1e-12)
                       for j, sc in enumerate(run["scenarios"]) for k, p in enumerate(sc["periods"]) if p["values"][s]["end"] is not None)
        candidates = [s for s in candidates if matches_all(s)] or candidates
        check(len(candidates) >= 1, f"run: indicator with base {base} not in the JSON")
        s = candidates[0]
        for j, sc in enumerate(run["scenarios"]):
            for k, p in enumerate(sc["periods"]):
                v = p["values"][s]
                end = scaled(v["end"], f)
                formatted(block[1 + k][4 + 2 * j], end, value_format(end) if end is not None else None, f"run {sc['name']} {s} {p['period']}")
                if share:
                    before = block[k][4 + 2 * j].value  # the point before: the start year or the previous period's end
                    check(math.isclose(block[1 + k][5 + 2 * j].value, v["end"] - before, rel_tol=1e-9, abs_tol=1e-12)
                          and block[1 + k][5 + 2 * j].number_format == points_format(lang), f"run {sc['name']} {s} {p['period']} change in pp")
                else:
                    c = v["change_pct"]
                    formatted(block[1 + k][5 + 2 * j], c, change_format(c) if c is not None else None, f"run {sc['name']} {s} {p['period']} change")
    check_notices(wb.worksheets[2], run, lang, units)
    check_costs(wb.worksheets[4], run)
    check_metadata(wb.worksheets[8], lang, FILES, "run")


def check_decompose(binary, tmp, lang):
    path = os.path.join(tmp, f"decompose-{lang}.xlsx")
    carbonsim(binary, "decompose", FILES[1], "--from", "2020", "--to", "2030", "--format", "xlsx", "-o", path, "--lang", lang)
    data = json.loads(carbonsim(binary, "decompose", FILES[1], "--from", "2020", "--to", "2030", "--format", "json").stdout)
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == (["LMDI分解", "说明"] if lang == "zh" else ["LMDI", "Metadata"]), f"decompose sheets {wb.sheetnames}")
    f = cn_factor("Mt CO2", "cn" if lang == "zh" else "model")  # effects in 万吨CO2 under zh (1 Mt = 100 万吨)
    ws = wb.worksheets[0]
    check(ws.freeze_panes == "B2", f"decompose frozen at {ws.freeze_panes}")
    effects = ["activity", "intensity", "structure", "mix", "emission_factor", "process"]
    check(set(effects) == set(data["additive"]), f"decompose effects {sorted(data['additive'])}")
    sectors = list(data["additive"]["activity"].keys())
    rows = rows_of(ws)[1:]
    for row in rows[:8]:
        # The sector is named in the language; find it by its activity effect.
        match = [s for s in sectors if math.isclose(f * data["additive"]["activity"][s], row[1].value, rel_tol=1e-14)]
        check(len(match) == 1, f"decompose row {row[0].value}")
        # The workbook writes the logarithmic means' rounding noise (|v| below 1e-9 of the larger end) as 0.
        noise = 1e-9 * max(abs(data["start"]), abs(data["end"]), 1)
        for e, cell in zip(effects, row[1:7]):
            raw = data["additive"][e][match[0]]
            v = 0.0 if abs(raw) < noise else f * raw
            formatted(cell, v, value_format(v), f"decompose {match[0]} {e}")
    total = rows[8]
    formatted(total[7], f * data["change"], value_format(f * data["change"]), "decompose total change")
    ends = [r for r in rows if r[0].value in ("起点", "终点", "From", "To")]
    check(len(ends) == 2 and all(r[3].value == ("万吨CO2" if lang == "zh" else "Mt CO2") for r in ends), "decompose: the ends in the table's unit")
    ratio = rows[9]
    for e, cell in zip(effects, ratio[1:7]):
        formatted(cell, data["multiplicative"][e], "0.0000", f"decompose ratio {e}")
    formatted(ratio[7], data["ratio"], "0.0000", "decompose ratio")
    check_metadata(wb.worksheets[1], lang, [FILES[1]], "decompose")


SWEEP = """name: workbook-check
scenarios: [{announced}]
design: saltelli
n: 16
seed: 1
factors:
  sector_plans.power.wind.target: {{range: [80, 250], start: 2021, full: 2030}}
  sector_plans.industry.efficiency_benchmark.target: {{range: [0, 100], start: 2021, full: 2030}}
keep: [co2_gross]
"""


def check_summarize(binary, tmp, lang):
    """`summarize`'s workbook: bands, target probabilities and Sobol indices equal to `summarize --format json`."""
    db = os.path.join(tmp, "sweep.sqlite")
    if not os.path.exists(db):
        spec = os.path.join(tmp, "sweep.yaml")
        with open(spec, "w") as f:
            f.write(SWEEP.format(announced=FILES[1]))
        carbonsim(binary, "sweep", spec, "--db", db)
    path = os.path.join(tmp, f"summary-{lang}.xlsx")
    carbonsim(binary, "summarize", db, "--bootstrap", "20", "--format", "xlsx", "-o", path, "--lang", lang)
    data = json.loads(carbonsim(binary, "summarize", db, "--bootstrap", "20", "--format", "json").stdout)
    wb = openpyxl.load_workbook(path)
    names = (["分位数区间", "目标实现概率", "敏感性", "运行情况", "说明"] if lang == "zh"
             else ["Percentile bands", "Target probabilities", "Sensitivity", "Runs", "Metadata"])
    check(wb.sheetnames == names, f"summarize sheets {wb.sheetnames}")
    for ws, frozen in zip(wb.worksheets, ["D2", "C2", "E2", "C2", "B2"]):
        check(ws.freeze_panes == frozen, f"{ws.title} frozen at {ws.freeze_panes}")
    sc = data["scenarios"][0]
    rows = rows_of(wb.worksheets[0])[1:]
    band = sc["bands"][0]
    check(len(rows) == len(band["years"]), f"bands: {len(rows)} rows")
    f = cn_factor("Mt CO2", "cn" if lang == "zh" else "model")  # the sweep keeps co2_gross (Mt CO2 in JSON)
    check(band["series"] == "co2_gross", f"bands: {band['series']}")
    for row, (i, year) in zip(rows, enumerate(band["years"])):
        formatted(row[2], year, "0", "band year")
        check(row[8].value == ("万吨CO2" if lang == "zh" else "Mt CO2"), f"band unit {row[8].value}")
        for cell, p in zip(row[3:8], ["P5", "P25", "P50", "P75", "P95"]):
            v = scaled(band["percentiles"][p][i], f)
            formatted(cell, v, value_format(v), f"band {p} {year}")
    rows = rows_of(wb.worksheets[1])[1:]
    check(len(rows) == len(sc["targets"]), "target probabilities: one row per target")
    for row, t in zip(rows, sc["targets"]):
        formatted(row[2], t["year"], "0", "probability year")
        formatted(row[4], 100 * t["probability"], "0.0", f"probability {t['target']} {t['year']}")
        formatted(row[5], 100 * t["lower"], "0.0", "probability lower")
        formatted(row[6], 100 * t["upper"], "0.0", "probability upper")
        formatted(row[7], t["runs"], "0", "probability runs")
        # The shortfall over all runs in the target's unit (JSON: the model's; null where the quantile never peaks).
        model_unit = {"peak_ceiling": "Mt CO2", "energy_cap": "Mtce"}.get(t["target"])
        f = cn_factor(model_unit, "cn" if lang == "zh" else "model") if model_unit else 1.0
        for cell, key in zip(row[8:10], ["shortfall_median", "shortfall_p90"]):
            if t[key] is None:
                check(cell.value == ("未实现" if lang == "zh" else "never"), f"{key} {t['target']}: {cell.value!r}")
            else:
                v = scaled(t[key], f)
                formatted(cell, v, value_format(v), f"{key} {t['target']} {t['year']}")
        unit = {"peak_ceiling": "Mt CO2", "energy_cap": "Mtce", "peak_year": "yr", "neutrality_year": "yr"}.get(t["target"], "pp")
        zh_unit = {"Mt CO2": "万吨CO2", "Mtce": "万吨标准煤", "yr": "年", "pp": "个百分点"}
        check(row[10].value == (zh_unit[unit] if lang == "zh" else unit), f"shortfall unit {t['target']}: {row[10].value!r}")
    rows = rows_of(wb.worksheets[2])[1:]
    expected = [(s["output"], f) for s in sc["sensitivity"] for f in s["factors"]]
    check(len(rows) == len(expected), "sensitivity: one row per output and factor")
    for row, (output, f) in zip(rows, expected):
        # Under zh the Chinese names with the keys in brackets.
        keyed = (lambda cell, key: cell.endswith(f"（{key}）")) if lang == "zh" else (lambda cell, key: cell == key)
        check(keyed(row[1].value, output) and keyed(row[3].value, f["factor"]), f"sensitivity row {row[1].value} {row[3].value}")
        formatted(row[4], f["first"], "0.000", "sobol first")
        formatted(row[5], f["first_interval"][0], "0.000", "sobol first lower")
        formatted(row[6], f["first_interval"][1], "0.000", "sobol first upper")
        formatted(row[7], f["total"], "0.000", "sobol total")
        formatted(row[8], f["total_interval"][0], "0.000", "sobol total lower")
        formatted(row[9], f["total_interval"][1], "0.000", "sobol total upper")
    # The runs the figures stand on: stored and planned, and each scenario's runs and failures, as the JSON gives them.
    runs = rows_of(wb.worksheets[3])[1:]
    formatted(runs[0][2], data["runs_stored"], "0", "runs stored")
    formatted(runs[1][2], data["runs_planned"], "0", "runs planned")
    by_scenario = [r for r in runs[2:] if r[1].value in ("Runs", "运行次数", "Runs failed", "失败的运行")]
    for k, s in enumerate(data["scenarios"]):
        formatted(by_scenario[2 * k][2], s["runs"], "0", f"runs of {s['scenario']}")
        formatted(by_scenario[2 * k + 1][2], s["failed"], "0", f"failed runs of {s['scenario']}")
    meta = {r[0].value: r[1].value for r in wb.worksheets[4].iter_rows(min_row=2)}
    with open(DATASET, "rb") as f:
        # In history mode the sweep's dataset identity is the checksum, " history " and the observations' fingerprint.
        fp = fnv1a(f.read())
        check(any(str(v).split(" ")[0] == fp for v in meta.values()), "summarize metadata: the dataset checksum")
    check(("参数扫描名称" if lang == "zh" else "Sweep name") in meta and "workbook-check" in meta.values(), "summarize metadata: the sweep's name")


def check_hindcast(binary, tmp, lang):
    """`hindcast`'s workbook against `hindcast --format json` (model units): a row per quantity and year, the summary
    per quantity and window, the metadata naming the observations file; Chinese statistical units under zh."""
    path = os.path.join(tmp, f"hindcast-{lang}.xlsx")
    carbonsim(binary, "hindcast", "--format", "xlsx", "--output", path, "--lang", lang)
    data = json.loads(carbonsim(binary, "hindcast", "--format", "json").stdout)
    units = "cn" if lang == "zh" else "model"
    wb = openpyxl.load_workbook(path)
    names = ["回算检验", "汇总", "说明"] if lang == "zh" else ["Hindcast", "Summary", "Metadata"]
    check(wb.sheetnames == names, f"hindcast sheets {wb.sheetnames}")
    for ws, frozen in zip(wb.worksheets, ["C2", "C2", "B2"]):
        check(ws.freeze_panes == frozen, f"{ws.title} frozen at {ws.freeze_panes}")
    rows = rows_of(wb.worksheets[0])[1:]
    check(len(data["rows"]) >= 20 and rows[len(data["rows"])][0].value is None, f"hindcast: {len(data['rows'])} rows, then a blank row")
    for row, r in zip(rows, data["rows"]):
        where = f"hindcast {r['quantity']} {r['year']}"
        f = cn_factor(r["unit"], units)
        check(r["quantity"] in row[0].value, f"{where}: quantity {row[0].value}")
        formatted(row[1], r["year"], "0", where + " year")
        for cell, v, what in ((row[2], r["observed"], "observed"), (row[3], r["model"], "model"), (row[4], r["error"], "error")):
            v = scaled(v, f)
            formatted(cell, v, value_format(v) if v is not None else None, f"{where} {what}")
        formatted(row[5], r["relative_error_pct"], "0.0", where + " error %")
        expected_unit = CN_UNITS[r["unit"]][0] if units == "cn" and r["unit"] in CN_UNITS else None
        if expected_unit:
            check(row[6].value == expected_unit, f"{where}: unit {row[6].value}, expected {expected_unit}")
        elif lang == "en":
            check(row[6].value == r["unit"], f"{where}: unit {row[6].value}")
    summary = rows_of(wb.worksheets[1])[1:]
    check(len(summary) == len(data["summary"]), f"hindcast summary: {len(summary)} rows")
    for row, m in zip(summary, data["summary"]):
        where = f"hindcast summary {m['quantity']} {m['window']}"
        f = cn_factor(m["error_unit"], units)
        mae = scaled(m["mean_absolute_error"], f)
        formatted(row[3], mae, value_format(mae) if mae is not None else None, where + " MAE")
        formatted(row[5], m["mean_absolute_percent_error"], "0.0", where + " MAPE")
        for cell, key in zip(row[2:3] + row[6:9], ["compared", "bounds_met", "bounds_missed", "not_compared"]):
            formatted(cell, m[key], "0", f"{where} {key}")
    meta = {r[0].value: r[1].value for r in wb.worksheets[2].iter_rows(min_row=2)}
    check(meta["观测数据文件" if lang == "zh" else "Observations file"] == data["observations_file"], f"hindcast metadata: {meta}")
    check(meta["地区" if lang == "zh" else "Region"] == ("内蒙古" if lang == "zh" else "Inner Mongolia"), "hindcast metadata: the region")


def check_errors(binary, tmp):
    """xlsx is binary: it needs --output FILE.xlsx, and says so before computing."""
    p = carbonsim(binary, "compare", "--format", "xlsx", expect=2)
    check("--output FILE.xlsx" in p.stderr, f"no --output: {p.stderr}")
    p = carbonsim(binary, "run", "--format", "xlsx", "--output", os.path.join(tmp, "out.csv"), expect=2)
    check("does not end in .xlsx" in p.stderr and "out.xlsx" in p.stderr, f"wrong extension: {p.stderr}")
    p = carbonsim(binary, "decompose", "--format", "xlsx", "-o", os.path.join(tmp, "missing", "d.xlsx"), expect=2)
    check("does not exist" in p.stderr, f"missing folder: {p.stderr}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--carbonsim", default=os.path.join(ROOT, ".build/debug/carbonsim"))
    args = parser.parse_args()
    binary = os.path.abspath(args.carbonsim)
    with tempfile.TemporaryDirectory() as tmp:
        for lang, units in (("en", "model"), ("zh", "cn"), ("zh", "model")):
            check_compare(binary, tmp, lang, units)
        for lang in ("en", "zh"):
            check_hindcast(binary, tmp, lang)
            check_run(binary, tmp, lang)
            check_decompose(binary, tmp, lang)
            check_summarize(binary, tmp, lang)
        check_errors(binary, tmp)
    print(f"workbooks: {passed} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"workbook check failed: {e}", file=sys.stderr)
        print(f"workbooks: {passed} passed, 1 failed")
        sys.exit(1)
