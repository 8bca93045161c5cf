import Scenarios
import Simulator

/// A sweep resolved to numbers: run i is base scenario i / points at design point i % points.
/// Parameters for a run come from the base scenario's prepared parameters with the factors set directly
/// (lever schedules rebuilt, dataset values through their bindings): no file is read per run.
public struct SweepPlan: Sendable {
    public let spec: SweepSpec
    let bases: [(scenario: Scenario, parameters: ModelParameters)]
    /// History mode's observations, when the dataset follows them: a run's varied wind and solar are merged with
    /// them as `run` merges a scenario file's.
    let history: HistoryMode?
    /// In history mode with a dataset factor, which may move the trend under the observed capacities.
    let remergesCapacities: Bool
    /// The dataset loader's check for each dataset factor (nil for lever factors).
    let checks: [ValueCheck?]
    /// The order factors are applied in: levels first, then full-effect years, then starts (spec order within each).
    let order: [Int]

    public init(spec: SweepSpec, dataset: Dataset) throws {
        self.spec = spec
        bases = try spec.scenarios.map { ($0, try PreparedScenario($0, dataset: dataset).parameters) }
        history = dataset.history
        remergesCapacities = dataset.history != nil && spec.factors.contains { if case .dataset = $0.target { true } else { false } }
        checks = spec.factors.map { f in
            if case .dataset(let path, _) = f.target { return dataset.check(path) }
            return nil
        }
        order = spec.factors.indices.sorted { (Self.rank(spec.factors[$0]), $0) < (Self.rank(spec.factors[$1]), $1) }
    }

    public var runCount: Int { spec.runCount }
    public var pointCount: Int { spec.pointCount }

    public func scenarioIndex(run: Int) -> Int { run / pointCount }
    public func point(run: Int) -> Int { run % pointCount }
    public func scenario(_ k: Int) -> Scenario { bases[k].scenario }

    /// The runs of shard `index` of `count`: every count-th run, so each shard sees every scenario and
    /// every part of the design.
    public func runs(shard index: Int, of count: Int) -> StrideTo<Int> { stride(from: index, to: runCount, by: count) }

    /// Parameters of base scenario `k` with the factor values `x`. A lever factor takes the form the base
    /// scenario gives the lever (target, path or delta); `delta` adds a change over it.
    public func parameters(scenario k: Int, factors x: [Double]) throws -> ModelParameters {
        var x = x
        return try parameters(scenario: k, effective: &x)
    }

