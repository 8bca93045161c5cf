/// Electricity supply: wind, solar, other non-fossil, and coal filling the rest.
///
/// Wind W(t) and solar S(t) capacity (GW) follow their paths: the baseline trend from the end of the base
/// year plus the lever's offset, so a milestone is installed at the end of its year.
/// States: coal capacity C (GW) and the coal fleet heat rate h (gce/kWh).
/// - coal generation = demand + exports - imports - wind - solar - other, at least the must-run floor
/// - dC/dt = I - C/L - r(t) C, investment I keeping capacity at need / planning capacity factor
/// - dh/dt = (I/C)(h_new - h) - r(t) penalty (h - h_new)/(h0 - h_new) - max(h - h_target, 0)/tau: new units
///   dilute the fleet, early retirement removes the worst units (which can lower the average toward the new
///   units' rate, never below it), retrofits pull toward the lever target
/// - in-region demand includes the observed new electricity-intensive load (dataset path) and the new-load lever
/// - new-type storage (the allocation rule's share of wind and solar built since the base year, plus the storage
///   lever) charges from curtailed wind and solar: charged = X c/(X + c), X its yearly charge throughput
/// - approved coal units (the dataset's pipeline, GW/yr) add to the need-driven investment
/// - dedicated renewable export D(t) (lever) adds to exports: the desert bases' own wind and solar give s D, the
///   coal fleet the rest; the bases stay out of the curtailment share (they are sized for their line)
/// - imports (dataset path): electricity received from other grids; the published exports are gross
/// - wind and solar available = capacity x 8760 h x capacity factor x hours index (dataset path, 1 without one):
///   the index is what history mode fits to each observed year's generation
/// Balance: generation = in-region demand + exports - imports, every instant.
public final class PowerComponent: Component {
    public let offset: Int
    let p: PowerParameters
    /// End of the base year: where the installed capacities of the dataset stand.
    let trendAnchor: Double
    let exportSpline: Spline
    let exportPath: SplineView
    /// Variable-renewable share of generation in the base year (curtailment grows above it): set by the
    /// base-year split.
    let baseRenewableShare = BaseValue(0.0)
    /// Wind and solar offsets over their baseline trends, GW.
    let windOffset: CompiledSchedule, solarOffset: CompiledSchedule
    let heatRateTarget: CompiledSchedule, retirement: CompiledSchedule
    /// Planned new load (TWh/yr) and storage beyond the rule (GW).
    let newLoadLever: CompiledSchedule, storageLever: CompiledSchedule, dedicatedExportLever: CompiledSchedule
    /// Observed new load (TWh/yr) and the approved coal pipeline (GW/yr); nil where the dataset has none.
    let newLoadSpline: Spline?, coalPipelineSpline: Spline?
    let newLoadPath: SplineView?, coalPipelinePath: SplineView?
    /// Electricity received from other grids (TWh/yr); nil where the dataset has none (net exports).
    let importSpline: Spline?
    let importPath: SplineView?
    /// Wind and solar full-load hours relative to the capacity factors; nil where the dataset has none (1).
    let hoursSpline: Spline?
    let hoursPath: SplineView?

    public let states = [StateDeclaration("capacity_coal", "GW"), StateDeclaration("heat_rate", "gce/kWh")]

    init(parameters: PowerParameters, levers: LeverSettings, trendAnchor: Double, layout: inout StateLayout) throws {
        p = parameters
        self.trendAnchor = trendAnchor
        exportSpline = try Spline(x: midYear(parameters.exportYears), y: parameters.exports, kind: .steffen)
        exportPath = exportSpline.view
        windOffset = CompiledSchedule(levers[Levers.wind])
        solarOffset = CompiledSchedule(levers[Levers.solar])
        heatRateTarget = CompiledSchedule(levers[Levers.coalHeatRate])
        retirement = CompiledSchedule(levers[Levers.coalRetirement])
        newLoadLever = CompiledSchedule(levers[Levers.newLoad])
        storageLever = CompiledSchedule(levers[Levers.storage])
        dedicatedExportLever = CompiledSchedule(levers[Levers.dedicatedExport])
        // A yearly path of year-end levels, linear within each year: history mode fits one knot a year
        // (`PathCalibration`), and a monotone cubic would make that fit non-smooth where two knots are equal. Kinks
        // at year ends keep each year's quadrature exact; a year's value is the mean of its two ends.
        newLoadSpline = parameters.newLoadYears.isEmpty ? nil
            : try Spline(x: parameters.newLoadYears.map { $0 + 1 }, y: parameters.newLoad, kind: .linear)
        // Year-end levels like the new load: history mode fits them the same way (to generation).
        importSpline = parameters.importYears.isEmpty ? nil
            : try Spline(x: parameters.importYears.map { $0 + 1 }, y: parameters.imports, kind: .linear)
        importPath = importSpline?.view
        // Year-end levels like the new load: history mode fits one knot a year (to wind and solar generation).
        hoursSpline = parameters.renewableHoursYears.isEmpty ? nil
            : try Spline(x: parameters.renewableHoursYears.map { $0 + 1 }, y: parameters.renewableHours, kind: .linear)
        hoursPath = hoursSpline?.view
        coalPipelineSpline = parameters.coalPipelineYears.isEmpty ? nil
            : try Spline(x: midYear(parameters.coalPipelineYears), y: parameters.coalPipeline, kind: .steffen)
        newLoadPath = newLoadSpline?.view
        coalPipelinePath = coalPipelineSpline?.view
        offset = layout.reserve(states)
    }

