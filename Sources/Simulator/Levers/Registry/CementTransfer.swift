extension Levers {
    /// Industry (clinker): clinker capacity transferred out of the region (水泥产能跨省转移, 产能置换 to another
    /// province). The capacity leaves with its share of the region's clinker output, fuel, electricity and process
    /// CO2; the cement is still made, elsewhere. A transfer cannot exceed the capacity the region has.
    public static let cementCapacityTransfer = Lever(
        path: "sector_plans.industry.cement_capacity_transfer", unit: .megatonnesPerYear, range: 0...300,
        label: "Clinker capacity transferred out of the region", labelZH: "水泥熟料产能跨省转移",
        description: "Clinker capacity transferred out of the region (cross-province capacity replacement), Mt/yr, reached at the end of the full-effect year; at most the region's clinker capacity",
        descriptionZH: "水泥熟料产能跨省置换转出本地区的规模，百万吨/年（达效年末达到），不超过本地区熟料产能",
        family: "cement_materials", baseline: .level { _ in 0 },
        ceiling: DatasetLevel(what: "clinker capacity", zh: "熟料产能") { $0.product(.clinker).baseCapacity },
        actsOn: .product(.clinker),
        entersModel: "Industry: clinker output, energy and process CO2 x (1 - T(t)/K(t)), K the clinker capacity stock")
}
