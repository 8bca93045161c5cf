#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sectors without physical products (buildings, transport, agriculture, other industry, heat supply):
/// energy by fuel and electricity driven by GDP, with autonomous efficiency gains and electrification.
///
/// E_fossil(t) = E0 (GDP/GDP(t0))^elasticity (1 - a)^(t - t0) (1 - e(t))
/// E_elec(t)   = El0 (GDP/GDP(t0))^elasticity (1 - a)^(t - t0) + switched fossil x MWh per tce
/// Process CO2 (cement process no product claims) scales like the fossil energy, without electrification.
/// An activity with a trend fitted to history (`carbonsim calibrate`) grows along it instead:
/// scale = (GDP/GDP_exo)^elasticity trend(t), so lever-driven GDP changes still move it.
/// No states: activities respond instantly to GDP.
public final class ActivitiesComponent: Component {
    public let offset: Int
    let activities: [ActivityParameters]
    /// Base-year fuel by activity, tce, calibrated to CEADs.
    let baseFuel: [FuelVector]
    /// Base-year electricity by activity, TWh.
    let baseElectricity: [Double]
    /// Base-year process CO2 by activity, Mt: the CEADs cement process CO2 no product claims.
    let baseProcess: [Double]
    let buildingsElectrification: Schedule, transportElectrification: Schedule
    let economy: EconomyParameters
    let baseYear: Double
    /// GDP the activities grow from: the model's own base-year GDP, so that calibrated base-year values are
    /// reproduced exactly (it differs from the dataset's by the smoothing of lost value added, about 0.01%).
    let referenceGDP: Double
    /// ln(1 - autonomous efficiency gain) per activity.
    let logRetention: [Double]
    /// Fitted trend per activity (nil: GDP-driven).
    let trends: [Spline?]
    /// Whether any activity has a trend: only then does the right-hand side need GDP's exogenous path.
    let hasTrends: Bool

    init(offset: Int, activities: [ActivityParameters], baseFuel: [FuelVector], baseElectricity: [Double],
         baseProcess: [Double]? = nil, levers: LeverSettings, economy: EconomyParameters, baseYear: Double,
         referenceGDP: Double) throws {
        self.offset = offset
        self.activities = activities
        self.baseFuel = baseFuel
        self.baseElectricity = baseElectricity
        self.baseProcess = baseProcess ?? Array(repeating: 0, count: activities.count)
        buildingsElectrification = levers[Levers.buildingsElectrification]
        transportElectrification = levers[Levers.transportElectrification]
        self.economy = economy
        self.baseYear = baseYear
        self.referenceGDP = referenceGDP
        logRetention = activities.map { log(1 - $0.autonomousEfficiency) }
        trends = try activities.map { a in
            a.trendYears.isEmpty ? nil : try Spline(x: midYear(a.trendYears), y: a.trendIndex, kind: .steffen)
        }
        hasTrends = trends.contains { $0 != nil }
    }

    public var states: [(name: String, unit: String)] { [] }
    public func initialState(into y: UnsafeMutablePointer<Double>) {}
    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {}

    /// Activity i's growth since the base year: (GDP/GDP(t0))^elasticity (1 - a)^(t - t0), or along its trend.
    @inline(__always)
    func scale(_ i: Int, _ g: Growth) -> Double {
        if let trend = trends[i] {
            return exp(activities[i].gdpElasticity * g.logDeviation) * trend.value(at: g.t)
        }
        return exp(activities[i].gdpElasticity * g.logGrowth + logRetention[i] * g.dt)
    }

    /// GDP growth since the base year, and GDP's deviation from its exogenous path, at time t.
    struct Growth {
        let t: Double, dt: Double, logGrowth: Double, logDeviation: Double
    }

    @inline(__always)
    func growth(_ ws: Workspace) -> Growth {
        let logGrowth = log(ws.gdp / referenceGDP)
        return Growth(t: ws.t, dt: ws.t - baseYear, logGrowth: logGrowth,
                      logDeviation: hasTrends ? logGrowth - log(ws.gdpExogenous / economy.baseGDP) : 0)
    }

    /// Share of activity i's fossil final energy switched to electricity at time t.
    @inline(__always)
    func switched(_ i: Int, at t: Double) -> Double {
        switch activities[i].electrification {
        case .none: return 0
        case .buildings: return buildingsElectrification.value(at: t)
        case .transport: return transportElectrification.value(at: t)
        }
    }

    /// Fossil final energy switched to electricity at time t, Mtce (for the costs of electrification).
    func electrified(_ ws: Workspace) -> Double {
        let g = growth(ws)
        var total = 0.0
        for i in activities.indices { total += baseFuel[i].total * scale(i, g) * switched(i, at: ws.t) }
        return total
    }

    /// Needs GDP in the workspace.
    func evaluate(_ ws: Workspace) {
        let t = ws.t
        let g = growth(ws)
        for i in activities.indices {
            let scale = self.scale(i, g)
            let switched = self.switched(i, at: t)
            let fossil = baseFuel[i] * scale
            ws.activityFuel[i] = fossil * (1 - switched)
            ws.activityProcess[i] = baseProcess[i] * scale
            ws.activityElectricity[i] = baseElectricity[i] * scale
                + fossil.total * switched * economy.electrificationMWhPerTce
        }
        ws.replacementFuel = economy.replacementFuelPerValueAdded * (ws.replacementValueAdded * 0.01)
        ws.replacementElectricity = economy.replacementElectricityPerValueAdded * ws.replacementValueAdded * 0.01
    }
}
