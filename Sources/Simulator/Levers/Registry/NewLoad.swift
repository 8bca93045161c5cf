extension Levers {
    /// Planned electricity-intensive load beyond what the dataset's history path already holds (polysilicon
    /// and wafers, data centres, electrolysers). New aluminium and ferroalloy are products, not this lever.
    public static let newLoad = Lever(
        path: "sector_plans.power.new_load", unit: .terawattHoursPerYear, range: 0...1000,
        label: "New electricity-intensive load", labelZH: "新增高载能负荷",
        description: "Electricity use of new electricity-intensive load (polysilicon and wafers, data centres and computing, electrolysers) on top of the dataset's observed new load; 1 GW running 8,000 h is 8 TWh/yr",
        descriptionZH: "在数据集已观测新增负荷之上的新增高载能用电（多晶硅及硅片、数据中心与算力、电解槽）；1吉瓦运行8000小时约为8太瓦时/年",
        family: "electricity_demand", baseline: .level { _ in 0 },
        entersModel: "Power: in-region demand + observed new load L_obs(t) + lever(t)")
}
