extension Levers {
    public static let buildingsElectrification = Lever(
        path: "sector_plans.buildings.electrification", unit: .percent, range: 0...100,
        label: "Buildings electrification", labelZH: "建筑电能替代",
        description: "Share of buildings' fossil final energy switched to electricity (heat pumps, electric heating)",
        descriptionZH: "建筑领域化石能源终端消费电能替代比例",
        family: "electrification", baseline: .level { _ in 0 },
        entersModel: "Activities: fossil x (1 - e(t)); electricity + switched fossil x MWh per tce")

    public static let transportElectrification = Lever(
        path: "sector_plans.transport.electrification", unit: .percent, range: 0...100,
        label: "Transport electrification", labelZH: "交通电能替代",
        description: "Share of transport's fossil final energy switched to electricity",
        descriptionZH: "交通领域化石能源终端消费电能替代比例",
        family: "electrification", baseline: .level { _ in 0 },
        entersModel: "Activities: fossil x (1 - e(t)); electricity + switched fossil x MWh per tce")
}
