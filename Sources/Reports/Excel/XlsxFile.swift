import CXlsxWriter
import Foundation

/// A workbook that could not be written: the file, libxlsxwriter's reason and what to do about it.
public struct WorkbookError: Error, CustomStringConvertible, Equatable {
    public let path: String
    /// What was being done ("creating the workbook", "adding the sheet 'Targets'").
    public let step: String
    /// libxlsxwriter's own message for its error code.
    public let reason: String
    public let advice: String

    public var description: String { "cannot write the workbook \(path) while \(step): \(reason); \(advice)" }
}

/// Writes a `Spreadsheet` to an .xlsx file with libxlsxwriter: numbers as numbers with their number
/// formats, headings in bold, frozen panes and fitted column widths.
public enum XlsxFile {
    public static func write(_ spreadsheet: Spreadsheet, to path: String, title: String = "carbonsim") throws {
        guard let workbook = workbook_new(path) else {
            throw WorkbookError(path: path, step: "creating the workbook", reason: "out of memory",
                                advice: "free some memory and run again")
        }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }

        var formats = FormatCache(workbook: workbook)
        for sheet in spreadsheet.sheets {
            try check(workbook_validate_sheet_name(workbook, sheet.name), path, "naming the sheet '\(sheet.name)'",
                      advice: "this is a bug in carbonsim's sheet names; please report it with the command you ran")
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw WorkbookError(path: path, step: "adding the sheet '\(sheet.name)'", reason: "libxlsxwriter refused the sheet",
                                    advice: "please report it with the command you ran")
            }
            for (c, width) in sheet.columnWidths.enumerated() {
                try check(worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), width, nil), path, "sizing columns of '\(sheet.name)'")
            }
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    let at = "writing cell \(columnName(c))\(r + 1) of '\(sheet.name)'"
                    switch cell {
                    case .heading(let s): try check(worksheet_write_string(worksheet, lxw_row_t(r), lxw_col_t(c), s, formats.heading), path, at)
                    case .text(let s), .note(let s): try check(worksheet_write_string(worksheet, lxw_row_t(r), lxw_col_t(c), s, formats.wrap(s)), path, at)
                    case .number(let v, let f): try check(worksheet_write_number(worksheet, lxw_row_t(r), lxw_col_t(c), v, formats.number(f)), path, at)
                    case .empty: break
                    }
                }
            }
            if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
                worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
            }
        }
        try title.withCString { t in
            try "carbonsim".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: t)
                properties.author = UnsafeMutablePointer(mutating: author)
                try check(workbook_set_properties(workbook, &properties), path, "setting the document properties")
            }
        }
        closed = true
        try check(workbook_close(workbook), path, "saving the file",
                  advice: "check that the folder exists and is writable, that the file is not open in Excel, and that the disk has room")
    }

    /// "A", "B", ..., "Z", "AA": for error messages that point at a cell.
    static func columnName(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func check(_ code: lxw_error, _ path: String, _ step: String,
                      advice: String = "please report it with the command you ran") throws {
        guard code != LXW_NO_ERROR else { return }
        throw WorkbookError(path: path, step: step, reason: String(cString: lxw_strerror(code)), advice: advice)
    }
}

/// One libxlsxwriter format per number format, made once per workbook (the workbook owns them).
private struct FormatCache {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    var numbers: [String: UnsafeMutablePointer<lxw_format>] = [:]
    lazy var heading: UnsafeMutablePointer<lxw_format>? = {
        let f = workbook_add_format(workbook)
        format_set_bold(f)
        format_set_text_wrap(f)
        format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        return f
    }()
    lazy var wrapping: UnsafeMutablePointer<lxw_format>? = {
        let f = workbook_add_format(workbook)
        format_set_text_wrap(f)
        return f
    }()

    init(workbook: UnsafeMutablePointer<lxw_workbook>) { self.workbook = workbook }

    mutating func number(_ format: String) -> UnsafeMutablePointer<lxw_format>? {
        if let f = numbers[format] { return f }
        guard let f = workbook_add_format(workbook) else { return nil }
        format_set_num_format(f, format)
        numbers[format] = f
        return f
    }

    /// Multi-line texts (scenario file lists) wrap; one-line texts need no format.
    mutating func wrap(_ s: String) -> UnsafeMutablePointer<lxw_format>? { s.contains("\n") ? wrapping : nil }
}
