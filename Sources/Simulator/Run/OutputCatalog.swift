/// How a series reads in a calendar year, as Chinese statistics report it.
public enum OutputKind: Sendable, Equatable {
    /// An annual total (or the annual mean of a rate), integrated over the year by Simpson's rule.
    case flow
    /// A stock or capacity at the end of the year.
    case stock
    /// The value in the middle of the year (caps stated per year).
    case midYear
    /// A ratio of two annual series, times a factor (intensities, shares).
    case ratio(numerator: String, denominator: String, factor: Double)
}

/// Receives the model's annual outputs: the same walk names them (once) and writes their values
/// (every recorded point), so names and values cannot drift apart.
protocol OutputSink {
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ kind: OutputKind, _ value: @autoclosure () -> Double)
}

extension OutputSink {
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ value: @autoclosure () -> Double) {
        emit(name(), unit, .flow, value())
    }
}

struct NameCollector: OutputSink {
    var names: [String] = []
    var units: [String] = []
    var kinds: [OutputKind] = []
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ kind: OutputKind, _ value: @autoclosure () -> Double) {
        names.append(name())
        units.append(unit)
        kinds.append(kind)
    }
}

struct ValueWriter: OutputSink {
    let row: UnsafeMutablePointer<Double>
    var index = 0
    mutating func emit(_ name: @autoclosure () -> String, _ unit: String, _ kind: OutputKind, _ value: @autoclosure () -> Double) {
        row[index] = value()
        index += 1
    }
}

/// Names, units and kinds of the annual outputs, and where each sits in a row. The same for every model,
/// so it is built once per process and shared by every trajectory.
public final class OutputCatalog: Sendable {
    public let names: [String]
    public let units: [String]
    public let kinds: [OutputKind]
    let index: [String: Int]
    /// Positions of the stocks, the mid-year values and the ratios (numerator, denominator, factor).
    let stocks: [Int], midYears: [Int]
    let ratios: [(at: Int, numerator: Int, denominator: Int, factor: Double)]

    init() {
        var c = NameCollector()
        let empty = Workspace(products: Product.allCases.count, activities: 0)
        CarbonModel.outputs(&c, ws: empty)
        empty.deallocate()
        names = c.names
        units = c.units
        kinds = c.kinds
        let index = Dictionary(uniqueKeysWithValues: c.names.enumerated().map { ($1, $0) })
        self.index = index
        stocks = c.kinds.indices.filter { c.kinds[$0] == .stock }
        midYears = c.kinds.indices.filter { c.kinds[$0] == .midYear }
        ratios = c.kinds.enumerated().compactMap { i, k in
            guard case .ratio(let n, let d, let f) = k else { return nil }
            return (i, index[n]!, index[d]!, f)
        }
    }

    public static let shared = OutputCatalog()

    public func unit(of name: String) -> String? { index[name].map { units[$0] } }

    public func kind(of name: String) -> OutputKind? { index[name].map { kinds[$0] } }

    /// A year's values from the right-hand side at its start, middle and end (left limit): flows by
    /// Simpson's rule, stocks at the end, ratios of the annual totals. The base year passes its middle as
    /// start and end: its flows are the base-year values the split reproduces.
    func combine(start: UnsafePointer<Double>, middle: UnsafePointer<Double>, end: UnsafePointer<Double>,
                 into row: UnsafeMutablePointer<Double>) {
        for j in 0..<names.count { row[j] = (start[j] + 4 * middle[j] + end[j]) / 6 }
        for j in stocks { row[j] = end[j] }
        for j in midYears { row[j] = middle[j] }
        for r in ratios { row[r.at] = r.factor * row[r.numerator] / row[r.denominator] }
    }
}

