import Foundation
import Simulator

/// A regional dataset: sourced numbers by path, plus known facts to check a baseline against.
/// `modelParameters(assumptions:)` turns it into the core's inputs.
public struct Dataset: Sendable {
    public let file: String
    public let region: String
    public let regionZH: String
    public let baseYear: Int
    /// The last year run (`ending(after:)` shortens it for history mode's fits).
    public private(set) var endYear: Int
    /// The dataset's observations file (`observations:` key), a CSV file named relative to the dataset
    /// file (for the embedded dataset: a resource next to it); nil when the region has none.
    public let observations: String?
    /// Entries in file order.
    public private(set) var entries: [DatasetEntry]
    public let facts: [Fact]
    /// History mode, when the dataset follows its observations (`inHistoryMode`); nil otherwise.
    public internal(set) var history: HistoryMode? = nil
    /// Fingerprint of the dataset file's text (FNV-1a), shown in workbooks (kept in history mode).
    public internal(set) var checksum: String
    /// What sweep results are stored with: the checksum, and in history mode " history " and a fingerprint of
    /// the observations followed and what the fits found, so that a sweep never resumes across a change of either.
    public var identityChecksum: String {
        guard let h = history else { return checksum }
        return checksum + " history " + fingerprint(h.checksum + " " + String(h.lastObservedYear) + " " + h.fitFingerprint)
    }
    /// The dataset run only through the year after `year` (history mode's fits need nothing later, and the
    /// years run do not depend on the horizon). For runs only: written back, it would keep the shorter horizon.
    func ending(after year: Int) -> Dataset {
        var d = self
        d.endYear = min(endYear, max(year + 1, baseYear + 1))
        return d
    }

    /// Activity keys in file order (the order matters to nobody but reports).
    let activityKeys: [String]
    private var index: [String: Int]
    /// The core's parameters built from the entries, and how to set each numeric path on them.
    private var parameters = ModelParameters()
    private var bindings: [String: ParameterBinding] = [:]
    private var checks: [String: ValueCheck] = [:]

    public struct Fact: Sendable {
        public let quantity: String
        public let year: Int
        public let value: Double
        public let unit: String
        /// Accepted relative deviation of the baseline from the fact.
        public let tolerance: Double
        public let source: String
    }

    public func entry(_ path: String) -> DatasetEntry? { index[path].map { entries[$0] } }

    /// The embedded default dataset (Inner Mongolia).
    public static func innerMongolia() throws -> Dataset {
        guard let url = Bundle.module.url(forResource: "inner-mongolia", withExtension: "yaml") else {
            throw InputError(file: "inner-mongolia.yaml", message: "the embedded dataset is missing from the package resources")
        }
        return try load(url: url, displayName: "inner-mongolia.yaml (embedded)")
    }

