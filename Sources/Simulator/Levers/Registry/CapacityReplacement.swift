extension Levers {
    /// Products under the national capacity-replacement rules (产能置换): steel, cement clinker, electrolytic
    /// aluminium and coke.
    public static let capacityReplacementProducts: [Product] = [.steel, .clinker, .aluminium, .coke]

    /// Industry: from the start year, new capacity only against capacity retired, at the ratio (1.25 retired
    /// per new for 1.25:1). Replacement ratios only bind where capacity is renewed; they never add capacity.
    public static let capacityReplacement: [Product: Lever] = Dictionary(uniqueKeysWithValues: capacityReplacementProducts.map { product in
        (product, Lever(
            path: "sector_plans.industry.capacity_replacement.\(product.key)", unit: .replacementRatio, range: 1...5,
            label: "Capacity replacement ratio for \(product.key)", labelZH: "\(product.nameZH)产能置换比例",
            description: "New \(product.key) capacity only against retired capacity, at this many tonnes retired per tonne built (binds from the start year, from 1:1 to the ratio by the full-effect year)",
            descriptionZH: "\(product.nameZH)新建产能须按此比例等量或减量置换退出产能（起始年起生效，达效年达到该比例）",
            family: "capacity", baseline: .none(from: { _ in 1 }),
            actsOn: .product(product),
            entersModel: "Industry: investment at most retirements / ratio(t), from the lever's start"))
    })

    static var capacityReplacementLevers: [Lever] { capacityReplacementProducts.map { capacityReplacement[$0]! } }
}
