/// Electricity supply: wind, solar, other non-fossil, and coal filling the rest.
///
/// States: wind W, solar S and coal C capacity (GW), coal fleet heat rate h (gce/kWh).
/// - W follows its target path W*(t) (baseline trend plus lever offset): dW/dt = dW*/dt + (W* - W)/T_build
/// - coal generation = demand + exports - wind - solar - other, at least the must-run floor
/// - dC/dt = I - C/L - r(t) C, investment I keeping capacity at need / planning capacity factor
/// - dh/dt = (I/C)(h_new - h) - r(t) penalty - max(h - h_target, 0)/tau: new units dilute the fleet,
///   early retirement removes the worst units, retrofits pull toward the lever target
/// Balance: generation = in-region demand + exports, every instant.
public final class PowerComponent: Component {
    public let offset: Int
    let p: PowerParameters
    let levers: LeverSettings
    let baseYear: Double
    let exportPath: Spline
    /// Variable-renewable share of generation in the base year (curtailment grows above it).
    var baseRenewableShare = 0.0
    /// Wind and solar lever offsets from the baseline trend, GW.
    let windOffset: Double, solarOffset: Double

    init(offset: Int, parameters: PowerParameters, levers: LeverSettings, baseYear: Double) throws {
        self.offset = offset
        p = parameters
        self.levers = levers
        self.baseYear = baseYear
        exportPath = try Spline(x: midYear(parameters.exportYears), y: parameters.exports, kind: .steffen)
        func offsetFor(_ s: Schedule, base: Double, rate: Double) -> Double {
            s.isConstant ? 0 : s.to - (base + rate * (Double(s.full + 1) - baseYear))
        }
        windOffset = offsetFor(levers.wind, base: parameters.baseWind, rate: parameters.windBuildRate)
        solarOffset = offsetFor(levers.solar, base: parameters.baseSolar, rate: parameters.solarBuildRate)
    }

    public var states: [(name: String, unit: String)] {
        [("capacity_wind", "GW"), ("capacity_solar", "GW"), ("capacity_coal", "GW"), ("heat_rate", "gce/kWh")]
    }

    public func initialState(into y: UnsafeMutablePointer<Double>) {
        y[offset] = p.baseWind
        y[offset + 1] = p.baseSolar
        y[offset + 2] = p.baseCoal
        y[offset + 3] = p.baseHeatRate
    }

    @inline(__always)
    func windTarget(_ t: Double) -> (level: Double, rate: Double) {
        (p.baseWind + p.windBuildRate * (t - baseYear) + windOffset * levers.wind.ramp(at: t),
         p.windBuildRate + windOffset * levers.wind.rampRate(at: t))
    }

    @inline(__always)
    func solarTarget(_ t: Double) -> (level: Double, rate: Double) {
        (p.baseSolar + p.solarBuildRate * (t - baseYear) + solarOffset * levers.solar.ramp(at: t),
         p.solarBuildRate + solarOffset * levers.solar.rampRate(at: t))
    }

    /// Dispatch: needs in-region demand in the workspace.
    func evaluate(_ ws: Workspace, y: UnsafePointer<Double>) {
        let wind = max(y[offset], 0), solar = max(y[offset + 1], 0), coal = max(y[offset + 2], 1e-6)
        let h = y[offset + 3]
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
        ws.coalRetirementRate = levers.coalRetirement.value(at: ws.t)
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        let t = ws.t
        let (wStar, wRate) = windTarget(t), (sStar, sRate) = solarTarget(t)
        dydt[offset] = wRate + (wStar - ws.windCapacity) / p.renewableBuildTime
        dydt[offset + 1] = sRate + (sStar - ws.solarCapacity) / p.renewableBuildTime

        let coal = ws.coalCapacity
        let need = ws.coalGeneration / (8.76 * p.coalPlanningCapacityFactor)
        let invest = Smooth.positive((need - coal) / p.coalAdjustmentTime + coal / p.coalLifetime, width: 0.5)
        dydt[offset + 2] = invest - coal / p.coalLifetime - ws.coalRetirementRate * coal

        let target = levers.coalHeatRate.value(at: t)
        dydt[offset + 3] = invest / coal * (p.newUnitHeatRate - ws.heatRate)
            - ws.coalRetirementRate * p.retiredHeatRatePenalty
            - Smooth.positive(ws.heatRate - target, width: 0.5) / p.heatRateRelaxationTime
    }
}
