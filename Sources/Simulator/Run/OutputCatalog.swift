/// Receives the model's annual outputs: the same walk names them (once) and writes their values
/// (every recorded year), so names and values cannot drift apart.
protocol OutputSink {
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ value: @autoclosure () -> Double)
}

struct NameCollector: OutputSink {
    var names: [String] = []
    var units: [String] = []
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ value: @autoclosure () -> Double) {
        names.append(name())
        units.append(unit)
    }
}

struct ValueWriter: OutputSink {
    let row: UnsafeMutablePointer<Double>
    var index = 0
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ value: @autoclosure () -> Double) {
        row[index] = value()
        index += 1
    }
}

/// Names and units of the annual outputs, and where each sits in a row. The same for every model, so it
/// is built once per process and shared by every trajectory.
public final class OutputCatalog: Sendable {
    public let names: [String]
    public let units: [String]
    let index: [String: Int]

    init() {
        var c = NameCollector()
        CarbonModel.outputs(&c, ws: Workspace(products: Product.allCases.count, activities: 0))
        names = c.names
        units = c.units
        index = Dictionary(uniqueKeysWithValues: c.names.enumerated().map { ($1, $0) })
    }

    public static let shared = OutputCatalog()

    public func unit(of name: String) -> String? { index[name].map { units[$0] } }
}

extension CarbonModel {
    /// Every annual output, in catalog order. Reads the workspace filled by `evaluate`; names and values
    /// are autoclosures, so naming evaluates no value and writing builds no name.
    static func outputs<S: OutputSink>(_ s: inout S, ws: Workspace) {
        s.emit("co2_gross", "Mt CO2", ws.grossCO2)
        s.emit("co2_net", "Mt CO2", ws.netCO2)
        s.emit("co2_process", "Mt CO2", ws.processCO2)
        s.emit("ccus_captured", "Mt CO2", ws.ccusCaptured)
        s.emit("sinks", "Mt CO2", ws.sinkFlux)
        for g in SectorGroup.allCases { s.emit("co2_sector_\(g.key)", "Mt CO2", ws.co2ByGroup[g.rawValue]) }
        for f in Fuel.allCases { s.emit("co2_fuel_\(f.key)", "Mt CO2", ws.co2ByFuel[f]) }
        for g in SectorGroup.allCases { s.emit("energy_sector_\(g.key)", "Mtce", ws.energyByGroup[g.rawValue]) }
        // By sector group and fuel (the LMDI decomposition's energy mix), and process CO2 by sector group.
        for g in SectorGroup.allCases {
            for f in Fuel.allCases { s.emit("energy_\(g.key)_\(f.key)", "Mtce", ws.fuelByGroup[g.rawValue][f]) }
        }
        for g in SectorGroup.allCases {
            for f in Fuel.allCases { s.emit("co2_\(g.key)_\(f.key)", "Mt CO2", ws.co2ByGroupFuel[g.rawValue][f]) }
        }
        for g in SectorGroup.allCases { s.emit("co2_process_\(g.key)", "Mt CO2", ws.processByGroup[g.rawValue]) }
        s.emit("energy_total", "Mtce", ws.energyTotal)
        s.emit("energy_dual_control", "Mtce", ws.energyDualControl)
        for f in Fuel.allCases { s.emit("energy_\(f.key)", "Mtce", ws.fuelTotal[f]) }
        s.emit("energy_non_fossil", "Mtce", ws.nonFossilEnergy)
        s.emit("energy_feedstock", "Mtce", ws.feedstockEnergy)
        s.emit("energy_export_deduction", "Mtce", ws.exportDeduction)
        s.emit("energy_cap", "Mtce", ws.energyCap.isFinite ? ws.energyCap : .nan)
        s.emit("gdp", "10^8 yuan (2019 prices)", ws.gdp)
        s.emit("energy_intensity", "tce per 10^4 yuan", ws.energyTotal * 100 / ws.gdp)
        s.emit("co2_intensity", "t CO2 per 10^4 yuan", ws.grossCO2 * 100 / ws.gdp)
        s.emit("non_fossil_share", "%", 100 * ws.nonFossilEnergy / ws.energyTotal)
        s.emit("electricity_generation", "TWh", ws.generation)
        s.emit("electricity_demand_in_region", "TWh", ws.inRegionDemand)
        s.emit("electricity_exports", "TWh", ws.exports)
        s.emit("generation_coal", "TWh", ws.coalGeneration)
        s.emit("generation_wind", "TWh", ws.windGeneration)
        s.emit("generation_solar", "TWh", ws.solarGeneration)
        s.emit("generation_other", "TWh", ws.otherGeneration)
        s.emit("curtailed_renewables", "TWh", ws.curtailedGeneration)
        s.emit("capacity_wind", "GW", ws.windCapacity)
        s.emit("capacity_solar", "GW", ws.solarCapacity)
        s.emit("capacity_coal", "GW", ws.coalCapacity)
        s.emit("heat_rate", "gce/kWh", ws.heatRate)
        for p in Product.allCases {
            let i = p.rawValue
            s.emit("output_\(p.key)", "Mt/yr", ws.output[i])
            s.emit("capacity_\(p.key)", "Mt/yr", ws.capacityOld[i] + ws.capacityNew[i])
            s.emit("capacity_old_\(p.key)", "Mt/yr", ws.capacityOld[i])
        }
        s.emit("fly_ash_generated", "Mt", ws.flyAshGenerated)
        s.emit("fly_ash_stock", "Mt", ws.flyAshStock)
        s.emit("fly_ash_alumina_capacity", "Mt/yr", ws.flyAshAluminaCapacity)
        s.emit("fly_ash_alumina_output", "Mt/yr", ws.flyAshAluminaOutput)
        s.emit("alumina_imports", "Mt/yr", ws.aluminaImports)
        s.emit("ccus_capacity", "Mt CO2/yr", ws.ccusCapacity)
        s.emit("dual_control_curtailment", "%", 100 * ws.curtailment)
        s.emit("capacity_eliminated", "Mt/yr per yr", ws.eliminatedCapacity)
        s.emit("retrofit_savings", "Mtce/yr per yr", ws.retrofitSavings)
        s.emit("electrified_fossil_energy", "Mtce", ws.electrifiedFossil)
        s.emit("deep_processed_extra", "Mt/yr", ws.deepProcessedExtra)
        s.emit("coal_retired_early", "GW/yr", ws.coalRetiredEarly)
        s.emit("heat_rate_retrofit", "GW gce/kWh per yr", ws.heatRateRetrofit)
        s.emit("curtailed_value_added", "10^8 yuan", ws.curtailedValueAdded)
    }

    /// Names and units of the annual outputs.
    public var outputCatalog: OutputCatalog { OutputCatalog.shared }
}
