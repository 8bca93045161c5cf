import Foundation

/// The observations of one region: published figures after the base year, read from a CSV file (UTF-8,
/// comma-separated, a header row naming the columns in any order; lines starting with '#' are comments).
/// Every row is checked; all the problems of a file are reported together, in file order, each naming the
/// line, the column and what the column accepts. The format is documented in docs/data.md.
public struct ObservationSet: Sendable {
    public let file: String
    /// Rows in file order.
    public let observations: [Observation]

    /// Every figure but those the file holds back (basis `held back`: kept in the record and shown, never
    /// compared or fitted, and not moving the hindcast windows or a fit's coverage).
    public var notHeldBack: [Observation] { observations.filter { !$0.basis.heldBack } }

    /// The last year of a figure that is not held back, of `quantities` (nil: of any quantity).
    public func lastYear(of quantities: Set<String>? = nil) -> Int? {
        notHeldBack.filter { quantities?.contains($0.quantity.name) ?? true }.map(\.year).max()
    }

    /// The figures a history-mode fit compares with the model as they stand (annual or year-end, whole region, not
    /// a bound) for `quantities`, in `years`, in year then file order; duplicates kept.
    public func comparedAsTheyStand(_ quantities: Set<String>, in years: ClosedRange<Int>) -> [Observation] {
        observations.filter { o in
            guard quantities.contains(o.quantity.name), years.contains(o.year), o.basis.isComplete,
                  case .compared(conversion: nil) = o.use else { return false }
            return true
        }.sorted { ($0.year, $0.line) < ($1.year, $1.line) }
    }

    public init(file: String, observations: [Observation]) {
        self.file = file
        self.observations = observations
    }

    public static let requiredColumns = ["quantity", "year", "value", "unit", "basis", "source", "confidence"]
    public static let optionalColumns = ["notes"]

    /// Reads and checks a file; `years` are the years observations may have (a growth rate needs the year before too).
    public static func load(url: URL, displayName: String? = nil, years: ClosedRange<Int>) throws -> ObservationSet {
        let name = displayName ?? url.path
        let text = try readInputFile(url, displayName: name, what: "CSV observations file")
        return try parse(text, file: name, years: years)
    }

    public static func parse(_ text: String, file: String, years: ClosedRange<Int>) throws -> ObservationSet {
        var errors: [InputError] = []
        var header: [String]?
        var columns: [String: Int] = [:]
        var observations: [Observation] = []
        var firstLine: [String: Int] = [:]
        // Excel writes CRLF; "\r\n" is one Character in Swift, so it would not split on "\n".
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        for (i, raw) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = i + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields: [CSVField]
            switch splitCSVLine(line) {
            case .success(let f): fields = f
            case .failure(let p):
                errors.append(InputError(file: file, line: number, column: p.column, message: p.message,
                                         accepted: "fields separated by commas; a field holding a comma or a quote is written in double quotes, a quote inside doubled (\"\")"))
                continue
            }
            guard let names = header else {
                let (h, index, problems) = readHeader(fields, file: file, line: number)
                errors += problems
                guard problems.isEmpty else { return try fail(errors) }
                header = h
                columns = index
                continue
            }
            if fields.count > names.count {
                errors.append(InputError(file: file, line: number, column: fields[names.count].column,
                                         message: "\(fields.count) fields, but the header names \(names.count) columns",
                                         accepted: "one field per column; a value holding a comma is written in double quotes"))
                continue
            }
            let missing = requiredColumns.filter { columns[$0]! >= fields.count }
            if !missing.isEmpty {
                errors.append(InputError(file: file, line: number, column: (fields.last?.column ?? 1),
                                         message: "the row ends before column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))",
                                         accepted: "a value for every column of the header (\(names.joined(separator: ",")))"))
                continue
            }
            let row = RowReader(fields: fields, columns: columns, file: file, line: number)
            if let o = row.observation(years: years, errors: &errors) {
                let key = "\(o.quantity.name)|\(o.year)|\(o.basis)"
                if let first = firstLine[key] {
                    errors.append(InputError(file: file, line: number, column: row.column("quantity"), keyPath: "quantity",
                                             message: "\(o.quantity.name) \(o.year) (\(o.basis)) is already given on line \(first)",
                                             accepted: "one figure per quantity, year and basis: keep the better-sourced one, or state a different basis"))
                } else {
                    firstLine[key] = number
                    observations.append(o)
                }
            }
        }
        if header == nil {
            errors.append(InputError(file: file, line: 1, message: "the file has no header row",
                                     accepted: (requiredColumns + optionalColumns).joined(separator: ",")))
        }
        if let e = InputError.combined(errors) { throw e }
        return ObservationSet(file: file, observations: observations)
    }

    private static func fail(_ errors: [InputError]) throws -> ObservationSet {
        throw InputError.combined(errors)!
    }

    private static func readHeader(_ fields: [CSVField], file: String, line: Int) -> ([String], [String: Int], [InputError]) {
        var index: [String: Int] = [:], errors: [InputError] = []
        let known = requiredColumns + optionalColumns
        let names = fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        for (i, name) in names.enumerated() {
            if !known.contains(name) {
                errors.append(InputError(file: file, line: line, column: fields[i].column, keyPath: name,
                                         message: "'\(fields[i].text)' is not a column of an observations file",
                                         accepted: known.joined(separator: ", "), suggestion: didYouMean(name, in: known)))
            } else if index[name] != nil {
                errors.append(InputError(file: file, line: line, column: fields[i].column, keyPath: name,
                                         message: "the column '\(name)' is named twice"))
            } else {
                index[name] = i
            }
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        if !missing.isEmpty {
            errors.append(InputError(file: file, line: line, column: 1,
                                     message: "the header lacks the column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))",
                                     accepted: "a header row naming \(requiredColumns.joined(separator: ", ")) (any order) and optionally notes"))
        }
        return (names, index, errors)
    }
}