    deinit {
        baseRenewableShare.deallocate()
        windOffset.deallocate(); solarOffset.deallocate(); heatRateTarget.deallocate(); retirement.deallocate()
        newLoadLever.deallocate(); storageLever.deallocate(); dedicatedExportLever.deallocate()
    }

    /// Heat-rate fall per unit of retirement rate and per gce/kWh above the new units': the penalty at the base year.
    var retirementPull: Double { p.retiredHeatRatePenalty / max(p.baseHeatRate - p.newUnitHeatRate, 1) }


    public func initialState(into y: UnsafeMutablePointer<Double>) {
        y[offset] = p.baseCoal
        y[offset + 1] = p.baseHeatRate
    }

    /// Wind and solar capacity at time t, GW.
    @inline(__always)
    func renewableCapacity(at t: Double) -> (wind: Double, solar: Double) {
        (max(p.baseWind + p.windBuildRate * (t - trendAnchor) + windOffset.value(at: t), 0),
         max(p.baseSolar + p.solarBuildRate * (t - trendAnchor) + solarOffset.value(at: t), 0))
    }

    /// Wind and solar energy available before curtailment at time t, TWh/yr: capacity at the capacity factors,
    /// times the hours index.
    @inline(__always)
    func renewableAvailable(wind: Double, solar: Double, at t: Double) -> (wind: Double, solar: Double) {
        let index = max(hoursPath?.value(at: t) ?? 1, 0)
        return (wind * 8.76 * p.windCapacityFactor * index, solar * 8.76 * p.solarCapacityFactor * index)
    }

    /// New electricity-intensive load at time t: observed path plus the lever, TWh/yr.
    @inline(__always)
    func newLoad(at t: Double) -> Double {
        max(newLoadPath?.value(at: t) ?? 0, 0) + max(newLoadLever.value(at: t), 0)
    }

    /// Step `power`: in-region demand from every user of electricity, then dispatch.
    func evaluate(_ ws: inout Workspace, y: UnsafePointer<Double>) {
        var inRegion = ws.flyAsh.electricity + ws.activities.replacementElectricity + ws.ccus.electricity
        for e in ws.industry.electricity { inRegion += e }
        for e in ws.activities.electricity { inRegion += e }
        ws.power.newLoad = newLoad(at: ws.t)
        inRegion += ws.power.newLoad
        ws.power.inRegionDemand = inRegion
        let (wind, solar) = renewableCapacity(at: ws.t)
        let coal = max(y[offset], 1e-6)
        let h = y[offset + 1]
        ws.power.windCapacity = wind
        ws.power.solarCapacity = solar
        ws.power.coalCapacity = coal
        ws.power.heatRate = h
        let dedicated = max(dedicatedExportLever.value(at: ws.t), 0)
        let basesGeneration = p.dedicatedExportRenewableShare * dedicated
        ws.power.exports = exportPath.value(at: ws.t) + dedicated
        // At most the exports: the balance nets them (a scaled sweep value cannot make the region a net importer).
        ws.power.imports = min(max(importPath?.value(at: ws.t) ?? 0, 0), ws.power.exports)
        ws.power.dedicatedRenewableGeneration = basesGeneration
        ws.power.dedicatedRenewableCapacity = basesGeneration
            * (p.dedicatedExportWindShare / p.windCapacityFactor + (1 - p.dedicatedExportWindShare) / p.solarCapacityFactor) / 8.76
        // What the region's own fleet supplies: everything but the bases' renewables.
        let demand = ws.power.inRegionDemand + ws.power.exports - ws.power.imports - basesGeneration

        let (windAvailable, solarAvailable) = renewableAvailable(wind: wind, solar: solar, at: ws.t)
        let share = (windAvailable + solarAvailable) / demand
        // Delivered = available x (1 - c0) / (1 + slope x excess share): curtailment rises with the share but
        // never reaches 100%, and delivered energy never falls as capacity grows (slope x share0 < 1).
        let damping = 1 + p.curtailmentSlope * Smooth.positive(share - baseRenewableShare.value, width: 0.01)
        var windGen = windAvailable * (1 - p.windCurtailment) / damping
        var solarGen = solarAvailable * (1 - p.solarCurtailment) / damping
        // Storage charges from what would be curtailed: X c/(X + c) never exceeds either the curtailed energy c
        // or the throughput X, and is exactly 0 without storage.
        let ruleStorage = p.storageRuleShare * max(wind + solar - p.baseWind - p.baseSolar, 0)
        let extraStorage = max(storageLever.value(at: ws.t), 0)
        let throughput = (ruleStorage * p.storageRuleHours + extraStorage * p.storageHours) * p.storageCyclesPerYear / 1000
        let windCurtailed = windAvailable - windGen, solarCurtailed = solarAvailable - solarGen
        let curtailed = windCurtailed + solarCurtailed
        let charged = throughput > 0 && curtailed > 0 ? throughput * curtailed / (throughput + curtailed) : 0
        if charged > 0 {
            let discharged = p.storageEfficiency * charged
            windGen += discharged * windCurtailed / curtailed
            solarGen += discharged * solarCurtailed / curtailed
        }
        ws.power.storageCapacity = ruleStorage + extraStorage
        ws.power.storageDischarged = p.storageEfficiency * charged
        let needed = demand - windGen - solarGen - p.otherGeneration
        let mustRun = coal * 8.76 * p.coalMustRunCapacityFactor
        let coalGen = Smooth.max(needed, mustRun, width: 1)
        // Coal above need (must-run) pushes out renewables, pro rata.
        let surplus = coalGen - needed
        let renewables = windGen + solarGen
        if renewables > 0 {
            let keep = max(renewables - surplus, 0) / renewables
            windGen *= keep
            solarGen *= keep
        }
        ws.power.windGeneration = windGen
        ws.power.solarGeneration = solarGen
        ws.power.otherGeneration = p.otherGeneration
        ws.power.coalGeneration = coalGen
        ws.power.curtailedGeneration = windAvailable + solarAvailable - windGen - solarGen
        ws.power.thermalFuel = coalGen * h / 1000
        ws.power.coalRetirementRate = retirement.value(at: ws.t)
    }

