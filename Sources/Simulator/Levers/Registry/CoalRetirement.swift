extension Levers {
    public static let coalRetirement = Lever(
        path: "sector_plans.power.coal_retirement", unit: .percentPerYear, range: 0...30,
        label: "Early coal retirement", labelZH: "煤电提前退役",
        description: "Extra early retirement of coal capacity (worst units first), share per year",
        descriptionZH: "煤电机组提前退役比例（先退高煤耗机组）",
        family: "coal_power", baseline: .level { _ in 0 },
        entersModel: "Power: dC/dt includes -r(t) C; the fleet heat rate falls toward the new units'")
}
