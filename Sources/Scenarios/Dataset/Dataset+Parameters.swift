import Simulator

extension Dataset {
    /// The core's parameters at baseline levers. Every entry must be used: a key the model does not
    /// know is an error (most likely a typo), reported with its line and the accepted keys.
    public func modelParameters() throws -> ModelParameters {
        var r = EntryReader(dataset: self)
        var p = ModelParameters()
        p.baseYear = baseYear
        p.endYear = endYear
        p.factors.perTce = FuelVector(coal: try r.scalar("emission_factors.coal"), coke: try r.scalar("emission_factors.coke"),
                                      oil: try r.scalar("emission_factors.oil"), gas: try r.scalar("emission_factors.gas"))
        for g in SectorGroup.allCases { p.ceads[g] = try r.fuels("ceads_2019.\(g.key)") }
        p.ceads.cementProcess = try r.scalar("ceads_2019.cement_process")

        p.economy.baseGDP = try r.scalar("economy.base_gdp")
        (p.economy.growthYears, p.economy.growthRates) = try r.steps("economy.growth")
        p.economy.replacementShare = try r.scalar("economy.replacement_share")
        p.economy.replacementFuelPerValueAdded = FuelVector(coal: try r.scalar("economy.replacement_fuel_coal"), coke: 0, oil: 0,
                                                            gas: try r.scalar("economy.replacement_fuel_gas"))
        p.economy.replacementElectricityPerValueAdded = try r.scalar("economy.replacement_electricity")
        p.economy.electrificationMWhPerTce = try r.scalar("economy.electrification_mwh_per_tce")

        for product in Product.allCases {
            let k = "products.\(product.key)."
            var q = ProductParameters(product: product, group: try r.group(k + "group"))
            q.baseOutput = try r.scalar(k + "base_output", positive: true)
            q.baseUtilisation = try r.scalar(k + "base_utilisation", positive: true)
            q.maxUtilisation = try r.scalar(k + "max_utilisation", positive: true)
            q.oldShare = try r.scalar(k + "old_share", below: 1)
            q.oldLifetime = try r.scalar(k + "old_lifetime", positive: true)
            q.newLifetime = try r.scalar(k + "new_lifetime", positive: true)
            q.adjustmentTime = try r.scalar(k + "adjustment_time", positive: true)
            q.oldRelativeIntensity = try r.scalar(k + "old_relative_intensity", positive: true)
            q.shareOfGroupFuel = try r.scalar(k + "share_of_group_fuel")
            q.electricityPerTonne = try r.scalar(k + "electricity_per_tonne")
            q.processCO2PerTonne = try r.scalar(k + "process_co2_per_tonne", default: 0)
            q.extendedProcessCO2PerTonne = try r.scalar(k + "extended_process_co2_per_tonne", default: 0)
            q.feedstockTcePerTonne = try r.scalar(k + "feedstock_tce_per_tonne", default: 0)
            q.benchmarkRelativeIntensity = try r.scalar(k + "benchmark_relative_intensity", positive: true)
            q.entryRelativeIntensity = try r.scalar(k + "entry_relative_intensity", positive: true)
            q.efficiencyRelaxationTime = try r.scalar(k + "efficiency_relaxation_time", positive: true)
            q.valueAddedPerTonne = try r.scalar(k + "value_added_per_tonne")
            q.deepProcessingBase = try r.scalar(k + "deep_processing_base", default: 0)
            q.deepProcessingValueUplift = try r.scalar(k + "deep_processing_value_uplift", default: 0)
            q.deepProcessingEnergyUplift = try r.scalar(k + "deep_processing_energy_uplift", default: 0)
            q.electricityIntensive = try r.flag(k + "electricity_intensive", default: false)
            if product != .alumina {
                let (years, index) = try r.series(k + "demand_index")
                p.demand.append(DemandPath(years: years, index: index))
            } else {
                p.demand.append(DemandPath(years: [], index: []))
            }
            p.products.append(q)
        }
        // Bayer alumina is driven by the smelters; its reference path (for lost value added) is theirs.
        p.demand[Product.alumina.rawValue] = p.demand[Product.aluminium.rawValue]

        for key in activityKeys {
            let k = "activities.\(key)."
            var a = ActivityParameters(key: key, group: try r.group(k + "group"))
            a.takesGroupRemainder = try r.flag(k + "takes_group_remainder", default: false)
            a.takesElectricityRemainder = try r.flag(k + "takes_electricity_remainder", default: false)
            if !a.takesGroupRemainder { a.baseCO2 = try r.fuels(k + "base_co2") }
            a.baseElectricity = try r.scalar(k + "base_electricity", default: 0)
            a.gdpElasticity = try r.scalar(k + "gdp_elasticity")
            a.autonomousEfficiency = try r.scalar(k + "autonomous_efficiency")
            switch try r.text(k + "electrification", default: "none") {
            case "none": a.electrification = .none
            case "buildings": a.electrification = .buildings
            case "transport": a.electrification = .transport
            default: throw r.invalid(k + "electrification", accepted: "none, buildings, transport")
            }
            _ = try r.text(k + "note", default: "")
            p.activities.append(a)
        }

        let w = "power."
        p.power.baseWind = try r.scalar(w + "base_wind")
        p.power.baseSolar = try r.scalar(w + "base_solar")
        p.power.baseCoal = try r.scalar(w + "base_coal", positive: true)
        p.power.windBuildRate = try r.scalar(w + "wind_build_rate")
        p.power.solarBuildRate = try r.scalar(w + "solar_build_rate")
        p.power.coalLifetime = try r.scalar(w + "coal_lifetime", positive: true)
        p.power.windCapacityFactor = try r.scalar(w + "wind_capacity_factor", positive: true)
        p.power.solarCapacityFactor = try r.scalar(w + "solar_capacity_factor", positive: true)
        p.power.windCurtailment = try r.scalar(w + "wind_curtailment", below: 1)
        p.power.solarCurtailment = try r.scalar(w + "solar_curtailment", below: 1)
        p.power.curtailmentSlope = try r.scalar(w + "curtailment_slope")
        p.power.otherGeneration = try r.scalar(w + "other_generation")
        p.power.baseInRegionConsumption = try r.scalar(w + "base_in_region_consumption", positive: true)
        (p.power.exportYears, p.power.exports) = try r.series(w + "exports")
        p.power.baseHeatRate = try r.scalar(w + "base_heat_rate", positive: true)
        p.power.newUnitHeatRate = try r.scalar(w + "new_unit_heat_rate", positive: true)
        p.power.retiredHeatRatePenalty = try r.scalar(w + "retired_heat_rate_penalty")
        p.power.heatRateRelaxationTime = try r.scalar(w + "heat_rate_relaxation_time", positive: true)
        p.power.coalPlanningCapacityFactor = try r.scalar(w + "coal_planning_capacity_factor", positive: true)
        p.power.coalMustRunCapacityFactor = try r.scalar(w + "coal_must_run_capacity_factor")
        p.power.coalAdjustmentTime = try r.scalar(w + "coal_adjustment_time", positive: true)
        p.power.renewableBuildTime = try r.scalar(w + "renewable_build_time", positive: true)

        let f = "fly_ash."
        p.flyAsh.ashPerTce = try r.scalar(f + "ash_per_tce")
        p.flyAsh.buildingMaterialUse = try r.scalar(f + "building_material_use", below: 1.0001)
        p.flyAsh.highAluminaShare = try r.scalar(f + "high_alumina_share", below: 1.0001)
        p.flyAsh.baseStock = try r.scalar(f + "base_stock")
        p.flyAsh.ashPerTonneAlumina = try r.scalar(f + "ash_per_tonne_alumina", positive: true)
        p.flyAsh.baseCapacity = try r.scalar(f + "base_capacity", positive: true)
        p.flyAsh.utilisation = try r.scalar(f + "utilisation", positive: true)
        p.flyAsh.growthRate = try r.scalar(f + "growth_rate", positive: true)
        p.flyAsh.scarcityStock = try r.scalar(f + "scarcity_stock", positive: true)
        p.flyAsh.fuelTcePerTonne = try r.scalar(f + "fuel_tce_per_tonne")
        p.flyAsh.electricityPerTonne = try r.scalar(f + "electricity_per_tonne")
        p.flyAsh.processCO2PerTonne = try r.scalar(f + "process_co2_per_tonne")
        p.flyAsh.aluminaPerAluminium = try r.scalar(f + "alumina_per_aluminium", positive: true)

        p.ccus.utilisation = try r.scalar("ccus.utilisation", positive: true)
        p.ccus.maxCaptureShare = try r.scalar("ccus.max_capture_share", below: 1.0001)
        p.ccus.electricityPerTonne = try r.scalar("ccus.electricity_per_tonne")
        p.ccus.buildTime = try r.scalar("ccus.build_time", positive: true)
        p.sinks.baseFlux = try r.scalar("sinks.base_flux")
        p.sinks.maturationTime = try r.scalar("sinks.maturation_time", positive: true)
        p.industryPolicy.ladderGapResponse = try r.scalar("industry_policy.ladder_gap_response")
        p.industryPolicy.ladderExitResponse = try r.scalar("industry_policy.ladder_exit_response")
        p.dualControl.maxCurtailment = try r.scalar("dual_control.max_curtailment", positive: true)
        p.dualControl.responseRate = try r.scalar("dual_control.response_rate", positive: true)

        try r.finish()
        return p
    }
}

