import Simulator

extension Dataset {
    /// Builds the core's parameters at baseline levers and, for every numeric path, how to set it again
    /// directly (what sweeps vary). Every entry must be used: a key the model does not know is an error
    /// (most likely a typo), reported with its line and the accepted keys.
    /// `refused`: key paths of values the file gave in a form already refused (not reported again as missing).
    func build(refused: [String] = []) throws -> (parameters: ModelParameters, bindings: [String: ParameterBinding], checks: [String: ValueCheck]) {
        var r = EntryReader(dataset: self, refused: refused)
        var p = ModelParameters()
        p.baseYear = baseYear
        p.endYear = endYear
        r.scalar("emission_factors.coal", \.factors.perTce.coal, &p, positive: true)
        r.scalar("emission_factors.coke", \.factors.perTce.coke, &p, positive: true)
        r.scalar("emission_factors.oil", \.factors.perTce.oil, &p, positive: true)
        r.scalar("emission_factors.gas", \.factors.perTce.gas, &p, positive: true)
        for g in SectorGroup.allCases { r.fuels("ceads_2019.\(g.key)", \.ceads.byGroup[g.rawValue], &p) }
        r.scalar("ceads_2019.cement_process", \.ceads.cementProcess, &p)

        r.scalar("economy.base_gdp", \.economy.baseGDP, &p)
        p.economy.growthYears = r.steps("economy.growth", \.economy.growthRates, &p, range: Dataset.growthRange, unit: "share/yr")
        r.scalar("economy.replacement_share", \.economy.replacementShare, &p)
        p.economy.replacementFuelPerValueAdded = FuelVector()
        r.scalar("economy.replacement_fuel_coal", \.economy.replacementFuelPerValueAdded.coal, &p)
        r.scalar("economy.replacement_fuel_gas", \.economy.replacementFuelPerValueAdded.gas, &p)
        r.scalar("economy.replacement_electricity", \.economy.replacementElectricityPerValueAdded, &p)
        r.scalar("economy.electrification_mwh_per_tce", \.economy.electrificationMWhPerTce, &p)

        for product in Product.allCases {
            let k = "products.\(product.key)."
            let i = product.rawValue
            // A product the dataset does not describe is one the region does not make.
            guard describes(k) else {
                p.products.append(.absent(product))
                p.demand.append(DemandPath(years: [], index: []))
                continue
            }
            p.products.append(ProductParameters(product: product, group: r.group(k + "group")))
            r.scalar(k + "base_output", \.products[i].baseOutput, &p, positive: true)
            r.scalar(k + "base_utilisation", \.products[i].baseUtilisation, &p, positive: true)
            r.scalar(k + "max_utilisation", \.products[i].maxUtilisation, &p, positive: true)
            r.scalar(k + "old_share", \.products[i].oldShare, &p, below: 1)
            r.scalar(k + "old_lifetime", \.products[i].oldLifetime, &p, positive: true)
            r.scalar(k + "new_lifetime", \.products[i].newLifetime, &p, positive: true)
            r.scalar(k + "adjustment_time", \.products[i].adjustmentTime, &p, positive: true)
            r.scalar(k + "old_relative_intensity", \.products[i].oldRelativeIntensity, &p, positive: true)
            r.scalar(k + "share_of_group_fuel", \.products[i].shareOfGroupFuel, &p)
            r.scalar(k + "electricity_per_tonne", \.products[i].electricityPerTonne, &p)
            r.scalar(k + "process_co2_per_tonne", \.products[i].processCO2PerTonne, &p, default: 0)
            r.scalar(k + "extended_process_co2_per_tonne", \.products[i].extendedProcessCO2PerTonne, &p, default: 0)
            r.scalar(k + "feedstock_tce_per_tonne", \.products[i].feedstockTcePerTonne, &p, default: 0)
            r.scalar(k + "benchmark_relative_intensity", \.products[i].benchmarkRelativeIntensity, &p, positive: true)
            r.scalar(k + "entry_relative_intensity", \.products[i].entryRelativeIntensity, &p, positive: true)
            r.scalar(k + "efficiency_relaxation_time", \.products[i].efficiencyRelaxationTime, &p, positive: true)
            r.scalar(k + "value_added_per_tonne", \.products[i].valueAddedPerTonne, &p)
            r.scalar(k + "deep_processing_base", \.products[i].deepProcessingBase, &p, default: 0)
            r.scalar(k + "deep_processing_value_uplift", \.products[i].deepProcessingValueUplift, &p, default: 0)
            r.scalar(k + "deep_processing_energy_uplift", \.products[i].deepProcessingEnergyUplift, &p, default: 0)
            p.products[i].electricityIntensive = r.flag(k + "electricity_intensive", default: false)
            r.scalar(k + "restricted_share", \.products[i].restrictedShare, &p, default: 0, below: 1.0001)
            r.scalar(k + "restricted_energy_gap", \.products[i].restrictedEnergyGap, &p, default: 0, below: 1)
            p.demand.append(DemandPath(years: [], index: []))
            if product == .alumina && !describes("products.aluminium.") {
                r.report(InputError(file: file, line: entries.first { $0.path.hasPrefix(k) }?.line, keyPath: "products.alumina",
                                 message: "Bayer alumina follows the smelters' need, so the dataset needs products.aluminium too"))
            }
            if product != .alumina {
                p.demand[i].years = r.series(k + "demand_index", \.demand[i].index, &p)
            }
        }
        // Bayer alumina is driven by the smelters; its reference path (for lost value added) is theirs.
        let aluminium = Product.aluminium.rawValue, alumina = Product.alumina.rawValue
        if p.products[aluminium].isPresent && p.products[alumina].isPresent {
            p.demand[alumina] = p.demand[aluminium]
            r.alsoScale("products.aluminium.demand_index", \.demand[alumina].index)
        }

        for key in activityKeys {
            let k = "activities.\(key)."
            let j = p.activities.count
            p.activities.append(ActivityParameters(key: key, group: r.group(k + "group")))
            p.activities[j].takesGroupRemainder = r.flag(k + "takes_group_remainder", default: false)
            p.activities[j].takesElectricityRemainder = r.flag(k + "takes_electricity_remainder", default: false)
            if !p.activities[j].takesGroupRemainder { r.fuels(k + "base_co2", \.activities[j].baseCO2, &p) }
            r.scalar(k + "base_electricity", \.activities[j].baseElectricity, &p, default: 0)
            r.scalar(k + "gdp_elasticity", \.activities[j].gdpElasticity, &p)
            r.scalar(k + "autonomous_efficiency", \.activities[j].autonomousEfficiency, &p)
            if entry(k + "trend") != nil {
                p.activities[j].trendYears = r.series(k + "trend", \.activities[j].trendIndex, &p)
            }
            switch r.text(k + "electrification", default: "none") {
            case "none": p.activities[j].electrification = .none
            case "buildings": p.activities[j].electrification = .buildings
            case "transport": p.activities[j].electrification = .transport
            default: r.report(r.invalid(k + "electrification", accepted: "none, buildings, transport"))
            }
            _ = r.text(k + "note", default: "")
        }

        let w = "power."
        r.scalar(w + "base_wind", \.power.baseWind, &p)
        r.scalar(w + "base_solar", \.power.baseSolar, &p)
        r.scalar(w + "base_coal", \.power.baseCoal, &p, positive: true)
        r.scalar(w + "wind_build_rate", \.power.windBuildRate, &p)
        r.scalar(w + "solar_build_rate", \.power.solarBuildRate, &p)
        r.scalar(w + "coal_lifetime", \.power.coalLifetime, &p, positive: true)
        r.scalar(w + "wind_capacity_factor", \.power.windCapacityFactor, &p, positive: true)
        r.scalar(w + "solar_capacity_factor", \.power.solarCapacityFactor, &p, positive: true)
        r.scalar(w + "wind_curtailment", \.power.windCurtailment, &p, below: 1)
        r.scalar(w + "solar_curtailment", \.power.solarCurtailment, &p, below: 1)
        r.scalar(w + "curtailment_slope", \.power.curtailmentSlope, &p)
        r.scalar(w + "other_generation", \.power.otherGeneration, &p)
        r.scalar(w + "base_in_region_consumption", \.power.baseInRegionConsumption, &p, positive: true)
        p.power.exportYears = r.series(w + "exports", \.power.exports, &p)
        r.scalar(w + "base_heat_rate", \.power.baseHeatRate, &p, positive: true, atLeast: ValueCheck.heatRateFloor)
        r.scalar(w + "new_unit_heat_rate", \.power.newUnitHeatRate, &p, positive: true, atLeast: ValueCheck.heatRateFloor)
        r.scalar(w + "retired_heat_rate_penalty", \.power.retiredHeatRatePenalty, &p)
        r.scalar(w + "heat_rate_relaxation_time", \.power.heatRateRelaxationTime, &p, positive: true)
        r.scalar(w + "coal_planning_capacity_factor", \.power.coalPlanningCapacityFactor, &p, positive: true)
        r.scalar(w + "coal_must_run_capacity_factor", \.power.coalMustRunCapacityFactor, &p)
        r.scalar(w + "coal_adjustment_time", \.power.coalAdjustmentTime, &p, positive: true)
        // Power-side structure since the base year; a dataset without it has none (no new load, no pipeline,
        // no storage rule).
        if entry(w + "new_load") != nil { p.power.newLoadYears = r.series(w + "new_load", \.power.newLoad, &p) }
        if entry(w + "imports") != nil {
            p.power.importYears = r.series(w + "imports", \.power.imports, &p)
            // The balance nets imports against exports; a net importer would need its imports in the energy balance.
            if let most = p.power.imports.max(), let least = p.power.exports.min(), most > least {
                r.report(r.fail(w + "imports", "imports of \(format(most)) TWh/yr exceed the smallest export point of power.exports (\(format(least)) TWh/yr): the model nets imports against exports, and a net importer's imports are not in its energy balance",
                                accepted: "values from 0 to \(format(least)) TWh/yr"))
            }
        }
        if entry(w + "renewable_hours_index") != nil {
            p.power.renewableHoursYears = r.series(w + "renewable_hours_index", \.power.renewableHours, &p)
        }
        if entry(w + "coal_pipeline") != nil { p.power.coalPipelineYears = r.series(w + "coal_pipeline", \.power.coalPipeline, &p) }
        r.scalar(w + "storage_rule_share", \.power.storageRuleShare, &p, default: 0)
        r.scalar(w + "storage_rule_hours", \.power.storageRuleHours, &p, default: 2)
        r.scalar(w + "storage_hours", \.power.storageHours, &p, default: 4)
        r.scalar(w + "storage_cycles_per_year", \.power.storageCyclesPerYear, &p, default: 300)
        r.scalar(w + "storage_efficiency", \.power.storageEfficiency, &p, default: 0.85, below: 1)
        r.scalar(w + "dedicated_export_renewable_share", \.power.dedicatedExportRenewableShare, &p, default: 0.5, below: 1.000001)
        r.scalar(w + "dedicated_export_wind_share", \.power.dedicatedExportWindShare, &p, default: 0.5, below: 1.000001)

        // Without an energy_statistics section energy stays CEADs-implied (CO2 / emission factor).
        r.scalar("energy_statistics.basis_ratio", \.energyStatisticsRatio, &p, default: 1, positive: true)
        // Without a heat_supply section the power group's whole remainder is heat supply (no residual split).
        if describes("heat_supply.") {
            r.scalar("heat_supply.heat_supplied", \.heatSupply.heatSupplied, &p)
            r.scalar("heat_supply.coal_per_heat", \.heatSupply.coalPerHeat, &p, positive: true)
        }

        // Without a hydrogen section green hydrogen displaces nothing (the lever acts on nothing).
        if describes("hydrogen.") {
            r.scalar("hydrogen.fuel_tce_per_tonne", \.hydrogen.fuelTcePerTonne, &p)
            r.scalar("hydrogen.feedstock_tce_per_tonne", \.hydrogen.feedstockTcePerTonne, &p)
            r.scalar("hydrogen.electricity_per_tonne", \.hydrogen.electricityPerTonne, &p, positive: true)
            r.scalar("hydrogen.grid_share", \.hydrogen.gridShare, &p, below: 1.0001)
        }

        let f = "fly_ash."
        // Without a fly_ash section the region has no fly-ash alumina industry and no high-alumina stock.
        if !describes(f) { p.flyAsh = .none }
        else {
        r.scalar(f + "ash_per_tce", \.flyAsh.ashPerTce, &p)
        r.scalar(f + "building_material_use", \.flyAsh.buildingMaterialUse, &p, below: 1.0001)
        r.scalar(f + "high_alumina_share", \.flyAsh.highAluminaShare, &p, below: 1.0001)
        r.scalar(f + "base_stock", \.flyAsh.baseStock, &p)
        r.scalar(f + "ash_per_tonne_alumina", \.flyAsh.ashPerTonneAlumina, &p, positive: true)
        r.scalar(f + "base_capacity", \.flyAsh.baseCapacity, &p, positive: true)
        r.scalar(f + "utilisation", \.flyAsh.utilisation, &p, positive: true)
        r.scalar(f + "scarcity_stock", \.flyAsh.scarcityStock, &p, positive: true)
        r.scalar(f + "fuel_tce_per_tonne", \.flyAsh.fuelTcePerTonne, &p)
        r.scalar(f + "electricity_per_tonne", \.flyAsh.electricityPerTonne, &p)
        r.scalar(f + "process_co2_per_tonne", \.flyAsh.processCO2PerTonne, &p)
        r.scalar(f + "alumina_per_aluminium", \.flyAsh.aluminaPerAluminium, &p, positive: true)
        r.scalar(f + "import_displacement", \.flyAsh.importDisplacement, &p, below: 1.0001)
        }

        r.scalar("ccus.utilisation", \.ccus.utilisation, &p, positive: true)
        r.scalar("ccus.max_capture_share", \.ccus.maxCaptureShare, &p, below: 1.0001)
        r.scalar("ccus.electricity_per_tonne", \.ccus.electricityPerTonne, &p)
        r.scalar("sinks.base_flux", \.sinks.baseFlux, &p)
        r.scalar("sinks.maturation_time", \.sinks.maturationTime, &p, positive: true)
        r.scalar("industry_policy.ladder_gap_response", \.industryPolicy.ladderGapResponse, &p)
        r.scalar("industry_policy.ladder_exit_response", \.industryPolicy.ladderExitResponse, &p)
        r.scalar("dual_control.max_curtailment", \.dualControl.maxCurtailment, &p, positive: true)
        r.scalar("dual_control.response_rate", \.dualControl.responseRate, &p, positive: true)

        let c = "costs."
        r.scalar(c + "discount_rate", \.costs.discountRate, &p)
        r.scalar(c + "capacity_elimination", \.costs.capacityElimination, &p)
        r.scalar(c + "wind_capex", \.costs.windCapex, &p)
        r.scalar(c + "wind_learning_rate", \.costs.windLearningRate, &p, below: 1)
        r.scalar(c + "solar_capex", \.costs.solarCapex, &p)
        r.scalar(c + "solar_learning_rate", \.costs.solarLearningRate, &p, below: 1)
        r.scalar(c + "efficiency_retrofit", \.costs.efficiencyRetrofit, &p)
        r.scalar(c + "ccus", \.costs.ccus, &p)
        r.scalar(c + "afforestation", \.costs.afforestation, &p)
        r.scalar(c + "uptake_per_hectare", \.costs.uptakePerHectare, &p, positive: true)
        r.scalar(c + "electrification", \.costs.electrification, &p)
        r.scalar(c + "fly_ash_alumina_capex", \.costs.flyAshAluminaCapex, &p)
        r.scalar(c + "deep_processing", \.costs.deepProcessing, &p)
        r.scalar(c + "coal_retirement", \.costs.coalRetirement, &p)
        r.scalar(c + "heat_rate_retrofit", \.costs.heatRateRetrofit, &p)
        r.scalar(c + "storage_capex", \.costs.storageCapex, &p, default: 30)
        r.scalar(c + "clinker_substitution", \.costs.clinkerSubstitution, &p, default: 50)
        r.scalar(c + "carbide_slag", \.costs.carbideSlag, &p, default: 60)
        r.scalar(c + "cement_capacity_transfer", \.costs.cementCapacityTransfer, &p, default: 400)
        r.scalar(c + "green_hydrogen_premium", \.costs.greenHydrogenPremium, &p, default: 10000)

        r.finish()
        // Every problem of the file at once, in file order.
        if let e = InputError.combined(r.errors) { throw e }
        return (p, r.bindings, r.checks)
    }

