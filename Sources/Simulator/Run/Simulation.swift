/// Runs a model from its base year to its end year.
///
/// Calendar year Y spans model time [Y, Y+1). As Chinese statistics report them, a year's flows are annual
/// totals (Simpson's rule over the right-hand side at 1 January, mid-year and the left limit at 31 December)
/// and its stocks and capacities stand at the year's end, so a target reached at the end of its full-effect
/// year shows in that year's column; intensities and shares are ratios of the annual totals. The integrator
/// stops on every 1 January and mid-year: a cubic Hermite mid-year state from the year's ends would save the
/// mid-year stops, but fast states (the backward stock under a 50 %/yr cut, the dual-control curtailment)
/// move too much within a year for it. The base year's mid-point is the initial state: its flows are the base-year values the base-year split reproduces.
/// Away from breakpoints the right-hand side is continuous, so a year's start is the last year's end, evaluated
/// once. The integrator restarts at every breakpoint (lever kinks and steps, a cap switching on); the run ends on
/// 1 January after the end year so that the cumulative states cover whole calendar years.
public struct Simulation {
    public let model: CarbonModel
    /// First calendar year of the cumulative-emissions indicator.
    public let cumulativeFrom: Int

    public init(model: CarbonModel, cumulativeFrom: Int = 2020) {
        self.model = model
        self.cumulativeFrom = cumulativeFrom
    }

    /// Stops of the integration: breakpoints, the cumulative window's start, every 1 January and mid-year.
    enum Stop: Comparable {
        case breakpoint
        case windowStart
        /// 1 January of a year: the end of the previous year (left limit) and the start of this one.
        case yearBoundary(Int)
        case midYear(Int)

        var order: Int {
            switch self {
            case .breakpoint: return 0
            case .windowStart: return 1
            case .yearBoundary: return 2
            case .midYear: return 3
            }
        }

        static func < (a: Stop, b: Stop) -> Bool { a.order < b.order }
    }

    func stops() -> [(t: Double, stop: Stop)] {
        let p = model.parameters
        let t0 = model.startTime, t1 = Double(p.endYear + 1)
        var stops: [(Double, Stop)] = (p.baseYear + 1...p.endYear + 1).map { (Double($0), .yearBoundary($0)) }
        stops += (p.baseYear + 1...p.endYear).map { (Double($0) + 0.5, .midYear($0)) }
        stops += model.breakpoints.filter { $0 > t0 && $0 < t1 }.map { ($0, .breakpoint) }
        stops.append((Double(cumulativeFrom), .windowStart))
        return stops.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// Integrates with the given integrator (reused across runs by sweeps) or a new one.
    public func run(integrator: ODEIntegrator? = nil) throws -> Trajectory {
        let integrator = try integrator ?? ODEIntegrator(system: model)
        let p = model.parameters
        let catalog = OutputCatalog.shared
        let width = catalog.names.count
        let years = Array(p.baseYear...p.endYear)
        var values = [Double](repeating: .nan, count: years.count * width)
        // The outputs at the current year's start, middle and end.
        var points = [Double](repeating: .nan, count: 3 * width)
        var y = model.initialState()
        var t = model.startTime
        let cumulative = model.accumulators.offset
        var windowStart = (gross: 0.0, net: 0.0)
        var restarts = 0
        try integrator.restart()
        integrator.resetCounters()

        try values.withUnsafeMutableBufferPointer { out in
            try points.withUnsafeMutableBufferPointer { pts in
                try y.withUnsafeMutableBufferPointer { yb in
                    let y = yb.baseAddress!
                    let start = pts.baseAddress!, middle = start + width, end = middle + width
                    /// Outputs at exactly `time` (`time.nextDown` for a left limit) from state `state`: the flows, not
                    /// the derivatives.
                    func sample(at time: Double, state: UnsafePointer<Double>, into row: UnsafeMutablePointer<Double>) {
                        model.evaluate(t: time, y: state)
                        model.recordMeasures(y: state)
                        var w = ValueWriter(row: row)
                        CarbonModel.outputs(&w, ws: model.workspace)
                    }
                    // The base year: the split's flows at its middle, stocks at its end.
                    sample(at: t, state: y, into: middle)
                    let all = stops()
                    let breakpoints = all.filter { if case .breakpoint = $0.stop { return true } else { return false } }.map(\.t)
                    var next = breakpoints.startIndex
                    model.segmentEnd = breakpoints.first ?? .infinity
                    for (time, stop) in all {
                        if time > t { try integrator.advance(&t, to: time, y: y) }
                        switch stop {
                        case .breakpoint:
                            try integrator.reset()
                            restarts += 1
                            next += 1
                            model.segmentEnd = next < breakpoints.endIndex ? breakpoints[next] : .infinity
                        case .windowStart: windowStart = (y[cumulative], y[cumulative + 1])
                        case .yearBoundary(let year):
                            sample(at: time.nextDown, state: y, into: end)
                            let row = out.baseAddress! + (year - 1 - p.baseYear) * width
                            if year - 1 == p.baseYear {
                                catalog.combine(start: middle, middle: middle, end: middle, into: row)
                                for j in catalog.stocks { row[j] = end[j] }
                            } else {
                                catalog.combine(start: start, middle: middle, end: end, into: row)
                            }
                            guard year <= p.endYear else { break }
                            // Away from breakpoints the right-hand side is continuous: the year's start is the
                            // last year's end, evaluated once.
                            if next > 0 && breakpoints[next - 1] == time {
                                sample(at: time, state: y, into: start)
                            } else {
                                start.update(from: end, count: width)
                            }
                        case .midYear: sample(at: time, state: y, into: middle)
                        }
                    }
                }
            }
        }
        model.segmentEnd = .infinity
        return Trajectory(years: years, catalog: catalog, values: values,
                          cumulativeNetCO2: y[cumulative + 1] - windowStart.net,
                          cumulativeGrossCO2: y[cumulative] - windowStart.gross,
                          cumulativeFrom: cumulativeFrom, evaluations: integrator.evaluations, restarts: restarts)
    }
}

/// Model time of the middle of each calendar year: where annual values and dataset knots sit.
@inline(__always)
func midYear(_ years: [Double]) -> [Double] { years.map { $0 + 0.5 } }
