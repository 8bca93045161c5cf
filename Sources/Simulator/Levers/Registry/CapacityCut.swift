extension Levers {
    /// Industry: the backward vintage exits at 1/lifetime plus this rate; the exit is eliminated capacity.
    public static let capacityCut: [Lever] = Product.allCases.map { product in
        Lever(
            path: "sector_plans.industry.capacity_cut.\(product.key)", unit: .percentPerYear, range: 0...100,
            label: "Eliminate backward \(product.key) capacity", labelZH: "淘汰落后\(product.nameZH)产能",
            description: "Extra elimination of backward \(product.key) capacity, share of the remaining backward stock per year; compliant capacity replaces it where demand calls for it, so output falls only under a capacity cap or replacement rule",
            descriptionZH: "淘汰落后\(product.nameZH)产能：每年淘汰剩余落后产能的比例；合规产能会按需求补上，产量只在有产能上限或置换比例时下降",
            family: "capacity", baseline: .level { _ in 0 },
            actsOn: .product(product),
            entersModel: "Industry: dK_old/dt = -K_old/L_old - cut(t) K_old")
    }
}