    /// Whether any entry lies under `prefix` (a section or a product the dataset describes).
    private func describes(_ prefix: String) -> Bool { entries.contains { $0.path.hasPrefix(prefix) } }
}

/// How a sweep sets one dataset path on already-built parameters: a scalar is replaced, a series or a
/// CO2-by-fuel row is scaled. A series scales from element `from` on: in history mode the elements before it are
/// observed or fitted to observations (`Dataset.binding`), and a scenario's assumption does not rewrite history.
public enum ParameterBinding: @unchecked Sendable {
    case scalar(WritableKeyPath<ModelParameters, Double>)
    case scaled([WritableKeyPath<ModelParameters, [Double]>], from: Int = 0)
    case fuels(WritableKeyPath<ModelParameters, FuelVector>)

    public func apply(_ value: Double, to p: inout ModelParameters) {
        switch self {
        case .scalar(let kp): p[keyPath: kp] = value
        case .scaled(let kps, let from):
            for kp in kps {
                for i in p[keyPath: kp].indices where i >= from { p[keyPath: kp][i] *= value }
            }
        case .fuels(let kp): p[keyPath: kp] = p[keyPath: kp] * value
        }
    }
}

/// Reads entries by path into the parameters, remembers which were read (so unknown keys can be
/// reported) and how to set each again (so sweeps can vary them without re-reading the dataset).
struct EntryReader {
    let dataset: Dataset
    private(set) var used = Set<String>()
    private(set) var bindings: [String: ParameterBinding] = [:]
    /// What each numeric path accepts, for values set after loading (assumptions, sweep factors).
    private(set) var checks: [String: ValueCheck] = [:]
    /// Problems found so far; reading goes on after one, so a file's errors are reported together.
    private(set) var errors: [InputError] = []

