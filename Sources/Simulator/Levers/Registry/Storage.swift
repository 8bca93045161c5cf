extension Levers {
    /// New-type storage (batteries and the like) built beyond what the allocation rule for new wind and solar
    /// brings; the rule itself (10 % of new capacity for 2 h in Inner Mongolia) is the dataset's and the baseline.
    public static let storage = Lever(
        path: "sector_plans.power.storage", unit: .gigawatts, range: 0...500,
        label: "New-type storage beyond the allocation rule", labelZH: "配储要求之外的新型储能",
        description: "Power of new-type storage (independent and grid-side stations) beyond the rule-based storage of new wind and solar, at the dataset's storage duration; it charges from curtailed wind and solar",
        descriptionZH: "新能源配储要求之外的新型储能功率（独立及电网侧储能，按数据集的储能时长），利用弃风弃光充电",
        family: "renewables", baseline: .level { _ in 0 }, isBuildOut: true,
        entersModel: "Power: charged = X c/(X + c) of the curtailed c, X = (rule + lever) GWh x cycles/1000; delivered + efficiency x charged")
}
