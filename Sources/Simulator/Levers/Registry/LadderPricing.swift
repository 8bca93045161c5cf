extension Levers {
    public static let ladderPricing = Lever(
        path: "measures.ladder_pricing", unit: .yuanPerKWh, range: 0...0.5,
        label: "Ladder electricity pricing", labelZH: "阶梯电价",
        description: "Ladder electricity price surcharge on above-benchmark use by electricity-intensive products (aluminium, ferroalloy, carbide); 0 is the 2014 aluminium ladder already in the base year",
        descriptionZH: "阶梯电价：高耗电产品（电解铝、铁合金、电石）超标杆用电加价（0 即基准年已有的2014年电解铝阶梯电价）",
        family: "efficiency", baseline: .level { _ in 0 },
        actsOn: .electricityIntensiveProducts,
        entersModel: "Industry: electricity-intensive products' exit rate and benchmark gap respond to the surcharge")
}