/// Reads entries by path and remembers which were read, so unknown keys can be reported.
struct EntryReader {
    let dataset: Dataset
    private(set) var used = Set<String>()

    init(dataset: Dataset) { self.dataset = dataset }

    private func fail(_ path: String, _ message: String, accepted: String? = nil) -> InputError {
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

    mutating func scalar(_ path: String, default value: Double? = nil, positive: Bool = false, below: Double? = nil) throws -> Double {
        guard let e = get(path) else {
            if let value { return value }
            throw missing(path, "missing dataset value")
        }
        guard let v = e.scalar else { throw fail(path, "expected a single number {value: ..., unit: ..., source: ...}") }
        if positive && !(v > 0) { throw fail(path, "must be positive, is \(format(v))", accepted: "> 0") }
        if let below, !(v < below) { throw fail(path, "must be below \(format(below)), is \(format(v))") }
        return v
    }

    mutating func series(_ path: String) throws -> ([Double], [Double]) {
        guard let e = get(path) else { throw missing(path, "missing dataset series") }
        guard case .series(let years, let values) = e.value, years.count == values.count, years.count >= 3 else {
            throw fail(path, "expected a series {years: [...], values: [...]} with at least 3 points of equal length")
        }
        guard zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else { throw fail(path, "years must increase") }
        return (years, values)
    }

    /// Rates that hold from each year to the next: one more year than values.
    mutating func steps(_ path: String) throws -> ([Double], [Double]) {
        guard let e = get(path) else { throw missing(path, "missing dataset series") }
        guard case .series(let years, let values) = e.value, years.count == values.count + 1, !values.isEmpty else {
            throw fail(path, "expected {years: [...], values: [...]} with one more year than values (each rate holds to the next year)")
        }
        guard zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else { throw fail(path, "years must increase") }
        return (years, values)
    }

    mutating func fuels(_ path: String) throws -> FuelVector {
        guard let e = get(path) else { throw missing(path, "missing CO2 by fuel {coal, coke, oil, gas}") }
        guard case .fuels(let f) = e.value else { throw fail(path, "expected CO2 by fuel {coal, coke, oil, gas}") }
        return f
    }

    mutating func text(_ path: String, default value: String) throws -> String {
        guard let e = get(path) else { return value }
        guard case .text(let s) = e.value else { throw fail(path, "expected text") }
        return s
    }

    mutating func flag(_ path: String, default value: Bool) throws -> Bool {
        guard let e = get(path) else { return value }
        guard case .flag(let b) = e.value else { throw fail(path, "expected true or false") }
        return b
    }

    mutating func group(_ path: String) throws -> SectorGroup {
        let s = try text(path, default: "")
        guard let g = SectorGroup.allCases.first(where: { $0.key == s }) else {
            throw fail(path, "unknown sector group '\(s)'", accepted: SectorGroup.allCases.map(\.key).joined(separator: ", "))
        }
        return g
    }

    /// Every entry must have been read.
    func finish() throws {
        for e in dataset.entries where !used.contains(e.path) {
            let parent = e.path.split(separator: ".").dropLast().joined(separator: ".")
            let siblings = used.filter { $0.hasPrefix(parent + ".") }.map { String($0.dropFirst(parent.count + 1)) }
                .filter { !$0.contains(".") }.sorted()
            let last = String(e.path.split(separator: ".").last ?? "")
            throw InputError(file: dataset.file, line: e.line, keyPath: e.path, message: "unknown key '\(last)'",
                             accepted: siblings.joined(separator: ", "), suggestion: didYouMean(last, in: siblings))
        }
    }
}
