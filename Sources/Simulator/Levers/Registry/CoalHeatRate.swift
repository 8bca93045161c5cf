extension Levers {
    public static let coalHeatRate = Lever(
        path: "sector_plans.power.coal_heat_rate", unit: .gramsCoalPerKWh, range: 250...400,
        label: "Coal-power heat rate", labelZH: "煤电供电煤耗",
        description: "Coal fleet supply heat rate that retrofits pull toward (with the retrofit relaxation time)",
        descriptionZH: "煤电机组供电煤耗目标（节能改造，按改造周期逐步实现）",
        family: "coal_power", baseline: .level { $0.power.baseHeatRate },
        onlyLowers: DatasetLevel(what: "coal fleet's heat rate", zh: "煤电机组供电煤耗", series: "heat_rate", pullWidth: 0.5, meanwhile: { p in
            ("new units at \(Shortfalls.fmt(p.power.newUnitHeatRate)) gce/kWh lowered it from \(Shortfalls.fmt(p.power.baseHeatRate)) in \(p.baseYear)",
             "新建机组按\(Shortfalls.fmt(p.power.newUnitHeatRate))克标准煤/千瓦时投产，已使其从\(p.baseYear)年的\(Shortfalls.fmt(p.power.baseHeatRate))降低")
        }) { $0.power.baseHeatRate },
        entersModel: "Power: dh/dt includes -max(h - target, 0)/tau")
}
