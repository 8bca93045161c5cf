/// Emissions and energy totals from the flows of one evaluation.
///
/// Emissions are territorial scope 1 as in CEADs: fuel combustion by fuel group plus cement process;
/// fly-ash alumina's process CO2 is always counted (it did not exist at scale in the CEADs base year),
/// other process CO2 (aluminium anodes, ...) only with `extendedProcess`.
/// Energy follows the provincial dual-control conventions set by `AccountingSwitches`.
struct Accounting {
    let factors: FuelVector
    let switches: AccountingSwitches
    let productGroups: [SectorGroup]
    let activityGroups: [SectorGroup]

    /// Step `accounting`.
    func account(_ ws: inout Workspace) {
        for g in ws.accounting.co2ByGroup.indices {
            ws.accounting.co2ByGroup[g] = 0; ws.accounting.energyByGroup[g] = 0; ws.accounting.fuelByGroup[g] = FuelVector(); ws.accounting.processByGroup[g] = 0
        }
        var fuel = FuelVector()
        var process = 0.0
        for i in productGroups.indices {
            let g = productGroups[i].rawValue
            let extended = switches.extendedProcess ? ws.industry.extendedProcess[i] : 0
            ws.accounting.co2ByGroup[g] += ws.industry.fuel[i].emissions(factors) + ws.industry.process[i] + extended
            ws.accounting.energyByGroup[g] += ws.industry.fuel[i].total
            ws.accounting.fuelByGroup[g] += ws.industry.fuel[i]
            ws.accounting.processByGroup[g] += ws.industry.process[i] + extended
            fuel += ws.industry.fuel[i]
            process += ws.industry.process[i] + extended
        }
        let nonferrous = SectorGroup.nonferrous.rawValue
        ws.accounting.co2ByGroup[nonferrous] += ws.flyAsh.fuel.emissions(factors) + ws.flyAsh.process
        ws.accounting.energyByGroup[nonferrous] += ws.flyAsh.fuel.total
        ws.accounting.fuelByGroup[nonferrous] += ws.flyAsh.fuel
        ws.accounting.processByGroup[nonferrous] += ws.flyAsh.process
        fuel += ws.flyAsh.fuel
        process += ws.flyAsh.process
        for i in activityGroups.indices {
            let g = activityGroups[i].rawValue
            ws.accounting.co2ByGroup[g] += ws.activities.fuel[i].emissions(factors) + ws.activities.process[i]
            ws.accounting.processByGroup[g] += ws.activities.process[i]
            process += ws.activities.process[i]
            ws.accounting.energyByGroup[g] += ws.activities.fuel[i].total
            ws.accounting.fuelByGroup[g] += ws.activities.fuel[i]
            fuel += ws.activities.fuel[i]
        }
        ws.accounting.co2ByGroup[SectorGroup.power.rawValue] += ws.power.thermalFuel * factors.coal
        ws.accounting.energyByGroup[SectorGroup.power.rawValue] += ws.power.thermalFuel
        ws.accounting.fuelByGroup[SectorGroup.power.rawValue].coal += ws.power.thermalFuel
        fuel.coal += ws.power.thermalFuel
        ws.accounting.co2ByGroup[SectorGroup.other.rawValue] += ws.activities.replacementFuel.emissions(factors)
        ws.accounting.energyByGroup[SectorGroup.other.rawValue] += ws.activities.replacementFuel.total
        ws.accounting.fuelByGroup[SectorGroup.other.rawValue] += ws.activities.replacementFuel
        fuel += ws.activities.replacementFuel
        for g in ws.accounting.fuelByGroup.indices { ws.accounting.co2ByGroupFuel[g] = ws.accounting.fuelByGroup[g].scaled(by: factors) }

        ws.accounting.fuelTotal = fuel
        ws.accounting.co2ByFuel = fuel.scaled(by: factors)
        ws.accounting.processCO2 = process
        var gross = 0.0
        for g in ws.accounting.co2ByGroup { gross += g }
        ws.accounting.grossCO2 = gross

        // Energy, as in the provincial energy balance: non-fossil generation at the coal fleet's heat rate
        // (generation coal-equivalent), net electricity exports deducted at the same rate. Exports are counted
        // as coal power as far as coal generation goes; beyond it the exported electricity is non-fossil and
        // comes off non-fossil energy, so the total stays positive and the non-fossil share within [0, 100 %].
        var feedstock = 0.0
        for f in ws.industry.feedstock { feedstock += f }
        let nonFossilGeneration = ws.power.windGeneration + ws.power.solarGeneration + ws.power.otherGeneration
        let exported = switches.deductElectricityExports ? min(max(ws.power.exports, 0), ws.power.generation) : 0
        let exportedCoal = min(exported, ws.power.coalGeneration)
        ws.accounting.fossilEnergy = fuel.total
        ws.accounting.feedstockEnergy = feedstock
        ws.accounting.nonFossilEnergy = (nonFossilGeneration - (exported - exportedCoal)) * ws.power.heatRate / 1000
        ws.accounting.exportDeduction = exportedCoal * ws.power.heatRate / 1000
        ws.accounting.energyTotal = ws.accounting.fossilEnergy + feedstock + ws.accounting.nonFossilEnergy - ws.accounting.exportDeduction
        ws.accounting.energyDualControl = ws.accounting.energyTotal
            - (switches.excludeRenewablesFromDualControl ? ws.accounting.nonFossilEnergy : 0)
            - (switches.excludeFeedstockFromDualControl ? feedstock : 0)
    }

    /// Step `netEmissions`: gross less captured less sinks.
    func net(_ ws: inout Workspace) {
        ws.accounting.netCO2 = ws.accounting.grossCO2 - ws.ccus.captured - ws.sinks.flux
    }
}

/// What accounting writes: emissions and energy by CEADs sector group and fuel, and the totals.
public struct AccountingFlows {
    public let co2ByGroup: UnsafeMutableBufferPointer<Double>
    /// Fossil energy burnt in each CEADs sector group, Mtce.
    public let energyByGroup: UnsafeMutableBufferPointer<Double>
    /// Fossil energy by group and fuel (Mtce), CO2 by group and fuel (Mt), process CO2 by group (Mt).
    public let fuelByGroup: UnsafeMutableBufferPointer<FuelVector>, co2ByGroupFuel: UnsafeMutableBufferPointer<FuelVector>
    public let processByGroup: UnsafeMutableBufferPointer<Double>
    public var fuelTotal = FuelVector()
    public var co2ByFuel = FuelVector()
    public var processCO2 = 0.0, grossCO2 = 0.0, netCO2 = 0.0
    public var fossilEnergy = 0.0, feedstockEnergy = 0.0, nonFossilEnergy = 0.0, exportDeduction = 0.0
    public var energyTotal = 0.0, energyDualControl = 0.0

    init() {
        let n = SectorGroup.allCases.count
        co2ByGroup = zeroBuffer(n, 0); energyByGroup = zeroBuffer(n, 0); processByGroup = zeroBuffer(n, 0)
        fuelByGroup = zeroBuffer(n, FuelVector()); co2ByGroupFuel = zeroBuffer(n, FuelVector())
    }

    func deallocate() {
        co2ByGroup.deallocate(); energyByGroup.deallocate(); processByGroup.deallocate()
        fuelByGroup.deallocate(); co2ByGroupFuel.deallocate()
    }
}
