/// Emissions and energy totals from the flows of one evaluation.
///
/// Emissions are territorial scope 1 as in CEADs: fuel combustion by fuel group plus cement process;
/// fly-ash alumina's process CO2 is always counted (it did not exist at scale in the CEADs base year),
/// other process CO2 (aluminium anodes, ...) only with `extendedProcess`.
/// Energy follows the provincial dual-control conventions set by `AccountingSwitches`.
struct Accounting {
    let factors: FuelVector
    let switches: AccountingSwitches
    /// Energy on the energy statistics' basis per tce of CEADs-implied energy (CO2 / emission factor): the
    /// dataset's `energy_statistics.basis_ratio`, 1 unless history mode fitted it to observed totals. It scales
    /// every energy quantity alike, so shares, growth and the CO2 are unchanged; caps compare on this basis.
    let statisticsRatio: Double
    let productGroups: [SectorGroup]
    let activityGroups: [SectorGroup]
    /// Renewable electricity consumed in the region in 2020 (TWh), the base of the 2022 rule: only consumption
    /// above it is new renewable energy, excluded on the official basis. Set by the base-year split.
    let renewableReference = BaseValue(0.0)
    /// Coal of the power group's accounting residual per tce of coal burnt for power (set by the base-year split).
    let powerCoalResidual: BaseValue<Double>

    /// Step `accounting`: the totals the right-hand side needs. The breakdown by sector group and fuel is for
    /// outputs only (`breakdown`, at recorded points).
    func account(_ ws: inout Workspace) {
        var fuel = ws.flyAsh.fuel + ws.activities.replacementFuel
        var process = ws.flyAsh.process
        for i in productGroups.indices {
            fuel += ws.industry.fuel[i]
            process += ws.industry.process[i] + (switches.extendedProcess ? ws.industry.extendedProcess[i] : 0)
        }
        for i in activityGroups.indices {
            fuel += ws.activities.fuel[i]
            process += ws.activities.process[i]
        }
        ws.accounting.powerCoalResidual = ws.power.thermalFuel * powerCoalResidual.value
        fuel.coal += ws.power.thermalFuel + ws.accounting.powerCoalResidual
        ws.accounting.co2ByFuel = fuel.scaled(by: factors)
        let k = statisticsRatio
        ws.accounting.fuelTotal = fuel * k
        ws.accounting.processCO2 = process
        ws.accounting.grossCO2 = ws.accounting.co2ByFuel.total + process

        // Energy, as in the provincial energy balance: non-fossil generation at the coal fleet's heat rate
        // (generation coal-equivalent), net electricity exports (exports less imports) deducted at the same rate. Exports are counted
        // as coal power as far as coal generation goes; beyond it the exported electricity is non-fossil and
        // comes off non-fossil energy, so the total stays positive and the non-fossil share within [0, 100 %].
        var feedstock = 0.0
        for f in ws.industry.feedstock { feedstock += f }
        // Dedicated renewable export is green by contract: its bases' generation comes off non-fossil energy
        // whole, and only the rest of the exports follows the coal-first rule.
        let bases = ws.power.dedicatedRenewableGeneration
        let nonFossilGeneration = ws.power.windGeneration + ws.power.solarGeneration + ws.power.otherGeneration + bases
        let deduct = switches.deductElectricityExports
        // Net of what comes in from other grids: the balance deducts net exports (调出 less 调入).
        let exported = deduct ? min(max(ws.power.exports - ws.power.imports - bases, 0), ws.power.generation - bases) : 0
        let exportedCoal = min(exported, ws.power.coalGeneration)
        ws.accounting.fossilEnergy = fuel.total * k
        ws.accounting.feedstockEnergy = feedstock * k
        ws.accounting.nonFossilEnergy = (nonFossilGeneration - (deduct ? bases : 0) - (exported - exportedCoal)) * ws.power.heatRate / 1000 * k
        ws.accounting.exportDeduction = exportedCoal * ws.power.heatRate / 1000 * k
        // All of it, nothing deducted: the energy that goes with the territorial CO2 (the LMDI's non-fossil carrier).
        ws.accounting.nonFossilGenerated = nonFossilGeneration * ws.power.heatRate / 1000 * k
        ws.accounting.energyTotal = ws.accounting.fossilEnergy + ws.accounting.feedstockEnergy + ws.accounting.nonFossilEnergy - ws.accounting.exportDeduction
        // The official (assessment) basis of the 2021-2022 rules: renewable electricity consumed in the region
        // beyond its 2020 level, and fossil energy used as raw material, are not counted. All non-fossil
        // generation here is renewable (wind, solar, hydro and biomass). The desert bases' generation is
        // exported by contract, so none of it is consumed in the region.
        ws.accounting.renewableConsumption = nonFossilGeneration - bases - (exported - exportedCoal)
        ws.accounting.newRenewableEnergy = max(ws.accounting.renewableConsumption - renewableReference.value, 0) * ws.power.heatRate / 1000 * k
        ws.accounting.energyDualControl = ws.accounting.energyTotal
            - (switches.excludeRenewablesFromDualControl ? ws.accounting.newRenewableEnergy : 0)
            - (switches.excludeFeedstockFromDualControl ? ws.accounting.feedstockEnergy : 0)
    }

