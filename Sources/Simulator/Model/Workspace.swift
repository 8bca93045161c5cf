/// The flows of one evaluation of the model at time `t`: filled by the components in order, read by
/// the derivatives and by the output recorder. Allocated once per model, so evaluations allocate nothing;
/// the per-product and per-activity flows are raw buffers, so writing them costs no copy-on-write check.
public final class Workspace {
    public var t = 0.0
    /// Exogenous GDP path and GDP with lever effects, 100 million yuan (2019 prices).
    public var gdpExogenous = 0.0, gdp = 0.0
    public var replacementValueAdded = 0.0

    // Industry, per product.
    public let demand: UnsafeMutableBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>
    public let capacityOld: UnsafeMutableBufferPointer<Double>, capacityNew: UnsafeMutableBufferPointer<Double>
    public let cutRate: UnsafeMutableBufferPointer<Double>
    /// Deep-processing ratio per product.
    public let deepProcessing: UnsafeMutableBufferPointer<Double>
    /// Baseline demand index at t (relative to the base year), shared by industry and GDP.
    public let demandIndex: UnsafeMutableBufferPointer<Double>
    public let fuel: UnsafeMutableBufferPointer<FuelVector>, electricity: UnsafeMutableBufferPointer<Double>
    public let process: UnsafeMutableBufferPointer<Double>, extendedProcess: UnsafeMutableBufferPointer<Double>
    public let feedstock: UnsafeMutableBufferPointer<Double>
    /// Energy-intensive output curtailed by enforced dual control, share.
    public var curtailment = 0.0

    // Fly ash.
    public var flyAshAluminaOutput = 0.0, flyAshAluminaCapacity = 0.0, flyAshStock = 0.0
    public var flyAshGenerated = 0.0, flyAshToBuildingMaterials = 0.0, flyAshToAlumina = 0.0
    public var flyAshAluminaFuel = FuelVector(), flyAshAluminaElectricity = 0.0, flyAshAluminaProcess = 0.0
    public var aluminaImports = 0.0

    // Activities (buildings, transport, other industry, heat ...).
    public let activityFuel: UnsafeMutableBufferPointer<FuelVector>, activityElectricity: UnsafeMutableBufferPointer<Double>
    /// Process CO2 of activities (cement process CO2 no product claims), Mt.
    public let activityProcess: UnsafeMutableBufferPointer<Double>
    public var replacementFuel = FuelVector(), replacementElectricity = 0.0

    // Power.
    public var windCapacity = 0.0, solarCapacity = 0.0, coalCapacity = 0.0, heatRate = 0.0
    public var windGeneration = 0.0, solarGeneration = 0.0, otherGeneration = 0.0, coalGeneration = 0.0
    public var curtailedGeneration = 0.0, inRegionDemand = 0.0, exports = 0.0
    public var coalRetirementRate = 0.0
    /// Coal burnt for electricity, Mtce.
    public var thermalFuel = 0.0

    // Removals.
    public var ccusCapacity = 0.0, ccusCaptured = 0.0, ccusElectricity = 0.0
    public var sinkFlux = 0.0

    // What the measures do, for their costs: filled only when a year is recorded (`recordMeasures`).
    public var eliminatedCapacity = 0.0, retrofitSavings = 0.0, electrifiedFossil = 0.0, deepProcessedExtra = 0.0
    public var coalRetiredEarly = 0.0, heatRateRetrofit = 0.0, curtailedValueAdded = 0.0

    // Accounting.
    public let co2ByGroup: UnsafeMutableBufferPointer<Double>
    /// Fossil energy burnt in each CEADs sector group, Mtce.
    public let energyByGroup: UnsafeMutableBufferPointer<Double>
    /// The same by fuel (Mtce), its combustion CO2 by fuel (Mt), and the group's process CO2 (Mt).
    public let fuelByGroup: UnsafeMutableBufferPointer<FuelVector>, co2ByGroupFuel: UnsafeMutableBufferPointer<FuelVector>
    public let processByGroup: UnsafeMutableBufferPointer<Double>
    public var fuelTotal = FuelVector()
    public var co2ByFuel = FuelVector()
    public var processCO2 = 0.0, grossCO2 = 0.0, netCO2 = 0.0
    public var fossilEnergy = 0.0, feedstockEnergy = 0.0, nonFossilEnergy = 0.0, exportDeduction = 0.0
    public var energyTotal = 0.0, energyDualControl = 0.0, energyCap = Double.infinity

    init(products: Int, activities: Int) {
        func zeros<T>(_ n: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: n)
            b.initialize(repeating: value)
            return b
        }
        demand = zeros(products, 0); output = zeros(products, 0); capacityOld = zeros(products, 0)
        capacityNew = zeros(products, 0); cutRate = zeros(products, 0)
        deepProcessing = zeros(products, 0)
        demandIndex = zeros(products, 0)
        electricity = zeros(products, 0); process = zeros(products, 0); extendedProcess = zeros(products, 0)
        feedstock = zeros(products, 0)
        fuel = zeros(products, FuelVector())
        activityFuel = zeros(activities, FuelVector())
        activityElectricity = zeros(activities, 0)
        activityProcess = zeros(activities, 0)
        co2ByGroup = zeros(SectorGroup.allCases.count, 0)
        energyByGroup = zeros(SectorGroup.allCases.count, 0)
        fuelByGroup = zeros(SectorGroup.allCases.count, FuelVector())
        co2ByGroupFuel = zeros(SectorGroup.allCases.count, FuelVector())
        processByGroup = zeros(SectorGroup.allCases.count, 0)
    }

    deinit {
        for b in [demand, output, capacityOld, capacityNew, cutRate, deepProcessing, demandIndex, electricity, process, extendedProcess,
                  feedstock, activityElectricity, activityProcess, co2ByGroup, energyByGroup, processByGroup] { b.deallocate() }
        for b in [fuel, activityFuel, fuelByGroup, co2ByGroupFuel] { b.deallocate() }
    }

    public var generation: Double { windGeneration + solarGeneration + otherGeneration + coalGeneration }
    public var totalElectricityDemand: Double { inRegionDemand + exports }
}
