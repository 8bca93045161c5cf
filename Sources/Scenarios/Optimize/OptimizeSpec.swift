import Foundation
import Simulator

/// What `carbonsim optimize` reads: a base scenario, decision variables (lever targets within bounds), an
/// objective, and the "1" targets as constraints.
public struct OptimizeSpec: Sendable {
    public struct Variable: Sendable {
        public let lever: Lever
        public let lower: Double
        public let upper: Double
        /// The lever's schedule in every run (its target is the variable): the spec's `start`, `full` and
        /// `shape` where it gives them, else the base scenario's setting of the lever, else the defaults of a
        /// scenario file (start two years after the base year, full = start, linear).
        public let schedule: LeverSetting
        /// Bounds of a percent lever that look like fractions ([0.1, 0.5] for 10 to 50 %).
        public var boundsWarning: InputWarning? = nil
        /// The spec's start, full or shape replacing a path or delta of the base scenario (its milestones dropped).
        public var scheduleWarning: InputWarning? = nil
    }

    public let file: String
    public let name: String
    /// The base scenario (its levers, measures, assumptions and accounting are kept in every run), and its path.
    public let base: Scenario
    public let basePath: String
    public let objective: String
    public let maximize: Bool
    public let variables: [Variable]
    /// The constraints: the base scenario's targets with the spec's laid over them (an entry replaces the
    /// same kind and year or period; `none` drops one); what the optimum file carries and `run` checks.
    public let targets: Targets
    public var starts: Int
    public let seed: UInt64
    /// What loads but is probably not meant, in file order: the base scenario's, then the spec's own (a
    /// fraction typed for a target or a variable's bounds in percent).
    public let warnings: [InputWarning]

    public static let objectives = ["total_cost", "cumulative_co2", "peak_value"]
    /// Each start is a full local search (hundreds of runs): more than this is never useful and takes days.
    public static let maximumStarts = 1000
}

public struct OptimizeSpecLoader {
    public let dataset: Dataset
    public init(dataset: Dataset) { self.dataset = dataset }

