import Simulator

/// Every lever of the "N" sector plans and "X" supporting measures. Adding a lever is one entry here
/// plus the field it sets in `LeverSettings`.
public enum LeverCatalog {
    public static let all: [LeverDefinition] = industry + power + demand + removals + measures

    public static func lever(_ path: String) -> LeverDefinition? { all.first { $0.path == path } }

    static func fmt(_ v: Double) -> String { format(v) }

    /// Products processed further in the region (alloys and foil, special steel, fine chemicals).
    public static let deepProcessingProducts: [Product] = [.steel, .aluminium, .coalChemicals]

    static let industry: [LeverDefinition] = {
        var levers: [LeverDefinition] = []
        for product in Product.allCases {
            let i = product.rawValue
            levers.append(LeverDefinition(
                path: "sector_plans.industry.capacity_cut.\(product.key)", family: "capacity", unit: "%/yr",
                range: 0...100, scale: 0.01,
                description: "Extra elimination of backward \(product.key) capacity, share of the remaining backward stock per year",
                descriptionZH: "淘汰落后\(zh(product))产能：每年淘汰剩余落后产能的比例",
                baseline: { _ in 0 }, baselineText: { _ in "0" },
                apply: { $0.capacityCut[i] = $1 }))
            levers.append(LeverDefinition(
                path: "sector_plans.industry.capacity_cap.\(product.key)", family: "capacity", unit: "Mt/yr",
                range: 0...1000, scale: 1,
                description: "Cap on total \(product.key) capacity (new capacity only within it; from the start year)",
                descriptionZH: "\(zh(product))产能总量控制（起始年起生效）",
                baseline: { $0.product(product).baseCapacity }, baselineText: { _ in "none" },
                apply: { $0.capacityCap[i] = $1 }))
        }
        // Deep processing where the dataset gives it an effect on value added and energy.
        for product in deepProcessingProducts {
            let i = product.rawValue
            levers.append(LeverDefinition(
                path: "sector_plans.industry.deep_processing.\(product.key)", family: "deep_processing", unit: "%",
                range: 0...100, scale: 0.01,
                description: "Share of \(product.key) output processed further in the region (raises value added and some energy per tonne)",
                descriptionZH: "\(zh(product))就地深加工比例（提高增加值，略增单位能耗）",
                baseline: { 100 * $0.product(product).deepProcessingBase },
                baselineText: { fmt(100 * $0.product(product).deepProcessingBase) },
                apply: { $0.deepProcessing[i] = $1 }))
        }
        levers.append(LeverDefinition(
            path: "sector_plans.industry.efficiency_benchmark", family: "efficiency", unit: "% of gap",
            range: 0...100, scale: 0.01,
            description: "Share of the gap between compliant capacity and the energy-efficiency benchmark that retrofits close",
            descriptionZH: "能效标杆水平：合规产能与标杆水平差距的缩小比例",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.efficiencyBenchmark = $1 }))
        levers.append(LeverDefinition(
            path: "sector_plans.industry.green_entry", family: "efficiency", unit: "% of gap",
            range: 0...100, scale: 0.01,
            description: "Green entry threshold: share of the gap between baseline new capacity and the benchmark that new capacity must close",
            descriptionZH: "绿色准入门槛：新建产能须达到的能效（基准至标杆差距的比例）",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.greenEntry = $1 }))
        levers.append(LeverDefinition(
            path: "sector_plans.industry.fly_ash_alumina", family: "fly_ash_alumina", unit: "Mt/yr",
            range: 0.01...20, scale: 1,
            description: "Capacity target for alumina extracted from high-alumina fly ash (displaces Bayer and imported alumina)",
            descriptionZH: "高铝粉煤灰提取氧化铝产能目标（替代拜耳法和外购氧化铝）",
            baseline: { $0.flyAsh.baseCapacity }, baselineText: { fmt($0.flyAsh.baseCapacity) },
            apply: { $0.flyAshAlumina = $1 }))
        return levers
    }()

    /// A wind or solar capacity target: the level in the full-effect year, then the baseline trend.
    static func renewable(_ name: String, zh: String, base: @escaping @Sendable (PowerParameters) -> (level: Double, rate: Double),
                          apply: @escaping @Sendable (inout LeverSettings, Schedule) -> Void) -> LeverDefinition {
        LeverDefinition(
            path: "sector_plans.power.\(name)", family: "renewables", unit: "GW", range: 0...1000, scale: 1,
            description: "Installed \(name) capacity to reach by the full-effect year; the baseline trend continues after it",
            descriptionZH: "\(zh)装机目标（达效年），其后按基线趋势增长",
            baseline: { _ in nil },
            baselineText: { p in let b = base(p.power); return "trend +\(fmt(b.rate)) GW/yr from \(fmt(b.level))" },
            apply: apply)
    }

    static let power: [LeverDefinition] = [
        renewable("wind", zh: "风电", base: { ($0.baseWind, $0.windBuildRate) }, apply: { $0.wind = $1 }),
        renewable("solar", zh: "光伏", base: { ($0.baseSolar, $0.solarBuildRate) }, apply: { $0.solar = $1 }),
        LeverDefinition(
            path: "sector_plans.power.coal_heat_rate", family: "coal_power", unit: "gce/kWh", range: 250...400, scale: 1,
            description: "Coal fleet supply heat rate that retrofits pull toward",
            descriptionZH: "煤电机组供电煤耗目标（节能改造）",
            baseline: { $0.power.baseHeatRate }, baselineText: { fmt($0.power.baseHeatRate) },
            apply: { $0.coalHeatRate = $1 }),
        LeverDefinition(
            path: "sector_plans.power.coal_retirement", family: "coal_power", unit: "%/yr", range: 0...30, scale: 0.01,
            description: "Extra early retirement of coal capacity (worst units first), share per year",
            descriptionZH: "煤电机组提前退役比例（先退高煤耗机组）",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.coalRetirement = $1 }),
    ]

    static let demand: [LeverDefinition] = [
        LeverDefinition(
            path: "sector_plans.buildings.electrification", family: "electrification", unit: "%", range: 0...100, scale: 0.01,
            description: "Share of buildings' fossil final energy switched to electricity (heat pumps, electric heating)",
            descriptionZH: "建筑领域化石能源终端消费电能替代比例",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.buildingsElectrification = $1 }),
        LeverDefinition(
            path: "sector_plans.transport.electrification", family: "electrification", unit: "%", range: 0...100, scale: 0.01,
            description: "Share of transport's fossil final energy switched to electricity",
            descriptionZH: "交通领域化石能源终端消费电能替代比例",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.transportElectrification = $1 }),
    ]

    static let removals: [LeverDefinition] = [
        LeverDefinition(
            path: "sector_plans.removals.ccus", family: "ccus", unit: "Mt CO2/yr", range: 0...500, scale: 1,
            description: "CCUS capture capacity on coal power and coal chemicals",
            descriptionZH: "煤电与煤化工CCUS捕集能力",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.ccus = $1 }),
        LeverDefinition(
            path: "sector_plans.removals.sinks", family: "sinks", unit: "Mt CO2/yr", range: 0...300, scale: 1,
            description: "Extra uptake of afforestation and grassland restoration at maturity",
            descriptionZH: "造林与草原修复新增碳汇（成熟后）",
            baseline: { _ in 0 }, baselineText: { _ in "0" }, apply: { $0.sinks = $1 }),
    ]

    static let measures: [LeverDefinition] = [
        LeverDefinition(
            path: "measures.ladder_pricing", family: "efficiency", unit: "yuan/kWh", range: 0...0.5, scale: 1,
            description: "Ladder electricity price surcharge on above-benchmark use by electricity-intensive products (aluminium, ferroalloy, carbide)",
            descriptionZH: "阶梯电价：高耗电产品（电解铝、铁合金、电石）超标杆用电加价",
            baseline: { _ in 0 }, baselineText: { _ in "0 (beyond the 2014 aluminium ladder already in the base year)" },
            apply: { $0.ladderPricing = $1 }),
    ]

    static func zh(_ p: Product) -> String {
        switch p {
        case .steel: return "粗钢"
        case .aluminium: return "电解铝"
        case .alumina: return "氧化铝"
        case .clinker: return "水泥熟料"
        case .coke: return "焦炭"
        case .ferroalloy: return "铁合金"
        case .carbide: return "电石"
        case .coalChemicals: return "煤化工"
        }
    }
}
