import Foundation
import Simulator
import Yams

/// Writes scenarios in the schema `ScenarioLoader` reads (the "1+N+X" YAML), so that reading the text back
/// gives an equal `Scenario`: every file carbonsim writes (the optimum of `carbonsim optimize`, ...) goes
/// through here. Levers sit under their own catalog path (`sector_plans.*` or `measures.*`), dual control
/// under `measures.dual_control`, and numbers are written with full round-trip precision.
public enum ScenarioWriter {
    /// The scenario standing alone (no `extends:`): its name and description, every target, every lever it
    /// sets, dual control when enforced, its assumptions, and the accounting switches that differ from the
    /// defaults. `comment` lines go on top, each prefixed with `# `.
    public static func yaml(_ s: Scenario, comment: [String] = []) throws -> String {
        try text(document(s, extends: nil), comment: comment)
    }

    /// The scenario as a file extending `base`, which the loader finds at `path` (relative to the written
    /// file, or absolute): only what differs from `base` is written, a target it drops as `none`. Throws when
    /// extending cannot say the scenario, because it drops a lever or assumption that `base` has.
    public static func yaml(_ s: Scenario, extending path: String, base: Scenario, comment: [String] = []) throws -> String {
        try text(document(s, extends: (path, base)), comment: comment)
    }

