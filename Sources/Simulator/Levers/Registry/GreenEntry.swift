extension Levers {
    public static let greenEntry = Lever(
        path: "sector_plans.industry.green_entry", unit: .percentOfGap, range: 0...100,
        label: "Green entry threshold", labelZH: "绿色准入门槛",
        description: "Green entry threshold: share of the gap between baseline new capacity and the benchmark that new capacity must close",
        descriptionZH: "绿色准入门槛：新建产能须达到的能效（基准至标杆差距的比例）",
        family: "efficiency", baseline: .level { _ in 0 },
        actsOn: .products,
        entersModel: "Industry: new entrants' intensity = entry - share (entry - benchmark)")
}
