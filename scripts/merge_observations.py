#!/usr/bin/env python3
"""Merge a researcher's free-form observations file into the dataset's observations file.

The researcher's file (columns quantity,year,value,unit,basis,source,confidence,notes) names quantities and
bases in words ("Generation Jan-Sep (above designated size)", "end-May 2024, grid-connected"). This script
maps each of its rows, by row number, to carbonsim's vocabulary (docs/data.md, "Observations"): a quantity,
a basis of tags, and the published value and unit unchanged; the source and confidence are the researcher's.
Rows with no model quantity (population, nominal GDP, coal output, total capacity), plan targets, and rows whose
date or basis cannot be stated are listed under SKIPPED with the reason, so nothing is dropped silently.
Figures quoted in a row's notes (a growth rate, a split by type, "same source") become rows of their own.

Usage: python3 scripts/merge_observations.py RESEARCH.csv >> Sources/Scenarios/Datasets/inner-mongolia-observations.csv
(run once; `carbonsim hindcast` then checks every row.)
"""
import csv
import sys

# row number in the research file -> rows to write: (quantity, value, unit, basis, extra note)
# A value of None takes the row's own value and unit.
ADS = "above designated size"
MAP = {
    42: [("energy_intensity_growth", None, None, "Jan-Jun", "")],  # its source "same (...)" is written out in full by hand
    43: [("capacity_wind_solar", None, None, "year-end; grid-company", "Mengxi grid"),
         ("capacity_wind", "1947", "10 MW", "year-end; grid-company", "Mengxi grid, same source"),
         ("capacity_solar", "906", "10 MW", "year-end; grid-company", "Mengxi grid, same source")],
    44: [("generation_wind_solar", None, None, "annual; grid-company", "Mengxi grid"),
         ("generation_wind", "440.38", "100 GWh", "annual; grid-company", "Mengxi grid, same source"),
         ("generation_solar", "136.94", "100 GWh", "annual; grid-company", "Mengxi grid, same source")],
    48: [("energy_total_growth", None, None, "annual", "")],
    49: [("energy_total_growth", None, None, "Jan-Jun", "")],
    50: [("generation", None, None, "annual; approximate", "")],
    51: [("generation", None, None, f"Jan-Jul; {ADS}", ""),
         ("generation_growth", "6.6", "%", f"Jan-Jul; {ADS}", "same source"),
         ("generation_thermal", "2780.4", "100 GWh", f"Jan-Jul; {ADS}", "same source"),
         ("generation_wind", "515.3", "100 GWh", f"Jan-Jul; {ADS}", "same source")],
    52: [("generation", None, None, f"Jan-Sep; {ADS}", ""),
         ("generation_growth", "4.9", "%", f"Jan-Sep; {ADS}", "same source")],
    57: [("electricity_exports", None, None, "annual", "")],
    59: [("generation", None, None, "annual", "")],
    60: [("generation", None, None, f"Jan-Aug; {ADS}", ""),
         ("generation_growth", "5.8", "%", f"Jan-Aug; {ADS}", "same source")],
    61: [("generation", None, None, f"Jan-May; {ADS}", ""),
         ("generation_growth", "4.7", "%", f"Jan-May; {ADS}", "same source"),
         ("generation_thermal", "2025.1", "100 GWh", f"Jan-May; {ADS}", "same source"),
         ("generation_wind", "435.0", "100 GWh", f"Jan-May; {ADS}", "same source")],
    62: [("capacity_wind_solar", None, None, "end-Jul", "")],
    63: [("generation_wind_solar", None, None, "Jan-Jul", "energy bureau basis")],
    69: [("capacity_wind_solar", None, None, "year-end; at least", "expected at the 2023-12-26 press conference")],
    70: [("capacity_wind_solar", None, None, f"end-Mar; {ADS}", "units of 6 MW and above")],
    72: [("generation_wind_solar", None, None, f"Jan-Mar; {ADS}", ""),
         ("generation_wind_solar_growth", "20.3", "%", f"Jan-Mar; {ADS}", "same source"),
         ("generation_wind", "311.0", "100 GWh", f"Jan-Mar; {ADS}", "same source"),
         ("generation_solar", "40.9", "100 GWh", f"Jan-Mar; {ADS}", "same source")],
    79: [("electricity_exports", None, None, "annual; grid-company", "Mengdong grid")],
    80: [("energy_intensity_growth", None, None, "annual", "")],
    81: [("gdp_growth", None, None, "annual; approximate", "")],
    82: [("generation", None, None, f"Jan-Jul; {ADS}", ""),
         ("generation_growth", "10.9", "%", f"Jan-Jul; {ADS}", "same source")],
    83: [("generation", None, None, f"Jan-Sep; {ADS}", ""),
         ("generation_growth", "9.6", "%", f"Jan-Sep; {ADS}", "same source")],
    84: [("generation", None, None, f"Jan-Mar; {ADS}", ""),
         ("generation_growth", "12.3", "%", f"Jan-Mar; {ADS}", "same source")],
    85: [("capacity_wind_solar", None, None, "end-May", "grid-connected")],
    86: [("capacity_wind_solar", None, None, "year-end", "")],
    88: [("generation_wind_solar", None, None, f"Jan-Sep; {ADS}", ""),
         ("generation_wind_solar_growth", "23.5", "%", f"Jan-Sep; {ADS}", "same source")],
    95: [("generation_solar", None, None, f"Jan-Jul; {ADS}", ""),
         ("generation_solar_growth", "42.8", "%", f"Jan-Jul; {ADS}", "same source")],
    96: [("generation_solar", None, None, f"Jan-Sep; {ADS}", ""),
         ("generation_solar_growth", "41.9", "%", f"Jan-Sep; {ADS}", "same source")],
    97: [("generation_solar", None, None, f"Jan-Mar; {ADS}", ""),
         ("generation_solar_growth", "12.6", "%", f"Jan-Mar; {ADS}", "same source")],
    99: [("generation_thermal", None, None, f"Jan-Jul; {ADS}", ""),
         ("generation_thermal_growth", "8.5", "%", f"Jan-Jul; {ADS}", "same source")],
    100: [("generation_wind", None, None, f"Jan-Jul; {ADS}", ""),
          ("generation_wind_growth", "15.7", "%", f"Jan-Jul; {ADS}", "same source")],
    101: [("generation_wind", None, None, f"Jan-Sep; {ADS}", ""),
          ("generation_wind_growth", "20.9", "%", f"Jan-Sep; {ADS}", "same source")],
    102: [("generation_wind", None, None, f"Jan-Mar; {ADS}", ""),
          ("generation_wind_growth", "12.9", "%", f"Jan-Mar; {ADS}", "same source")],
    103: [("electricity_exports", None, None, "Jan-Jun", ""),
          ("electricity_exports_growth", "7.7", "%", "Jan-Jun", "same source")],
    104: [("gdp_growth", None, None, "annual", "preliminary")],
    105: [("generation", None, None, "Jan-Jun", "energy bureau basis"),
          ("generation_growth", "4.7", "%", "Jan-Jun", "same source")],
    106: [("capacity_wind_solar", None, None, "end-Sep", "")],
    107: [("capacity_wind_solar", None, None, "end-May", "")],
    109: [("capacity_wind_solar", None, None, "end-Nov; at least", "published as 'more than 150 GW' in November")],
    110: [("generation_wind_solar", None, None, "annual; at least",
           "basis not stated: all plants (then exact) or above designated size (then a lower bound), so kept as a lower bound")],
    111: [("generation_wind_solar", None, None, "Jan-May", "energy bureau basis"),
          ("generation_wind_solar_growth", "39.5", "%", "Jan-May", "same source")],
    112: [("generation_wind_solar", None, None, "Jan-Nov", "energy bureau basis; year inferred by the researcher")],
    113: [("generation_wind_solar", None, None, "Jan-Oct; at least", "energy bureau basis")],
}