    /// The scenario as the file `carbonsim run` reads back to it, to be written at `output`: standalone where it can
    /// stand alone. A delta over the setting of a scenario it extends cannot (it says a change over that file), so
    /// such a scenario extends the nearest of its base files that carries every such delta: by its path relative to
    /// `output`, or by name for an embedded scenario (`announced.yaml`) when no file of that name is beside `output`.
    /// `comment` gets the `extends:` line's target (nil: standalone).
    public static func yaml(_ s: Scenario, writtenTo output: String, loader: ScenarioLoader,
                            comment: (String?) -> [String]) throws -> String {
        guard s.levers.values.contains(where: { $0.form == .delta && $0.over != .baseline }) else {
            return try yaml(s, comment: comment(nil))
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL
        let written = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        var first: Error?
        // Its sources are its base files, the farthest first, then its own (never the file being written: it would
        // extend itself).
        for source in s.sources.dropLast().reversed() where source.path != written {
            let target = extendsTarget(source.path, from: folder)
            do {
                return try yaml(s, extending: target, base: try loader.load(path: source.path), comment: comment(target))
            } catch let e as InputError { first = first ?? e }
        }
        if let first { throw first }
        return try yaml(s, comment: comment(nil))  // no base file to extend: standalone says why it cannot
    }

    /// How an `extends:` line written in `folder` names `path`: relative to the folder, or an embedded scenario by
    /// name (absolute when a file of that name beside it would be read instead).
    static func extendsTarget(_ path: String, from folder: URL) -> String {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        if DefaultScenarios.isEmbedded(path) {
            let beside = folder.appendingPathComponent(file.lastPathComponent).path
            return FileManager.default.fileExists(atPath: beside) ? file.path : file.lastPathComponent
        }
        let from = folder.resolvingSymlinksInPath().pathComponents, to = file.resolvingSymlinksInPath().pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        guard common > 1 else { return file.path }  // nothing shared but the root: the absolute path says it plainly
        let relative = (Array(repeating: "..", count: from.count - common) + to.dropFirst(common)).joined(separator: "/")
        // The loader removes '..' before it follows links: where a link in the folder's path makes the two differ,
        // the absolute path.
        let read = URL(fileURLWithPath: relative, relativeTo: folder).standardizedFileURL.resolvingSymlinksInPath().path
        return read == file.resolvingSymlinksInPath().path ? relative : file.path
    }

    /// One lever setting as a scenario file writes it on one line: `{path: {2027: 160, 2030: 208.477}, start: 2026, shape: linear}`.
    public static func leverText(_ s: LeverSetting) -> String {
        ((try? Yams.serialize(node: lever(s), width: -1, allowUnicode: true)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One lever setting as written under its path. The only place lever settings are serialised: a new form
    /// of `LeverSetting` is written here (and read in `ScenarioLoader.setting`).
    static func lever(_ s: LeverSetting) -> Node {
        let shapes = Set(s.milestones.map(\.shape))
        let shape: Node = shapes.count == 1 ? plain(s.shape.rawValue)
            : flow(s.milestones.map { (String($0.year), plain($0.shape.rawValue)) })
        let milestones = flow(s.milestones.map { (String($0.year), number($0.value)) })
        switch s.form {
        case .target:
            return flow([("target", number(s.target)), ("start", plain(String(s.start))), ("full", plain(String(s.full))),
                         ("shape", plain(s.shape.rawValue))])
        case .path:
            return flow([("path", milestones), ("start", plain(String(s.start))), ("shape", shape)])
        case .delta:
            if s.milestones.count == 1 {
                return flow([("delta", number(s.target)), ("start", plain(String(s.start))), ("full", plain(String(s.full))),
                             ("shape", plain(s.shape.rawValue))])
            }
            return flow([("delta", milestones), ("start", plain(String(s.start))), ("shape", shape)])
        }
    }

    // MARK: - Document

    static func document(_ s: Scenario, extends: (path: String, base: Scenario)?) throws -> Node {
        let base = extends?.base
        var top: [(String, Node)] = [("name", plain(s.name))]
        if !s.description.isEmpty { top.append(("description", plain(s.description))) }
        if !s.descriptionZH.isEmpty { top.append(("description_zh", plain(s.descriptionZH))) }
        if let extends { top.append(("extends", plain(extends.path))) }

        let targets = self.targets(s.targets, base: base?.targets)
        if !targets.isEmpty { top.append(("targets", block(targets))) }

        // Levers and dual control, nested by their paths: sector_plans.* and measures.* come from the path.
        var leaves: [(path: [String], node: Node)] = []
        if let base, let dropped = base.levers.keys.sorted().first(where: { s.levers[$0] == nil }) {
            throw cannotExtend(s, "it drops the lever \(dropped) of the scenario it extends")
        }
        for path in leverOrder(s.levers.keys) where s.levers[path] != base?.levers[path] {
            guard LeverRegistry.lever(path) != nil else {
                throw InputError(file: s.file, keyPath: path, message: "cannot write the unknown lever '\(path)'",
                                 accepted: "a path listed by `carbonsim levers`", suggestion: didYouMean(path, in: LeverRegistry.all.map(\.path)))
            }
            let setting = s.levers[path]!
            if setting.form == .delta {
                // A delta reads as a change over the scenario the file extends: only that base can carry it.
                let over: LeverSetting.Base = base?.levers[path].map { .setting($0) } ?? .baseline
                guard setting.over == over else {
                    throw InputError(file: s.file, keyPath: path,
                                     message: "cannot write the delta on \(path) without the scenario it is a change over",
                                     accepted: "write the scenario extending the file the delta was written against")
                }
            }
            leaves.append((path.split(separator: ".").map(String.init), lever(setting)))
        }
        if s.enforceDualControl != (base?.enforceDualControl ?? false) {
            leaves.append((["measures", "dual_control"], flow([("enforce", plain(String(s.enforceDualControl)))])))
        }
        top += nest(leaves)

        if let base, let dropped = base.assumptions.keys.sorted().first(where: { s.assumptions[$0] == nil }) {
            throw cannotExtend(s, "it drops the assumption \(dropped) of the scenario it extends")
        }
        let assumptions = s.assumptions.sorted { $0.key < $1.key }.filter { base?.assumptions[$0.key] != $0.value }
        if !assumptions.isEmpty { top.append(("assumptions", block(assumptions.map { ($0.key, number($0.value)) }))) }

        let reference = base?.accounting ?? AccountingSwitches()
        let switches = ScenarioLoader.accountingSwitches.filter { s.accounting[keyPath: $0.field] != reference[keyPath: $0.field] }
        if !switches.isEmpty {
            top.append(("accounting", block(switches.map { ($0.key, plain(String(s.accounting[keyPath: $0.field]))) })))
        }
        return block(top)
    }

    /// The targets in file order; with a base, only those that differ from it, and `none` for those it drops.
    static func targets(_ t: Targets, base: Targets?) -> [(String, Node)] {
        var out: [(String, Node)] = []
        // A target the base has and the scenario drops is written `none` (what an extending file reads as dropped).
        func single<T: Equatable>(_ kind: TargetCheck.Kind, _ value: T?, _ old: T?, _ node: (T) -> Node) {
            if value == nil, old != nil { out.append((kind.rawValue, plain("none"))) }
            if let value, value != old { out.append((kind.rawValue, node(value))) }
        }
        func map(_ kind: TargetCheck.Kind, _ m: [Int: Double], _ old: [Int: Double]?, key: (Int) -> String) {
            let years = Set(m.keys).union(old.map { Array($0.keys) } ?? []).sorted().filter { old?[$0] != m[$0] }
            if !years.isEmpty, let old, !old.isEmpty, m.isEmpty { out.append((kind.rawValue, plain("none"))); return }
            if !years.isEmpty { out.append((kind.rawValue, block(years.map { (key($0), m[$0].map(number) ?? plain("none")) }))) }
        }
        single(.peakYear, t.peakYear, base?.peakYear) { plain(String($0)) }
        single(.peakCeiling, t.peakCeiling, base?.peakCeiling, number)
        single(.neutralityYear, t.neutralityYear, base?.neutralityYear) { plain(String($0)) }
        map(.energyIntensityCut, t.energyIntensityCut, base?.energyIntensityCut) { PlanPeriod(number: $0).ordinal }
        map(.co2IntensityCut, t.co2IntensityCut, base?.co2IntensityCut) { PlanPeriod(number: $0).ordinal }
        map(.energyCap, t.energyCap, base?.energyCap) { String($0) }
        map(.nonFossilShare, t.nonFossilShare, base?.nonFossilShare) { String($0) }
        return out
    }

    /// Catalog order (sector plans by family, then measures); paths outside the catalog last, sorted.
    static func leverOrder(_ paths: Dictionary<String, LeverSetting>.Keys) -> [String] {
        let known = LeverRegistry.all.map(\.path).filter(paths.contains)
        return known + paths.filter { !known.contains($0) }.sorted()
    }

    /// Dotted paths to nested mappings, keeping first-seen order at every level.
    static func nest(_ leaves: [(path: [String], node: Node)]) -> [(String, Node)] {
        var keys: [String] = []
        var groups: [String: [(path: [String], node: Node)]] = [:]
        for leaf in leaves {
            guard let head = leaf.path.first else { continue }
            if groups[head] == nil { keys.append(head) }
            groups[head, default: []].append((Array(leaf.path.dropFirst()), leaf.node))
        }
        return keys.map { key in
            let children = groups[key]!
            if children.count == 1, children[0].path.isEmpty { return (key, children[0].node) }
            return (key, block(nest(children.filter { !$0.path.isEmpty })))
        }
    }

    static func cannotExtend(_ s: Scenario, _ why: String) -> InputError { cannotExtend(s.file, why) }

    static func cannotExtend(_ file: String, _ why: String) -> InputError {
        InputError(file: file, keyPath: "extends", message: "cannot write the scenario as extending another: \(why)",
                   accepted: "a standalone scenario file (no extends)")
    }

    // MARK: - Nodes and text

    static func text(_ node: Node, comment: [String]) throws -> String {
        let body = try Yams.serialize(node: node, width: -1, allowUnicode: true)
        let header = comment.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "# \($0)\n" }.joined()
        return header + body
    }

    /// Shortest text that reads back as the same double (whole numbers without a decimal point).
    static func number(_ v: Double) -> Node { plain(format(v)) }

    /// A scalar: plain where YAML allows it, quoted by the emitter otherwise. The loader reads the text as is.
    static func plain(_ s: String) -> Node { .scalar(.init(s, .implicit, .any)) }

    static func block(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }, .implicit, .block))
    }

    static func flow(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }, .implicit, .flow))
    }
}
