/// Everything the core needs to run one scenario: dataset values with the scenario's levers applied.
/// Plain numbers; where they come from is the Scenarios layer's business.
public struct ModelParameters: Sendable {
    public var baseYear: Int = 2019
    public var endYear: Int = 2060

    public var factors = EmissionFactors()
    public var ceads = BaseYearInventory()
    public var products: [ProductParameters] = []
    /// Baseline demand of each product relative to the base year (alumina: the smelters' path).
    public var demand: [DemandPath] = []
    public var activities: [ActivityParameters] = []
    public var economy = EconomyParameters()
    public var power = PowerParameters()
    public var flyAsh = FlyAshParameters()
    public var heatSupply = HeatSupplyParameters()
    public var hydrogen = HydrogenParameters()
    public var ccus = CCUSParameters()
    public var sinks = SinkParameters()
    public var industryPolicy = IndustryPolicy()
    public var dualControl = DualControlParameters()
    public var accounting = AccountingSwitches()
    /// Energy statistics' tce per tce of CEADs-implied energy (`energy_statistics.basis_ratio`; see `Accounting`).
    public var energyStatisticsRatio = 1.0
    public var costs = CostParameters()
    /// Levers; `nil` means all at baseline.
    public var levers: LeverSettings?

    public var resolvedLevers: LeverSettings { levers ?? LeverSettings(baselineFor: self) }

    public init() {}

    public func product(_ p: Product) -> ProductParameters { products[p.rawValue] }

    /// The share of its group's CEADs fuel CO2 that product `i` takes in the base year. In a group with no
    /// activity of its own (ferrous: steel and ferroalloy), nothing else can take what the products leave,
    /// so their shares are weights, scaled to sum to one: sweeping one estimated share then moves fuel
    /// between the products instead of breaking the group's balance.
    public func groupFuelShare(ofProduct i: Int) -> Double {
        let q = products[i]
        guard q.isPresent, !activities.contains(where: { $0.group == q.group }) else { return q.shareOfGroupFuel }
        let sum = products.reduce(0) { $0 + ($1.isPresent && $1.group == q.group ? $1.shareOfGroupFuel : 0) }
        return sum > 0 ? q.shareOfGroupFuel / sum : q.shareOfGroupFuel
    }
}

/// t CO2 per tce of each fuel (combustion, oxidation included).
public struct EmissionFactors: Sendable {
    public var perTce = FuelVector(coal: 2.616, coke: 2.938, oil: 2.17, gas: 1.626)
    public init() {}
}

/// CEADs base-year emissions (Mt CO2) by sector group and fuel group, plus cement process.
public struct BaseYearInventory: Sendable {
    public var byGroup: [FuelVector] = Array(repeating: FuelVector(), count: SectorGroup.allCases.count)
    public var cementProcess: Double = 0
    public init() {}

    public subscript(g: SectorGroup) -> FuelVector {
        get { byGroup[g.rawValue] }
        set { byGroup[g.rawValue] = newValue }
    }

    public var total: Double { byGroup.reduce(0) { $0 + $1.total } + cementProcess }

    /// The fossil energy behind the inventory's fuel CO2 (Mtce), at the given CO2 per tce of each fuel.
    public func fossilEnergy(_ factors: EmissionFactors) -> Double {
        byGroup.reduce(0) { sum, g in sum + Fuel.allCases.reduce(0) { $0 + g[$1] / factors.perTce[$1] } }
    }
}