SKIPPED = {
    41: "electricity intensity is not a model quantity",
    87: "date not given; the year-end figure (row 86) supersedes it",
    98: "date not given, so no basis can be stated",
    108: "date and year inferred by the researcher (low); rows 106, 107 and 109 cover 2025",
    58: "applied by hand: the revised 4.4 % replaces the bulletin's preliminary 4.2 % (one figure per basis)",
    67: "applied by hand: the government's 306 TWh replaces the 294.5 TWh derived from the Mengdong grid's share",
    71: "already in the file (118.24 TWh, from the shared observations)",
    8: "applied by hand: confirmed by the official NBS/NDRC/NEA bulletin, confidence raised to high",
}


def main(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    out = csv.writer(sys.stdout, lineterminator="\n")
    for number, r in enumerate(rows, start=2):
        for quantity, value, unit, basis, note in MAP.get(number, []):
            notes = "; ".join(x for x in [note, r["notes"] if value is None else ""] if x)
            out.writerow([quantity, r["year"], value or r["value"], unit or r["unit"], basis, r["source"], r["confidence"], notes])
    mapped = set(MAP) | set(SKIPPED)
    for number, r in enumerate(rows, start=2):
        if number in SKIPPED:
            continue
        if number >= 41 and number not in mapped:
            print(f"skipped row {number}: {r['quantity']} {r['year']}: not a model quantity (population, nominal GDP, coal or LNG output, total capacity) or a plan target", file=sys.stderr)
    for number in sorted(SKIPPED):
        r = rows[number - 2]
        print(f"skipped row {number}: {r['quantity']} {r['year']}: {SKIPPED[number]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
