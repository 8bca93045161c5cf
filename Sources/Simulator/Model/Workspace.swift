/// The flows of one evaluation of the model at time `t`: filled by the components in order, read by
/// the derivatives and by the output recorder. Allocated once per model, so evaluations allocate nothing.
public final class Workspace {
    public var t = 0.0
    /// Exogenous GDP path and GDP with lever effects, 100 million yuan (2019 prices).
    public var gdpExogenous = 0.0, gdp = 0.0
    public var deepProcessingValueAdded = 0.0, lostValueAdded = 0.0, replacementValueAdded = 0.0

    // Industry, per product.
    public var demand: [Double], output: [Double], capacityOld: [Double], capacityNew: [Double]
    public var investment: [Double], cutRate: [Double]
    public var fuel: [FuelVector], electricity: [Double], process: [Double], extendedProcess: [Double]
    public var feedstock: [Double]
    /// Energy-intensive output curtailed by enforced dual control, share.
    public var curtailment = 0.0

    // Fly ash.
    public var flyAshAluminaOutput = 0.0, flyAshAluminaCapacity = 0.0, flyAshStock = 0.0
    public var flyAshGenerated = 0.0, flyAshToBuildingMaterials = 0.0, flyAshToAlumina = 0.0
    public var flyAshAluminaFuel = FuelVector(), flyAshAluminaElectricity = 0.0, flyAshAluminaProcess = 0.0
    public var aluminaImports = 0.0

    // Activities (buildings, transport, other industry, heat ...).
    public var activityFuel: [FuelVector], activityElectricity: [Double]
    public var replacementFuel = FuelVector(), replacementElectricity = 0.0

    // Power.
    public var windCapacity = 0.0, solarCapacity = 0.0, coalCapacity = 0.0, heatRate = 0.0
    public var windGeneration = 0.0, solarGeneration = 0.0, otherGeneration = 0.0, coalGeneration = 0.0
    public var curtailedGeneration = 0.0, inRegionDemand = 0.0, exports = 0.0
    public var coalInvestment = 0.0, coalRetirementRate = 0.0
    /// Coal burnt for electricity, Mtce.
    public var thermalFuel = 0.0

    // Removals.
    public var ccusCapacity = 0.0, ccusCaptured = 0.0, ccusElectricity = 0.0
    public var sinkFlux = 0.0

    // Accounting.
    public var co2ByGroup: [Double]
    public var fuelTotal = FuelVector()
    public var co2ByFuel = FuelVector()
    public var processCO2 = 0.0, grossCO2 = 0.0, netCO2 = 0.0
    public var fossilEnergy = 0.0, feedstockEnergy = 0.0, nonFossilEnergy = 0.0, exportDeduction = 0.0
    public var energyTotal = 0.0, energyDualControl = 0.0, energyCap = Double.infinity

    init(products: Int, activities: Int) {
        demand = Array(repeating: 0, count: products)
        output = demand; capacityOld = demand; capacityNew = demand; investment = demand; cutRate = demand
        electricity = demand; process = demand; extendedProcess = demand; feedstock = demand
        fuel = Array(repeating: FuelVector(), count: products)
        activityFuel = Array(repeating: FuelVector(), count: activities)
        activityElectricity = Array(repeating: 0, count: activities)
        co2ByGroup = Array(repeating: 0, count: SectorGroup.allCases.count)
    }

    public var generation: Double { windGeneration + solarGeneration + otherGeneration + coalGeneration }
    public var totalElectricityDemand: Double { inRegionDemand + exports }
}