    /// The same, writing back into `x` the start and full-effect years as they run (a start drawn after the setting's
    /// first milestone runs at that milestone's year, a full year drawn before the start at the start), and a wind or
    /// solar level that history mode raised to the observed capacity as that capacity: what a run stores is what it ran.
    public func parameters(scenario k: Int, effective x: inout [Double]) throws -> ModelParameters {
        let (scenario, base) = bases[k]
        var p = base
        var levers = p.resolvedLevers
        var leverSettings: [String: LeverSetting] = [:]
        // Levels first, then full-effect years, then starts: a start is held to the first milestone as the run has it
        // (a drawn full year included), and a full year to the start the run has (a drawn start included), whatever
        // order the spec lists them in.
        for i in order {
            let factor = spec.factors[i]
            switch factor.target {
            case .dataset(let path, let binding):
                // A drawn value goes through the dataset loader's checks: an invalid one fails this run alone.
                if let problem = checks[i]?.problem(x[i]) {
                    throw InputError(file: spec.file, keyPath: path, message: "drawn value \(x[i]): \(problem.message)",
                                     accepted: problem.accepted)
                }
                binding.apply(x[i], to: &p)
            case .lever(let lever, let field, let defaults, let written):
                // A start or full-effect year of a lever this base scenario leaves at its baseline, with no factor setting
                // its level, has no move to shift: the run is the scenario's own (told at load), and stores the draw.
                if field == .start || field == .full, leverSettings[lever.path] == nil, scenario.levers[lever.path] == nil { continue }
                var s = leverSettings[lever.path] ?? scenario.levers[lever.path] ?? defaults
                switch field {
                case .target:
                    // A draw of an unbounded distribution (normal) can leave the lever's range: that run fails, told as
                    // a level written in a file would be, instead of running a value no file may hold.
                    let valid = lever.validRange(p)
                    guard valid.contains(x[i]) else {
                        throw InputError(file: spec.file, keyPath: factor.path, message: "drawn value \(x[i]) lies outside the lever's range",
                                         accepted: "\(valid.lowerBound) to \(valid.upperBound) \(lever.unit)")
                    }
                    s = lever.setting(s, reaching: x[i], p)
                case .start:
                    s.start = min(try year(x[i], factor.path, p), s.milestones[0].year)
                    x[i] = Double(s.start)
                case .full:
                    // With a single milestone the full year is the first milestone: held to the start this run draws, if any.
                    let drawnStart = try spec.factors.indices.first { spec.factors[$0].varies(.start, of: lever) }.map { try year(x[$0], spec.factors[$0].path, p) }
                    let earliest = s.milestones.count > 1 ? s.milestones[s.milestones.count - 2].year + 1 : drawnStart ?? s.start
                    s.full = max(try year(x[i], factor.path, p), earliest)
                    x[i] = Double(s.full)
                case .delta:
                    // As `{delta: x}` in a scenario file: over the base setting, on its schedule unless given.
                    s = SweepFactor.delta(x[i], over: scenario.levers[lever.path], defaults: defaults, written: written)
                }
                leverSettings[lever.path] = s
            }
        }
        // Lever baselines read the (possibly varied) dataset values, so levers go last. In history mode a varied
        // dataset value (a build rate, the base-year capacity) moves the trend under the observed capacities, so
        // wind and solar are merged again, from the scenario's own settings where the run does not vary them.
        var only = Set(leverSettings.keys)
        if remergesCapacities {
            for lever in [Levers.wind, Levers.solar] where leverSettings[lever.path] == nil {
                if let own = scenario.levers[lever.path] { leverSettings[lever.path] = own }
                only.insert(lever.path)
            }
        }
        let notes: [HistoryNote]
        do {
            notes = try PreparedScenario.apply(leverSettings, to: &levers, history: history, parameters: p, file: spec.file, only: only)
        } catch var e as InputError {
            // A drawn level history raised to the observed capacity is told as drawn, then raised: the message's level is
            // the raised one, which the user never drew.
            let raised = spec.factors.indices.compactMap { i -> String? in
                guard case .lever(let lever, .target, _, _) = spec.factors[i].target, e.keyPath.hasSuffix(lever.path) || e.message.contains(lever.path),
                      let floor = history?.floor(for: lever, parameters: p), x[i] < floor,
                      let setting = leverSettings[lever.path], setting.start <= history!.lastObservedYear else { return nil }
                // To 1e-6 of the unit, as the other messages show levels.
                func shown(_ v: Double) -> String { let r = (v * 1e6).rounded() / 1e6; return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r) }
                // A message that quotes the drawn level itself (a later milestone below the base's path) needs no prefix:
                // "raised to" before it would contradict it.
                guard !e.message.contains("of \(shown(x[i])) \(lever.unit)") else { return nil }
                return "drawn level \(shown(x[i])) \(lever.unit), raised to the \(shown(floor)) \(lever.unit) observed at the end of \(history!.lastObservedYear) (history mode)"
            }
            if let first = raised.first { e = InputError(file: e.file, line: e.line, column: e.column, keyPath: e.keyPath, message: first + ": " + e.message,
                                                         accepted: e.accepted, suggestion: e.suggestion) }
            throw e
        }
        // A drawn level below the observed capacity runs at that capacity (history mode raises it): stored as run.
        for (i, factor) in spec.factors.enumerated() {
            guard case .lever(let lever, .target, _, _) = factor.target,
                  notes.contains(where: { $0.lever == lever.path && $0.kind == .raised && !$0.inExtended }),
                  let floor = history?.floor(for: lever, parameters: p), x[i] < floor else { continue }
            x[i] = floor
        }
        p.levers = levers
        return p
    }

    /// Where a factor goes in a run's order: levels and dataset values, then full-effect years, then starts.
    static func rank(_ f: SweepFactor) -> Int {
        guard case .lever(_, let field, _, _) = f.target else { return 0 }
        return field == .full ? 1 : field == .start ? 2 : 0
    }

    /// A drawn start or full-effect year: inside the horizon, as in scenario files (an Int conversion of
    /// 1e300 would trap).
    /// Start and full-effect years are whole: a continuous draw runs, and is stored, as the nearest year.
    public func roundingYears(_ x: inout [Double]) {
        for (i, f) in spec.factors.enumerated() {
            if case .lever(_, let field, _, _) = f.target, field == .start || field == .full { x[i] = x[i].rounded() }
        }
    }

    func year(_ v: Double, _ path: String, _ p: ModelParameters) throws -> Int {
        let r = v.rounded()
        guard r >= Double(p.baseYear + 1), r <= Double(p.endYear) else {
            throw InputError(file: spec.file, keyPath: path, message: "drawn year \(v) is outside the model horizon",
                             accepted: "\(p.baseYear + 1) to \(p.endYear)")
        }
        return Int(r)
    }
}
