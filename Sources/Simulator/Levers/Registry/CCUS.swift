extension Levers {
    public static let ccus = Lever(
        path: "sector_plans.removals.ccus", unit: .megatonnesCO2PerYear, range: 0...500,
        label: "CCUS capacity", labelZH: "CCUS捕集能力",
        description: "CCUS capture capacity on coal power and coal chemicals, in place at the end of the full-effect year",
        descriptionZH: "煤电与煤化工CCUS捕集能力（达效年末建成）",
        family: "ccus", baseline: .level { _ in 0 }, isBuildOut: true,
        entersModel: "CCUS: capacity K(t) follows the path; captured = min(u K, max share x capturable CO2)")
}
