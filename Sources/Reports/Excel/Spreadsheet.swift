/// A workbook as values: sheets of cells with their number formats, frozen panes and column widths.
/// Reports build one of these; `XlsxFile` writes it with libxlsxwriter. Keeping the two apart lets tests
/// check the content without a file, and keeps the C calls in one place.
public struct Spreadsheet: Equatable, Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet] = []) { self.sheets = sheets }

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
}

/// One worksheet: rows of cells, a frozen header (rows and columns that stay in view) and column widths
/// that fit the content.
public struct Sheet: Equatable, Sendable {
    public var name: String
    public var rows: [[Cell]] = []
    public var frozenRows = 0
    public var frozenColumns = 0

    public init(name: String, frozenRows: Int = 0, frozenColumns: Int = 0) {
        self.name = name
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
    }

    public mutating func append(_ row: [Cell]) { rows.append(row) }

    public func cell(_ row: Int, _ column: Int) -> Cell {
        row < rows.count && column < rows[row].count ? rows[row][column] : .empty
    }

    /// Characters wide each column needs (CJK counts two), between 6 and 60, with a little air.
    public var columnWidths: [Double] {
        let columns = rows.map(\.count).max() ?? 0
        return (0..<columns).map { c in
            let widest = rows.map { c < $0.count ? $0[c].displayWidth : 0 }.max() ?? 0
            return Double(min(max(widest + 2, 6), 60))
        }
    }
}

/// A cell: a heading, a text, a note (a line of text below a table, left out of the column widths), a
/// number stored as a number with its Excel number format, or nothing.
public enum Cell: Equatable, Sendable {
    case heading(String)
    case text(String)
    case note(String)
    case number(Double, format: String)
    case empty

    /// A number with the format that shows it as the text tables do; non-finite values become empty cells.
    public static func value(_ v: Double) -> Cell { v.isFinite ? .number(v, format: ExcelNumberFormat.value(v)) : .empty }
    /// A number with a fixed format ("0" for years, "0.0" for percentages).
    public static func value(_ v: Double?, format: String) -> Cell {
        v.map { $0.isFinite ? .number($0, format: format) : .empty } ?? .empty
    }

    var displayWidth: Int {
        switch self {
        case .heading(let s), .text(let s): return s.split(separator: "\n").map { Reports.displayWidth(String($0)) }.max() ?? 0
        case .number(let v, let format): return ExcelNumberFormat.shownWidth(v, format: format)
        case .note, .empty: return 0
        }
    }
}

/// Excel number formats matching the digits of the text tables (`NumberFormat.value`): no thousands of
/// digits after the point on large numbers, three on small ones.
public enum ExcelNumberFormat {
    public static let integer = "0"
    public static let oneDecimal = "0.0"

    /// A change or difference of a share, in percentage points, the unit shown with the number:
    /// +1.23个百分点 or +1.23 pp (the cell keeps the number).
    public static func points(_ l: Language) -> String {
        let unit = l == .zh ? "\"个百分点\"" : "\" pp\""
        return "+0.00\(unit);-0.00\(unit);0.00\(unit)"
    }

    public static func value(_ v: Double) -> String {
        let a = abs(v)
        guard a != 0 else { return "0" }
        // Below the last digit shown it is zero, as the text tables write it: "0", not "-0.000" for -8e-5 (the
        // negative section has no minus, which Excel would show on a value that rounds to zero).
        guard a >= 0.0005 else { return "0;0;0" }
        return ["#,##0", "0.0", "0.00", "0.000"][NumberFormat.digits(a)]
    }

    /// A % change or relative difference to one decimal, signed as the text tables write it: "+7.5", "-1.8", and "0.0"
    /// without a sign on either side where it rounds to zero (Excel would show "-0.0" for -0.03).
    public static func change(_ v: Double) -> String {
        abs(v) < 0.05 ? "0.0;0.0;0.0" : "+0.0;-0.0;0.0"
    }

    /// A difference between scenarios in the digits of `value`, signed: "+3.81", "-12"; zero where it rounds to zero.
    public static func signed(_ v: Double) -> String {
        let plain = value(v)
        guard plain != "0", plain != "0;0;0" else { return "0;0;0" }
        return "+\(plain);-\(plain);\(plain)"
    }

    /// A difference in years, signed: "+3", "-2", "0".
    public static let signedYears = "+0;-0;0"

    /// About how many characters Excel shows for `v` in `format` (for column widths).
    static func shownWidth(_ v: Double, format: String) -> Int {
        let digits = format.split(separator: ".").dropFirst().first?.prefix { $0 == "0" }.count ?? 0
        let s = NumberFormat.fixed(v, digits)
        // A quoted unit after the number (个百分点, pp) takes its width too.
        let unit = format.split(separator: "\"").dropFirst().first.map { Reports.displayWidth(String($0)) + 1 } ?? 0
        let sign = format.hasPrefix("+") && v > 0 ? 1 : 0
        return s.count + sign + unit + (format.contains(",") ? max(0, (s.count - 1) / 3) : 0)
    }
}