/// One industrial product: capacity vintages, energy use, value added.
public struct ProductParameters: Sendable {
    public var product: Product
    public var group: SectorGroup
    /// Base-year output, Mt/yr.
    public var baseOutput: Double
    /// Base-year output / capacity.
    public var baseUtilisation: Double
    /// Highest sustainable output / capacity.
    public var maxUtilisation: Double
    /// Share of base-year capacity that is backward (below the baseline efficiency level).
    public var oldShare: Double
    /// Service lives, years.
    public var oldLifetime: Double
    public var newLifetime: Double
    /// Years over which investment closes the gap between demand and capacity.
    public var adjustmentTime: Double
    /// Specific energy use of backward capacity relative to the base-year average.
    public var oldRelativeIntensity: Double
    /// Share of the CEADs group's base-year fuel emissions that this product accounts for.
    public var shareOfGroupFuel: Double
    /// Electricity use, MWh/t.
    public var electricityPerTonne: Double
    /// Process CO2 inside the CEADs boundary (clinker calcination), t CO2/t.
    public var processCO2PerTonne: Double
    /// Process CO2 outside the CEADs boundary (aluminium anodes, ...), t CO2/t; counted with `extendedProcess`.
    public var extendedProcessCO2PerTonne: Double
    /// Coal used as feedstock, tce/t: counted in the energy total only with `countFeedstock`.
    public var feedstockTcePerTonne: Double
    /// Benchmark (best-practice) specific energy relative to the base-year average.
    public var benchmarkRelativeIntensity: Double
    /// Specific energy of new capacity under baseline entry rules, relative to the base-year average.
    public var entryRelativeIntensity: Double
    /// Years for compliant capacity to close its gap to the efficiency target.
    public var efficiencyRelaxationTime: Double
    /// Value added, yuan/t (2019 prices).
    public var valueAddedPerTonne: Double
    /// Base-year deep-processing ratio and its effects per unit of ratio.
    public var deepProcessingBase: Double
    public var deepProcessingValueUplift: Double
    public var deepProcessingEnergyUplift: Double
    /// Responds to ladder electricity pricing (electricity-intensive products).
    public var electricityIntensive: Bool
    /// Share of capacity on equipment of restricted size (steel: 400-1200 m3 blast furnaces, 30-100 t converters)
    /// and its specific-energy gap to large equipment (0.06: 6 % more energy per tonne).
    public var restrictedShare = 0.0, restrictedEnergyGap = 0.0
    /// False for a product the region does not make (or its dataset does not describe): no capacity, output,
    /// energy or value added, and levers on it have nothing to act on.
    public var isPresent = true

    public init(product: Product, group: SectorGroup) {
        self.product = product
        self.group = group
        baseOutput = 0; baseUtilisation = 0.85; maxUtilisation = 0.95; oldShare = 0
        oldLifetime = 20; newLifetime = 30; adjustmentTime = 2; oldRelativeIntensity = 1
        shareOfGroupFuel = 0; electricityPerTonne = 0; processCO2PerTonne = 0
        extendedProcessCO2PerTonne = 0; feedstockTcePerTonne = 0
        benchmarkRelativeIntensity = 1; entryRelativeIntensity = 1; efficiencyRelaxationTime = 15
        valueAddedPerTonne = 0; deepProcessingBase = 0; deepProcessingValueUplift = 0
        deepProcessingEnergyUplift = 0; electricityIntensive = false
    }

    public var baseCapacity: Double { isPresent ? baseOutput / baseUtilisation : 0 }

    /// A product the region does not make, in its usual sector group.
    public static func absent(_ product: Product) -> ProductParameters {
        var q = ProductParameters(product: product, group: product.usualGroup)
        q.isPresent = false
        return q
    }
}

/// A baseline path relative to the base year: `index[k]` in calendar year `years[k]`.
public struct DemandPath: Sendable {
    public var years: [Double]
    public var index: [Double]
    public init(years: [Double], index: [Double]) {
        self.years = years
        self.index = index
    }
}

/// A sector without physical products: energy by fuel and electricity, driven by GDP.
public struct ActivityParameters: Sendable {
    public enum Electrification: Int, Sendable { case none, buildings, transport }