    /// Key paths refused before reading (a value's form); a read of one is not a missing value.
    let refused: [String]

    init(dataset: Dataset, refused: [String] = []) {
        self.dataset = dataset
        self.refused = refused
    }

    mutating func report(_ error: InputError) { errors.append(error) }

    /// Runs one read; an `InputError` is recorded and `fallback` stands in for the value.
    private mutating func reading<T>(_ fallback: T, _ body: (inout EntryReader) throws -> T) -> T {
        do { return try body(&self) } catch let e as InputError { errors.append(e) } catch {
            errors.append(InputError(file: dataset.file, message: "\(error)"))
        }
        return fallback
    }

    func fail(_ path: String, _ message: String, accepted: String? = nil) -> InputError {
        let e = dataset.entry(path)
        return InputError(file: dataset.file, line: e?.line, keyPath: path, message: message, accepted: accepted)
    }

    func invalid(_ path: String, accepted: String) -> InputError { fail(path, "value not accepted", accepted: accepted) }

    private mutating func get(_ path: String) -> DatasetEntry? {
        used.insert(path)
        return dataset.entry(path)
    }

    /// A required value is missing: if a sibling key looks like a typo of it, report the typo instead.
    private func missing(_ path: String, _ message: String) -> InputError {
        if refused.contains(where: { $0 == path || $0.hasPrefix(path + ".") }) { return fail(path, message) }
        let parts = path.split(separator: ".")
        let parent = parts.dropLast().joined(separator: "."), name = String(parts.last ?? "")
        for e in dataset.entries where e.path.hasPrefix(parent + ".") && !used.contains(e.path) {
            let key = String(e.path.dropFirst(parent.count + 1))
            if !key.contains("."), didYouMean(key, in: [name]) != nil {
                return InputError(file: dataset.file, line: e.line, keyPath: e.path, message: "unknown key '\(key)'",
                                  suggestion: name)
            }
        }
        return fail(path, message)
    }

