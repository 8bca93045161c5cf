import Foundation
import Simulator

/// One factor of a sweep: what it varies (a lever field or a dataset parameter) and how.
public struct SweepFactor: Sendable {
    /// `target`: the last milestone's level; `start`, `full`: the first and last years; `delta`: a change added
    /// to the base scenario's setting (or the baseline), reached by `full`.
    public enum Field: String, CaseIterable, Sendable { case target, start, full, delta }

    public enum Target: Sendable {
        /// A lever's target, start or full-effect year, or a delta. `defaults` is used where the base scenario
        /// does not set the lever; `written` says whether the spec gave `start` and `full` (a delta without them
        /// follows the base setting's schedule, as in scenario files).
        case lever(Lever, Field, defaults: LeverSetting, written: Written)
        /// A dataset parameter: a scalar is replaced, a series scaled.
        case dataset(String, ParameterBinding)
    }

    /// The schedule fields a lever factor writes itself.
    public struct Written: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let start = Written(rawValue: 1), full = Written(rawValue: 2)
    }

    /// A delta factor's setting for the drawn change `x` over the base scenario's setting `inherited`.
    public static func delta(_ x: Double, over inherited: LeverSetting?, defaults: LeverSetting, written: Written) -> LeverSetting {
        LeverSetting.delta(x, over: inherited, start: written.contains(.start) ? defaults.start : nil,
                           full: written.contains(.full) ? defaults.full : nil, shape: defaults.shape, defaultStart: defaults.start)
    }

    public let path: String
    public let distribution: Distribution
    public let target: Target

    /// Whether this factor varies `field` of `lever`.
    public func varies(_ field: Field, of lever: Lever) -> Bool {
        if case .lever(let l, let g, _, _) = target { return l.path == lever.path && g == field }
        return false
    }
}

/// A sweep: base scenarios (a dimension of their own), factors, a design, and the series to keep.
public struct SweepSpec: Sendable {
    public let file: String
    /// The spec's text, stored with the results so that merges can refuse a different spec.
    public let text: String
    public let name: String
    public let scenarios: [Scenario]
    public let design: DesignKind
    public let n: Int
    public let seed: UInt64
    public let factors: [SweepFactor]
    public let keep: [String]
    /// Stepper and tolerance of the runs. Sweeps default to rkck at 1e-6 (annual values agree with the
    /// rk8pd 1e-8 of `carbonsim run` to about 1e-6 relative, at less than half the cost).
    public let method: ODEMethod
    public let tolerance: Double
    /// Factors that load but are probably not what was meant (levels of a percent lever written as fractions).
    public var warnings: [InputWarning] = []

    public var sampling: Design { Design(kind: design, factors: factors.map(\.distribution), n: n, seed: seed) }
    public var pointCount: Int { sampling.pointCount }
    public var runCount: Int { scenarios.count * pointCount }

    /// The most runs a sweep may have (scenarios x design points).
    public static let maximumRuns = 1_000_000_000

    /// Series kept per run and year when the spec says nothing.
    public static let defaultKeep = ["co2_gross", "co2_net", "energy_total"]
}

/// Reads sweep specs with the same located errors as scenario files.
public struct SweepSpecLoader {
    public let dataset: Dataset

    public init(dataset: Dataset) { self.dataset = dataset }

    static let topKeys = ["name", "scenarios", "design", "n", "seed", "factors", "keep", "integrator"]
    /// What `factors:` holds, for the errors that find it missing or empty.
    static let factorsForm = "factors: {PATH: {range: [low, high]}, ...}, each PATH a lever field (carbonsim levers) or a dataset parameter (carbonsim levers --parameters)"
    static let factorKeys = ["range", "levels", "distribution", "mean", "sd", "min", "mode", "max", "mu", "sigma",
                             "values", "weights", "start", "full", "shape"]
    static let distributions = ["uniform", "normal", "triangular", "lognormal", "discrete"]
    /// A lever factor's schedule, beside any form.
    static let scheduleKeys = ["start", "full", "shape"]

