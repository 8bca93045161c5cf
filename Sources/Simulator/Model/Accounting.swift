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

    func account(_ ws: Workspace) {
        for g in ws.co2ByGroup.indices {
            ws.co2ByGroup[g] = 0; ws.energyByGroup[g] = 0; ws.fuelByGroup[g] = FuelVector(); ws.processByGroup[g] = 0
        }
        var fuel = FuelVector()
        var process = 0.0
        for i in productGroups.indices {
            let g = productGroups[i].rawValue
            let extended = switches.extendedProcess ? ws.extendedProcess[i] : 0
            ws.co2ByGroup[g] += ws.fuel[i].emissions(factors) + ws.process[i] + extended
            ws.energyByGroup[g] += ws.fuel[i].total
            ws.fuelByGroup[g] += ws.fuel[i]
            ws.processByGroup[g] += ws.process[i] + extended
            fuel += ws.fuel[i]
            process += ws.process[i] + extended
        }
        let nonferrous = SectorGroup.nonferrous.rawValue
        ws.co2ByGroup[nonferrous] += ws.flyAshAluminaFuel.emissions(factors) + ws.flyAshAluminaProcess
        ws.energyByGroup[nonferrous] += ws.flyAshAluminaFuel.total
        ws.fuelByGroup[nonferrous] += ws.flyAshAluminaFuel
        ws.processByGroup[nonferrous] += ws.flyAshAluminaProcess
        fuel += ws.flyAshAluminaFuel
        process += ws.flyAshAluminaProcess
        for i in activityGroups.indices {
            let g = activityGroups[i].rawValue
            ws.co2ByGroup[g] += ws.activityFuel[i].emissions(factors) + ws.activityProcess[i]
            ws.processByGroup[g] += ws.activityProcess[i]
            process += ws.activityProcess[i]
            ws.energyByGroup[g] += ws.activityFuel[i].total
            ws.fuelByGroup[g] += ws.activityFuel[i]
            fuel += ws.activityFuel[i]
        }
        ws.co2ByGroup[SectorGroup.power.rawValue] += ws.thermalFuel * factors.coal
        ws.energyByGroup[SectorGroup.power.rawValue] += ws.thermalFuel
        ws.fuelByGroup[SectorGroup.power.rawValue].coal += ws.thermalFuel
        fuel.coal += ws.thermalFuel
        ws.co2ByGroup[SectorGroup.other.rawValue] += ws.replacementFuel.emissions(factors)
        ws.energyByGroup[SectorGroup.other.rawValue] += ws.replacementFuel.total
        ws.fuelByGroup[SectorGroup.other.rawValue] += ws.replacementFuel
        fuel += ws.replacementFuel
        for g in ws.fuelByGroup.indices { ws.co2ByGroupFuel[g] = ws.fuelByGroup[g].scaled(by: factors) }

        ws.fuelTotal = fuel
        ws.co2ByFuel = fuel.scaled(by: factors)
        ws.processCO2 = process
        var gross = 0.0
        for g in ws.co2ByGroup { gross += g }
        ws.grossCO2 = gross

        // Energy, as in the provincial energy balance: non-fossil generation at the coal fleet's heat rate
        // (generation coal-equivalent), net electricity exports deducted at the same rate. Exports are counted
        // as coal power as far as coal generation goes; beyond it the exported electricity is non-fossil and
        // comes off non-fossil energy, so the total stays positive and the non-fossil share within [0, 100 %].
        var feedstock = 0.0
        for f in ws.feedstock { feedstock += f }
        let nonFossilGeneration = ws.windGeneration + ws.solarGeneration + ws.otherGeneration
        let exported = switches.deductElectricityExports ? min(max(ws.exports, 0), ws.generation) : 0
        let exportedCoal = min(exported, ws.coalGeneration)
        ws.fossilEnergy = fuel.total
        ws.feedstockEnergy = feedstock
        ws.nonFossilEnergy = (nonFossilGeneration - (exported - exportedCoal)) * ws.heatRate / 1000
        ws.exportDeduction = exportedCoal * ws.heatRate / 1000
        ws.energyTotal = ws.fossilEnergy + feedstock + ws.nonFossilEnergy - ws.exportDeduction
        ws.energyDualControl = ws.energyTotal
            - (switches.excludeRenewablesFromDualControl ? ws.nonFossilEnergy : 0)
            - (switches.excludeFeedstockFromDualControl ? feedstock : 0)
    }

    /// CO2 that CCUS can reach: coal power, combined heat and power, and coal chemicals.
    func capturable(_ ws: Workspace) -> Double {
        var heatCoal = 0.0
        for i in activityGroups.indices where activityGroups[i] == .power { heatCoal += ws.activityFuel[i].coal }
        return (ws.thermalFuel + heatCoal) * factors.coal + ws.fuel[Product.coalChemicals.rawValue].emissions(factors)
    }
}