    public var key: String
    public var group: SectorGroup
    /// Base-year CO2 by fuel, Mt (CEADs rows); ignored when the activity takes its group's remainder:
    /// the group's emissions that no product or other activity claims.
    public var baseCO2: FuelVector
    public var takesGroupRemainder: Bool
    /// Base-year electricity use, TWh; one activity takes the remainder of in-region consumption.
    public var baseElectricity: Double
    public var takesElectricityRemainder: Bool
    /// Activity grows as GDP^elasticity.
    public var gdpElasticity: Double
    /// Autonomous energy-intensity decline, share per year.
    public var autonomousEfficiency: Double
    public var electrification: Electrification
    /// Exogenous growth relative to the base year (2019 = 1), fitted to history by `carbonsim calibrate`.
    /// When set it replaces GDP growth and autonomous efficiency; GDP changes that levers cause still act
    /// through the elasticity. Empty: no trend.
    public var trendYears: [Double] = []
    public var trendIndex: [Double] = []

    public init(key: String, group: SectorGroup) {
        self.key = key
        self.group = group
        baseCO2 = FuelVector(); takesGroupRemainder = false; baseElectricity = 0
        takesElectricityRemainder = false; gdpElasticity = 1; autonomousEfficiency = 0
        electrification = .none
    }
}

public struct EconomyParameters: Sendable {
    /// GDP in the base year, 100 million yuan (2019 prices).
    public var baseGDP: Double = 17212.5
    /// Real growth, share per year, from each year in `growthYears` to the next.
    public var growthYears: [Double] = [2019, 2061]
    public var growthRates: [Double] = [0.05]
    /// Share of value added lost with eliminated capacity that new industry replaces ("free cages for birds").
    public var replacementShare: Double = 0.5
    /// Energy use of that replacement industry per 10^4 yuan of value added: tce by fuel, and MWh.
    public var replacementFuelPerValueAdded = FuelVector(coal: 0.15, coke: 0, oil: 0, gas: 0.05)
    public var replacementElectricityPerValueAdded = 0.4
    /// Electricity that replaces one tce of fossil final energy, MWh/tce (end-use efficiency gain included).
    public var electrificationMWhPerTce = 2.7
    public init() {}
}

public struct PowerParameters: Sendable {
    /// GW at the base year.
    public var baseWind = 30.0, baseSolar = 10.0, baseCoal = 88.0
    /// Baseline additions, GW/yr (trend under frozen policies).
    public var windBuildRate = 6.0, solarBuildRate = 1.5
    public var coalLifetime = 40.0
    /// Capacity factors before curtailment.
    public var windCapacityFactor = 0.27, solarCapacityFactor = 0.18
    /// Curtailment in the base year and its rise per unit of variable-renewable share above base.
    public var windCurtailment = 0.07, solarCurtailment = 0.03, curtailmentSlope = 0.3
    /// Other non-fossil generation (hydro, biomass), TWh/yr.
    public var otherGeneration = 8.0
    /// Base-year in-region electricity consumption (incl. losses and plant own use), TWh.
    public var baseInRegionConsumption = 365.3
    /// Exports to other provinces, TWh/yr, at `exportYears`.
    public var exportYears: [Double] = [2019, 2060]
    public var exports: [Double] = [184, 184]
    /// Heat rate of the coal fleet, gce/kWh, and of new units.
    public var baseHeatRate = 320.0, newUnitHeatRate = 295.0
    /// How much worse than average the units that retire early are, gce/kWh.
    public var retiredHeatRatePenalty = 20.0
    public var heatRateRelaxationTime = 5.0
    /// Capacity factor coal capacity is planned for, and the must-run floor (CHP, grid support).
    public var coalPlanningCapacityFactor = 0.6, coalMustRunCapacityFactor = 0.25
    public var coalAdjustmentTime = 3.0
    /// New electricity-intensive load observed since the base year (polysilicon, data centres, electrolysers),
    /// TWh/yr at `newLoadYears`; none: no such load.
    public var newLoadYears: [Double] = [], newLoad: [Double] = []
    /// Electricity received from other grids, TWh/yr at `importYears` (year-end levels, linear within each year);
    /// none: the exports are net. The published exports are gross: what comes in is generated elsewhere.
    public var importYears: [Double] = [], imports: [Double] = []
    /// Wind and solar full-load hours relative to their capacity factors, by year (year-end levels, linear within
    /// each year); none: 1 throughout. History mode fits it to each observed year's generation: commissioning late
    /// in the year and curtailment beyond the model's curve lower a year's hours.
    public var renewableHoursYears: [Double] = [], renewableHours: [Double] = []
    /// Coal-power units commissioned from the approved pipeline, GW/yr at `coalPipelineYears`, on top of the
    /// need-driven investment; none: no pipeline.
    public var coalPipelineYears: [Double] = [], coalPipeline: [Double] = []
    /// Storage the allocation rule attaches to wind and solar built since the base year: share of their power
    /// and hours (0: no rule). Storage beyond the rule (the lever) has `storageHours`.
    public var storageRuleShare = 0.0, storageRuleHours = 2.0, storageHours = 4.0
    /// Full charge cycles per year and round-trip efficiency of new-type storage.
    public var storageCyclesPerYear = 300.0, storageEfficiency = 0.85
    /// Dedicated renewable export: the renewable share of the lines' energy (the rest is bundled coal power)
    /// and wind's share of the bases' renewable energy.
    public var dedicatedExportRenewableShare = 0.5, dedicatedExportWindShare = 0.5
    public init() {}
}