    mutating func scalar(_ path: String, _ kp: WritableKeyPath<ModelParameters, Double>, _ p: inout ModelParameters,
                         default value: Double? = nil, positive: Bool = false, below: Double? = nil, atLeast floor: ValueCheck.Floor? = nil) {
        reading(()) { try $0.readScalar(path, kp, &p, default: value, positive: positive, below: below, floor: floor) }
    }

    private mutating func readScalar(_ path: String, _ kp: WritableKeyPath<ModelParameters, Double>, _ p: inout ModelParameters,
                                     default value: Double?, positive: Bool, below: Double?, floor: ValueCheck.Floor?) throws {
        guard let e = get(path) else {
            guard let value else { throw missing(path, "missing dataset value") }
            p[keyPath: kp] = value
            return
        }
        guard let v = e.scalar else { throw fail(path, "expected a single number {value: ..., unit: ..., source: ...}") }
        let check = ValueCheck(positive: positive, below: below, floor: floor, unit: e.unit, domain: ValueCheck.domain(unit: e.unit), reference: v)
        if let problem = check.problem(v) { throw fail(path, problem.message, accepted: problem.accepted) }
        p[keyPath: kp] = v
        bindings[path] = .scalar(kp)
        checks[path] = check
    }

    /// A series of values at years; returns the years, sets the values.
    mutating func series(_ path: String, _ kp: WritableKeyPath<ModelParameters, [Double]>, _ p: inout ModelParameters) -> [Double] {
        reading([]) { try $0.readSeries(path, kp, &p) }
    }

