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
    /// Further errors of the same file, after this one in file order (a scenario file reports them all).
    public var others: [InputError] = []
    /// Warnings found in the same reading (a fraction typed for a per cent), told with the errors so that fixing
    /// the errors does not uncover a second round of surprises.
    public var warnings: [InputWarning] = []

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
        var s = located(file: file, line: line, column: column, keyPath: keyPath, kind: "error")
        s += ": \(message)"
        if let accepted { s += "\n  accepted: \(accepted)" }
        if let suggestion { s += "\n  did you mean '\(suggestion)'?" }
        for e in others { s += "\n" + e.description }
        return s
    }

    /// Errors in file order, as one error: the first, carrying the others. nil if there are none.
    public static func combined(_ errors: [InputError]) -> InputError? {
        let all = errors.flatMap { e -> [InputError] in
            var first = e
            first.others = []
            return [first] + e.others
        }
        let sorted = all.enumerated().sorted { a, b in
            (a.element.line ?? Int.max, a.element.column ?? 0, a.offset) < (b.element.line ?? Int.max, b.element.column ?? 0, b.offset)
        }.map(\.element)
        guard var first = sorted.first else { return nil }
        first.others = Array(sorted.dropFirst())
        first.warnings = errors.flatMap(\.warnings)
        return first
    }
}

extension InputError {
    /// Errors of several files as one, each file's in its own order and the files in the order given (not
    /// sorted by line across files). nil if there are none.
    public static func inFileOrder(_ errors: [InputError]) -> InputError? {
        let all = errors.flatMap { e -> [InputError] in
            var first = e
            first.others = []
            return [first] + e.others
        }
        guard var first = all.first else { return nil }
        first.others = Array(all.dropFirst())
        first.warnings = errors.flatMap(\.warnings)
        return first
    }
}

/// Runs `body` for each element, going on after an `InputError`; then throws them all as one (file order).
func collectingErrors<S: Sequence>(_ items: S, _ body: (S.Element) throws -> Void) throws {
    var errors: [InputError] = []
    for item in items {
        do { try body(item) } catch let e as InputError { errors.append(e) }
        // A file of 60,000 wrong keys is told by its first errors, at once (each error's suggestion costs a search).
        if errors.count + errors.reduce(0, { $0 + $1.others.count }) >= maximumErrorsTold {
            errors.append(InputError(file: errors.last!.file, message: "stopped after \(maximumErrorsTold) errors",
                                     accepted: "fix these and read the file again"))
            break
        }
    }
    if let e = InputError.combined(errors) { throw e }
}

/// How many errors of one file are told before reading stops.
let maximumErrorsTold = 100

/// `file:line:column: kind at 'key.path'`: where a message is, told the same way for errors and warnings.
func located(file: String, line: Int?, column: Int? = nil, keyPath: String, kind: String) -> String {
    var s = file
    if let line { s += ":\(line)" }
    if let column { s += ":\(column)" }
    s += ": \(kind)"
    if !keyPath.isEmpty { s += " at '\(keyPath)'" }
    return s
}

/// The closest of `candidates` to a misspelt `word`, if it is close enough to be a likely typo.
public func didYouMean(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(2, word.count / 3)
    if best.1 <= limit { return best.0 }
    // A name cut short ('non_fossil' for non_fossil_share): the one candidate it begins.
    let lowered = word.lowercased()
    let extended = candidates.filter { lowered.count >= 4 && $0.lowercased().hasPrefix(lowered) }
    return extended.count == 1 ? extended[0] : nil
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
