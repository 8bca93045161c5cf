extension Levers {
    /// Products processed further in the region (alloys and foil, special steel, fine chemicals).
    public static let deepProcessingProducts: [Product] = [.steel, .aluminium, .coalChemicals]

    /// Industry and GDP: the processed share of output raises value added and some energy per tonne.
    public static let deepProcessing: [Product: Lever] = Dictionary(uniqueKeysWithValues: deepProcessingProducts.map { product in
        (product, Lever(
            path: "sector_plans.industry.deep_processing.\(product.key)", unit: .percent, range: 0...100,
            label: "Deep processing of \(product.key)", labelZH: "\(product.nameZH)就地深加工",
            description: "Share of \(product.key) output processed further in the region (raises value added and some energy per tonne)",
            descriptionZH: "\(product.nameZH)就地深加工比例（提高增加值，略增单位能耗）",
            family: "deep_processing", baseline: .level { 100 * $0.product(product).deepProcessingBase },
            actsOn: .product(product),
            entersModel: "Industry and GDP: ratio d(t) follows the path; energy x (1 + uplift (d - d0)), value added x uplift (d - d0)"))
    })

    static var deepProcessingLevers: [Lever] { deepProcessingProducts.map { deepProcessing[$0]! } }
}