/// One row's fields by column name, turned into an observation with every problem of the row reported.
private struct RowReader {
    let fields: [CSVField]
    let columns: [String: Int]
    let file: String
    let line: Int

    func text(_ column: String) -> String {
        guard let i = columns[column], i < fields.count else { return "" }
        return fields[i].text.trimmingCharacters(in: .whitespaces)
    }

    func column(_ name: String) -> Int? {
        guard let i = columns[name], i < fields.count else { return nil }
        return fields[i].column
    }

    func error(_ column: String, _ message: String, accepted: String? = nil, suggestion: String? = nil) -> InputError {
        InputError(file: file, line: line, column: self.column(column), keyPath: column, message: message,
                   accepted: accepted, suggestion: suggestion)
    }

    func observation(years: ClosedRange<Int>, errors: inout [InputError]) -> Observation? {
        let count = errors.count
        let names = ObservedQuantity.all.map(\.name)
        let q = ObservedQuantity.named(text("quantity"))
        if q == nil {
            let s = text("quantity")
            errors.append(error("quantity", s.isEmpty ? "the quantity is empty" : "'\(s)' is not a known quantity",
                                accepted: names.joined(separator: ", ") + " (docs/data.md says what each is)",
                                suggestion: didYouMean(s, in: names)))
        }
        let yearText = text("year")
        let growth = q?.measure == .growth
        let allowed = growth ? years.lowerBound + 1...max(years.lowerBound + 1, years.upperBound) : years
        let year = Int(yearText)
        if year == nil {
            errors.append(error("year", "'\(yearText)' is not a year", accepted: "a calendar year such as \(years.upperBound)"))
        } else if let y = year, !allowed.contains(y) {
            errors.append(error("year", "\(y) is outside the years this dataset can be compared in"
                                + (growth && y == years.lowerBound ? " (a growth rate needs the year before, and the model starts in \(years.lowerBound))" : ""),
                                accepted: "\(allowed.lowerBound) to \(allowed.upperBound)"))
        }
        let valueText = text("value")
        let value = Double(valueText).flatMap { $0.isFinite ? $0 : nil }
        if value == nil {
            errors.append(error("value", "'\(valueText)' is not a finite number",
                                accepted: "a number with a decimal point, no thousands separators or units (for example 1234.5 or -6.8)"))
        } else if let v = value, let q {
            if q.measure == .level && v < 0 { errors.append(error("value", "\(format(v)) is negative", accepted: "a level of 0 or more")) }
            if q.isPositive && v == 0 { errors.append(error("value", "0 is not a possible \(q.name): a region's \(q.description) is above 0", accepted: "a level above 0")) }
            if q.measure == .growth && v <= -100 { errors.append(error("value", "\(format(v)) % would mean the quantity fell to nothing or below", accepted: "a change above -100 %")) }
        }
        let unit = text("unit")
        if let q, q.factor(for: unit) == nil {
            errors.append(error("unit", unit.isEmpty ? "the unit is empty" : "'\(unit)' is not a unit of \(q.name)",
                                accepted: q.units.map(\.name).joined(separator: ", "), suggestion: didYouMean(unit, in: q.units.map(\.name))))
        }
        var basis: ObservationBasis?
        switch ObservationBasis.parse(text("basis")) {
        case .success(let b): basis = b
        case .failure(let p):
            errors.append(error("basis", p.message, accepted: ObservationBasis.acceptedTags,
                                suggestion: p.tag.flatMap { didYouMean($0, in: ObservationBasis.BasisProblem.tags) }))
        }
        if let q, let b = basis {
            if q.isStock && !b.isStockPeriod {
                errors.append(error("basis", "\(q.name) is a stock at a date, but the basis says \(b.periodName)",
                                    accepted: "year-end or end-Feb ... end-Nov, with optional tags"))
            } else if !q.isStock && b.isStockPeriod {
                errors.append(error("basis", "\(q.name) is a flow over a period, not a stock at \(b.periodName)",
                                    accepted: "annual or Jan-Feb ... Jan-Nov, with optional tags"))
            }
            if b.takenAsAnnual && (q.measure != .growth || b.isComplete) {
                errors.append(error("basis", "'taken as annual' applies only to a growth rate over part of the year or of the region",
                                    accepted: "a basis such as 'Jan-Oct; taken as annual' on a *_growth quantity"))
            }
        }
        if basis?.heldBack == true && text("notes").isEmpty {
            errors.append(error("notes", "a held-back figure needs its reason in the notes column",
                                accepted: "'; held back' with the notes saying why (another basis, a conflict with another source)"))
        }
        let source = text("source")
        if source.isEmpty {
            errors.append(error("source", "every observation needs a source",
                                accepted: "the publication, its publisher and date (for example: IM statistics bureau, 2024 statistical bulletin, 2025-03-20)"))
        }
        let confidenceText = text("confidence")
        let confidence = Observation.Confidence(rawValue: confidenceText.lowercased())
        if confidence == nil {
            let all = Observation.Confidence.allCases.map(\.rawValue)
            errors.append(error("confidence", "'\(confidenceText)' is not a confidence", accepted: all.joined(separator: ", "),
                                suggestion: didYouMean(confidenceText, in: all)))
        }
        guard errors.count == count, let q, let year, let value, let basis, let confidence else { return nil }
        return Observation(quantity: q, year: year, value: value, unit: unit, basis: basis, source: source,
                           confidence: confidence, notes: text("notes"), line: line)
    }
}

