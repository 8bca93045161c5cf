extension Levers {
    /// Industry (steel): blast furnaces of 400-1200 m3 and converters of 30-100 t are restricted equipment in the
    /// national Industrial Structure Adjustment Catalogue (2019); upgrading them to large units closes their
    /// energy gap.
    public static let steelEquipmentUpgrade = Lever(
        path: "sector_plans.industry.equipment_upgrade.steel", unit: .percent, range: 0...100,
        label: "Upgrade restricted steel equipment", labelZH: "钢铁限制类装备升级改造",
        description: "Share of steel capacity on restricted-size equipment (400-1200 m3 blast furnaces, 30-100 t converters) replaced by large units",
        descriptionZH: "400-1200立方米高炉、30-100吨转炉等限制类装备升级改造为大型装备的比例",
        family: "efficiency", baseline: .level { _ in 0 },
        actsOn: .product(.steel),
        entersModel: "Industry: steel specific energy x (1 - gap x restricted share x u(t))")
}
