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

    public func readTargets(_ node: YAMLNode, into t: inout Targets) throws {
        for (key, value) in try node.entries(allowed: Self.targetKeys) {
            switch TargetCheck.Kind(rawValue: key)! {
            case .peakYear: t.peakYear = try value.year(in: horizon)
            case .peakCeiling: t.peakCeiling = try value.double(in: 1...100_000, unit: "Mt CO2")
            case .neutralityYear: t.neutralityYear = try value.year(in: horizon)
            case .energyIntensityCut: try readPeriods(value, unit: "%", into: &t.energyIntensityCut)
            case .co2IntensityCut: try readPeriods(value, unit: "%", into: &t.co2IntensityCut)
            case .energyCap:
                for (year, v) in try value.entries(what: "years with caps in Mtce") {
                    let y = try yearKey(year, v)
                    t.energyCap[y] = try v.double(in: 1...100_000, unit: "Mtce")
                }
            case .nonFossilShare:
                for (year, v) in try value.entries(what: "years with shares in %") {
                    let y = try yearKey(year, v)
                    t.nonFossilShare[y] = try v.double(in: 0...100, unit: "%")
                }
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

    /// Keys like `14th` or `14`: five-year plan periods inside the horizon.
    func readPeriods(_ node: YAMLNode, unit: String, into map: inout [Int: Double]) throws {
        let periods = PlanPeriod.covering(from: dataset.baseYear, to: dataset.endYear)
        let accepted = periods.map(\.ordinal).joined(separator: ", ")
        for (key, value) in try node.entries(what: "plan periods (14th, 15th, ...) with cuts in %") {
            let digits = key.prefix { $0.isNumber }
            guard let n = Int(digits), periods.contains(PlanPeriod(number: n)),
                  key == String(n) || key == PlanPeriod(number: n).ordinal else {
                throw value.error("'\(key)' is not a plan period inside the horizon", accepted: accepted)
            }
            map[n] = try value.double(in: -100...100, unit: unit)
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