    public func load(path: String) throws -> OptimizeSpec {
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(file: path, message: noSuchFile(path, what: "optimisation spec")) }
        let url = URL(fileURLWithPath: path)
        let root = try YAMLNode.parse(try readInputFile(url, displayName: path, what: "optimisation spec"), file: path)
        let known = try root.knownEntries(allowed: ["name", "scenario", "objective", "direction", "variables", "targets", "starts", "seed"])
        if let wrong = InputFileKind.optimisationSpec.wrongKind(root, keys: Set(known.keys), file: path) { throw wrong }
        let top = known.byKey
        let loader = ScenarioLoader(dataset: dataset)
        // Every problem of the spec is reported at once, in file order: each part is read on after another fails.
        var errors = known.errors
        func attempt<T>(_ fallback: T, _ body: () throws -> T) -> T {
            do { return try body() } catch let e as InputError { errors.append(e) } catch {
                errors.append(InputError(file: path, message: "\(error)"))
            }
            return fallback
        }
        var basePath = ""
        let base: Scenario? = attempt(nil) {
            guard let s = top["scenario"] else { throw root.error("an optimisation needs a base 'scenario' file") }
            let relative = try s.string()
            basePath = URL(fileURLWithPath: relative, relativeTo: url.deletingLastPathComponent()).standardizedFileURL.path
            if !FileManager.default.fileExists(atPath: basePath), let embedded = DefaultScenarios.embeddedFile(named: relative) {
                // The shipped scenario by its name, as `extends:` and the command line take it.
                basePath = embedded.path
                return try DefaultScenarios.load(embedded: embedded, named: relative, in: url.deletingLastPathComponent(), with: loader,
                                                 toldAt: path, line: s.line, keyPath: "scenario")
            }
            guard FileManager.default.fileExists(atPath: basePath) else {
                throw s.error("no scenario file '\(relative)'", accepted: "a path relative to this spec, or \(DefaultScenarios.names.map { "'\($0)'" }.joined(separator: " or ")) for the embedded scenario",
                              suggestion: DefaultScenarios.suggestion(for: relative))
            }
            return try loader.load(path: basePath)
        }
        let objective = attempt("total_cost") {
            let objective = try top["objective"]?.string() ?? "total_cost"
            let outputs = OutputCatalog.shared.names
            let parts = objective.split(separator: "@").map(String.init)
            let isSeries = parts.count == 2 && outputs.contains(parts[0])
                && Int(parts[1]).map { (dataset.baseYear...dataset.endYear).contains($0) } == true
            guard OptimizeSpec.objectives.contains(objective) || isSeries else {
                // A misspelt objective or series (total_cots, co2_gros@2030) gets the likely one.
                let suggestion = parts.count == 2
                    ? didYouMean(parts[0], in: outputs).map { "\($0)@\(parts[1])" }
                    : didYouMean(objective, in: OptimizeSpec.objectives)
                throw (top["objective"] ?? root).error("unknown objective '\(objective)'",
                                                      accepted: OptimizeSpec.objectives.joined(separator: ", ") + ", or <series>@<year> such as co2_gross@2030",
                                                      suggestion: suggestion)
            }
            return objective
        }
        let direction = attempt("minimize") {
            let direction = try top["direction"]?.string() ?? "minimize"
            guard ["minimize", "maximize"].contains(direction) else { throw top["direction"]!.error("unknown direction", accepted: "minimize, maximize") }
            return direction
        }
        // The base scenario's parameters, prepared once: build-out variables are checked against them.
        var prepared: ModelParameters?
        func baseParameters(_ base: Scenario) throws -> ModelParameters {
            if let prepared { return prepared }
            let p = try PreparedScenario(base, dataset: dataset).parameters
            prepared = p
            return p
        }
        let entries: [(key: String, value: YAMLNode)] = attempt([]) {
            guard let vars = top["variables"] else { throw root.error("an optimisation needs 'variables'") }
            let entries = try vars.entries(what: "lever paths with {range: [low, high]}")
            guard !entries.isEmpty else { throw vars.error("an optimisation needs at least one variable") }
            return entries
        }
        let variables = entries.compactMap { path, node in
            attempt(nil) { () throws -> OptimizeSpec.Variable? in
                try variable(path, node, base: base, baseParameters: baseParameters)
            }
        }
        var targets = base?.targets ?? Targets()
        var warnings = variables.flatMap { [$0.boundsWarning, $0.scheduleWarning].compactMap { $0 } }
        // In history mode a variable with a schedule of its own replaces the base's setting of the lever, history
        // included (levers other than wind and solar act in their own years): the observed years move, as `run` tells.
        if let base, let n = dataset.history?.lastObservedYear {
            for (path, node) in entries {
                guard let v = variables.first(where: { $0.lever.path == path }), let inherited = base.levers[path], v.schedule != inherited,
                      loader.replacedHistoryWarning(node, v.lever, inherited, v.schedule, from: base.leverSources[path]) != nil else { continue }
                warnings.append(InputWarning(file: node.file, line: node.line, keyPath: path,
                                             message: "the variable's schedule (from \(v.schedule.start)) replaces the base scenario's setting of this lever, which moves from \(inherited.start), at or before \(n), the last observed year (history mode): \(inherited.start)-\(n) change with it. Leave out start, full and shape to keep the base's setting (the variable then moves its last milestone)"))
            }
        }
        if let t = top["targets"] { warnings += attempt([]) { try loader.readTargets(t, into: &targets, dropping: true) } }
        warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        if let base {
            attempt(()) {
                guard !targets.isEmpty else {
                    throw (top["targets"] ?? root).error("no targets to meet: give 'targets' or a base scenario with targets")
                }
                if base.enforceDualControl && targets.energyCap.isEmpty {
                    throw (top["targets"] ?? root).error("the base scenario \(base.file) enforces dual control, which needs an energy cap; the spec drops it",
                                                         accepted: "targets.energy_cap with at least one year, for example {2025: 250}")
                }
            }
        }
        let starts = attempt(4) {
            let starts = try top["starts"]?.int() ?? 4
            guard (1...OptimizeSpec.maximumStarts).contains(starts) else {
                throw top["starts"]!.error("starts must be 1 to \(OptimizeSpec.maximumStarts), is \(starts)", accepted: "1 to \(OptimizeSpec.maximumStarts)")
            }
            return starts
        }
        let seed = attempt(1) {
            let seed = try top["seed"]?.int() ?? 1
            guard seed >= 0 else { throw top["seed"]!.error("a seed is a non-negative whole number, is \(seed)", accepted: "0 to \(Int.max)") }
            return seed
        }
        let fileName = url.deletingPathExtension().lastPathComponent
        let name = attempt("") { try top["name"]?.nonEmptyName(default: fileName) ?? fileName }
        if let e = InputError.combined(errors) { throw e }
        guard let base else { throw root.error("the optimisation spec could not be read") }
        return OptimizeSpec(file: path, name: name, base: base, basePath: basePath, objective: objective,
                            maximize: direction == "maximize", variables: variables, targets: targets, starts: starts,
                            seed: UInt64(seed), warnings: base.warnings + warnings)
    }

    /// One decision variable: a lever, its bounds and its schedule. Without a readable base scenario only
    /// what the spec itself says is checked.
    private func variable(_ path: String, _ node: YAMLNode, base: Scenario?,
                          baseParameters: (Scenario) throws -> ModelParameters) throws -> OptimizeSpec.Variable {
        guard let lever = LeverRegistry.lever(path) else {
            throw node.error("unknown lever '\(path)'", accepted: "a lever path from `carbonsim levers`",
                             suggestion: didYouMean(path, in: LeverRegistry.all.map(\.path)))
        }
        let e = try node.entries(allowed: ["range", "start", "full", "shape"])
        guard let r = e["range"] else { throw node.error("a variable needs its bounds: range: [low, high]") }
        let b = try r.doubles()
        guard b.count == 2, b[0] < b[1] else { throw r.error("bad bounds", accepted: "[low, high] with low < high") }
        for v in b where !lever.range.contains(v) {
            throw r.error("\(v) lies outside the lever's range", accepted: "\(lever.range.lowerBound) to \(lever.range.upperBound) \(lever.unit)")
        }
        // The spec's start, full and shape win for the lever it declares; what it leaves out comes from the
        // base scenario's setting of the lever, else the defaults of a scenario file.
        let horizon = dataset.baseYear + 1...dataset.endYear
        let inBase = base?.levers[path]
        let start = try e["start"]?.year(in: horizon) ?? inBase?.start ?? dataset.baseYear + 2
        let full = try e["full"]?.year(in: horizon) ?? inBase?.full ?? start
        if full < start {
            let (node, whose) = e["full"].map { ($0, "") } ?? (e["start"] ?? node, " (the base scenario's)")
            throw node.error("the full-effect year \(full)\(whose) is before the start year \(start)",
                             accepted: "full: \(start) to \(dataset.endYear)")
        }
        let shape = try e["shape"]?.choice(RampShape.self) ?? inBase?.shape ?? .linear
        // Where the spec says nothing of the schedule, the base's setting is kept whole (a path keeps its
        // earlier milestones, a delta stays a delta) and the variable moves its last milestone.
        let keepsBase = inBase != nil && e["start"] == nil && e["full"] == nil && e["shape"] == nil
        let setting = keepsBase ? inBase! : LeverSetting(target: b[0], start: start, full: full, shape: shape)
        // Otherwise the spec's one move replaces the base's path or delta: said, with what is dropped and how to keep it.
        var replacedWarning: InputWarning?
        if !keepsBase, let inBase, let baseName = base?.name, inBase.form != .target || inBase.milestones.count > 1 {
            let given = ["start", "full", "shape"].filter { e[$0] != nil }
            let what = inBase.form == .delta ? "delta over what it extends" : "path (\(inBase.milestones.map { "\($0.year): \(format($0.value))" }.joined(separator: ", ")))"
            let node = given.first.flatMap { e[$0] } ?? node
            replacedWarning = InputWarning(file: node.file, line: node.line, keyPath: "variables.\(path)",
                                           message: "the variable's \(given.joined(separator: ", ")) replace\(given.count == 1 ? "s" : "") '\(baseName)''s \(what) with one move from \(start) to \(full): its earlier milestones are dropped; without start, full and shape the variable keeps the \(inBase.form == .delta ? "delta" : "path") and moves its last milestone")
        }
        if let base {
            // In history mode the schedule run is history's (observed capacity first), so is what is installed.
            let p = try baseParameters(base)
            let minimum = dataset.minimumTarget(lever, setting, parameters: p)
            if b[0] < minimum - 1e-9 {
                let shown = format((minimum * 1e6).rounded() / 1e6)
                // Said when history's schedule sets the minimum (wind and solar in history mode).
                let history = dataset.history?.minimumTarget(lever, setting, parameters: p).map { $0 >= lever.minimumTarget(setting, p) } ?? false
                let basis = history ? " (history mode: the observed capacity, then the base scenario's later milestones)" : ""
                // A move starting in the observed years is raised to the observed capacity by `run`: the bounds below it all run alike.
                if history, let last = dataset.history?.lastObservedYear, setting.start <= last {
                    throw r.error("the lower bound \(format(b[0])) \(lever.unit) is below \(shown) \(lever.unit), the capacity observed at the end of \(last): the move starts in \(setting.start), within the observed years (history mode), so a lower level is raised to it and every level from \(format(b[0])) to \(shown) \(lever.unit) runs alike; give a lower bound of at least \(shown) \(lever.unit)",
                                  accepted: "\(shown) to \(format(lever.range.upperBound)) \(lever.unit)")
                }
                // Not always what is installed when the move starts: a delta or step over a rising path can dip before it catches up.
                throw r.error("the lower bound \(format(b[0])) \(lever.unit) is below \(shown) \(lever.unit), the least the setting's last milestone (\(setting.full)) may reach without taking capacity down: what is installed when its move starts, or more where a delta or step over a rising path would dip first\(basis); a build-out lever only adds capacity",
                              accepted: "\(shown) to \(format(lever.range.upperBound)) \(lever.unit)")
            }
            // A transfer out cannot exceed the region's capacity.
            let valid = lever.validRange(try baseParameters(base))
            if b[1] > valid.upperBound + 1e-9 {
                throw r.error("the upper bound \(format(b[1])) \(lever.unit) exceeds the region's \(lever.ceiling?.what ?? "capacity") of \(format((valid.upperBound * 1e6).rounded() / 1e6)) \(lever.unit)",
                              accepted: "\(format(valid.lowerBound)) to \(format((valid.upperBound * 1e6).rounded() / 1e6)) \(lever.unit)")
            }
        }
        return .init(lever: lever, lower: b[0], upper: b[1], schedule: setting,
                     boundsWarning: lever.unit.isPercent ? r.percentWarning(b, unit: lever.unit.rawValue, range: lever.range) : nil,
                     scheduleWarning: replacedWarning)
    }
}
