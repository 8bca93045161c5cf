extension Levers {
    public static let flyAshAlumina = Lever(
        path: "sector_plans.industry.fly_ash_alumina", unit: .megatonnesPerYear, range: 0...20,
        label: "Alumina from high-alumina fly ash", labelZH: "高铝粉煤灰提取氧化铝",
        description: "Capacity for alumina extracted from high-alumina fly ash, reached at the end of the full-effect year (displaces Bayer and imported alumina)",
        descriptionZH: "高铝粉煤灰提取氧化铝产能目标（达效年末建成；替代拜耳法和外购氧化铝）",
        family: "fly_ash_alumina", baseline: .level { $0.flyAsh.baseCapacity }, isBuildOut: true,
        actsOn: .highAluminaFlyAsh,
        entersModel: "Fly ash: capacity K(t) follows the path; output u K A/(A + A_half)")
}