    private mutating func readSeries(_ path: String, _ kp: WritableKeyPath<ModelParameters, [Double]>, _ p: inout ModelParameters) throws -> [Double] {
        guard let e = get(path) else { throw missing(path, "missing dataset series") }
        guard case .series(let years, let values) = e.value, years.count == values.count, years.count >= 3 else {
            throw fail(path, "expected a series {years: [...], values: [...]} with at least 3 points of equal length")
        }
        guard zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else { throw fail(path, "years must increase") }
        p[keyPath: kp] = values
        bindings[path] = .scaled([kp])
        checks[path] = ValueCheck(series: values, unit: e.unit, domain: ValueCheck.domain(unit: e.unit))
        return years
    }

    /// Rates that hold from each year to the next: one more year than values. Returns the years.
    mutating func steps(_ path: String, _ kp: WritableKeyPath<ModelParameters, [Double]>, _ p: inout ModelParameters,
                        range: ClosedRange<Double>, unit: String) -> [Double] {
        reading([]) { try $0.readSteps(path, kp, &p, range: range, unit: unit) }
    }

    private mutating func readSteps(_ path: String, _ kp: WritableKeyPath<ModelParameters, [Double]>, _ p: inout ModelParameters,
                                    range: ClosedRange<Double>, unit: String) throws -> [Double] {
        guard let e = get(path) else { throw missing(path, "missing dataset series") }
        guard case .series(let years, let values) = e.value, years.count == values.count + 1, !values.isEmpty else {
            throw fail(path, "expected {years: [...], values: [...]} with one more year than values (each rate holds to the next year)")
        }
        guard zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else { throw fail(path, "years must increase") }
        let check = ValueCheck(series: values, elementRange: range, unit: unit)
        if let bad = values.first(where: { !range.contains($0) }) {
            throw fail(path, "\(format(bad)) \(unit) is out of range", accepted: "\(format(range.lowerBound)) to \(format(range.upperBound)) \(unit)")
        }
        p[keyPath: kp] = values
        bindings[path] = .scaled([kp])
        checks[path] = check
        return years
    }

