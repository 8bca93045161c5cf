import Simulator

/// Input that loads but is probably not what was meant (0.3 typed for 30 %), told like an error: which file,
/// which line, which key, and the likely intended value. Commands print warnings and go on.
public struct InputWarning: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        located(file: file, line: line, keyPath: keyPath, kind: "warning") + ": \(message)"
    }
}

extension YAMLNode {
    /// A warning for a value in (0, 1] written for a field in percent: probably a fraction.
    func percentWarning(_ value: Double, unit: String) -> InputWarning? {
        guard value > 0, value <= 1 else { return nil }
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "\(format(value)) \(unit) looks like a fraction: this field is in percent, so if you meant \(format(value * 100)) \(unit), write \(format(value * 100))")
    }

    /// The same for the values a sweep factor takes: a warning when all lie within [-1, 1] and one is not 0.
    func percentWarning(_ values: [Double], unit: String) -> InputWarning? {
        guard let largest = values.map(abs).max(), largest > 0, largest <= 1 else { return nil }
        let shown = values.map(format).joined(separator: ", "), meant = values.map { format($0 * 100) }.joined(separator: ", ")
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "\(shown) \(unit) look like fractions: this field is in percent, so if you meant \(meant) \(unit), write \(meant)")
    }
}

extension Targets {
    /// Targets in percent written as fractions (0.3 for 30 %), as warnings on `file` (for targets given on
    /// the command line or laid over a file's, where no line is known).
    public func percentWarnings(file: String) -> [InputWarning] {
        var warnings: [InputWarning] = []
        func check(_ key: String, _ values: [Int: Double], label: (Int) -> String) {
            for (k, v) in values.sorted(by: { $0.key < $1.key }) where v > 0 && v <= 1 {
                warnings.append(InputWarning(file: file, line: nil, keyPath: "\(key).\(label(k))",
                                             message: "\(format(v)) % looks like a fraction: this target is in percent, so if you meant \(format(v * 100)) %, write \(format(v * 100))"))
            }
        }
        check("non_fossil_share", nonFossilShare) { String($0) }
        check("energy_intensity_cut", energyIntensityCut) { PlanPeriod(number: $0).ordinal }
        check("co2_intensity_cut", co2IntensityCut) { PlanPeriod(number: $0).ordinal }
        return warnings
    }
}
