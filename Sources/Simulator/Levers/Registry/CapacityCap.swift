extension Levers {
    /// Industry: investment limited to the room under the cap, from the cap's first year.
    public static let capacityCap: [Lever] = Product.allCases.map { product in
        Lever(
            path: "sector_plans.industry.capacity_cap.\(product.key)", unit: .megatonnesPerYear, range: 0...1000,
            label: "Cap \(product.key) capacity", labelZH: "\(product.nameZH)产能总量控制",
            description: "Cap on total \(product.key) capacity (new capacity only within it; binds from the start year, moving from the installed capacity to the cap by the full-effect year)",
            descriptionZH: "\(product.nameZH)产能总量控制（起始年起生效，达效年达到上限）",
            family: "capacity", baseline: .none(from: { $0.product(product).baseCapacity }),
            actsOn: .product(product),
            entersModel: "Industry: investment at most the room under the cap plus retirements, from the cap's start")
    }
}
