"""Builds Sources/Scenarios/Datasets/ceads-sector-groups.csv from the CEADs provincial inventories.

Input: shared/data/ceads/ceads_provinces_sector_fuelgroup_1997_2019.csv (47 sectors plus Urban and Rural, by
fuel group, Mt CO2). Output: one row per province, year and carbonsim sector group, the same grouping as
the embedded dataset's `ceads_2019` (docs/data.md). CEADs' "other energy" column is zero in every row; the
script checks that rather than assuming it.

Usage: python3 scripts/ceads_sector_groups.py ../shared/data/ceads/ceads_provinces_sector_fuelgroup_1997_2019.csv
"""
import csv
import sys
from collections import defaultdict

GROUPS = {
    "Production and Supply of Electric Power, Steam and Hot Water": "power",
    "Smelting and Pressing of Ferrous Metals": "ferrous",
    "Smelting and Pressing of Nonferrous Metals": "nonferrous",
    "Nonmetal Mineral Products": "nonmetal",
    "Petroleum Processing and Coking": "petro_coking",
    "Raw Chemical Materials and Chemical Products": "chemicals",
    "Transportation, Storage, Post and Telecommunication Services": "transport",
}
ORDER = ["power", "ferrous", "nonferrous", "nonmetal", "petro_coking", "chemicals", "transport", "other"]
HEADER = """# CEADs provincial CO2 inventories 1997-2019 (scope 1, IPCC sectoral approach, apparent energy consumption),
# Mt CO2, summed into carbonsim's sector groups (docs/data.md): the seven named CEADs sectors, and `other` for
# the remaining 40 sectors plus Urban and Rural. `process` is cement process CO2 (in the nonmetal group).
# Sources: CEADs "Emission Inventories for 30 Provinces"; Shan et al. 2016 (Applied Energy 184:742),
# Shan et al. 2018 (Scientific Data 5:170201), Shan et al. 2020 (Scientific Data 7:54), Guan et al. 2021
# (Earth's Future 9:e2021EF002241). Built by scripts/ceads_sector_groups.py; group sums equal CEADs' totals.
"""


def main(path, out=sys.stdout):
    sums = defaultdict(lambda: [0.0] * 5)
    totals = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["province"], int(row["year"]))
            if float(row["other_energy"]) != 0:
                sys.exit(f"{key}: other energy is not zero; the grouping must place it")
            values = [float(row[k]) for k in ("coal", "coke_and_coke_gases", "oil", "natural_gas", "process")]
            if row["sector"] == "Total":
                totals[key] = float(row["total"])
                continue
            group = GROUPS.get(row["sector"], "other")
            acc = sums[key + (group,)]
            for i, v in enumerate(values):
                acc[i] += v
    out.write(HEADER)
    out.write("province,year,group,coal,coke,oil,gas,process\n")
    for (province, year), total in sorted(totals.items()):
        grouped = sum(sum(sums[(province, year, g)]) for g in ORDER)
        if abs(grouped - total) > 1e-3 * max(total, 1):
            sys.exit(f"{province} {year}: groups sum to {grouped}, CEADs total {total}")
        for g in ORDER:
            v = sums[(province, year, g)]
            out.write(f"{province},{year},{g}," + ",".join(f"{x:.4f}" for x in v) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