/// A CSV field and the column (1-based, in characters) where it starts.
struct CSVField {
    let text: String
    let column: Int
}

struct CSVProblem: Error {
    let message: String
    let column: Int
}

/// Splits one CSV line (RFC 4180 quoting: "a, b" and "say ""x"""); a quote left open is a problem, since
/// a field running over several lines is not accepted.
func splitCSVLine(_ line: Substring) -> Result<[CSVField], CSVProblem> {
    var fields: [CSVField] = []
    var current = "", start = 1, column = 0, quoted = false, inQuotes = false, afterQuote = false
    var chars = line.makeIterator()
    var pending: Character? = nil
    while true {
        guard let c = pending ?? chars.next() else { break }
        pending = nil
        column += 1
        if inQuotes {
            if c == "\"" {
                if let next = chars.next() {
                    if next == "\"" { current.append("\""); column += 1; continue }
                    pending = next
                }
                inQuotes = false
                afterQuote = true
            } else {
                current.append(c)
            }
            continue
        }
        switch c {
        case ",":
            fields.append(CSVField(text: current, column: start))
            current = ""
            start = column + 1
            quoted = false
            afterQuote = false
        case "\"" where !quoted && current.trimmingCharacters(in: .whitespaces).isEmpty:
            quoted = true
            inQuotes = true
            current = ""
        default:
            if afterQuote && c != " " {
                return .failure(CSVProblem(message: "text after the closing quote of a quoted field", column: column))
            }
            if c == "\"" { return .failure(CSVProblem(message: "a quote inside an unquoted field", column: column)) }
            if !afterQuote { current.append(c) }
        }
    }
    if inQuotes { return .failure(CSVProblem(message: "a quoted field is not closed on this line", column: start)) }
    fields.append(CSVField(text: current, column: start))
    return .success(fields)
}
