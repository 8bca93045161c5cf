extension Levers {
    public static let efficiencyBenchmark = Lever(
        path: "sector_plans.industry.efficiency_benchmark", unit: .percentOfGap, range: 0...100,
        label: "Energy-efficiency benchmark", labelZH: "能效标杆水平",
        description: "Share of the gap between compliant capacity and the energy-efficiency benchmark that retrofits close (a pull with the product's relaxation time)",
        descriptionZH: "能效标杆水平：合规产能与标杆水平差距的缩小比例（按改造周期逐步实现）",
        family: "efficiency", baseline: .level { _ in 0 },
        actsOn: .products,
        entersModel: "Industry: compliant intensity pulled toward x0 - share (x0 - benchmark) with the relaxation time")
}