    /// Another place the series at `path` was copied to: scaling the path scales both.
    mutating func alsoScale(_ path: String, _ kp: WritableKeyPath<ModelParameters, [Double]>) {
        if case .scaled(let kps, let from) = bindings[path] { bindings[path] = .scaled(kps + [kp], from: from) }
    }

    mutating func fuels(_ path: String, _ kp: WritableKeyPath<ModelParameters, FuelVector>, _ p: inout ModelParameters) {
        reading(()) { try $0.readFuels(path, kp, &p) }
    }

    private mutating func readFuels(_ path: String, _ kp: WritableKeyPath<ModelParameters, FuelVector>, _ p: inout ModelParameters) throws {
        guard let e = get(path) else { throw missing(path, "missing CO2 by fuel {coal, coke, oil, gas}") }
        guard case .fuels(let f) = e.value else { throw fail(path, "expected CO2 by fuel {coal, coke, oil, gas}") }
        p[keyPath: kp] = f
        bindings[path] = .fuels(kp)
        // An assumption scales the row: a factor 0 or more.
        checks[path] = ValueCheck(series: [1], domain: 0...Double.greatestFiniteMagnitude)
    }

    mutating func text(_ path: String, default value: String) -> String {
        guard let e = get(path) else { return value }
        guard case .text(let s) = e.value else { report(fail(path, "expected text")); return value }
        return s
    }

