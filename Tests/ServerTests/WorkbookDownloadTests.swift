import Foundation
import Reports
import Scenarios
import Server
import Simulator
import XCTest

/// The page's workbook download: a real xlsx (a zip whose workbook part names the sheets of
/// `carbonsim compare --format xlsx`), with the document's own run in it, in the page's language.
final class WorkbookDownloadTests: XCTestCase {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// The named part of the xlsx (a zip), read back by Python's zipfile: independent of libxlsxwriter.
    func part(_ bytes: [UInt8], _ name: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-download-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", file.path, name]
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self)
    }

    func testTheDownloadIsTheWorkbookOfTheBaselineAndTheDocument() throws {
        let service = try WhatIfService(configuration: ServeConfiguration(scenariosFolder: Self.scenarios.path, language: "en"))
        XCTAssertTrue(WorkbookDownload.isAvailable, "the page shows its button")
        let doc = #"{"name": "what-if", "extends": "announced.yaml"}"#
        let bytes = try service.workbook(doc, language: .en)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip, as every xlsx")
        let workbook = try part(bytes, "xl/workbook.xml")
        for sheet in ["Plan periods", "Targets", "Headline", "Costs", "Annual baseline", "Annual what-if", "Metadata"] {
            XCTAssertTrue(workbook.contains("name=\"\(sheet)\""), "\(sheet) not in \(workbook)")
        }
        // The document's 2030 gross CO2 is in its annual sheet, as a number.
        let run = try PreparedScenario(service.scenario(doc), dataset: service.dataset).run()
        let gross2030 = try XCTUnwrap(run.trajectory.value("co2_gross", year: 2030))
        let strings = try part(bytes, "xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("co2_gross"))
        let sheets = try (1...7).map { try part(bytes, "xl/worksheets/sheet\($0).xml") }.joined()
        XCTAssertTrue(sheets.contains("<v>\(gross2030)</v>") || sheets.contains("<v>\(String(format: "%.17g", gross2030))</v>"),
                      "2030 gross CO2 \(gross2030) not found as a number")

        let zh = try part(try service.workbook(doc, language: .zh), "xl/workbook.xml")
        XCTAssertTrue(zh.contains("name=\"五年规划\""), zh)
    }

    func testABadDocumentIsAnInputErrorNotAFile() throws {
        let service = try WhatIfService(configuration: ServeConfiguration(scenariosFolder: Self.scenarios.path, language: "en"))
        XCTAssertThrowsError(try service.workbook(#"{"extends": "no-such.yaml"}"#, language: .en))
    }
}
