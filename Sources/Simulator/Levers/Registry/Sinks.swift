extension Levers {
    public static let sinks = Lever(
        path: "sector_plans.removals.sinks", unit: .megatonnesCO2PerYear, range: 0...300,
        label: "Extra carbon sinks", labelZH: "新增碳汇",
        description: "Extra uptake of afforestation and grassland restoration at maturity: the area is planted on the schedule and its uptake matures with the maturation time",
        descriptionZH: "造林与草原修复新增碳汇（按计划造林，碳汇随成熟期逐步形成）",
        family: "sinks", baseline: .level { _ in 0 },
        entersModel: "Sinks: dF/dt = (F0 + extra(t) - F)/tau")
}