    public func load(path: String) throws -> SweepSpec {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(file: path, message: noSuchFile(path, what: "sweep spec")) }
        let text = try readInputFile(url, displayName: path, what: "sweep spec")
        return try parse(text, file: path, directory: url.deletingLastPathComponent())
    }

    public func parse(_ text: String, file: String, directory: URL) throws -> SweepSpec {
        let root = try YAMLNode.parse(text, file: file)
        let known = try root.knownEntries(allowed: Self.topKeys, what: "a sweep spec (name, scenarios, design, n, seed, factors, keep)")
        if let wrong = InputFileKind.sweepSpec.wrongKind(root, keys: Set(known.keys), file: file) { throw wrong }
        let top = known.byKey
        // Every problem of the spec is reported at once, in file order: each part is read on after another fails.
        var errors = known.errors
        func attempt<T>(_ fallback: T, _ body: () throws -> T) -> T {
            do { return try body() } catch let e as InputError { errors.append(e) } catch {
                errors.append(InputError(file: file, message: "\(error)"))
            }
            return fallback
        }
        let scenarios: [Scenario]? = attempt(nil) { try readScenarios(top["scenarios"], directory: directory) }
        let design: DesignKind? = attempt(nil) {
            guard let designNode = top["design"] else {
                throw root.error("a sweep needs a 'design'", accepted: DesignKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return try designNode.choice(DesignKind.self)
        }
        let seed = attempt(1) {
            let seed = try top["seed"].map { try $0.int() } ?? 1
            guard seed >= 0 else { throw top["seed"]!.error("a seed is a non-negative whole number, is \(seed)", accepted: "0 to \(Int.max)") }
            return seed
        }
        let factorEntries: [(key: String, value: YAMLNode)] = attempt([]) {
            guard let factorsNode = top["factors"] else { throw root.error("a sweep needs 'factors'", accepted: Self.factorsForm) }
            let entries = try factorsNode.entries(what: "factors: paths with how they vary")
            guard !entries.isEmpty else { throw factorsNode.error("a sweep needs at least one factor", accepted: Self.factorsForm) }
            return entries
        }
        var factors: [SweepFactor] = []
        var warnings: [InputWarning] = []
        var factorsRead = design != nil
        // A lever takes one form: its level (`target`) or a change over the base (`delta`), not both.
        var forms: [String: String] = [:]
        var read: [(SweepFactor, YAMLNode)] = []
        for entry in factorEntries {
            guard let design, let f: SweepFactor = attempt(nil, { try factor(entry.key, entry.value, design: design) }) else {
                factorsRead = false
                continue
            }
            factors.append(f)
            read.append((f, entry.value))
            if let w = fractionWarning(f, entry.value) { warnings.append(w) }
            // Levels above what a lever only lowers from: those runs are the same as at it.
            if case .lever(let lever, .target, _, _) = f.target, lever.onlyLowers != nil, case let p = try dataset.modelParameters(),
               let w = f.distribution.bounds.max().map({ entry.value.onlyLowersWarning(lever, $0, p, drawn: true) })
                    ?? entry.value.onlyLowersWarning(lever, f.distribution, p) {
                warnings.append(w)
            }
            // A lever with nothing to act on in this dataset (a product lever on a CEADs-derived one): every run the same.
            if case .lever(let lever, _, _, _) = f.target, let subject = lever.actsOn, !subject.isPresent(try dataset.modelParameters()) {
                warnings.append(InputWarning(file: entry.value.file, line: entry.value.line, keyPath: entry.value.keyPath,
                                             message: PreparedScenario.nothingToActOn(subject)))
            }
            if case .lever(let lever, .target, _, _) = f.target, f.distribution.bounds.isEmpty,
               case let valid = lever.ceiling == nil ? lever.range : lever.validRange(try dataset.modelParameters()),
               case let outside = f.distribution.probabilityOutside(valid), outside > 1e-3 {
                warnings.append(InputWarning(file: entry.value.file, line: entry.value.line, keyPath: entry.value.keyPath,
                                             message: "about \(format((outside * 1000).rounded() / 10)) % of the draws fall outside the lever's range, \(format(valid.lowerBound)) to \(format((valid.upperBound * 1e6).rounded() / 1e6)) \(lever.unit): those runs fail (a level no scenario file may hold), and the summary's probabilities are over the runs that succeed"))
            }
            if case .dataset(let path, _) = f.target, let e = dataset.entry(path),
               let outside = f.distribution.bounds.first(where: { !(e.range ?? $0...$0).contains($0) }),
               let w = entry.value.assumptionWarning(outside, entry: e) { warnings.append(w) }
            if case .lever(_, let field, _, _) = f.target, field == .start || field == .full,
               let fraction = f.distribution.bounds.first(where: { $0 != $0.rounded() }) {
                errors.append(entry.value.error("\(format(fraction)) is not a year: a start or full-effect year is whole (continuous draws are rounded to the nearest year)",
                                                accepted: "whole years, for example {range: [2022, 2030]}"))
            }
            guard case .lever(let lever, let field, _, _) = f.target, field == .target || field == .delta else { continue }
            if let other = forms[lever.path], other != field.rawValue {
                errors.append(entry.value.error("\(lever.path) is varied both as '\(other)' and as '\(field.rawValue)'; a lever takes one form",
                                                accepted: "either \(lever.path).target (its level) or \(lever.path).delta (a change over the base scenario)"))
            }
            forms[lever.path] = field.rawValue
        }

        errors += sharingSchedules(&read)
        factors = read.map(\.0)

        if let scenarios {
            warnings += read.flatMap { belowInstalledWarnings($0.0, $0.1, scenarios: scenarios, factors: factors) }
            warnings += read.flatMap { deltaTearsDownWarnings($0.0, $0.1, scenarios: scenarios) }
            warnings += read.compactMap { deltaAboveOnlyLowersWarning($0.0, $0.1, scenarios: scenarios) }
            warnings += read.compactMap { supersededByHistoryWarning($0.0, $0.1, scenarios: scenarios, factors: factors) }
            warnings += read.compactMap { observedYearsWarning($0.0, $0.1, scenarios: scenarios, factors: factors) }
            errors += read.compactMap { levelNeverMovesError($0.0, $0.1, scenarios: scenarios, factors: factors) }
            warnings += read.compactMap { levelNeverMovesWarning($0.0, $0.1, scenarios: scenarios, factors: factors) }
        }
        // A factor's own years and shape apply only where a base scenario leaves the lever alone; where one sets it, the
        // factor moves that setting's last milestone and keeps its years (documented, and easy to miss). Told when they
        // differ from that setting's.
        for (f, node) in read {
            guard case .lever(let lever, .target, _, _) = f.target, let scenarios else { continue }
            let entries = Dictionary(((try? node.entries()) ?? []).map { ($0.key, $0.value.scalarString ?? "") }, uniquingKeysWith: { a, _ in a })
            for scenario in scenarios {
                guard let own = scenario.levers[lever.path] else { continue }
                let differs = [("start", String(own.start)), ("full", String(own.full)),
                               ("shape", own.milestones.last?.shape.rawValue ?? "linear")].filter { key, value in entries[key].map { $0 != value } ?? false }
                guard !differs.isEmpty else { continue }
                warnings.append(InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                             message: "its \(differs.map(\.0).joined(separator: ", ")) appl\(differs.count == 1 ? "ies" : "y") only where a base scenario does not set the lever; '\(scenario.name)' sets it (\(differs.map { "\($0.0) \($0.1)" }.joined(separator: ", "))), so there the drawn level is reached at the end of \(own.full), that setting's last milestone year"))
                break
            }
        }
        /// The setting a lever's target factor gives where no base scenario sets the lever (its start and full), if any.
        func ownSetting(_ lever: Lever) -> LeverSetting? {
            read.lazy.compactMap { r -> LeverSetting? in
                if case .lever(let l, .target, let own, _) = r.0.target, l.path == lever.path { return own } else { return nil }
            }.first
        }
        // A full-effect year drawn before its lever's start is moved up to the start: said at load, an error when every draw is.
        func varied(_ field: SweepFactor.Field, of lever: Lever) -> SweepFactor? {
            read.lazy.map(\.0).first { $0.varies(field, of: lever) }
        }
        for (f, node) in read {
            guard case .lever(let lever, .full, let defaults, _) = f.target, let lowest = f.distribution.bounds.min() else { continue }
            if let starts = varied(.start, of: lever) {
                // Both drawn: a run whose full year comes before its start runs with the start.
                guard let latestStart = starts.distribution.bounds.max(), lowest < latestStart else { continue }
                warnings.append(InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                             message: "a run whose full-effect year is drawn before its start year (\(lever.path).start reaches \(format(latestStart))) runs with its start as the full-effect year (a lever cannot be full before it starts); the database stores the year each run ran with"))
                continue
            }
            let targetFactor = ownSetting(lever)
            let start = (scenarios ?? []).compactMap { $0.levers[lever.path]?.start }.max() ?? (targetFactor ?? defaults).start
            guard lowest < Double(start) else { continue }
            if let highest = f.distribution.bounds.max(), highest < Double(start) {
                errors.append(node.error("every full-effect year drawn (\(format(lowest))-\(format(highest))) is before the lever's start, \(start)",
                                         accepted: "years from \(start) (or an earlier 'start:' for the factor)"))
            } else {
                warnings.append(InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                             message: "full-effect years drawn before the lever's start, \(start), run with \(start) (a lever cannot be full before it starts)"))
            }
        }

        // A start drawn after the setting's first milestone (its full-effect year) runs at that year: a move cannot
        // start after it ends. Said at load, as for the full-effect year above.
        for (f, node) in read {
            guard case .lever(let lever, .start, let defaults, _) = f.target, let highest = f.distribution.bounds.max() else { continue }
            // Where no base scenario sets the lever, the setting is the lever's target factor's own (its start and full),
            // else this factor's.
            let targetFactor = ownSetting(lever)
            let firstMilestone = (scenarios ?? []).compactMap { $0.levers[lever.path]?.milestones.first?.year }.min()
                ?? (targetFactor ?? defaults).milestones.first?.year
            // A drawn full year moves a single milestone, so then the start is held to it instead (told above); on a base
            // setting of several milestones it moves only the last one.
            let severalMilestones = (scenarios ?? []).contains { ($0.levers[lever.path]?.milestones.count ?? 0) > 1 }
            guard let first = firstMilestone, varied(.full, of: lever) == nil || severalMilestones, highest > Double(first) else { continue }
            // Every draw after it: every run starts there, and the factor varies nothing.
            if let lowest = f.distribution.bounds.min(), lowest > Double(first) {
                errors.append(node.error("every start year drawn (\(format(lowest))-\(format(highest))) is after \(first), when the setting reaches its first milestone: every run would start in \(first) (a move cannot start after it ends) and be the same",
                                         accepted: "start years up to \(first)\(severalMilestones ? "" : ", or vary .full too")"))
                continue
            }
            warnings.append(InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                         message: "start years drawn after \(first), when the setting reaches its first milestone, run with \(first) (a move cannot start after it ends), and the results of those runs are the same (the database stores the year each run ran with); \(severalMilestones ? "" : "vary .full too, or ")draw starts up to \(first)"))
        }

        var n = 0
        if design == .grid, let nNode = top["n"] {
            warnings.append(InputWarning(file: nNode.file, line: nNode.line, keyPath: nNode.keyPath,
                                         message: "a grid design does not use n: its runs are every combination of the factors' levels"))
        }
        if let design, design != .grid {
            n = attempt(0) {
                guard let nNode = top["n"] else { throw root.error("design '\(design.rawValue)' needs 'n'", accepted: "n >= \(design.minimumN)") }
                let n = try nNode.int()
                guard n >= design.minimumN else {
                    throw nNode.error("n = \(n) is too small for a \(design.rawValue) design", accepted: "n >= \(design.minimumN)")
                }
                return n
            }
        }
        // Sizes are checked once the parts they multiply are known.
        if let design, let scenarios, let factorsNode = top["factors"], factorsRead, design == .grid || n > 0 {
            attempt(()) { try checkSize(design: design, n: n, factors: factors, scenarios: scenarios.count, root: root, top: top, factorsNode: factorsNode) }
        }

        var keep = SweepSpec.defaultKeep
        if let k = top["keep"] {
            keep = attempt(keep) {
                let names = try Set(CarbonModel(parameters: dataset.modelParameters()).outputCatalog.names)
                guard case .sequence(let seq) = k.node else {
                    throw k.error("'keep' is a list of series names", accepted: k.scalarString.map { "keep: [\($0)]" } ?? "keep: [co2_gross, co2_net]")
                }
                guard !seq.isEmpty else {
                    throw k.error("'keep' lists no series: the sweep would store no annual values (bands and charts need them)",
                                  accepted: "series names, for example [\(SweepSpec.defaultKeep.joined(separator: ", "))] (the default when 'keep' is left out)")
                }
                var seen = Set<String>()
                return seq.enumerated().compactMap { i, node in
                    attempt(nil) { () throws -> String? in
                        let item = YAMLNode(node: node, file: file, path: k.path + ["\(i)"])
                        let name = try item.string()
                        // Two names joined by a Chinese input method's comma ('，' or '、') read as one.
                        if let c = name.first(where: { $0 == "，" || $0 == "、" }) {
                            let parts = name.split(whereSeparator: { $0 == "，" || $0 == "、" }).map { $0.trimmingCharacters(in: .whitespaces) }
                            throw item.error("unknown series '\(name)': YAML separates a list's items with ',', not with '\(c)' (a Chinese input method's)",
                                             accepted: "series names from `carbonsim run --format json`",
                                             suggestion: parts.allSatisfy(names.contains)
                                                ? "keep: [\(seq.indices.flatMap { $0 == i ? parts : [seq[$0].string ?? ""] }.joined(separator: ", "))]" : nil)
                        }
                        guard names.contains(name) else {
                            throw item.error("unknown series '\(name)'", accepted: "series names from `carbonsim run --format json`",
                                             suggestion: didYouMean(name, in: Array(names)))
                        }
                        guard seen.insert(name).inserted else {
                            throw item.error("series '\(name)' is listed twice in 'keep'", accepted: "each series once")
                        }
                        return name
                    }
                }
            }
        }
        var method = ODEMethod.rkck, tolerance = 1e-6
        if let integrator = top["integrator"] {
            attempt(()) {
                let e = try integrator.entries(allowed: ["method", "tolerance"])
                method = try e["method"]?.choice(ODEMethod.self) ?? method
                tolerance = try e["tolerance"]?.double(in: 1e-12...1e-3, unit: "(relative and absolute)") ?? tolerance
            }
        }
        let fileName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = attempt("") { try top["name"]?.nonEmptyName(default: fileName) ?? fileName }
        if let e = InputError.combined(errors) { throw e }
        guard let scenarios, let design else { throw root.error("the sweep spec could not be read") }
        return SweepSpec(file: file, text: text, name: name, scenarios: scenarios, design: design, n: n,
                         seed: UInt64(truncatingIfNeeded: seed), factors: factors, keep: keep, method: method, tolerance: tolerance,
                         warnings: warnings)
    }

    /// The factors of one lever share one schedule: the start, full and shape one of them writes are every one's (a
    /// `start` written on the `.full` factor used to be dropped when the `.target` factor came first); two that write
    /// different ones are errors, and so is a factor writing the year it draws. `read` gets the shared schedules.
    func sharingSchedules(_ read: inout [(SweepFactor, YAMLNode)]) -> [InputError] {
        var errors: [InputError] = []
        var byLever: [String: [Int]] = [:]
        for (k, (f, _)) in read.enumerated() { if case .lever(let l, _, _, _) = f.target { byLever[l.path, default: []].append(k) } }
        for (leverPath, indices) in byLever.sorted(by: { $0.value[0] < $1.value[0] }) {
            var written: [String: (node: YAMLNode, factor: String)] = [:]
            var own: [Int: [String: YAMLNode]] = [:]
            for k in indices {
                let (f, node) = read[k]
                let e = (try? node.entries(allowed: Self.factorKeys, what: "")) ?? [:]
                own[k] = e
                for key in ["start", "full", "shape"] {
                    guard let v = e[key] else { continue }
                    if case .lever(_, let field, _, _) = f.target, field.rawValue == key {
                        errors.append(v.error("'\(key)' on the .\(key) factor: the factor draws the \(key == "start" ? "start" : "full-effect") year, so a fixed one cannot go with it",
                                              accepted: "the years to draw in the factor's range or levels, without '\(key)'"))
                        continue
                    }
                    let text = v.scalarString?.trimmingCharacters(in: .whitespaces) ?? ""
                    if let first = written[key] {
                        let firstText = first.node.scalarString?.trimmingCharacters(in: .whitespaces) ?? ""
                        if firstText != text {
                            errors.append(v.error("\(key) \(text) here, \(key) \(firstText) on \(first.factor) (line \(first.node.line ?? 0)): the factors of \(leverPath) share one schedule",
                                                  accepted: "one \(key) for the lever: write it on one of its factors, or the same on each"))
                        }
                    } else {
                        written[key] = (v, f.path)
                    }
                }
            }
            guard indices.count > 1, !written.isEmpty else { continue }
            for k in indices {
                let (f, node) = read[k]
                var e = own[k] ?? [:]
                for (key, v) in written where e[key] == nil {
                    if case .lever(_, let field, _, _) = f.target, field.rawValue == key { continue }
                    e[key] = v.node
                }
                do {
                    read[k] = (SweepFactor(path: f.path, distribution: f.distribution, target: try factorTarget(f.path, node, e)), node)
                } catch let e as InputError { errors.append(e) } catch { continue }
            }
        }
        return errors
    }

    /// A build-out's `.delta` whose lowest draw takes a base scenario's capacity down: those runs fail, said at load for
    /// each such base scenario, as a `.target` below what is installed is (a tester's negative CCUS delta failed its runs
    /// with the sweep exiting 0).
    func deltaTearsDownWarnings(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario]) -> [InputWarning] {
        guard case .lever(let lever, .delta, let defaults, let written) = f.target, lever.isBuildOut,
              let lowest = f.distribution.bounds.min() else { return [] }
        return scenarios.compactMap { scenario -> InputWarning? in
            guard let p = try? PreparedScenario(scenario, dataset: dataset).parameters else { return nil }
            let setting = SweepFactor.delta(lowest, over: scenario.levers[lever.path], defaults: defaults, written: written)
            var levers = p.resolvedLevers
            do {
                _ = try PreparedScenario.apply([lever.path: setting], to: &levers, history: dataset.history, parameters: p,
                                               file: node.file, only: [lever.path])
            } catch let e as InputError {
                return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                    message: "a delta of \(format(lowest)) \(lever.unit.rawValue) over '\(scenario.name)' takes capacity down (\(e.message)): those runs cannot run and are stored as failed")
            } catch {}
            return nil
        }
    }

    /// A drawn change that takes a lever that only lowers its quantity above where it starts (a +20 gce/kWh delta on
    /// announced's heat-rate target): those runs are the same as at that level. Told for the first base scenario it
    /// happens over, as the loader tells a file's setting.
    func deltaAboveOnlyLowersWarning(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario]) -> InputWarning? {
        guard case .lever(let lever, .delta, let defaults, let written) = f.target, lever.onlyLowers != nil,
              let highest = f.distribution.bounds.max() ?? Optional(f.distribution.quantile(0.999)) else { return nil }
        for scenario in scenarios {
            guard let p = try? PreparedScenario(scenario, dataset: dataset).parameters else { continue }
            let setting = SweepFactor.delta(highest, over: scenario.levers[lever.path], defaults: defaults, written: written)
            let schedule = lever.schedule(setting, p)
            if let top = setting.milestones.map({ lever.level(schedule, at: Double($0.year + 1).nextDown, p) }).max(),
               let w = node.onlyLowersWarning(lever, top, p, drawn: true, over: scenario.name) { return w }
        }
        return nil
    }

    /// Levels of a build-out lever below what a base scenario has installed when the lever's move starts, found by
    /// setting the lowest level as a run would: a teardown cannot run (those runs are stored as failed); in history
    /// mode a level below the observed capacity is raised to it (those runs all run at that capacity). Told at load.
    /// The same for each base scenario, each message once: scenarios differ in what they have installed (a second trial
    /// was told announced's 130.67 GW only, while baseline's runs down to 127.63 GW ran).
    func belowInstalledWarnings(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario], factors: [SweepFactor]) -> [InputWarning] {
        var told = Set<String>()
        return scenarios.compactMap { belowInstalledWarning(f, node, scenarios: [$0], factors: factors) }.filter { told.insert($0.message).inserted }
    }

    func belowInstalledWarning(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario], factors: [SweepFactor]) -> InputWarning? {
        guard case .lever(let lever, .target, let defaults, _) = f.target, lever.isBuildOut else { return nil }
        // Where a start factor draws years after N, history does not raise those runs' levels: they take capacity down.
        let lateStarts = dataset.history.flatMap { h in
            factors.first { $0.varies(.start, of: lever) }?.distribution.bounds.max().map { $0 > Double(h.lastObservedYear) }
        } ?? false
        func shown(_ v: Double) -> String { format((v * 1e4).rounded() / 1e4) }
        let unit = lever.unit.rawValue
        guard let lowest = f.distribution.bounds.min() else {
            // An unbounded distribution (normal): how often a draw falls below what is installed when the move starts.
            for scenario in scenarios {
                guard let p = try? PreparedScenario(scenario, dataset: dataset).parameters else { continue }
                let setting = lever.setting(scenario.levers[lever.path] ?? defaults, reaching: f.distribution.quantile(0.5), p)
                let minimum = dataset.minimumTarget(lever, setting, parameters: p)
                func percent(_ v: Double) -> String { format((v * 1000).rounded() / 10) }
                // In history mode wind and solar draws below the observed capacity are raised to it; only draws outside
                // the lever's range (below 0) fail.
                if let history = dataset.history, let floor = history.floor(for: lever, parameters: p), floor >= minimum,
                   setting.start <= history.lastObservedYear {
                    // Draws below the range fail, told by the range's own warning.
                    let lower = lever.validRange(p).lowerBound
                    let raised = f.distribution.probabilityOutside(floor...Double.greatestFiniteMagnitude) - f.distribution.probabilityOutside(lower...Double.greatestFiniteMagnitude)
                    guard raised > 1e-3 else { continue }
                    return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                        message: "about \(percent(raised)) % of the draws fall between \(shown(lower)) and \(shown(floor)) \(unit), below the capacity observed at the end of \(history.lastObservedYear) (history mode): those runs run at \(shown(floor)) \(unit), and store it as their level")
                }
                let below = f.distribution.probabilityOutside(minimum...Double.greatestFiniteMagnitude)
                guard below > 1e-3 else { continue }
                return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                    message: "about \(percent(below)) % of the draws fall below \(shown(minimum)) \(unit), what '\(scenario.name)' has installed when the lever's move starts: those runs would take capacity down and cannot run, and are stored as failed")
            }
            return nil
        }
        for scenario in scenarios {
            guard let p = try? PreparedScenario(scenario, dataset: dataset).parameters else { continue }
            let setting = lever.setting(scenario.levers[lever.path] ?? defaults, reaching: lowest, p)
            var levers = p.resolvedLevers
            do {
                let notes = try PreparedScenario.apply([lever.path: setting], to: &levers, history: dataset.history, parameters: p,
                                                       file: node.file, only: [lever.path])
                guard notes.contains(where: { $0.kind == .raised }),
                      let floor = dataset.history?.floor(for: lever, parameters: p) else {
                    // Not raised here (the factor's own milestone is superseded), yet a drawn start after N makes it a teardown.
                    if lateStarts, let history = dataset.history, let floor = history.floor(for: lever, parameters: p), lowest < floor {
                        return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                            message: "levels below \(shown(floor)) \(unit), the capacity observed at the end of \(history.lastObservedYear) (history mode), take capacity down where the drawn start is after \(history.lastObservedYear): those runs are stored as failed")
                    }
                    continue
                }
                let n = dataset.history!.lastObservedYear
                return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                    message: "levels below \(shown(floor)) \(unit), the capacity observed at the end of \(n) (history mode), are raised to it: those runs all run at \(shown(floor)) \(unit), and store it as their level"
                                        + (lateStarts ? "; where the drawn start is after \(n), they take capacity down instead, and those runs are stored as failed" : ""))
            } catch {
                let minimum = dataset.minimumTarget(lever, setting, parameters: p)
                return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                    message: "levels below \(shown(minimum)) \(unit), what '\(scenario.name)' has installed when the lever's move starts, take capacity down and cannot run: those runs are stored as failed")
            }
        }
        return nil
    }

    /// A wind or solar level reached by the end of the last observed year (or before) in history mode: the observed
    /// capacities replace it, so the factor changes nothing and every run is the same there. Told at load, as `run`
    /// tells the milestones it replaces and `solve` refuses such a move.
    func supersededByHistoryWarning(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario], factors: [SweepFactor]) -> InputWarning? {
        guard case .lever(let lever, let field, let defaults, let written) = f.target, field == .target || field == .delta,
              let history = dataset.history, HistoryMode.followedPaths.contains(lever.path) else { return nil }
        let n = history.lastObservedYear
        // A drawn full-effect year after N moves the level past history in those runs (a second trial was told every
        // run is the same while its .full factor drew 2029-2030).
        if let fulls = factors.first(where: { $0.varies(.full, of: lever) }), let latest = fulls.distribution.bounds.max(), latest > Double(n) { return nil }
        for scenario in scenarios {
            let setting = scenario.levers[lever.path] ?? defaults
            // A delta is reached by the base setting's full year unless the factor gives its own (as the runs set it).
            let full = field == .delta ? SweepFactor.delta(0, over: scenario.levers[lever.path], defaults: defaults, written: written).full
                                       : setting.milestones.last?.year ?? defaults.full
            guard full <= n else { continue }
            let whose = field == .delta ? (written.contains(.full) ? "the factor's full-effect year" : "the full-effect year of the setting it changes")
                : scenario.levers[lever.path] == nil ? "the factor's full-effect year" : "the last milestone of '\(scenario.name)''s setting"
            return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                message: "the drawn \(field == .delta ? "change" : "level") is reached at the end of \(full) (\(whose)), and in history mode \(lever.path.split(separator: ".").last!) follows the observed capacity through \(n): the factor changes nothing there and every run is the same; give it a full-effect year after \(n)")
        }
        return nil
    }

    /// A lever factor without its own start, run where a base scenario leaves the lever alone (or, for a delta, on a
    /// setting that starts early): the move starts in the default year, inside the observed years in history mode, so
    /// the runs change what was observed. Told as a scenario file tells it, with the start to give.
    func observedYearsWarning(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario], factors: [SweepFactor]) -> InputWarning? {
        guard case .lever(let lever, let field, let defaults, let written) = f.target, field == .target || field == .delta,
              !written.contains(.start), let history = dataset.history, !HistoryMode.followedPaths.contains(lever.path) else { return nil }
        let n = history.lastObservedYear
        // A start factor for the lever gives each run its start: told only when it draws into the observed years.
        let starts = factors.first { $0.varies(.start, of: lever) }
        if let earliest = starts?.distribution.bounds.min() {
            guard earliest <= Double(n) else { return nil }
            return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                message: "\(lever.path).start draws years from \(format(earliest)), inside the observed years \(history.observedYears.lowerBound)-\(n) (history mode), so those runs change them; for moves after them, draw starts from \(n + 1)")
        }
        for scenario in scenarios {
            let own = scenario.levers[lever.path]
            // Where a base scenario sets the lever, a level factor keeps that setting's start: the scenario file's own choice.
            guard field == .delta || own == nil else { continue }
            let start = field == .delta ? SweepFactor.delta(1, over: own, defaults: defaults, written: written).start : defaults.start
            guard start <= n else { continue }
            let moves = own == nil ? "where '\(scenario.name)' leaves the lever alone, it moves from \(start)"
                                   : "the delta follows the schedule of '\(scenario.name)''s setting, from \(start)"
            let full = written.contains(.full) ? "" : ", full: \(n + 5)"
            return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                                message: "no start year given: \(moves), inside the observed years \(history.observedYears.lowerBound)-\(n) (history mode), so the runs change them; for a move after them, give start: \(n + 1)\(full)")
        }
        return nil
    }

    /// A start or full-effect year varied on a lever that no base scenario sets and whose level no factor varies: the lever
    /// stays at its baseline, so moving its years changes nothing and every run is the same.
    func levelNeverMovesError(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario], factors: [SweepFactor]) -> InputError? {
        guard case .lever(let lever, let field, _, _) = f.target, field == .start || field == .full,
              !scenarios.contains(where: { $0.levers[lever.path] != nil }), !Self.levelVaried(lever, factors) else { return nil }
        let names = scenarios.map { "'\($0.name)'" }.joined(separator: ", ")
        return node.error("no base scenario (\(names)) sets \(lever.path) and no factor varies its level, so it stays at its baseline: moving its \(field == .start ? "start" : "full-effect") year changes nothing and every run would be the same",
                          accepted: "also vary \(lever.path).target (or .delta), or sweep a base scenario that sets the lever")
    }

    /// The same where some base scenarios set the lever and others do not: in those that do not, the runs are the
    /// scenario's own (the lever at its baseline), whatever year is drawn. A warning naming them.
    func levelNeverMovesWarning(_ f: SweepFactor, _ node: YAMLNode, scenarios: [Scenario], factors: [SweepFactor]) -> InputWarning? {
        guard case .lever(let lever, let field, _, _) = f.target, field == .start || field == .full,
              scenarios.contains(where: { $0.levers[lever.path] != nil }), !Self.levelVaried(lever, factors) else { return nil }
        let unset = scenarios.filter { $0.levers[lever.path] == nil }.map { "'\($0.name)'" }
        guard !unset.isEmpty else { return nil }
        return InputWarning(file: node.file, line: node.line, keyPath: node.keyPath,
                            message: "\(unset.joined(separator: ", ")) do\(unset.count == 1 ? "es" : "") not set \(lever.path) and no factor varies its level, so there it stays at its baseline: moving its \(field == .start ? "start" : "full-effect") year changes nothing, and those runs are the scenario's own")
    }

    /// Whether a factor varies a lever's level (its target or a change over the base).
    static func levelVaried(_ lever: Lever, _ factors: [SweepFactor]) -> Bool {
        factors.contains { other in
            if case .lever(let l, let g, _, _) = other.target { return l.path == lever.path && (g == .target || g == .delta) }
            return false
        }
    }

    /// Levels of a percent lever written as fractions (0.2, 0.4 for 20 %, 40 %): a warning, as in scenario files.
    func fractionWarning(_ f: SweepFactor, _ node: YAMLNode) -> InputWarning? {
        guard case .lever(let lever, let field, _, _) = f.target, field == .target || field == .delta, lever.unit.isPercent else { return nil }
        let width = lever.range.upperBound - lever.range.lowerBound
        return node.percentWarning(f.distribution.bounds, unit: lever.unit.rawValue, range: field == .delta ? -width...width : lever.range)
    }

    /// Sobol dimensions and runs (scenarios x points), counted with overflow checks and capped: a grid of
    /// 20 factors x 10 levels or n = 4e18 would overflow Int or never finish.
    private func checkSize(design: DesignKind, n: Int, factors: [SweepFactor], scenarios: Int, root: YAMLNode,
                           top: [String: YAMLNode], factorsNode: YAMLNode) throws {
        let dimensions = design == .saltelli ? 2 * factors.count : factors.count
        if [.sobol, .saltelli].contains(design), dimensions > SobolSequence.maxDimension {
            throw factorsNode.error("\(factors.count) factors need \(dimensions) Sobol dimensions; GSL offers \(SobolSequence.maxDimension)",
                                    accepted: design == .saltelli ? "at most 20 factors" : "at most 40 factors")
        }
        var points = 1, overflow = false
        switch design {
        case .grid:
            for f in factors {
                guard case .levels(let v) = f.distribution else { continue }
                (points, overflow) = overflow ? (points, true) : points.multipliedReportingOverflow(by: v.count)
            }
        case .saltelli: (points, overflow) = n.multipliedReportingOverflow(by: factors.count + 2)
        default: points = n
        }
        let (runs, runsOverflow) = points.multipliedReportingOverflow(by: scenarios)
        if overflow || runsOverflow || runs > SweepSpec.maximumRuns {
            let node = design == .grid ? factorsNode : top["n"] ?? root
            let what = design == .grid ? "the grid's levels multiply to" : "n = \(n) gives"
            throw node.error("\(what) \(overflow || runsOverflow ? "more than \(Int.max)" : String(runs)) runs (\(scenarios) scenario(s) x points); a sweep is capped at \(SweepSpec.maximumRuns) runs",
                             accepted: "at most \(SweepSpec.maximumRuns) runs: fewer levels or a smaller n (shard a larger study into several sweeps)")
        }
    }

    func readScenarios(_ node: YAMLNode?, directory: URL) throws -> [Scenario] {
        guard let node else { return [try DefaultScenarios.load(dataset: dataset)[0]] }
        let loader = ScenarioLoader(dataset: dataset)
        let items: [YAMLNode]
        switch node.node {
        case .scalar: items = [node]
        case .sequence(let seq): items = seq.enumerated().map { YAMLNode(node: $1, file: node.file, path: node.path + ["\($0)"]) }
        default: throw node.error("'scenarios' is a file or a list of files")
        }
        guard !items.isEmpty else { throw node.error("'scenarios' lists no file") }
        var seen = Set<String>()
        return try items.map { item in
            let name = try item.string()
            let path = URL(fileURLWithPath: name, relativeTo: directory).standardizedFileURL.path
            // The shipped scenario by its name (announced or announced.yaml), as `extends:` and the command line take it.
            if !FileManager.default.fileExists(atPath: path), let embedded = DefaultScenarios.embeddedFile(named: name) {
                let s = try DefaultScenarios.load(embedded: embedded, named: name, in: directory, with: loader,
                                                  toldAt: item.file, line: item.line, keyPath: item.keyPath)
                guard seen.insert(s.name).inserted else { throw item.error("two base scenarios are both named '\(s.name)'", accepted: "base scenarios with distinct names (each file's 'name:')") }
                return s
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw item.error("no scenario file '\(name)' (looked for \(path))", accepted: "paths relative to the spec, or baseline / announced",
                                 suggestion: DefaultScenarios.suggestion(for: name) ?? didYouMean(name, in: DefaultScenarios.names))
            }
            let s = try loader.load(path: path)
            guard seen.insert(s.name).inserted else { throw item.error("two base scenarios are both named '\(s.name)'", accepted: "base scenarios with distinct names (each file's 'name:')") }
            return s
        }
    }

    func factor(_ path: String, _ node: YAMLNode, design: DesignKind) throws -> SweepFactor {
        let e = try node.entries(allowed: Self.factorKeys, what: "how the factor varies ({range: [low, high]}, {levels: [...]}, or {distribution: ...})")
        let target = try factorTarget(path, node, e)
        let distribution = try readDistribution(node, e, design: design)
        // The values a bounded distribution can take lie between these (unbounded ones are checked per run).
        let values = distribution.bounds
        if case .dataset(let p, _) = target, let check = dataset.check(p) {
            for v in values {
                if let problem = check.problem(v) {
                    throw node.error("\(p) = \(format(v)): \(problem.message) (the dataset loader's check)", accepted: problem.accepted)
                }
            }
        }
        if case .lever(_, let field, _, _) = target, field == .start || field == .full {
            let horizon = dataset.baseYear + 1...dataset.endYear
            for v in values where !(v >= Double(horizon.lowerBound) && v < Double(horizon.upperBound) + 0.5) {
                throw node.error("year \(format(v)) is outside the model horizon",
                                 accepted: "\(horizon.lowerBound) to \(horizon.upperBound), as in scenario files")
            }
        }
        if case .lever(let lever, let field, _, _) = target, field == .target {
            // A transfer cannot exceed the region's capacity: the dataset's ceiling narrows the range.
            let valid = lever.ceiling == nil ? lever.range : lever.validRange(try dataset.modelParameters())
            for v in values where !valid.contains(v) {
                throw node.error("\(format(v)) lies outside the lever's range" + (lever.ceiling.map { " (at most the region's \($0.what))" } ?? ""),
                                 accepted: "\(format(valid.lowerBound)) to \(format((valid.upperBound * 1e6).rounded() / 1e6)) \(lever.unit)")
            }
        }
        return SweepFactor(path: path, distribution: distribution, target: target)
    }

    func factorTarget(_ path: String, _ node: YAMLNode, _ e: [String: YAMLNode]) throws -> SweepFactor.Target {
        let parts = path.split(separator: ".").map(String.init)
        if let last = parts.last, let field = SweepFactor.Field(rawValue: last),
           let lever = LeverRegistry.lever(parts.dropLast().joined(separator: ".")) {
            let start = try e["start"]?.year(in: dataset.baseYear + 1...dataset.endYear) ?? dataset.baseYear + 2
            let full = try e["full"]?.year(in: start...dataset.endYear) ?? start
            let shape = try e["shape"]?.choice(RampShape.self) ?? .linear
            let baseline = try lever.baselineLevel(dataset.modelParameters(), at: Double(start)) ?? lever.range.lowerBound
            return .lever(lever, field, defaults: LeverSetting(target: baseline, start: start, full: full, shape: shape),
                          written: SweepFactor.Written(e["start"] == nil ? [] : [.start]).union(e["full"] == nil ? [] : [.full]))
        }
        if let binding = dataset.binding(path) {
            for k in ["start", "full", "shape"] where e[k] != nil {
                throw e[k]!.error("'\(k)' applies to lever factors only")
            }
            return .dataset(path, binding)
        }
        let candidates = LeverRegistry.all.flatMap { l in SweepFactor.Field.allCases.map { "\(l.path).\($0.rawValue)" } } + dataset.numericPaths
        throw node.error("unknown factor path '\(path)'",
                         accepted: "a lever field (<lever path>.target, .start, .full or .delta, see `carbonsim levers`) or a dataset parameter (see `carbonsim levers --parameters`)",
                         suggestion: didYouMean(path, in: candidates))
    }

    func readDistribution(_ node: YAMLNode, _ e: [String: YAMLNode], design: DesignKind) throws -> Distribution {
        func number(_ key: String) throws -> Double {
            guard let n = e[key] else { throw node.error("missing '\(key)'") }
            return try n.double()
        }
        /// Draws are min + (max - min) u: the width must be a number.
        func finiteWidth(_ a: Double, _ b: Double) throws {
            guard (b - a).isFinite else { throw node.error("min \(format(a)) to max \(format(b)) is wider than the largest number", accepted: "max - min finite") }
        }
        /// A factor varies in one way: keys of another form beside it would be ignored, so they are refused.
        func only(_ keys: [String], form: String) throws {
            let others = Self.factorKeys.filter { !keys.contains($0) && !Self.scheduleKeys.contains($0) && e[$0] != nil }
            guard let first = others.first else { return }
            throw e[first]!.error("'\(others.joined(separator: "', '"))' \(others.count == 1 ? "does" : "do") not go with \(form): a factor varies in one way, and the other keys would be ignored",
                                  accepted: "\(form) with \(keys.count == 1 ? "nothing else" : keys.dropFirst().joined(separator: ", ")) (and start, full, shape for a lever)")
        }
        if let levels = e["levels"] {
            try only(["levels"], form: "levels")
            let v = try levels.doubles()
            guard !v.isEmpty else { throw levels.error("levels must not be empty", accepted: "levels: [v1, v2, ...], at least one") }
            // A level given twice runs its points twice (a grid) or doubles its weight: probably a typo.
            var seen = Set<Double>()
            if let twice = v.first(where: { !seen.insert($0).inserted }) {
                throw levels.error("level \(format(twice)) is listed twice", accepted: "each level once")
            }
            return design == .grid ? .levels(v) : .discrete(values: v, weights: v.map { _ in 1 })
        }
        if design == .grid { throw node.error("a grid design needs 'levels' for every factor", accepted: "levels: [v1, v2, ...]") }
        if let range = e["range"] {
            try only(["range"], form: "range")
            let v = try range.doubles()
            guard v.count == 2 else { throw range.error("a range is [low, high]", accepted: "range: [low, high], two numbers") }
            guard v[0] < v[1] else {
                throw range.error("empty range [\(format(v[0])), \(format(v[1]))]",
                                  accepted: v[0] > v[1] ? "low < high, for example [\(format(v[1])), \(format(v[0]))]" : "low < high")
            }
            guard (v[1] - v[0]).isFinite else { throw range.error("the range [\(format(v[0])), \(format(v[1]))] is wider than the largest number", accepted: "high - low finite") }
            return .uniform(min: v[0], max: v[1])
        }
        guard let d = e["distribution"] else {
            throw node.error("say how the factor varies", accepted: "range: [low, high], levels: [...], or distribution: \(Self.distributions.joined(separator: " | "))")
        }
        let kind = try d.string()
        let parameters = ["uniform": ["min", "max"], "normal": ["mean", "sd"], "triangular": ["min", "mode", "max"],
                          "lognormal": ["mu", "sigma"], "discrete": ["values", "weights"]]
        if let own = parameters[kind] { try only(["distribution"] + own, form: "distribution: \(kind)") }
        switch kind {
        case "uniform":
            let a = try number("min"), b = try number("max")
            guard a < b else { throw node.error("empty range: min \(format(a)) is not below max \(format(b))", accepted: "min < max") }
            try finiteWidth(a, b)
            return .uniform(min: a, max: b)
        case "normal":
            let sd = try number("sd")
            guard sd > 0 else { throw e["sd"]!.error("sd must be positive", accepted: "sd > 0") }
            let mean = try number("mean")
            // Draws lie within about 10 sd of the mean: keep them finite.
            guard abs(mean) <= 1e300, sd <= 1e300 else {
                throw node.error("a normal with mean \(format(mean)) and sd \(format(sd)) can draw values beyond the largest number",
                                 accepted: "|mean| and sd at most 1e300")
            }
            return .normal(mean: mean, sd: sd)
        case "triangular":
            let a = try number("min"), c = try number("mode"), b = try number("max")
            guard a < b, a <= c, c <= b else {
                throw node.error("a triangular distribution needs min <= mode <= max and min < max",
                                 accepted: "min <= mode <= max and min < max; here min \(format(a)), mode \(format(c)), max \(format(b))")
            }
            try finiteWidth(a, b)
            return .triangular(min: a, mode: c, max: b)
        case "lognormal":
            let sigma = try number("sigma")
            guard sigma > 0 else { throw e["sigma"]!.error("sigma must be positive", accepted: "sigma > 0") }
            let mu = try number("mu")
            // exp(mu + 40 sigma) must stay finite (e^709 is the largest): a lognormal with mu = 1e20 drew inf.
            guard mu + 40 * sigma <= 709 else {
                throw node.error("a lognormal with mu \(format(mu)) and sigma \(format(sigma)) draws values beyond the largest number (e^709)",
                                 accepted: "mu + 40 sigma at most 709; the median is e^mu")
            }
            return .lognormal(mu: mu, sigma: sigma)
        case "discrete":
            guard let vn = e["values"] else { throw node.error("missing 'values'") }
            let values = try vn.doubles()
            let weights = try e["weights"]?.doubles() ?? values.map { _ in 1 }
            guard !values.isEmpty, weights.count == values.count else {
                throw node.error("a discrete distribution needs values and as many weights")
            }
            guard weights.allSatisfy({ $0 >= 0 }), weights.reduce(0, +) > 0 else {
                throw e["weights"]!.error("weights must be non-negative and not all zero")
            }
            return .discrete(values: values, weights: weights)
        default:
            throw d.error("unknown distribution '\(kind)'", accepted: Self.distributions.joined(separator: ", "),
                          suggestion: didYouMean(kind, in: Self.distributions)
                              ?? Self.distributions.first { kind.count >= 3 && ($0.hasPrefix(kind.lowercased()) || kind.lowercased().hasPrefix($0.prefix(5))) })
        }
    }
}
