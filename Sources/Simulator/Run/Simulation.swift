/// Runs a model from its base year to its end year.
///
/// Calendar year Y spans model time [Y, Y+1); its annual value is the rate at mid-year, t = Y + 0.5
/// (the midpoint rule, so annual values sum to the integral to second order). The base year's mid-point
/// is the calibrated initial state. The integrator restarts at every lever breakpoint (kinks and steps)
/// and stops at every mid-year to record; the run ends on 1 January after the end year so that the
/// cumulative states cover whole calendar years.
public struct Simulation {
    public let model: CarbonModel
    /// First calendar year of the cumulative-emissions indicator.
    public let cumulativeFrom: Int

    public init(model: CarbonModel, cumulativeFrom: Int = 2020) {
        self.model = model
        self.cumulativeFrom = cumulativeFrom
    }

    /// Stops of the integration: recording points, breakpoints, and the cumulative window's edges.
    enum Stop: Comparable {
        case record(Int)
        case breakpoint
        case windowStart
        case end

        var order: Int {
            switch self {
            case .breakpoint: return 0
            case .windowStart: return 1
            case .record: return 2
            case .end: return 3
            }
        }

        static func < (a: Stop, b: Stop) -> Bool { a.order < b.order }
    }

    func stops() -> [(t: Double, stop: Stop)] {
        let p = model.parameters
        let t0 = model.startTime, t1 = Double(p.endYear + 1)
        var stops: [(Double, Stop)] = (p.baseYear + 1...p.endYear).map { (Double($0) + 0.5, .record($0)) }
        stops += model.levers.breakpoints.filter { $0 > t0 && $0 < t1 }.map { ($0, .breakpoint) }
        stops.append((Double(cumulativeFrom), .windowStart))
        stops.append((t1, .end))
        return stops.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// Integrates with the given integrator (reused across runs by sweeps) or a new one.
    public func run(integrator: ODEIntegrator? = nil) throws -> Trajectory {
        let integrator = try integrator ?? ODEIntegrator(system: model)
        let p = model.parameters
        let catalog = OutputCatalog.shared
        let names = catalog.names
        let years = Array(p.baseYear...p.endYear)
        var values = [Double](repeating: .nan, count: years.count * names.count)
        var y = model.initialState()
        var t = model.startTime
        let cumulative = model.accumulators.offset
        var windowStart = (gross: 0.0, net: 0.0)
        try integrator.restart()
        integrator.resetCounters()

        try values.withUnsafeMutableBufferPointer { out in
            try y.withUnsafeMutableBufferPointer { yb in
                let y = yb.baseAddress!
                func record(_ year: Int) {
                    model.evaluate(t: t, y: y)
                    model.recordMeasures(y: y)
                    var w = ValueWriter(row: out.baseAddress! + (year - p.baseYear) * names.count)
                    CarbonModel.outputs(&w, ws: model.workspace)
                }
                record(p.baseYear)
                let stops = stops()
                let breakpoints = stops.filter { if case .breakpoint = $0.stop { return true } else { return false } }.map(\.t)
                var next = breakpoints.startIndex
                model.segmentEnd = breakpoints.first ?? .infinity
                for (time, stop) in stops {
                    if time > t { try integrator.advance(&t, to: time, y: y) }
                    switch stop {
                    case .record(let year): record(year)
                    case .breakpoint:
                        try integrator.reset()
                        next += 1
                        model.segmentEnd = next < breakpoints.endIndex ? breakpoints[next] : .infinity
                    case .windowStart: windowStart = (y[cumulative], y[cumulative + 1])
                    case .end: break
                    }
                }
            }
        }
        model.segmentEnd = .infinity
        return Trajectory(years: years, catalog: catalog, values: values,
                          cumulativeNetCO2: y[cumulative + 1] - windowStart.net,
                          cumulativeGrossCO2: y[cumulative] - windowStart.gross,
                          cumulativeFrom: cumulativeFrom, evaluations: integrator.evaluations)
    }
}

/// Model time of the middle of each calendar year: where annual values and dataset knots sit.
@inline(__always)
func midYear(_ years: [Double]) -> [Double] { years.map { $0 + 0.5 } }