    /// What the coal-power levers do in a recorded year: capacity retired early, and the heat-rate retrofit effort: the
    /// pull toward the lever's target beyond the pull toward its baseline level (the smooth pull is w/2 at rest, and the
    /// baseline has it too), so a lever at its baseline, or before its start, costs nothing.
    func recordMeasures(_ ws: inout Workspace) {
        ws.measures.coalRetiredEarly = ws.power.coalRetirementRate * ws.power.coalCapacity
        // Against the schedule's own baseline level, which a sweep's draw of the base heat rate moves with it.
        let pull = Smooth.positiveBeyond(ws.power.heatRate, target: heatRateTarget.value(at: ws.t), baseline: heatRateTarget.from, width: 0.5)
        ws.measures.heatRateRetrofit = pull / p.heatRateRelaxationTime * ws.power.coalCapacity
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        let t = ws.t
        let coal = ws.power.coalCapacity
        let need = ws.power.coalGeneration / (8.76 * p.coalPlanningCapacityFactor)
        let invest = Smooth.positive((need - coal) / p.coalAdjustmentTime + coal / p.coalLifetime, width: 0.5)
        // Approved units come on top of what need alone would build (they are built whoever needs them).
        let pipeline = max(coalPipelinePath?.value(at: t) ?? 0, 0)
        dydt[offset] = invest + pipeline - coal / p.coalLifetime - ws.power.coalRetirementRate * coal

        let target = heatRateTarget.value(at: t)
        dydt[offset + 1] = (invest + pipeline) / coal * (p.newUnitHeatRate - ws.power.heatRate)
            - ws.power.coalRetirementRate * retirementPull * (ws.power.heatRate - p.newUnitHeatRate)
            - Smooth.positive(ws.power.heatRate - target, width: 0.5) / p.heatRateRelaxationTime
    }
}

/// What power writes: capacities (GW), the heat rate (gce/kWh), generation by source and its balance (TWh),
/// early retirement (share per year) and the coal burnt for electricity (Mtce).
public struct PowerFlows {
    public var windCapacity = 0.0, solarCapacity = 0.0, coalCapacity = 0.0, heatRate = 0.0
    public var windGeneration = 0.0, solarGeneration = 0.0, otherGeneration = 0.0, coalGeneration = 0.0
    public var curtailedGeneration = 0.0, inRegionDemand = 0.0, exports = 0.0
    /// Electricity received from other grids (TWh/yr): generation covers demand and exports less what comes in.
    public var imports = 0.0
    /// New electricity-intensive load (TWh/yr, part of in-region demand), storage power (GW) and the energy it
    /// gives back (TWh/yr, part of wind and solar generation).
    public var newLoad = 0.0, storageCapacity = 0.0, storageDischarged = 0.0
    /// Dedicated export's renewable part (TWh/yr, generated by the desert bases, not in wind and solar generation)
    /// and the bases' capacity (GW, not in wind and solar capacity).
    public var dedicatedRenewableGeneration = 0.0, dedicatedRenewableCapacity = 0.0
    public var coalRetirementRate = 0.0
    public var thermalFuel = 0.0

    public var generation: Double { windGeneration + solarGeneration + otherGeneration + coalGeneration + dedicatedRenewableGeneration }
    /// What the region's plants must generate: in-region demand and exports, less imports.
    public var totalElectricityDemand: Double { inRegionDemand + exports - imports }
}