extension CarbonModel {
    /// Every annual output, in catalog order. Reads the workspace filled by `evaluate`; names and values
    /// are autoclosures, so naming evaluates no value and writing builds no name.
    static func outputs<S: OutputSink>(_ s: inout S, ws: Workspace) {
        s.emit("co2_gross", "Mt CO2", ws.accounting.grossCO2)
        s.emit("co2_net", "Mt CO2", ws.accounting.netCO2)
        s.emit("co2_process", "Mt CO2", ws.accounting.processCO2)
        s.emit("ccus_captured", "Mt CO2", ws.ccus.captured)
        s.emit("sinks", "Mt CO2", ws.sinks.flux)
        for g in SectorGroup.allCases { s.emit("co2_sector_\(g.key)", "Mt CO2", ws.accounting.co2ByGroup[g.rawValue]) }
        for f in Fuel.allCases { s.emit("co2_fuel_\(f.key)", "Mt CO2", ws.accounting.co2ByFuel[f]) }
        for g in SectorGroup.allCases { s.emit("energy_sector_\(g.key)", "Mtce", ws.accounting.energyByGroup[g.rawValue]) }
        // By sector group and fuel (the LMDI decomposition's energy mix), and process CO2 by sector group.
        for g in SectorGroup.allCases {
            for f in Fuel.allCases { s.emit("energy_\(g.key)_\(f.key)", "Mtce", ws.accounting.fuelByGroup[g.rawValue][f]) }
        }
        for g in SectorGroup.allCases {
            for f in Fuel.allCases { s.emit("co2_\(g.key)_\(f.key)", "Mt CO2", ws.accounting.co2ByGroupFuel[g.rawValue][f]) }
        }
        for g in SectorGroup.allCases { s.emit("co2_process_\(g.key)", "Mt CO2", ws.accounting.processByGroup[g.rawValue]) }
        s.emit("energy_total", "Mtce", ws.accounting.energyTotal)
        s.emit("energy_dual_control", "Mtce", ws.accounting.energyDualControl)
        for f in Fuel.allCases { s.emit("energy_\(f.key)", "Mtce", ws.accounting.fuelTotal[f]) }
        s.emit("energy_non_fossil", "Mtce", ws.accounting.nonFossilEnergy)
        s.emit("energy_non_fossil_generated", "Mtce", ws.accounting.nonFossilGenerated)
        s.emit("energy_feedstock", "Mtce", ws.accounting.feedstockEnergy)
        s.emit("energy_export_deduction", "Mtce", ws.accounting.exportDeduction)
        s.emit("renewable_consumption", "TWh", ws.accounting.renewableConsumption)
        s.emit("coal_power_residual", "Mtce", ws.accounting.powerCoalResidual)
        s.emit("energy_new_renewables", "Mtce", ws.accounting.newRenewableEnergy)
        s.emit("energy_cap", "Mtce", .midYear, ws.dualControl.energyCap.isFinite ? ws.dualControl.energyCap : .nan)
        s.emit("gdp", "10^8 yuan (2019 prices)", ws.economy.gdp)
        s.emit("energy_intensity", "tce per 10^4 yuan", .ratio(numerator: "energy_total", denominator: "gdp", factor: 100),
               ws.accounting.energyTotal * 100 / ws.economy.gdp)
        s.emit("energy_intensity_dual_control", "tce per 10^4 yuan", .ratio(numerator: "energy_dual_control", denominator: "gdp", factor: 100),
               ws.accounting.energyDualControl * 100 / ws.economy.gdp)
        s.emit("co2_intensity", "t CO2 per 10^4 yuan", .ratio(numerator: "co2_gross", denominator: "gdp", factor: 100),
               ws.accounting.grossCO2 * 100 / ws.economy.gdp)
        s.emit("non_fossil_share", "%", .ratio(numerator: "energy_non_fossil", denominator: "energy_total", factor: 100),
               100 * ws.accounting.nonFossilEnergy / ws.accounting.energyTotal)
        s.emit("electricity_generation", "TWh", ws.power.generation)
        s.emit("electricity_demand_in_region", "TWh", ws.power.inRegionDemand)
        s.emit("electricity_exports", "TWh", ws.power.exports)
        s.emit("electricity_imports", "TWh", ws.power.imports)
        s.emit("generation_coal", "TWh", ws.power.coalGeneration)
        s.emit("generation_wind", "TWh", ws.power.windGeneration)
        s.emit("generation_solar", "TWh", ws.power.solarGeneration)
        s.emit("generation_other", "TWh", ws.power.otherGeneration)
        s.emit("curtailed_renewables", "TWh", ws.power.curtailedGeneration)
        s.emit("electricity_new_load", "TWh", ws.power.newLoad)
        s.emit("storage_discharged", "TWh", ws.power.storageDischarged)
        s.emit("capacity_storage", "GW", .stock, ws.power.storageCapacity)
        s.emit("generation_dedicated_export", "TWh", ws.power.dedicatedRenewableGeneration)
        s.emit("capacity_dedicated_renewables", "GW", .stock, ws.power.dedicatedRenewableCapacity)
        s.emit("capacity_wind", "GW", .stock, ws.power.windCapacity)
        s.emit("capacity_solar", "GW", .stock, ws.power.solarCapacity)
        s.emit("capacity_coal", "GW", .stock, ws.power.coalCapacity)
        s.emit("heat_rate", "gce/kWh", ws.power.heatRate)
        for p in Product.allCases {
            let i = p.rawValue
            s.emit("output_\(p.key)", "Mt", ws.industry.output[i])
            // In the region: clinker capacity transferred out is not.
            let inRegion = p == .clinker ? 1 - ws.industry.cementTransferShare : 1
            s.emit("capacity_\(p.key)", "Mt/yr", .stock, (ws.industry.capacityOld[i] + ws.industry.capacityNew[i]) * inRegion)
            s.emit("capacity_old_\(p.key)", "Mt/yr", .stock, ws.industry.capacityOld[i] * inRegion)
        }
        s.emit("fly_ash_generated", "Mt", ws.flyAsh.generated)
        s.emit("fly_ash_stock", "Mt", .stock, ws.flyAsh.stock)
        s.emit("fly_ash_alumina_capacity", "Mt/yr", .stock, ws.flyAsh.aluminaCapacity)
        s.emit("fly_ash_alumina_output", "Mt", ws.flyAsh.aluminaOutput)
        s.emit("alumina_imports", "Mt", ws.industry.aluminaImports)
        s.emit("alumina_exports", "Mt", ws.industry.aluminaExports)
        s.emit("green_hydrogen", "Mt", ws.industry.greenHydrogen)
        s.emit("hydrogen_displaced_fuel", "Mtce", ws.industry.hydrogenDisplacedFuel)
        s.emit("cement_capacity_transferred", "Mt/yr", .stock, ws.industry.cementTransferred)
        s.emit("clinker_substituted", "Mt", ws.industry.clinkerSubstituted)
        s.emit("carbide_slag_avoided_co2", "Mt CO2", ws.industry.carbideSlagAvoidedCO2)
        s.emit("ccus_capacity", "Mt CO2/yr", .stock, ws.ccus.capacity)
        s.emit("ccus_capture_potential", "Mt CO2", ws.ccus.potential)
        s.emit("dual_control_curtailment", "%", 100 * ws.dualControl.curtailment)
        s.emit("capacity_eliminated", "Mt/yr per yr", ws.measures.eliminatedCapacity)
        s.emit("retrofit_savings", "Mtce/yr per yr", ws.measures.retrofitSavings)
        s.emit("electrified_fossil_energy", "Mtce", ws.measures.electrifiedFossil)
        s.emit("deep_processed_extra", "Mt", ws.measures.deepProcessedExtra)
        s.emit("coal_retired_early", "GW/yr", ws.measures.coalRetiredEarly)
        s.emit("heat_rate_retrofit", "GW gce/kWh per yr", ws.measures.heatRateRetrofit)
        s.emit("curtailed_value_added", "10^8 yuan", ws.measures.curtailedValueAdded)
    }

    /// Names and units of the annual outputs.
    public var outputCatalog: OutputCatalog { OutputCatalog.shared }
}
