extension Levers {
    public static let wind = Lever(
        path: "sector_plans.power.wind", unit: .gigawatts, range: 0...1000,
        label: "Wind capacity", labelZH: "风电装机",
        description: "Installed wind capacity at the end of the full-effect year (or each milestone year); the baseline trend continues after it",
        descriptionZH: "风电装机目标（达效年末），其后按基线趋势增长",
        family: "renewables", baseline: .trend { ($0.power.baseWind, $0.power.windBuildRate) }, isBuildOut: true,
        entersModel: "Power: W(t) = base + rate (t - end of base year) + offset(t), the offset reaching the milestones")
}
