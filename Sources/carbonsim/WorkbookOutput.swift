import ArgumentParser
import Foundation
import Reports
import Scenarios

/// `--format` of the commands that can also write an Excel workbook.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case table, markdown, csv, json, xlsx

    /// The text format, or nil for the workbook.
    var text: OutputFormat? { OutputFormat(rawValue: rawValue) }

    static let help = "Output format: table, markdown, csv, json or xlsx (an Excel workbook; needs --output FILE.xlsx)."
}

/// Checks, before anything is computed, where a workbook goes: `--format xlsx` is binary, so it needs
/// `--output` naming a writable .xlsx file; and an .xlsx `--output` needs `--format xlsx`.
/// Returns the workbook's path, or nil for a text format.
func checkWorkbookOutput(format: ReportFormat, output: String?) throws -> String? {
    let isXlsxName = output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() == "xlsx" } ?? false
    guard format == .xlsx else {
        if isXlsxName, let output {
            throw InputError(file: output, keyPath: "--output", message: "this names an Excel workbook, but --format is \(format.rawValue)",
                             accepted: "--format xlsx --output \(output), or another --output")
        }
        return nil
    }
    guard let output else {
        throw InputError(file: "--output", keyPath: "--format", message: "--format xlsx writes a binary Excel workbook, which is not printed",
                         accepted: "--output FILE.xlsx, for example --output results.xlsx")
    }
    guard !output.hasSuffix("/") else {
        throw InputError(file: output, keyPath: "--output", message: "this names a folder; --format xlsx writes one file",
                         accepted: "a file name ending in .xlsx, for example \(output)results.xlsx")
    }
    guard isXlsxName else {
        let stem = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
        throw InputError(file: output, keyPath: "--output", message: "--format xlsx writes an Excel workbook, but this name does not end in .xlsx",
                         accepted: "a file name ending in .xlsx, for example \(stem.isEmpty ? "results" : stem).xlsx")
    }
    try checkOutputFile(output, option: "--output")
    return output
}

/// Writes a workbook; a failure is told with the file and what to do, and exits 1.
func writeWorkbook(_ spreadsheet: Spreadsheet, to path: String, title: String, language: Language) throws {
    do {
        try XlsxFile.write(spreadsheet, to: path, title: title)
    } catch let e as WorkbookError {
        printError(e.description, language)
        throw ExitCode(1)
    }
    printLine(language == .zh ? "已写入 \(path)" : "wrote \(path)")
}

/// The command line as typed (the program's name without its folder), for the metadata sheet.
var commandLineForMetadata: String {
    var args = CommandLine.arguments
    if let first = args.first { args[0] = URL(fileURLWithPath: first).lastPathComponent }
    return args.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
}