    mutating func flag(_ path: String, default value: Bool) -> Bool {
        guard let e = get(path) else { return value }
        guard case .flag(let b) = e.value else { report(fail(path, "expected true or false")); return value }
        return b
    }

    mutating func group(_ path: String) -> SectorGroup {
        let s = text(path, default: "")
        guard let g = SectorGroup.allCases.first(where: { $0.key == s }) else {
            report(fail(path, "unknown sector group '\(s)'", accepted: SectorGroup.allCases.map(\.key).joined(separator: ", ")))
            return .other
        }
        return g
    }

    /// Parameters of earlier model versions: what a build-out reaches is in place at the end of its full year
    /// now, so these lags no longer enter the model.
    static let retired: [String: String] = [
        "power.renewable_build_time": "wind and solar capacity follows its lever's path",
        "ccus.build_time": "CCUS capacity follows its lever's path",
        "fly_ash.growth_rate": "fly-ash alumina capacity follows its lever's path (shape: logistic for an S-curve)",
    ]

    /// Every entry must have been read.
    mutating func finish() {
        for e in dataset.entries where !used.contains(e.path) && !errors.contains(where: { $0.keyPath == e.path }) {
            if let why = Self.retired[e.path] {
                report(InputError(file: dataset.file, line: e.line, keyPath: e.path,
                                 message: "'\(e.path)' is no longer a parameter: \(why), reached at the end of its full-effect year",
                                 accepted: "delete this line"))
                continue
            }
            let parent = e.path.split(separator: ".").dropLast().joined(separator: ".")
            let siblings = used.filter { $0.hasPrefix(parent + ".") }.map { String($0.dropFirst(parent.count + 1)) }
                .filter { !$0.contains(".") }.sorted()
            let last = String(e.path.split(separator: ".").last ?? "")
            report(InputError(file: dataset.file, line: e.line, keyPath: e.path, message: "unknown key '\(last)'",
                              accepted: siblings.joined(separator: ", "), suggestion: didYouMean(last, in: siblings)))
        }
    }
}

