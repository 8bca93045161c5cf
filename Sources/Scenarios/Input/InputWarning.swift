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
        var s = file
        if let line { s += ":\(line)" }
        s += ": warning"
        if !keyPath.isEmpty { s += " at '\(keyPath)'" }
        return s + ": \(message)"
    }
}

extension YAMLNode {
    /// A warning for a value in (0, 1] written for a field in percent: probably a fraction.
    func percentWarning(_ value: Double, unit: String) -> InputWarning? {
        guard value > 0, value <= 1 else { return nil }
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "\(format(value)) \(unit) looks like a fraction: this field is in percent, so if you meant \(format(value * 100)) \(unit), write \(format(value * 100))")
    }
}
