/// Bad input, told the way a user can act on it: which file, which line, which key, what is accepted.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let column: Int?
    /// Dotted key path inside the file, for example `sector_plans.industry.capacity_cut.steel.target`.
    public let keyPath: String
    public let message: String
    public let accepted: String?
    public let suggestion: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String,
                accepted: String? = nil, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.accepted = accepted
        self.suggestion = suggestion
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": error"
        if !keyPath.isEmpty { s += " at '\(keyPath)'" }
        s += ": \(message)"
        if let accepted { s += "\n  accepted: \(accepted)" }
        if let suggestion { s += "\n  did you mean '\(suggestion)'?" }
        return s
    }
}

/// The closest of `candidates` to a misspelt `word`, if it is close enough to be a likely typo.
public func didYouMean(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(2, word.count / 3)
    return best.1 <= limit ? best.0 : nil
}

/// Levenshtein distance.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