    /// Emissions and energy by CEADs sector group and fuel, and process CO2 by group: what each group's
    /// products and activities burn, fly-ash alumina in nonferrous, coal for electricity in power, the
    /// replacement industry in other. Sums to the totals of `account`.
    func breakdown(_ ws: inout Workspace) {
        let a = ws.accounting
        for g in a.fuelByGroup.indices { a.fuelByGroup[g] = FuelVector(); a.processByGroup[g] = 0 }
        for i in productGroups.indices {
            let g = productGroups[i].rawValue
            a.fuelByGroup[g] += ws.industry.fuel[i]
            a.processByGroup[g] += ws.industry.process[i] + (switches.extendedProcess ? ws.industry.extendedProcess[i] : 0)
        }
        let nonferrous = SectorGroup.nonferrous.rawValue
        a.fuelByGroup[nonferrous] += ws.flyAsh.fuel
        a.processByGroup[nonferrous] += ws.flyAsh.process
        for i in activityGroups.indices {
            let g = activityGroups[i].rawValue
            a.fuelByGroup[g] += ws.activities.fuel[i]
            a.processByGroup[g] += ws.activities.process[i]
        }
        a.fuelByGroup[SectorGroup.power.rawValue].coal += ws.power.thermalFuel + a.powerCoalResidual
        a.fuelByGroup[SectorGroup.other.rawValue] += ws.activities.replacementFuel
        for g in a.fuelByGroup.indices {
            a.co2ByGroupFuel[g] = a.fuelByGroup[g].scaled(by: factors)
            a.fuelByGroup[g] = a.fuelByGroup[g] * statisticsRatio
            a.energyByGroup[g] = a.fuelByGroup[g].total
            a.co2ByGroup[g] = a.co2ByGroupFuel[g].total + a.processByGroup[g]
        }
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
    /// All non-fossil generation in the region (dedicated bases included) at the coal fleet's heat rate, with no
    /// export deducted, Mtce: `nonFossilEnergy` counts only what the balance keeps after exports.
    public var nonFossilGenerated = 0.0
    public var energyTotal = 0.0, energyDualControl = 0.0
    /// Renewable electricity consumed in the region (TWh), and the part above its 2020 level at coal equivalent
    /// (Mtce): what the official basis leaves out.
    public var renewableConsumption = 0.0, newRenewableEnergy = 0.0
    /// The power group's accounting residual: coal counted beyond coal generation x heat rate and heat supply,
    /// in proportion to coal burnt for power, Mtce.
    public var powerCoalResidual = 0.0

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