/// What the dataset loader accepts at a numeric path, kept so that values set after loading (a scenario's
/// `assumptions:`, a sweep's dataset factors) go through the same checks. For a series or a CO2-by-fuel
/// row the value is a scale factor.
public struct ValueCheck: Sendable {
    public var positive = false
    public var below: Double?
    /// A physical least value, and why (a heat rate cannot make power at more than 100 % efficiency).
    public var floor: Floor?
    /// A scaled series' values: each times the factor must lie in `elementRange` (when there is one).
    public var series: [Double] = []
    public var elementRange: ClosedRange<Double>?
    public var unit = ""
    /// What the unit allows a value (a share 0 to 1, a physical quantity not below 0); nil: any finite number.
    public var domain: ClosedRange<Double>?
    /// The dataset's own value (a series: 1, the factor that keeps it): a value set later stays within a million
    /// times it, beyond any what-if and short of overflowing the model's arithmetic (1e308 gave "-nan TWh").
    public var reference: Double = 1

    /// Why `v` is refused, with what is accepted; nil if it is accepted.
    public func problem(_ v: Double) -> (message: String, accepted: String?)? {
        guard v.isFinite else { return ("\(v) is not a finite number", nil) }
        if positive && !(v > 0) { return ("must be positive, is \(format(v))", "> 0") }
        if let below, !(v < below) { return ("must be below \(format(below)), is \(format(v))", "below \(format(below))") }
        if let floor, v < floor.value {
            return ("\(format(v)) \(unit) is below \(format(floor.value)): \(floor.why)", "\(format(floor.value)) \(unit) or more")
        }
        let scaled = !series.isEmpty
        if !scaled, let d = domain, !d.contains(v) {
            return (d.upperBound == .greatestFiniteMagnitude ? "\(format(v)) is negative: a quantity in \(unit) is 0 or more"
                        : "\(format(v)) is not a share: a \(unit) lies between \(format(d.lowerBound)) and \(format(d.upperBound))", Self.describe(d, unit))
        }
        let limit = 1e6 * max(abs(reference), 1)
        if abs(v) > limit {
            return ("\(format(v)) is more than a million times the dataset's \(scaled ? "series" : "value") (\(format(reference)))",
                    "values within ±\(format(limit))" + (scaled ? " (a factor on the series)" : " \(unit)"))
        }
        if let r = elementRange ?? (scaled ? domain : nil), let bad = series.first(where: { !r.contains($0 * v) }) {
            // An open-ended range (a quantity 0 or more) is said as such, not with the largest Double.
            let within = r.upperBound == .greatestFiniteMagnitude ? "at \(format(r.lowerBound)) \(unit) or more"
                                                                   : "within \(format(r.lowerBound)) to \(format(r.upperBound)) \(unit)"
            return ("a scale of \(format(v)) makes \(format(bad)) \(unit) into \(format(bad * v)), out of range",
                    "scales that keep every value \(within)" + (r.lowerBound == 0 && r.upperBound == .greatestFiniteMagnitude ? " (a scale of 0 or more)" : ""))
        }
        return nil
    }

    public struct Floor: Sendable {
        public let value: Double
        public let why: String
    }

    /// 1 kWh is 3.6 MJ, and 1 kgce is 29.3076 MJ: 122.8 gce per kWh at 100 % efficiency.
    public static let heatRateFloor = Floor(value: 122.8, why: "1 kWh is 3.6 MJ, or 122.8 gce; a lower heat rate would turn coal into power at more than 100 % efficiency")

    static func describe(_ d: ClosedRange<Double>, _ unit: String) -> String {
        d.upperBound == .greatestFiniteMagnitude ? "0 or more \(unit)" : "\(format(d.lowerBound)) to \(format(d.upperBound)) \(unit)"
    }

    /// What a unit allows: a share or a learning rate 0 to 1; a rate per year, an elasticity, an index or a
    /// dimensionless factor anything finite (calibrated trends can fall); every physical quantity (Mt, GW, TWh,
    /// yuan, tce, years, hours, ratios of such) 0 or more.
    public static func domain(unit: String) -> ClosedRange<Double>? {
        let u = unit.trimmingCharacters(in: .whitespaces)
        if u == "share" || u.hasPrefix("share of") || u == "share per doubling" || u == "per unit share" { return 0...1 }
        if u.isEmpty || u == "1" || u.hasPrefix("share/yr") || u.hasPrefix("per ") || u.contains("= 1") { return nil }
        return 0...Double.greatestFiniteMagnitude
    }
}
