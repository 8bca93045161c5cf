/// The kinds of YAML file carbonsim reads, told apart by the keys only one of them has, so that a file given to
/// the wrong command is said to be what it is (not listed as a heap of unknown keys).
public enum InputFileKind: CaseIterable, Sendable {
    case scenario, sweepSpec, optimisationSpec, dataset

    var name: String {
        switch self {
        case .scenario: return "a scenario file"
        case .sweepSpec: return "a sweep spec"
        case .optimisationSpec: return "an optimisation spec"
        case .dataset: return "a dataset"
        }
    }

    /// The command that reads it.
    var command: String {
        switch self {
        case .scenario: return "run"
        case .sweepSpec: return "sweep"
        case .optimisationSpec: return "optimize"
        case .dataset: return "run --dataset"
        }
    }

    /// What stands for such a file in a command line.
    var placeholder: String {
        switch self {
        case .scenario, .dataset: return "FILE.yaml"
        case .sweepSpec, .optimisationSpec: return "SPEC.yaml"
        }
    }

    /// Keys only this kind has.
    var marks: [String] {
        switch self {
        case .scenario: return ["extends", "sector_plans", "measures", "assumptions", "accounting"]
        case .sweepSpec: return ["factors", "design"]
        case .optimisationSpec: return ["variables", "objective"]
        case .dataset: return ["base_year", "emission_factors"]
        }
    }

    /// Keys such a file has, for the message.
    var typicalKeys: String {
        switch self {
        case .scenario: return "name, extends, targets, sector_plans"
        case .sweepSpec: return "name, scenarios, design, factors"
        case .optimisationSpec: return "name, scenario, objective, variables, targets"
        case .dataset: return "region, base_year, emission_factors, economy, products, power"
        }
    }

    /// The error for a file of another kind given where `self` is read: nil when its keys are not another kind's. A
    /// spec is known by both its keys (one could be a stray key), a scenario file by any of its own.
    func wrongKind(_ root: YAMLNode, keys: Set<String>, file: String) -> InputError? {
        guard !marks.contains(where: keys.contains) else { return nil }
        for kind in Self.allCases where kind != self {
            let found = kind.marks.filter(keys.contains)
            guard kind == .scenario ? !found.isEmpty : found.count == kind.marks.count else { continue }
            let listed = found.map { "'\($0)'" }
            let it = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " and " + listed.last!
            // The path as typed: from another folder a bare file name would run the embedded scenario of that name.
            // Quoted for the shell where it holds anything beyond plain path characters (a space, '$', a quote).
            let plain = file.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "._/+-,:@%=".unicodeScalars.contains($0) }
            let typed = plain ? file : "'\(file.replacingOccurrences(of: "'", with: "'\\''"))'"
            let use = kind == .dataset ? "carbonsim \(command) \(placeholder) --dataset \(typed) uses it (every command takes --dataset)" : "carbonsim \(kind.command) \(typed) runs it"
            return root.error("this is \(kind.name) (it has \(it)), not \(name)", accepted: "\(use); \(name) has keys such as \(typicalKeys)")
        }
        return nil
    }
}
