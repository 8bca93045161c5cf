import Foundation
import Simulator

/// Reads scenario files: YAML in the "1+N+X" shape, with `extends:` resolved relative to the file.
public struct ScenarioLoader {
    public let dataset: Dataset

    /// The dataset's parameters, read once: lever levels are checked against them (nil: the dataset does not
    /// load, and that error is reported where it is used).
    let parameters: ModelParameters?
    /// Files read before, reused while their texts are unchanged (nil: every file is read anew).
    let memo: ScenarioFileMemo?

    public init(dataset: Dataset, memo: ScenarioFileMemo? = nil) {
        self.dataset = dataset
        parameters = try? dataset.modelParameters()
        self.memo = memo
    }

    public static let topKeys = ["name", "description", "description_zh", "extends", "targets", "sector_plans", "measures", "assumptions", "accounting"]
    static let targetKeys = TargetCheck.Kind.allCases.map(\.rawValue)
    static let leverFields = ["target", "path", "delta", "start", "full", "shape"]
    /// Scenario files in one `extends:` chain, the file itself included.
    public static let maximumExtendsDepth = 32
    /// The `accounting:` switches, in file order: read here, written by `ScenarioWriter`.
    static let accountingSwitches: [(key: String, field: WritableKeyPath<AccountingSwitches, Bool> & Sendable)] = [
        ("extended_process", \.extendedProcess), ("deduct_electricity_exports", \.deductElectricityExports),
        ("exclude_renewables_from_dual_control", \.excludeRenewablesFromDualControl),
        ("exclude_feedstock_from_dual_control", \.excludeFeedstockFromDualControl),
    ]
    static var accountingKeys: [String] { accountingSwitches.map(\.key) }

    public func load(path: String) throws -> Scenario {
        try load(url: URL(fileURLWithPath: path), displayName: path, chain: [])
    }

