import Foundation
import Simulator

/// Reads scenario files: YAML in the "1+N+X" shape, with `extends:` resolved relative to the file.
public struct ScenarioLoader {
    public let dataset: Dataset

    public init(dataset: Dataset) { self.dataset = dataset }

    static let topKeys = ["name", "description", "extends", "targets", "sector_plans", "measures", "assumptions", "accounting"]
    static let targetKeys = TargetCheck.Kind.allCases.map(\.rawValue)
    static let leverFields = ["target", "start", "full", "shape"]
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
            throw InputError(file: displayName, message: "no such scenario file")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw InputError(file: displayName, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text, file: displayName, directory: url.deletingLastPathComponent(), chain: chain + [canonical])
    }

    /// Parses scenario text; `directory` resolves `extends:`.
    public func parse(_ text: String, file: String, directory: URL? = nil, chain: [String] = []) throws -> Scenario {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.entries(allowed: Self.topKeys, what: "a scenario (a mapping with keys such as name, targets, sector_plans)")
        var scenario: Scenario
        if let ext = top["extends"] {
            let target = try ext.string()
            let base = directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let url = URL(fileURLWithPath: target, relativeTo: base)
            let canonical = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard FileManager.default.fileExists(atPath: canonical) else {
                throw ext.error("extends a file that does not exist: '\(target)' (looked for \(url.standardizedFileURL.path))",
                                accepted: "a path relative to \(file)")
            }
            guard !chain.contains(canonical) else {
                throw ext.error("'\(target)' extends itself through a cycle")
            }
            scenario = try load(url: url, displayName: target, chain: chain)
            scenario.file = file
        } else {
            scenario = Scenario(name: "", file: file)
        }
        scenario.name = try top["name"]?.string() ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        scenario.description = try top["description"]?.string() ?? ""
        if let t = top["targets"] { try readTargets(t, into: &scenario.targets) }
        if let n = top["sector_plans"] { try readLevers(n, into: &scenario) }
        if let x = top["measures"] { try readLevers(x, into: &scenario) }
        if let a = top["assumptions"] {
            for (path, node) in try a.entries(what: "dataset paths with numbers") {
                let value = try node.double()
                _ = try dataset.applying([(path, value, node)])
                scenario.assumptions[path] = value
            }
        }
        if let acc = top["accounting"] {
            for (key, node) in try acc.entries(allowed: Self.accountingKeys) {
                let field = Self.accountingSwitches.first { $0.key == key }!.field
                scenario.accounting[keyPath: field] = try node.bool()
            }
        }
        return scenario
    }

    var horizon: ClosedRange<Int> { dataset.baseYear + 1...dataset.endYear }

    /// Reads `targets:` over `t`: an entry replaces the same kind (and year or plan period), the rest of `t`
    /// stays. With `dropping` (optimisation specs), `none` removes a target of `t`: a whole kind
    /// (`neutrality_year: none`, `energy_cap: none`) or one year or period (`energy_cap: {2035: none}`).
    public func readTargets(_ node: YAMLNode, into t: inout Targets, dropping: Bool = false) throws {
        func none(_ v: YAMLNode) -> Bool { dropping && v.scalarString?.trimmingCharacters(in: .whitespaces) == "none" }
        /// A target's value; nil for `none` where dropping is allowed (and then said among the accepted values).
        func read<T>(_ v: YAMLNode, _ parse: (YAMLNode) throws -> T) throws -> T? {
            guard dropping else { return try parse(v) }
            if none(v) { return nil }
            do { return try parse(v) } catch let e as InputError {
                throw InputError(file: e.file, line: e.line, column: e.column, keyPath: e.keyPath, message: e.message,
                                 accepted: (e.accepted.map { $0 + ", or " } ?? "") + "none (drops the base scenario's target)")
            }
        }
        let year = { (v: YAMLNode) in try v.year(in: horizon) }
        for (key, value) in try node.entries(allowed: Self.targetKeys) {
            let kind = TargetCheck.Kind(rawValue: key)!
            switch kind {
            case .peakYear: t.peakYear = try read(value, year)
            case .peakCeiling: t.peakCeiling = try read(value) { try $0.double(in: 1...100_000, unit: "Mt CO2") }
            case .neutralityYear: t.neutralityYear = try read(value, year)
            case .energyIntensityCut, .co2IntensityCut:
                var map = kind == .energyIntensityCut ? t.energyIntensityCut : t.co2IntensityCut
                if none(value) { map = [:] } else {
                    for (n, v) in try readPeriods(value) { map[n] = try read(v) { try $0.double(in: -100...100, unit: "%") } }
                }
                if kind == .energyIntensityCut { t.energyIntensityCut = map } else { t.co2IntensityCut = map }
            case .energyCap, .nonFossilShare:
                let (what, range, unit) = kind == .energyCap ? ("caps in Mtce", 1.0...100_000, "Mtce") : ("shares in %", 0...100, "%")
                var map = kind == .energyCap ? t.energyCap : t.nonFossilShare
                if none(value) { map = [:] } else {
                    for (key, v) in try value.entries(what: "years with \(what)") {
                        map[try yearKey(key, v)] = try read(v) { try $0.double(in: range, unit: unit) }
                    }
                }
                if kind == .energyCap { t.energyCap = map } else { t.nonFossilShare = map }
            }
        }
    }

    func yearKey(_ key: String, _ node: YAMLNode) throws -> Int {
        guard let y = Int(key) else { throw node.error("'\(key)' is not a year", accepted: "years \(horizon.lowerBound) to \(horizon.upperBound)") }
        guard horizon.contains(y) else {
            throw node.error("year \(y) is outside the model horizon", accepted: "\(horizon.lowerBound) to \(horizon.upperBound)")
        }
        return y
    }

    /// Keys like `14th` or `14`: five-year plan periods inside the horizon, with their value nodes.
    func readPeriods(_ node: YAMLNode) throws -> [(period: Int, value: YAMLNode)] {
        let periods = PlanPeriod.covering(from: dataset.baseYear, to: dataset.endYear)
        let accepted = periods.map(\.ordinal).joined(separator: ", ")
        return try node.entries(what: "plan periods (14th, 15th, ...) with cuts in %").map { key, value in
            let digits = key.prefix { $0.isNumber }
            guard let n = Int(digits), periods.contains(PlanPeriod(number: n)),
                  key == String(n) || key == PlanPeriod(number: n).ordinal else {
                throw value.error("'\(key)' is not a plan period inside the horizon", accepted: accepted)
            }
            return (n, value)
        }
    }

    /// Walks `sector_plans` / `measures` down to lever settings, checking each level against the catalog.
    func readLevers(_ node: YAMLNode, into scenario: inout Scenario) throws {
        let path = node.keyPath
        if path == "measures.dual_control" {
            let e = try node.entries(allowed: ["enforce"])
            if let v = e["enforce"] { scenario.enforceDualControl = try v.bool() }
            return
        }
        if let lever = LeverCatalog.lever(path) {
            scenario.levers[path] = try setting(node, lever)
            return
        }
        // An inner level: its keys must lead to levers.
        var allowed = Set(LeverCatalog.all.compactMap { l -> String? in
            guard l.path.hasPrefix(path + ".") else { return nil }
            return String(l.path.dropFirst(path.count + 1).split(separator: ".").first!)
        }).sorted()
        if path == "measures" { allowed.append("dual_control") }
        for (_, child) in try node.entries(allowed: allowed, what: "a mapping of \(allowed.joined(separator: ", "))") {
            try readLevers(child, into: &scenario)
        }
    }

    func setting(_ node: YAMLNode, _ lever: LeverDefinition) throws -> LeverSetting {
        let defaultStart = dataset.baseYear + 2
        if node.scalarString != nil {
            let target = try node.double(in: lever.range, unit: lever.unit)
            return LeverSetting(target: target, start: defaultStart, full: defaultStart, shape: .linear)
        }
        let e = try node.entries(allowed: Self.leverFields, what: "a lever {target, start, full, shape}")
        guard let t = e["target"] else {
            throw node.error("a lever needs a 'target' in \(lever.unit)", accepted: "\(format(lever.range.lowerBound)) to \(format(lever.range.upperBound)) \(lever.unit)")
        }
        let target = try t.double(in: lever.range, unit: lever.unit)
        let start = try e["start"]?.year(in: horizon) ?? defaultStart
        let full = try e["full"]?.year(in: horizon) ?? start
        if full < start, let f = e["full"] {
            throw f.error("the full-effect year \(full) is before the start year \(start)", accepted: "\(start) to \(horizon.upperBound)")
        }
        let shape = try e["shape"]?.choice(RampShape.self) ?? .linear
        return LeverSetting(target: target, start: start, full: full, shape: shape)
    }
}