    public static func load(url: URL, displayName: String? = nil) throws -> Dataset {
        let name = displayName ?? url.path
        let text = try readInputFile(url, displayName: name, what: "dataset")
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String) throws -> Dataset {
        let root = try YAMLNode.parse(text, file: file)
        if let keys = try? Set(root.entries().map(\.key)), let wrong = InputFileKind.dataset.wrongKind(root, keys: keys, file: file) { throw wrong }
        let top = try root.entries(allowed: ["region", "region_zh", "base_year", "end_year", "emission_factors",
                                             "ceads_2019", "economy", "products", "activities", "power", "heat_supply", "energy_statistics", "hydrogen", "fly_ash",
                                             "ccus", "sinks", "industry_policy", "dual_control", "costs", "facts",
                                             "observations"])
        func required(_ key: String) throws -> YAMLNode {
            guard let n = top[key] else { throw root.error("missing key '\(key)'") }
            return n
        }
        // Every problem of the file is reported at once, in file order: the values' form here, then
        // (once every value has a form) what the model accepts.
        var entries: [DatasetEntry] = []
        var errors: [InputError] = []
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let e as InputError { errors.append(e) } catch { errors.append(InputError(file: file, message: "\(error)")) }
        }
        for (key, node) in try root.entries() where !["region", "region_zh", "base_year", "end_year", "facts", "observations"].contains(key) {
            collect { try flatten(node, into: &entries, errors: &errors) }
        }
        let activityKeys = (try? top["activities"].map { try $0.entries().map(\.key) }) ?? []
        var facts: [Fact] = []
        collect { facts = try top["facts"].map { try parseFacts($0, errors: &errors) } ?? [] }
        // The horizon is bounded: every run allocates per year, and a base year outside these bounds has no data.
        var baseYear = 0, endYear = 0, region = "", regionZH = ""
        collect {
            let baseNode = try required("base_year")
            baseYear = try baseNode.int()
            guard baseYearRange.contains(baseYear) else {
                throw baseNode.error("base year \(baseYear) is out of range", accepted: "\(baseYearRange.lowerBound) to \(baseYearRange.upperBound)")
            }
            let endNode = try required("end_year")
            endYear = try endNode.int()
            let endRange = baseYear + 1...baseYear + maximumHorizon
            guard endRange.contains(endYear) else {
                throw endNode.error("end year \(endYear) must be after the base year \(baseYear) and at most \(maximumHorizon) years after it",
                                    accepted: "\(endRange.lowerBound) to \(endRange.upperBound)")
            }
        }
        collect { region = try required("region").string() }
        collect { regionZH = try top["region_zh"]?.string() ?? "" }
        var observations: String?
        collect { observations = try top["observations"].map(observationsName) }
        let horizonKnown = baseYear != 0 && endYear != 0
        if !errors.isEmpty && !horizonKnown, let e = InputError.combined(errors) { throw e }
        var dataset = Dataset(file: file, region: region, regionZH: regionZH,
                              baseYear: baseYear, endYear: endYear,
                              observations: observations,
                              entries: entries, facts: facts, checksum: fingerprint(text), activityKeys: activityKeys,
                              index: Dictionary(entries.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a }))
        // Building the parameters once checks every key and value now, not at the first run. With values
        // already refused, what the model says of the others is added, except "missing" for those refused.
        let refused = errors.flatMap { [$0] + $0.others }.map(\.keyPath)
        do {
            (dataset.parameters, dataset.bindings, dataset.checks) = try dataset.build(refused: refused)
        } catch let e as InputError where !errors.isEmpty {
            var first = e
            first.others = []
            errors += ([first] + e.others).filter { b in !refused.contains { $0 == b.keyPath || $0.hasPrefix(b.keyPath + ".") } }
        }
        if let e = InputError.combined(errors) { throw e }
        return dataset
    }

    /// The `observations:` value: a CSV file name (a relative path), checked to be one.
    private static func observationsName(_ node: YAMLNode) throws -> String {
        let name = try node.string().trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.lowercased().hasSuffix(".csv") else {
            throw node.error("'\(name)' is not an observations file name", accepted: "a CSV file name next to the dataset, for example inner-mongolia-observations.csv")
        }
        return name
    }

    /// Accepted base years, and the longest horizon (end year minus base year).
    public static let baseYearRange = 1990...2100
    public static let maximumHorizon = 100

    private static let leafKeys: Set<String> = ["value", "years", "values", "coal", "coke", "oil", "gas"]

    /// Walks nested mappings down to sourced leaves.
    private static func flatten(_ node: YAMLNode, into entries: inout [DatasetEntry], errors: inout [InputError]) throws {
        switch node.node {
        case .mapping:
            let e = try node.entries()
            // A leaf holds numbers under its value keys; a group holds more mappings.
            if e.contains(where: { leafKeys.contains($0.key) && $0.value.scalarString != nil || $0.key == "years" }) {
                entries.append(try leaf(node))
            } else {
                for (_, child) in e {
                    do { try flatten(child, into: &entries, errors: &errors) } catch let e as InputError { errors.append(e) }
                }
            }
        case .scalar:
            let s = try node.string()
            let value: DatasetEntry.Value
            switch s.lowercased() {
            case "true": value = .flag(true)
            case "false": value = .flag(false)
            default: value = .text(s)
            }
            entries.append(DatasetEntry(path: node.keyPath, value: value, unit: "", source: "", estimate: false,
                                        range: nil, line: node.line))
        default:
            throw node.error("expected a sourced value ({value, unit, source}) or a group of them")
        }
    }

    private static func leaf(_ node: YAMLNode) throws -> DatasetEntry {
        let e = try node.entries(allowed: ["value", "years", "values", "coal", "coke", "oil", "gas", "unit", "source",
                                           "estimate", "range", "range_scale", "note"])
        guard let sourceNode = e["source"] else {
            throw node.error("every dataset value needs a 'source' (an estimate says so with estimate: true)")
        }
        let estimate = try e["estimate"]?.bool() ?? false
        var range: ClosedRange<Double>?
        if let r = e["range"] ?? e["range_scale"] {
            let bounds = try r.doubles()
            guard bounds.count == 2, bounds[0] <= bounds[1] else { throw r.error("a range is [low, high]") }
            range = bounds[0]...bounds[1]
        }
        if estimate && range == nil {
            throw node.error("an estimate needs a 'range' (or 'range_scale' for a series): it is an uncertain parameter")
        }
        let value: DatasetEntry.Value
        if let v = e["value"] {
            value = .scalar(try v.double())
            if let range, case .scalar(let x) = value, e["range"] != nil, !range.contains(x) {
                throw v.error("\(format(x)) lies outside its own range", accepted: "\(range)")
            }
        } else if let y = e["years"], let v = e["values"] {
            let years = try y.doubles(), values = try v.doubles()
            guard years.count == values.count || years.count == values.count + 1 else {
                throw v.error("\(values.count) values for \(years.count) years")
            }
            value = .series(years: years, values: values)
        } else {
            var f = FuelVector()
            for fuel in Fuel.allCases {
                guard let n = e[fuel.key] else { throw node.error("missing fuel '\(fuel.key)'", accepted: "coal, coke, oil, gas") }
                f[fuel] = try n.double()
            }
            value = .fuels(f)
        }
        return DatasetEntry(path: node.keyPath, value: value, unit: try e["unit"]?.string() ?? "",
                            source: try sourceNode.string(), estimate: estimate, range: range, line: node.line)
    }

    private static func parseFacts(_ node: YAMLNode, errors: inout [InputError]) throws -> [Fact] {
        guard case .sequence(let seq) = node.node else { throw node.error("facts are a list") }
        var facts: [Fact] = []
        for (i, n) in seq.enumerated() {
            let f = YAMLNode(node: n, file: node.file, path: node.path + ["\(i)"])
            do {
                let e = try f.entries(allowed: ["quantity", "year", "value", "unit", "tolerance", "source"])
                func get(_ k: String) throws -> YAMLNode {
                    guard let v = e[k] else { throw f.error("a fact needs '\(k)'") }
                    return v
                }
                facts.append(Fact(quantity: try get("quantity").string(), year: try get("year").int(), value: try get("value").double(),
                                  unit: try e["unit"]?.string() ?? "", tolerance: try get("tolerance").double(),
                                  source: try get("source").string()))
            } catch let e as InputError { errors.append(e) }
        }
        return facts
    }

    /// The core's parameters at baseline levers.
    public func modelParameters() throws -> ModelParameters { parameters }

    /// How to set a numeric dataset path directly on parameters (for sweeps); nil for unknown paths.
    /// A scale factor (an assumption, a sweep factor) moves a series from its first element `firstScaledIndex` on.
    public func binding(_ path: String) -> ParameterBinding? {
        guard case .scaled(let kps, _) = bindings[path], let first = firstScaledIndex(path) else { return bindings[path] }
        return .scaled(kps, from: first)
    }

    /// The first element of `path`'s series that a scale factor moves (nil: all of them). A demand index is 1 in the
    /// base year by definition (`unit: 2019 = 1`), so its later knots scale. In history mode a series history follows
    /// or fitted (GDP growth, exports, the calibrated demand paths) scales only after the last observed year N: a
    /// growth step at year k holds year k + 1's growth, so steps from N on; points after N.
    func firstScaledIndex(_ path: String) -> Int? {
        guard let e = entry(path), case .series(let years, _) = e.value else { return nil }
        var from: Int? = path.hasSuffix(".demand_index") ? baseYear + 1 : nil
        if let h = history {
            let calibrated = PathCalibration.all.contains { $0.path == path && h.calibrated[$0.quantity] != nil }
            switch path {
            case "economy.growth" where !h.gdpGrowth.isEmpty: from = h.lastObservedYear
            case "power.exports" where !h.exports.isEmpty: from = h.lastObservedYear + 1
            case _ where calibrated: from = h.lastObservedYear + 1
            default: break
            }
        }
        guard let from else { return nil }
        return years.firstIndex { $0 >= Double(from) } ?? years.count
    }

    /// What a numeric path accepts (the loader's checks), for values set later; nil for unknown paths.
    public func check(_ path: String) -> ValueCheck? { checks[path] }

    /// Yearly growth rates the loader accepts (share/yr): beyond them the economy explodes or vanishes.
    public static let growthRange = -0.3...0.3

    /// Every numeric path, for suggestions.
    public var numericPaths: [String] { bindings.keys.sorted() }

    /// Applies assumptions (path -> value; a number on a series path scales the series) and returns the
    /// modified dataset. Unknown paths are errors with a did-you-mean; every value goes through the
    /// loader's checks (a negative capacity is refused here as in the dataset file).
    public func applying(_ assumptions: [(path: String, value: Double, node: YAMLNode?)]) throws -> Dataset {
        var copy = self
        for a in assumptions {
            guard let i = index[a.path], let binding = binding(a.path) else {
                let message = "unknown dataset parameter '\(a.path)'"
                let suggestion = didYouMean(a.path, in: entries.map(\.path))
                if let n = a.node { throw n.error(message, accepted: "a path listed by 'carbonsim levers --parameters'", suggestion: suggestion) }
                throw InputError(file: file, keyPath: a.path, message: message, suggestion: suggestion)
            }
            if let problem = checks[a.path]?.problem(a.value) {
                let message = "assumption \(a.path) = \(format(a.value)): \(problem.message)"
                if let n = a.node { throw n.error(message, accepted: problem.accepted) }
                throw InputError(file: file, keyPath: a.path, message: message, accepted: problem.accepted)
            }
            binding.apply(a.value, to: &copy.parameters)
            switch copy.entries[i].value {
            case .scalar: copy.entries[i].value = .scalar(a.value)
            case .series(let years, let values):
                // The entry scales as the binding does: from the same first element.
                guard case .scaled(_, let from) = binding else { break }
                copy.entries[i].value = .series(years: years, values: values.enumerated().map { $0.offset >= from ? $0.element * a.value : $0.element })
            case .fuels(let f): copy.entries[i].value = .fuels(f * a.value)
            case .text, .flag:
                let message = "'\(a.path)' is not a number"
                if let n = a.node { throw n.error(message) }
                throw InputError(file: file, keyPath: a.path, message: message)
            }
        }
        return copy
    }
}

/// FNV-1a, 64 bits, in hex: a stable fingerprint of a text.
public func fingerprint(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
    }
    return String(h, radix: 16)
}