    func load(url: URL, displayName: String, chain: [String]) throws -> Scenario {
        let canonical = url.standardizedFileURL.resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: canonical) else {
            throw InputError(file: displayName, message: noSuchFile(url.path, what: "scenario file"))
        }
        if let kept = memo?.scenario(path: canonical, displayName: displayName, chain: chain) { return kept }
        let text = try readInputFile(url, displayName: displayName, what: "scenario file")
        var scenario = try parse(text, file: displayName, directory: url.deletingLastPathComponent(), chain: chain + [canonical])
        // The embedded announced extends the embedded baseline: its own warning says whose plan it is.
        if DefaultScenarios.isEmbedded(canonical), !(chain.last.map(DefaultScenarios.isEmbedded) ?? false) {
            DefaultScenarios.adapt(&scenario, named: url.deletingPathExtension().lastPathComponent, file: displayName, to: dataset)
        }
        scenario.sources.append(ScenarioSource(path: canonical, text: text))
        memo?.keep(scenario, path: canonical, displayName: displayName)
        return scenario
    }

    /// Parses scenario text; `directory` resolves `extends:`.
    /// `first` with the errors `readingTheRest` finds (a syntax error of its own included), each told once.
    static func withTheRest(_ first: InputError, _ readingTheRest: () throws -> Void) -> InputError {
        do { try readingTheRest() } catch let other as InputError {
            let told = Set(([first] + first.others).map { "\($0.line ?? 0):\($0.message)" })
            let more = ([other] + other.others).map { e -> InputError in var one = e; one.others = []; return one }
                .filter { !told.contains("\($0.line ?? 0):\($0.message)") }
            return InputError.combined([first] + more) ?? first
        } catch {}
        return first
    }

    public func parse(_ text: String, file: String, directory: URL? = nil, chain: [String] = []) throws -> Scenario {
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(text, file: file)
        } catch let repeated as InputError where ([repeated] + repeated.others).allSatisfy({ $0.message.contains("appears twice") }) {
            // A repeated key stops the parser: the rest of the file, the repeats left out, is read for its other
            // errors, so that one round of fixes is enough.
            guard let rest = YAMLNode.withoutRepeatedKeys(text) else { throw repeated }
            throw Self.withTheRest(repeated) { _ = try parse(rest, file: file, directory: directory, chain: chain) }
        } catch let typed as InputError where ([typed] + typed.others).allSatisfy({ $0.message.hasPrefix("YAML syntax: a full-width") || $0.message.hasPrefix("YAML syntax: an enumeration comma") }) {
            // Chinese punctuation stops the parser too: the file read as if typed half-width, for its other errors.
            guard let rest = YAMLNode.withFullWidthPunctuationAsASCII(text) else { throw typed }
            throw Self.withTheRest(typed) { _ = try parse(rest, file: file, directory: directory, chain: chain) }
        }
        let known = try root.knownEntries(allowed: Self.topKeys, what: "a scenario (a mapping with keys such as name, targets, sector_plans)")
        let top = known.byKey
        // A sweep or optimisation spec given where a scenario file goes: said as such, not as a list of unknown keys.
        if let wrong = InputFileKind.scenario.wrongKind(root, keys: Set(known.keys), file: file) { throw wrong }
        var scenario: Scenario
        var embeddedBase: InputWarning?
        if let ext = top["extends"] {
            let target = try ext.string().trimmingCharacters(in: .whitespaces)
            guard !target.isEmpty else {
                throw ext.error("'extends' names no file", accepted: "the path of a scenario file, relative to \(file) (for example announced.yaml), or no 'extends' line")
            }
            let base = directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            var url = URL(fileURLWithPath: target, relativeTo: base)
            var canonical = url.standardizedFileURL.resolvingSymlinksInPath().path
            // Named as one can open it from where the command runs: beside the extending file's own name.
            var displayName = target.hasPrefix("/") || !file.contains("/") ? target : Self.joined((file as NSString).deletingLastPathComponent, target)
            if !FileManager.default.fileExists(atPath: canonical), let embedded = DefaultScenarios.embeddedFile(named: target) {
                // Told, so that a local copy that went missing is not silently replaced by the shipped file.
                embeddedBase = InputWarning(file: file, line: ext.line, keyPath: "extends",
                                            message: "there is no '\(target)' beside this file: it extends the embedded \(embedded.lastPathComponent), the shipped scenario (scenarios/\(embedded.lastPathComponent) in the repository)"
                                                + DefaultScenarios.namesakeNote(target, in: base))
                url = embedded
                canonical = embedded.standardizedFileURL.resolvingSymlinksInPath().path
                displayName = "\(embedded.lastPathComponent) (embedded)"
            }
            guard FileManager.default.fileExists(atPath: canonical) else {
                throw ext.error("extends a file that does not exist: '\(target)' (looked for \(url.standardizedFileURL.path))",
                                accepted: "a path relative to \(file), or \(DefaultScenarios.names.map { "'\($0)'" }.joined(separator: " or ")) for the embedded scenario",
                                suggestion: DefaultScenarios.suggestion(for: target))
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: canonical, isDirectory: &isFolder), isFolder.boolValue {
                throw ext.error("extends '\(target)', which is a folder, not a scenario file", accepted: "the path of a scenario file, relative to \(file)")
            }
            guard !chain.contains(canonical) else {
                throw ext.error("'\(target)' extends itself through a cycle")
            }
            guard chain.count < Self.maximumExtendsDepth else {
                let names = chain.map { URL(fileURLWithPath: $0).lastPathComponent }
                let shown = names.count > 6 ? names.prefix(3) + ["..."] + names.suffix(3) : names[...]
                throw ext.error("'extends' chain is more than \(Self.maximumExtendsDepth) files deep: \(shown.joined(separator: " -> ")) -> \(target)",
                                accepted: "at most \(Self.maximumExtendsDepth) files in an extends chain")
            }
            scenario = try load(url: url, displayName: displayName, chain: chain)
            scenario.file = file
            if let w = embeddedBase { scenario.warnings.append(w) }
        } else {
            scenario = Scenario(name: "", file: file)
        }
        let fileName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        scenario.name = try top["name"]?.nonEmptyName(default: fileName) ?? fileName
        scenario.description = try top["description"]?.string() ?? ""
        scenario.descriptionZH = try top["description_zh"]?.string() ?? ""
        // The sections in file order, each read entry by entry in file order: the error reported is the
        // first in the file.
        // Every section is read even after an error in another: all errors of the file are reported.
        var errors = known.errors
        do { try collectingErrors(known.entries) { key, node in
            switch key {
            // `none` drops a target of the file it extends (as in optimisation specs); a file standing alone has none to drop.
            case "targets": scenario.warnings += try readTargets(node, into: &scenario.targets, dropping: top["extends"] != nil)
            case "sector_plans", "measures": try readLevers(node, into: &scenario)
            case "assumptions":
                try collectingErrors(try node.entries(what: "dataset paths with numbers")) { path, node in
                    let value = try node.double()
                    _ = try dataset.applying([(path, value, node)])
                    scenario.assumptions[path] = value
                    if let e = dataset.entry(path), let w = node.assumptionWarning(value, entry: e) { scenario.warnings.append(w) }
                }
            case "accounting":
                for (key, node) in try node.orderedEntries(allowed: Self.accountingKeys) {
                    let field = Self.accountingSwitches.first { $0.key == key }!.field
                    scenario.accounting[keyPath: field] = try node.bool()
                }
            default: break
            }
        } } catch let e as InputError { errors.append(e) }
        errors += historyTeardowns(scenario, file: file)
        if let e = droppedEveryCapError(scenario, root) { errors.append(e) }
        if let w = enforcedCapInObservedYearsWarning(scenario, root) { scenario.warnings.append(w) }
        if var e = InputError.combined(errors) {
            e.warnings = (scenario.warnings + e.warnings).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
            throw e
        }
        if case .mapping(let m) = root.node, m.isEmpty {
            scenario.warnings.append(InputWarning(file: file, line: nil, keyPath: "",
                                                  message: "empty scenario: this runs the frozen-policy baseline (the file has no keys, only blanks or comments)"))
        }
        scenario.warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return scenario
    }

    var horizon: ClosedRange<Int> { dataset.baseYear + 1...dataset.endYear }

    /// `folder/relative` with `.` and `name/..` taken out (`scenarios/forms/../announced.yaml` is `scenarios/announced.yaml`).
    static func joined(_ folder: String, _ relative: String) -> String {
        var parts: [Substring] = []
        for part in (folder + "/" + relative).split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." || (part.isEmpty && !parts.isEmpty) { continue }
            if part == "..", let last = parts.last, !last.isEmpty, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A file that drops every energy cap of a file it extends that enforces dual control: told at this file's
    /// `energy_cap`, where the fix is (the preparation's error would name the extended file's `enforce`, which is right
    /// in its own file).
    func droppedEveryCapError(_ scenario: Scenario, _ root: YAMLNode) -> InputError? {
        guard scenario.enforceDualControl, scenario.targets.energyCap.isEmpty, let at = scenario.enforceDualControlAt,
              at.file != root.file,
              let targets = (try? root.entries())?.first(where: { $0.key == "targets" })?.value,
              let caps = (try? targets.entries())?.first(where: { $0.key == "energy_cap" })?.value else { return nil }
        return caps.error("this file drops every energy cap, and \(at.file) (line \(at.line)) enforces dual control, which needs one",
                          accepted: "a cap kept or given here, or measures: {dual_control: {enforce: false}} in this file")
    }

    /// In history mode an enforced energy cap of an observed year curtails output in the observed years, as a lever
    /// moving in them changes them: said at this file's early cap, or at its `enforce` when the caps are inherited
    /// (a file that does neither carries its extended file's warning).
    func enforcedCapInObservedYearsWarning(_ scenario: Scenario, _ root: YAMLNode) -> InputWarning? {
        guard scenario.enforceDualControl, let n = dataset.history?.lastObservedYear else { return nil }
        let early = scenario.targets.energyCap.keys.filter { $0 <= n }.sorted()
        guard !early.isEmpty else { return nil }
        let message = "an enforced energy cap in \(early.map(String.init).joined(separator: ", ")), at or before \(n), the last observed year (history mode): where it binds, dual control curtails output in the observed years to meet it, so they change; for a cap on later years only, give years after \(n)"
        let targets = (try? root.entries())?.first(where: { $0.key == "targets" })?.value
        let caps = targets.flatMap { (try? $0.entries())?.first(where: { $0.key == "energy_cap" })?.value }
        // A year this file drops (`2025: none`) is no cap of its own.
        if let own = caps.flatMap({ try? $0.entries() })?.first(where: { (Int($0.key) ?? .max) <= n && $0.value.scalarString != "none" }) {
            return InputWarning(file: own.value.file, line: own.value.line, keyPath: "targets.energy_cap.\(own.key)", message: message)
        }
        guard let at = scenario.enforceDualControlAt, at.file == root.file else { return nil }
        return InputWarning(file: at.file, line: at.line, keyPath: "measures.dual_control.enforce", message: message)
    }

    /// Reads `targets:` over `t`: an entry replaces the same kind (and year or plan period), the rest of `t`
    /// stays. With `dropping` (optimisation specs, scenario files that extend another), `none` removes a target of `t`: a whole kind
    /// (`neutrality_year: none`, `energy_cap: none`) or one year or period (`energy_cap: {2035: none}`).
    /// Returns warnings for fractions typed into percent fields.
    @discardableResult
    public func readTargets(_ node: YAMLNode, into t: inout Targets, dropping: Bool = false) throws -> [InputWarning] {
        var warnings: [InputWarning] = []
        func percent(_ v: YAMLNode, in range: ClosedRange<Double>) throws -> Double {
            let x = try v.double(in: range, unit: "%")
            if let w = v.percentWarning(x, unit: "%", range: range) { warnings.append(w) }
            return x
        }
        func isNone(_ v: YAMLNode) -> Bool { v.scalarString?.trimmingCharacters(in: .whitespaces) == "none" }
        func none(_ v: YAMLNode) -> Bool { dropping && isNone(v) }
        // `none` in a file that extends nothing: the parse's own accepted values, with why `none` is not among them.
        let standsAlone = "'none' drops a target of the scenario a file extends, and this file has no 'extends:', so there is no target to drop"
        let leaveOut = "leave the entry out for no target"
        /// `none` over a target the base scenario does not have: nothing to drop, said rather than passed over.
        func dropped(_ v: YAMLNode, had: Bool, _ what: String) {
            guard none(v), !had else { return }
            warnings.append(InputWarning(file: v.file, line: v.line, keyPath: v.keyPath,
                                         message: "'none' drops the base scenario's \(what), and it has none: nothing changes"))
        }
        /// A target's value; nil for `none` where dropping is allowed (and then said among the accepted values).
        func read<T>(_ v: YAMLNode, _ parse: (YAMLNode) throws -> T) throws -> T? {
            guard dropping else {
                do { return try parse(v) } catch let e as InputError where isNone(v) {
                    throw v.error(standsAlone, accepted: (e.accepted.map { $0 + "; " } ?? "") + leaveOut)
                }
            }
            if none(v) { return nil }
            do { return try parse(v) } catch let e as InputError {
                throw InputError(file: e.file, line: e.line, column: e.column, keyPath: e.keyPath, message: e.message,
                                 accepted: (e.accepted.map { $0 + ", or " } ?? "") + "none (drops the base scenario's target)")
            }
        }
        let year = { (v: YAMLNode) in try v.year(in: horizon) }
        /// A ceiling or cap ten times the region's level, or a twentieth of it: probably 万吨 (or 亿吨) typed for Mt.
        func scale(_ v: YAMLNode, _ x: Double, unit: String) -> Double {
            guard let p = parameters else { return x }
            let region = Targets.regionLevel(unit, p)
            if let w = v.statisticalUnitWarning(x, unit: unit, level: region.level, what: region.what, above: Targets.unitAbove, below: Targets.unitBelow) { warnings.append(w) }
            return x
        }
        // The warnings of the entries read before and after an error go with it: told together, not one round each.
        let known = try node.knownEntries(allowed: Self.targetKeys)
        var errors = known.errors
        do { try collectingErrors(known.entries) { key, value in
            let kind = TargetCheck.Kind(rawValue: key)!
            // A whole kind dropped in a file that extends nothing.
            let form: String? = switch kind {
            case .energyIntensityCut, .co2IntensityCut: "plan periods with cuts in %, for example {15th: 13.5}"
            case .energyCap: "years with caps in Mtce, for example {2030: 200}"
            case .nonFossilShare: "years with shares in %, for example {2030: 25}"
            default: nil
            }
            if !dropping, isNone(value), let form { throw value.error(standsAlone, accepted: "\(form); \(leaveOut)") }
            switch kind {
            case .peakYear:
                dropped(value, had: t.peakYear != nil, "peak_year target")
                t.peakYear = try read(value, year)
            case .peakCeiling:
                dropped(value, had: t.peakCeiling != nil, "peak_ceiling target")
                t.peakCeiling = try read(value) { scale($0, try $0.double(in: 1...100_000, unit: "Mt CO2"), unit: "Mt CO2") }
            case .neutralityYear:
                dropped(value, had: t.neutralityYear != nil, "neutrality_year target")
                t.neutralityYear = try read(value, year)
            case .energyIntensityCut, .co2IntensityCut:
                var map = kind == .energyIntensityCut ? t.energyIntensityCut : t.co2IntensityCut
                if none(value) { dropped(value, had: !map.isEmpty, "\(key) targets"); map = [:] } else {
                    try collectingErrors(try readPeriods(value)) { n, v in
                        dropped(v, had: map[n] != nil, "\(key) target for the \(PlanPeriod(number: n).ordinal) plan period (\(PlanPeriod(number: n).startYear)-\(PlanPeriod(number: n).endYear))")
                        map[n] = try read(v) { try percent($0, in: -100...100) }
                    }
                }
                if kind == .energyIntensityCut { t.energyIntensityCut = map } else { t.co2IntensityCut = map }
            case .energyCap, .nonFossilShare:
                let (what, range, unit) = kind == .energyCap ? ("caps in Mtce", 1.0...100_000, "Mtce") : ("shares in %", 0...100, "%")
                var map = kind == .energyCap ? t.energyCap : t.nonFossilShare
                if none(value) { dropped(value, had: !map.isEmpty, "\(key) targets"); map = [:] } else {
                    // A bare number has no year: told with the form that gives one.
                    // One entry typed with a full-width colon ('2030： 25') is a single value too: told as such.
                    if let s = value.scalarString, let note = YAMLNode.fullWidthNote(s) {
                        throw value.error("expected years with \(what), found a single value" + note,
                                          accepted: "years with \(what), for example {\(unit == "%" ? "2030: 25" : "2030: 200")}")
                    }
                    if value.scalarString != nil {
                        throw value.error("expected years with \(what), found a single value",
                                          accepted: "years with \(what), for example {2030: \(value.scalarString!.trimmingCharacters(in: .whitespaces))}")
                    }
                    try collectingErrors(try value.entries(what: "years with \(what)")) { key, v in
                        let y = try yearKey(key, v)
                        dropped(v, had: map[y] != nil, "\(kind.rawValue) target in \(y)")
                        map[y] = try read(v) { unit == "%" ? try percent($0, in: range) : scale($0, try $0.double(in: range, unit: unit), unit: unit) }
                    }
                }
                if kind == .energyCap { t.energyCap = map } else { t.nonFossilShare = map }
            }
        } } catch let e as InputError { errors.append(e) }
        if var e = InputError.combined(errors) {
            e.warnings += warnings
            throw e
        }
        return warnings
    }

    func yearKey(_ key: String, _ node: YAMLNode) throws -> Int {
        guard let y = Int(key) else {
            throw node.error("'\(key)' is not a year" + (YAMLNode.fullWidthNote(key) ?? ""), accepted: "years \(horizon.lowerBound) to \(horizon.upperBound)",
                             suggestion: YAMLNode.yearWritten(key).map(String.init))
        }
        guard horizon.contains(y) else {
            throw node.error("year \(y) is outside the model horizon", accepted: "\(horizon.lowerBound) to \(horizon.upperBound)")
        }
        return y
    }

    /// Keys like `14th`, `14` or `十四五`: five-year plan periods inside the horizon, with their value nodes.
    func readPeriods(_ node: YAMLNode) throws -> [(period: Int, value: YAMLNode)] {
        let periods = PlanPeriod.covering(from: dataset.baseYear, to: dataset.endYear)
        let accepted = periods.map(\.ordinal).joined(separator: ", ")
        // One period written two ways (十六五 and 16th) would be last-one-wins, silently.
        var seen: [Int: (key: String, line: Int?)] = [:]
        return try node.entries(what: "plan periods (14th, 15th, ...) with cuts in %").map { key, value in
            guard let period = PlanPeriod.named(key, among: periods) else {
                // A year where a period goes: the period it falls in.
                if let y = Int(key), let p = periods.first(where: { ($0.startYear...$0.endYear).contains(y) }) {
                    throw value.error("'\(key)' is a year, not a plan period: a cut is over a five-year plan period, and \(y) falls in the \(p.ordinal) (\(p.startYear)-\(p.endYear))",
                                      accepted: accepted + " (or 15, 十五五)", suggestion: p.ordinal)
                }
                throw value.error("'\(key)' is not a plan period inside the horizon", accepted: accepted + " (or 15, 十五五)")
            }
            if let first = seen[period.number] {
                throw value.error("'\(key)' is the \(period.ordinal) plan period, already given as '\(first.key)'\(first.line.map { " on line \($0)" } ?? "")",
                                  accepted: "each plan period once")
            }
            seen[period.number] = (key, value.line)
            return (period.number, value)
        }
    }

    /// Walks `sector_plans` / `measures` down to lever settings, checking each level against the catalog.
    func readLevers(_ node: YAMLNode, into scenario: inout Scenario) throws {
        let path = node.keyPath
        if path == "measures.dual_control" {
            let e = try node.entries(allowed: ["enforce"], what: "a mapping {enforce: true} or {enforce: false}")
            if let v = e["enforce"] {
                scenario.enforceDualControl = try v.bool()
                scenario.enforceDualControlAt = v.node.mark.map { (v.file, $0.line, $0.column) }
            }
            return
        }
        if let lever = LeverRegistry.lever(path) {
            let inherited = scenario.levers[path]
            scenario.levers[path] = try setting(node, lever, inherited: inherited, warnings: &scenario.warnings)
            // Removals of a quarter of the region's CO2 or more: probably 万吨 typed for Mt.
            if lever.unit == .megatonnesCO2PerYear, let p = parameters,
               let w = node.statisticalUnitWarning(lever.finalLevel(scenario.levers[path]!, p), unit: lever.unit.rawValue, level: p.ceads.total,
                                                   what: "the region's \(p.baseYear) CO2", above: 0.25) {
                scenario.warnings.append(w)
            }
            // The highest level the setting reaches at a milestone (a path may start above and end below).
            if let p = parameters, lever.onlyLowers != nil, case let setting = scenario.levers[path]!, case let schedule = lever.schedule(setting, p),
               let highest = setting.milestones.map({ lever.level(schedule, at: Double($0.year + 1).nextDown, p) }).max(),
               let w = node.onlyLowersWarning(lever, highest, p) {
                scenario.warnings.append(w)
            }
            if let inherited {
                let new = scenario.levers[path]!, source = scenario.leverSources[path]
                // One warning about the years a replacement changes: through N if it changes them, else those before its start.
                if let w = replacedHistoryWarning(node, lever, inherited, new, from: source) ?? droppedEarlyMovesWarning(node, lever, inherited, new, from: source) {
                    scenario.warnings.append(w)
                }
                if let w = droppedMilestonesWarning(node, lever, inherited, new, from: source) { scenario.warnings.append(w) }
            }
            if scenario.levers[path]!.form == .delta {
                // A delta over a delta extends what the first one extends.
                scenario.extendedLeverSources[path] = inherited?.form == .delta ? scenario.extendedLeverSources[path] : scenario.leverSources[path]
            } else {
                scenario.extendedLeverSources[path] = nil
            }
            scenario.leverSources[path] = SourcePosition(file: node.file, line: node.line, column: node.node.mark?.column)
            return
        }
        // An inner level: its keys must lead to levers.
        var allowed = Set(LeverRegistry.all.compactMap { l -> String? in
            guard l.path.hasPrefix(path + ".") else { return nil }
            return String(l.path.dropFirst(path.count + 1).split(separator: ".").first!)
        }).sorted()
        if path == "measures" { allowed.append("dual_control") }
        // The known keys are read even beside an unknown one: every error of the file is told at once.
        let what = "a mapping of \(allowed.joined(separator: ", "))"
        let children = try node.entries(what: what)
        var errors: [InputError] = []
        do { _ = try node.entries(allowed: allowed, what: what) } catch let e as InputError { errors.append(e) }
        do {
            try collectingErrors(children.filter { allowed.contains($0.key) }) { _, child in try readLevers(child, into: &scenario) }
        } catch let e as InputError { errors.append(e) }
        if let e = InputError.combined(errors) { throw Self.suggestingElsewhere(e) }
    }

    /// One lever's setting in any of its forms: a bare number, `{target, start, full, shape}`,
    /// `{path: {year: level, ...}, start, shape}` or `{delta: number | {year: change}, start, full, shape}`.
    /// A delta adds to `inherited`, the setting of the scenario this one extends (nil: the baseline).
    func setting(_ node: YAMLNode, _ lever: Lever, inherited: LeverSetting?, warnings: inout [InputWarning]) throws -> LeverSetting {
        let defaultStart = dataset.baseYear + 2
        let unit = lever.unit.rawValue
        let rangeText = "\(format(lever.range.lowerBound)) to \(format(lever.range.upperBound)) \(unit)"
        func level(_ n: YAMLNode) throws -> Double {
            let v = try n.double(in: lever.range, unit: unit)
            if lever.unit.isPercent, let w = n.percentWarning(v, unit: unit, range: lever.range) { warnings.append(w) }
            return v
        }
        let setting: LeverSetting
        var startWritten = false, fullWritten = false, startInherited = false
        if node.scalarString != nil {
            setting = LeverSetting(target: try level(node), start: defaultStart, full: defaultStart, shape: .linear)
        } else {
            let e = try node.entries(allowed: Self.leverFields,
                                     what: "a lever {target, start, full, shape}, {path: {year: level}, start, shape} or {delta, start, full, shape}")
            let forms = ["target", "path", "delta"].filter { e[$0] != nil }
            guard forms.count == 1 else {
                throw node.error(forms.isEmpty ? "a lever needs a 'target', a 'path' or a 'delta' (in \(unit))"
                                               : "a lever takes one of 'target', 'path' and 'delta', not \(forms.joined(separator: " and "))",
                                 accepted: "target: \(rangeText); path: {2025: level, 2030: level}; delta: a change over the extended scenario")
            }
            startWritten = e["start"] != nil
            fullWritten = e["full"] != nil
            let start = try e["start"]?.year(in: horizon) ?? defaultStart
            if let t = e["target"] {
                let full = try e["full"]?.year(in: horizon) ?? start
                if full < start, let f = e["full"] {
                    throw f.error("the full-effect year \(full) is before the start year \(start)", accepted: "\(start) to \(horizon.upperBound)")
                }
                setting = LeverSetting(target: try level(t), start: start, full: full, shape: try e["shape"]?.choice(RampShape.self) ?? .linear)
            } else if let pathNode = e["path"] {
                if let f = e["full"] { throw f.error("a path's milestones give their own years; 'full' goes with 'target' or 'delta'") }
                let milestones = try milestones(pathNode, shapes: e["shape"], start: start, value: level)
                setting = LeverSetting(form: .path, start: start, milestones: milestones)
            } else {
                let d = e["delta"]!
                let width = lever.range.upperBound - lever.range.lowerBound
                func change(_ n: YAMLNode) throws -> Double {
                    let v = try n.double(in: -width...width, unit: unit)
                    if lever.unit.isPercent, let w = n.percentWarning(v, unit: unit, range: -width...width) { warnings.append(w) }
                    return v
                }
                let over: LeverSetting.Base = inherited.map { .setting($0) } ?? .baseline
                if d.scalarString != nil {
                    // Without its own start and full, a delta follows the schedule of the setting it extends.
                    let ownStart = try e["start"]?.year(in: horizon), ownFull = try e["full"]?.year(in: horizon)
                    setting = LeverSetting.delta(try change(d), over: inherited, start: ownStart, full: ownFull,
                                                 shape: try e["shape"]?.choice(RampShape.self) ?? .linear, defaultStart: defaultStart)
                    // `LeverSetting.delta` moves a full year before the start up to it; a file says which it meant.
                    let begin = setting.start, full = ownFull ?? inherited?.full ?? begin
                    if full < begin, let f = e["full"] ?? e["start"] {
                        // A start given after the extended setting is complete needs a full year of its own.
                        let advice = ownFull == nil ? " (the setting it extends is complete by \(full)): give a full-effect year too, for example full: \(max(begin, dataset.baseYear + 11))" : ""
                        throw f.error("the delta's full-effect year \(full) is before its start year \(begin)\(advice)", accepted: "\(begin) to \(horizon.upperBound)")
                    }
                } else {
                    if let f = e["full"] { throw f.error("a delta path's milestones give their own years; 'full' goes with a single delta") }
                    // Milestones read against the earliest start, then begun with the extended setting where they allow.
                    let ms = try milestones(d, shapes: e["shape"], start: start, value: change)
                    let begin = startWritten ? start : LeverSetting.deltaStart(over: inherited, firstYear: ms.first?.year, defaultStart: defaultStart)
                    setting = LeverSetting(form: .delta, start: begin, milestones: ms, over: over)
                }
                startInherited = !startWritten && setting.start != defaultStart
            }
        }
        try checkLevels(setting, lever, node)
        // In history mode a move whose start is left to the default (2021) changes the observed years: said, since a
        // plan for the 15th period rarely means it. Wind and solar follow history and have their own notes.
        // Nor a level the lever has anyway (`sinks: 0`): it changes nothing, in the observed years or after.
        let atBaseline: Bool = {
            guard setting.form != .delta, case .level(let level) = lever.baseline, let p = parameters else { return false }
            return setting.milestones.allSatisfy { abs($0.value - level(p)) <= 1e-9 * max(1, abs($0.value)) }
        }()
        let noChange = atBaseline || setting.form == .delta && setting.milestones.allSatisfy { $0.value == 0 }
        if !startWritten, !noChange, let history = dataset.history, !HistoryMode.followedPaths.contains(lever.path), setting.start <= history.lastObservedYear {
            let n = history.lastObservedYear
            let moves = startInherited ? "the delta follows the schedule of the setting it extends, from \(setting.start)" : "the lever moves from \(setting.start)"
            // A delta reached by the extended setting's full year at or before N needs a later full year with the later start.
            let full = setting.form == .delta && setting.full <= n && !fullWritten && setting.milestones.count == 1 ? ", full: \(n + 5)" : ""
            warnings.append(InputWarning(file: node.file, line: node.line, keyPath: lever.path,
                                         message: "no start year given: \(moves), inside the observed years \(history.observedYears.lowerBound)-\(n) (history mode), so it changes them; for a move after them, give start: \(n + 1)\(full)"))
        }
        return setting
    }

    /// `{year: value}` milestones, each year inside the horizon and not before `start`; `shapes` is one shape
    /// for every segment or `{year: shape}` per milestone.
    func milestones(_ node: YAMLNode, shapes: YAMLNode?, start: Int, value: (YAMLNode) throws -> Double) throws -> [Milestone] {
        var perYear: [Int: RampShape] = [:]
        var shared = RampShape.linear
        if let shapes {
            if shapes.scalarString != nil { shared = try shapes.choice(RampShape.self) } else {
                for (key, n) in try shapes.entries(what: "a shape, or milestone years with shapes") { perYear[try yearKey(key, n)] = try n.choice(RampShape.self) }
            }
        }
        var result: [Milestone] = []
        // Every milestone is read: a year outside the horizon and a bad level in the same path are told together.
        try collectingErrors(try node.entries(what: "milestone years with levels, for example {2025: 150, 2030: 300}")) { key, n in
            let year = try yearKey(key, n)
            guard year >= start else {
                throw n.error("milestone \(year) is before the start year \(start)", accepted: "years \(start) to \(horizon.upperBound), or an earlier 'start'")
            }
            result.append(Milestone(year: year, value: try value(n), shape: perYear[year] ?? shared))
        }
        guard !result.isEmpty else { throw node.error("a path needs at least one milestone", accepted: "{2025: level, 2030: level}") }
        if let shapes, !perYear.isEmpty {
            for y in perYear.keys where !result.contains(where: { $0.year == y }) {
                throw shapes.error("a shape for \(y), which is not a milestone", accepted: result.map { String($0.year) }.joined(separator: ", "))
            }
        }
        return result.sorted { $0.year < $1.year }
    }

    /// In history mode, the levers history follows (wind, solar) that this file sets, merged with the observed
    /// capacities and checked as a run checks them, so that their errors are told with the file's others, in file
    /// order (`checkLevels` leaves them to this).
    func historyTeardowns(_ scenario: Scenario, file: String) -> [InputError] {
        guard let history = dataset.history, let p = parameters else { return [] }
        let here = HistoryMode.followedPaths.filter { scenario.leverSources[$0]?.file == file && scenario.levers[$0] != nil }
        guard !here.isEmpty else { return [] }
        var levers = LeverSettings(baselineFor: p)
        for (path, s) in scenario.levers { if let lever = LeverRegistry.lever(path) { levers.set(lever, s, parameters: p) } }
        return PreparedScenario.mergedTeardowns(&levers, settings: scenario.levers, history: history, parameters: p, file: file,
                                                sources: scenario.leverSources, only: Set(here)).errors
    }

    /// A build-out lever cannot take capacity down, and a resolved level must stay inside the lever's range.
    func checkLevels(_ setting: LeverSetting, _ lever: Lever, _ node: YAMLNode) throws {
        guard let p = parameters else { return }
        let schedule = lever.schedule(setting, p)
        // A lever history follows is checked once merged with the observed capacities (`PreparedScenario.apply`):
        // here its "installed" would be the unobserved trend's.
        if dataset.history != nil && HistoryMode.followedPaths.contains(lever.path) { return }
        if let v = PreparedScenario.limitViolation(lever, schedule, p) {
            throw node.error((setting.form == .delta ? "with the delta, " : "") + v.message, accepted: v.accepted)
        }
        if setting.form == .delta {
            for r in schedule.ramps {
                let v = lever.level(schedule, at: Double(r.full + 1).nextDown, p)
                if !lever.range.contains(v) {
                    throw node.error("with the delta the lever reaches \(format(v)) \(lever.unit.rawValue) at the end of \(r.full), outside its range",
                                     accepted: "\(format(lever.range.lowerBound)) to \(format(lever.range.upperBound)) \(lever.unit.rawValue)")
                }
            }
        }
    }
}