public struct FlyAshParameters: Sendable {
    /// Fly ash produced per tce of coal burnt in power and heat, t/tce.
    public var ashPerTce = 0.4
    /// Share of fly ash used in cement and wall materials.
    public var buildingMaterialUse = 0.45
    /// Share of fly ash that is high-alumina (usable for alumina).
    public var highAluminaShare = 0.3
    /// High-alumina stockpile in the base year, Mt.
    public var baseStock = 300.0
    /// Fly ash per t of alumina, t/t.
    public var ashPerTonneAlumina = 3.0
    /// Base-year fly-ash alumina capacity (Mt/yr) and its utilisation.
    public var baseCapacity = 0.2, utilisation = 0.8
    /// Stock at which ash supply halves output, Mt.
    public var scarcityStock = 5.0
    /// Energy and process CO2 of the fly-ash route per t alumina.
    public var fuelTcePerTonne = 2.5, electricityPerTonne = 0.6, processCO2PerTonne = 1.0
    /// Alumina needed per t aluminium, t/t.
    public var aluminaPerAluminium = 1.93
    /// Share of fly-ash alumina that displaces alumina imported from other provinces rather than the region's
    /// own Bayer alumina, while there are imports to displace (0: Bayer only, 1: imports first).
    public var importDisplacement = 0.0
    public init() {}

    /// A region without fly-ash alumina: no stock, no capacity, no ash counted.
    public static var none: FlyAshParameters {
        var f = FlyAshParameters()
        f.ashPerTce = 0; f.buildingMaterialUse = 0; f.highAluminaShare = 0; f.baseStock = 0
        f.baseCapacity = 0; f.utilisation = 0
        f.fuelTcePerTonne = 0; f.electricityPerTonne = 0; f.processCO2PerTonne = 0
        return f
    }
}

/// Green hydrogen in coal chemicals: what one tonne of electrolytic hydrogen displaces and needs.
public struct HydrogenParameters: Sendable {
    /// Coal fuel (CO2-bearing: gasifier steam, oxygen plant) and feedstock coal (non-energy use) displaced per t H2, tce/t.
    public var fuelTcePerTonne = 0.0, feedstockTcePerTonne = 0.0
    /// Electrolysis electricity per t H2 (MWh/t) and the share of it drawn from the grid.
    public var electricityPerTonne = 55.0, gridShare = 0.0
    public init() {}
}

/// Heat actually supplied in the power-and-heat group (district heat and industrial steam). The group's fuel that
/// neither coal generation nor this heat explains is the accounting residual, which scales with coal burnt for power.
public struct HeatSupplyParameters: Sendable {
    /// Heat supplied in the base year, PJ (0: no split; the whole remainder is heat supply).
    public var heatSupplied = 0.0
    /// Coal per unit of heat supplied, tce/GJ.
    public var coalPerHeat = 0.04
    public init() {}
}

