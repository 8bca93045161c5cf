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
    public let states: [StateDeclaration] = []
    let activities: [ActivityParameters]
    /// Base-year fuel by activity, tce, from the base-year split of CEADs.
    let baseFuel: BaseValue<FuelVector>
    /// Base-year electricity by activity, TWh.
    let baseElectricity: BaseValue<Double>
    /// Base-year process CO2 by activity, Mt: the CEADs cement process CO2 no product claims.
    let baseProcess: BaseValue<Double>
    let buildingsElectrification: CompiledSchedule, transportElectrification: CompiledSchedule
    let economy: EconomyParameters
    let baseYear: Double
    /// GDP the activities grow from: the model's own base-year GDP, so that the split's base-year values are
    /// reproduced exactly (it differs from the dataset's by the smoothing of lost value added, about 0.01%).
    let referenceGDP: BaseValue<Double>
    /// ln(1 - autonomous efficiency gain) per activity.
    let logRetention: [Double]
    /// Fitted trend per activity (nil: GDP-driven).
    let trendSplines: [Spline?]
    let trends: UnsafeMutableBufferPointer<SplineView?>
    /// Whether any activity has a trend: only then does the right-hand side need GDP's exogenous path.
    let hasTrends: Bool

    /// Base values start as the dataset gives them (named activities' CO2, electricity); the base-year split
    /// then sets the remainders and the reference GDP.
    init(activities: [ActivityParameters], factors: FuelVector, levers: LeverSettings, economy: EconomyParameters,
         baseYear: Double, layout: inout StateLayout) throws {
        offset = layout.reserve([])
        self.activities = activities
        baseFuel = BaseValue(FuelVector(), count: activities.count)
        baseElectricity = BaseValue(0, count: activities.count)
        baseProcess = BaseValue(0, count: activities.count)
        for (i, a) in activities.enumerated() {
            if !a.takesGroupRemainder { baseFuel[i] = a.baseCO2.scaledInverse(factors) }
            baseElectricity[i] = a.baseElectricity
        }
        buildingsElectrification = CompiledSchedule(levers[Levers.buildingsElectrification])
        transportElectrification = CompiledSchedule(levers[Levers.transportElectrification])
        self.economy = economy
        self.baseYear = baseYear
        referenceGDP = BaseValue(economy.baseGDP)
        logRetention = activities.map { log(1 - $0.autonomousEfficiency) }
        trendSplines = try activities.map { a in
            a.trendYears.isEmpty ? nil : try Spline(x: midYear(a.trendYears), y: a.trendIndex, kind: .steffen)
        }
        trends = .allocate(capacity: activities.count)
        _ = trends.initialize(from: trendSplines.map { $0?.view })
        hasTrends = trendSplines.contains { $0 != nil }
    }

    deinit {
        baseFuel.deallocate(); baseElectricity.deallocate(); baseProcess.deallocate(); referenceGDP.deallocate()
        buildingsElectrification.deallocate(); transportElectrification.deallocate(); trends.deallocate()
    }

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
        let logGrowth = log(ws.economy.gdp / referenceGDP.value)
        return Growth(t: ws.t, dt: ws.t - baseYear, logGrowth: logGrowth,
                      logDeviation: hasTrends ? logGrowth - log(ws.economy.gdpExogenous / economy.baseGDP) : 0)
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

    /// Step `activities`.
    func evaluate(_ ws: inout Workspace) {
        let t = ws.t
        let g = growth(ws)
        for i in activities.indices {
            let scale = self.scale(i, g)
            let switched = self.switched(i, at: t)
            let fossil = baseFuel[i] * scale
            ws.activities.fuel[i] = fossil * (1 - switched)
            ws.activities.process[i] = baseProcess[i] * scale
            ws.activities.electricity[i] = baseElectricity[i] * scale
                + fossil.total * switched * economy.electrificationMWhPerTce
        }
        ws.activities.replacementFuel = economy.replacementFuelPerValueAdded * (ws.economy.replacementValueAdded * 0.01)
        ws.activities.replacementElectricity = economy.replacementElectricityPerValueAdded * ws.economy.replacementValueAdded * 0.01
    }
}

/// What activities write, per activity (buffers), and the replacement industry's energy.
public struct ActivityFlows {
    public let fuel: UnsafeMutableBufferPointer<FuelVector>, electricity: UnsafeMutableBufferPointer<Double>
    /// Process CO2 of activities (cement process CO2 no product claims), Mt.
    public let process: UnsafeMutableBufferPointer<Double>
    public var replacementFuel = FuelVector(), replacementElectricity = 0.0

    init(activities n: Int) {
        fuel = zeroBuffer(n, FuelVector()); electricity = zeroBuffer(n, 0); process = zeroBuffer(n, 0)
    }

    func deallocate() {
        fuel.deallocate(); electricity.deallocate(); process.deallocate()
    }
}
