/// Electricity supply: wind, solar, other non-fossil, and coal filling the rest.
///
/// Wind W(t) and solar S(t) capacity (GW) follow their paths: the baseline trend from the end of the base
/// year plus the lever's offset, so a milestone is installed at the end of its year.
/// States: coal capacity C (GW) and the coal fleet heat rate h (gce/kWh).
/// - coal generation = demand + exports - wind - solar - other, at least the must-run floor
/// - dC/dt = I - C/L - r(t) C, investment I keeping capacity at need / planning capacity factor
/// - dh/dt = (I/C)(h_new - h) - r(t) penalty (h - h_new)/(h0 - h_new) - max(h - h_target, 0)/tau: new units
///   dilute the fleet, early retirement removes the worst units (which can lower the average toward the new
///   units' rate, never below it), retrofits pull toward the lever target
/// Balance: generation = in-region demand + exports, every instant.
public final class PowerComponent: Component {
    public let offset: Int
    let p: PowerParameters
    /// End of the base year: where the installed capacities of the dataset stand.
    let trendAnchor: Double
    let exportPath: Spline
    /// Variable-renewable share of generation in the base year (curtailment grows above it).
    var baseRenewableShare = 0.0
    /// Wind and solar offsets over their baseline trends, GW.
    let windOffset: Schedule, solarOffset: Schedule
    let heatRateTarget: Schedule, retirement: Schedule

    init(offset: Int, parameters: PowerParameters, levers: LeverSettings, trendAnchor: Double) throws {
        self.offset = offset
        p = parameters
        self.trendAnchor = trendAnchor
        exportPath = try Spline(x: midYear(parameters.exportYears), y: parameters.exports, kind: .steffen)
        windOffset = levers[Levers.wind]
        solarOffset = levers[Levers.solar]
        heatRateTarget = levers[Levers.coalHeatRate]
        retirement = levers[Levers.coalRetirement]
    }

    /// Heat-rate fall per unit of retirement rate and per gce/kWh above the new units': the penalty at the base year.
    var retirementPull: Double { p.retiredHeatRatePenalty / max(p.baseHeatRate - p.newUnitHeatRate, 1) }

    public var states: [(name: String, unit: String)] {
        [("capacity_coal", "GW"), ("heat_rate", "gce/kWh")]
    }

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

    /// Dispatch: needs in-region demand in the workspace.
    func evaluate(_ ws: Workspace, y: UnsafePointer<Double>) {
        let (wind, solar) = renewableCapacity(at: ws.t)
        let coal = max(y[offset], 1e-6)
        let h = y[offset + 1]
        ws.windCapacity = wind
        ws.solarCapacity = solar
        ws.coalCapacity = coal
        ws.heatRate = h
        ws.exports = exportPath.value(at: ws.t)
        let demand = ws.inRegionDemand + ws.exports

        let windAvailable = wind * 8.76 * p.windCapacityFactor
        let solarAvailable = solar * 8.76 * p.solarCapacityFactor
        let share = (windAvailable + solarAvailable) / demand
        // Delivered = available x (1 - c0) / (1 + slope x excess share): curtailment rises with the share but
        // never reaches 100%, and delivered energy never falls as capacity grows (slope x share0 < 1).
        let damping = 1 + p.curtailmentSlope * Smooth.positive(share - baseRenewableShare, width: 0.01)
        var windGen = windAvailable * (1 - p.windCurtailment) / damping
        var solarGen = solarAvailable * (1 - p.solarCurtailment) / damping
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
        ws.windGeneration = windGen
        ws.solarGeneration = solarGen
        ws.otherGeneration = p.otherGeneration
        ws.coalGeneration = coalGen
        ws.curtailedGeneration = windAvailable + solarAvailable - windGen - solarGen
        ws.thermalFuel = coalGen * h / 1000
        ws.coalRetirementRate = retirement.value(at: ws.t)
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        let t = ws.t
        let coal = ws.coalCapacity
        let need = ws.coalGeneration / (8.76 * p.coalPlanningCapacityFactor)
        let invest = Smooth.positive((need - coal) / p.coalAdjustmentTime + coal / p.coalLifetime, width: 0.5)
        dydt[offset] = invest - coal / p.coalLifetime - ws.coalRetirementRate * coal

        let target = heatRateTarget.value(at: t)
        dydt[offset + 1] = invest / coal * (p.newUnitHeatRate - ws.heatRate)
            - ws.coalRetirementRate * retirementPull * (ws.heatRate - p.newUnitHeatRate)
            - Smooth.positive(ws.heatRate - target, width: 0.5) / p.heatRateRelaxationTime
    }
}
