extension Levers {
    /// Industry (clinker): bulk industrial solid waste (slag, fly ash, steel slag) blended into cement in place of
    /// clinker, so less clinker is made for the same cement: its fuel and process CO2 fall together.
    public static let clinkerSubstitution = Lever(
        path: "sector_plans.industry.clinker_substitution", unit: .percent, range: 0...60,
        label: "Clinker substitution by industrial solid waste", labelZH: "大宗固废替代水泥熟料",
        description: "Cut in clinker per tonne of cement against the base year, by slag, fly ash and other bulk solid waste blended into cement and wall materials",
        descriptionZH: "利用矿渣、粉煤灰等大宗工业固废替代水泥熟料：单位水泥熟料用量较基年下降的比例",
        family: "cement_materials", baseline: .level { _ in 0 },
        actsOn: .product(.clinker),
        entersModel: "Industry: clinker demand x (1 - s(t))")

    /// Industry (clinker): carbide slag (Ca(OH)2 from calcium-carbide acetylene) in place of limestone in the raw
    /// meal: the calcination CO2 of the replaced limestone is not emitted.
    public static let carbideSlag = Lever(
        path: "sector_plans.industry.carbide_slag", unit: .percent, range: 0...100,
        label: "Carbide slag replacing limestone in clinker", labelZH: "电石渣替代石灰石",
        description: "Share of the limestone in clinker raw meal replaced by carbide slag (and other decarbonated calcium sources): clinker process CO2 falls by the same share",
        descriptionZH: "电石渣等替代石灰石作水泥熟料钙质原料的比例：熟料工艺过程排放同比例下降",
        family: "cement_materials", baseline: .level { _ in 0 },
        actsOn: .product(.clinker),
        entersModel: "Industry: clinker process CO2 per tonne x (1 - c(t))")
}