public struct CCUSParameters: Sendable {
    public var utilisation = 0.85
    /// Highest capturable share of coal-power and coal-chemical CO2.
    public var maxCaptureShare = 0.9
    /// Electricity penalty, MWh per t CO2 captured.
    public var electricityPerTonne = 0.3
    public init() {}
}

public struct SinkParameters: Sendable {
    /// Base-year net uptake of forests, grassland and wetland, Mt CO2/yr.
    public var baseFlux = 60.0
    /// Years for new plantings to reach their uptake.
    public var maturationTime = 10.0
    public init() {}
}

/// Industry-wide policy settings that are not tied to one product.
public struct IndustryPolicy: Sendable {
    /// Efficiency response to ladder pricing: extra share of the benchmark gap closed per yuan/kWh.
    public var ladderGapResponse = 2.0
    /// Extra exit rate of backward electricity-intensive capacity per yuan/kWh, 1/yr.
    public var ladderExitResponse = 1.0
    public init() {}
}

public struct DualControlParameters: Sendable {
    /// Total energy cap, Mtce, by year (empty: none).
    public var cap = PiecewiseLinear(points: [])
    public var enforce = false
    /// Largest share of industrial output the cap may curtail, and how fast the curtailment reacts (1/yr).
    public var maxCurtailment = 0.5
    public var responseRate = 5.0
    public init() {}
}

/// Accounting conventions: what the energy total and the emissions include.
public struct AccountingSwitches: Sendable {
    /// Since 2021, new renewables are excluded from the dual-control energy total.
    public var excludeRenewablesFromDualControl = true
    /// Since 2021, coal used as feedstock is excluded from the dual-control energy total.
    public var excludeFeedstockFromDualControl = true
    /// Net electricity exports are deducted at coal equivalent (the receiving province counts them).
    public var deductElectricityExports = true
    /// Adds process CO2 outside the CEADs scope (aluminium anodes, ...).
    public var extendedProcess = false
    public init() {}
}

/// What the levers cost (2019 prices): the dataset's `costs`.
public struct CostParameters: Sendable {
    /// Discount rate, share per year; costs are discounted to 2020.
    public var discountRate = 0.05
    /// yuan per t/yr of capacity eliminated.
    public var capacityElimination = 400.0
    /// 10^8 yuan per GW at the base-year capacity, falling by the learning rate per doubling.
    public var windCapex = 65.0, windLearningRate = 0.1, solarCapex = 45.0, solarLearningRate = 0.2
    /// yuan per tce/yr saved by retrofits toward the benchmark.
    public var efficiencyRetrofit = 2500.0
    /// yuan per t CO2 captured.
    public var ccus = 400.0
    /// yuan per hectare afforested; t CO2 per hectare per year at maturity.
    public var afforestation = 3000.0, uptakePerHectare = 8.0
    /// yuan per tce/yr of fossil final energy switched to electricity.
    public var electrification = 3000.0
    /// yuan per t/yr of fly-ash alumina capacity; yuan per t/yr of extra processed output.
    public var flyAshAluminaCapex = 6000.0, deepProcessing = 1500.0
    /// 10^8 yuan per GW retired early; 10^8 yuan per GW per gce/kWh of heat-rate improvement.
    public var coalRetirement = 15.0, heatRateRetrofit = 0.15
    /// 10^8 yuan per GW of new-type storage built beyond the allocation rule (at the dataset's storage hours).
    public var storageCapex = 30.0
    /// yuan per t of clinker not made because solid waste is blended into cement; yuan per t of process CO2
    /// avoided by carbide slag in the raw meal; yuan per t/yr of clinker capacity transferred out of the region.
    public var clinkerSubstitution = 50.0, carbideSlag = 60.0, cementCapacityTransfer = 400.0
    /// yuan per t of green hydrogen above the cost of the coal-based hydrogen it replaces.
    public var greenHydrogenPremium = 10000.0
    public init() {}
}
