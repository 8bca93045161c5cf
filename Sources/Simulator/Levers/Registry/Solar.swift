extension Levers {
    public static let solar = Lever(
        path: "sector_plans.power.solar", unit: .gigawatts, range: 0...1000,
        label: "Solar capacity", labelZH: "光伏装机",
        description: "Installed solar capacity at the end of the full-effect year (or each milestone year); the baseline trend continues after it",
        descriptionZH: "光伏装机目标（达效年末），其后按基线趋势增长",
        family: "renewables", baseline: .trend { ($0.power.baseSolar, $0.power.solarBuildRate) }, isBuildOut: true,
        entersModel: "Power: S(t) = base + rate (t - end of base year) + offset(t), the offset reaching the milestones")
}
