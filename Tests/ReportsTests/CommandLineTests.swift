import XCTest
import Foundation

/// The built `carbonsim` binary, end to end: what an analyst types.
final class CommandLineTests: XCTestCase {
    var binary: URL {
        // The test bundle sits next to the products it was built with.
        let products = Bundle.main.bundleURL
        let candidates = [products.appendingPathComponent("carbonsim"),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("carbonsim")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("carbonsim is not built at \(binary.path): swift test builds it with the tests")
            throw CocoaError(.fileNoSuchFile)
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = Self.repository
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testRunWithoutFilesRunsTheEmbeddedDefaults() throws {
        let r = try run(["run"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Scenario: baseline"))
        XCTAssertTrue(r.out.contains("Scenario: announced"))
        XCTAssertTrue(r.out.contains("14th (2021-25)"))
    }

    func testJSONAndOutputDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["run", "scenarios/accelerated.yaml", "--format", "json", "--output", dir.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.out.utf8)))
        for file in ["accelerated.annual.csv", "plan-periods.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), file)
        }
    }

    func testBadInputExitsNonZeroWithFileLineAndKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try "sector_plans:\n  power:\n    wnd: {target: 100}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for command in ["run", "validate"] {
            let r = try run([command, file.path])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.err.contains("\(file.path):3"), r.err)
            XCTAssertTrue(r.err.contains("sector_plans.power.wnd"), r.err)
            XCTAssertTrue(r.err.contains("did you mean 'wind'"), r.err)
            XCTAssertFalse(r.err.contains("Fatal error"), r.err)
        }
    }

    func testLeversListsEveryLeverInBothLanguages() throws {
        let en = try run(["levers"]), zh = try run(["levers", "--lang", "zh"])
        XCTAssertEqual(en.status, 0)
        XCTAssertTrue(en.out.contains("sector_plans.industry.capacity_cut.steel | %/yr | 0-100"))
        XCTAssertTrue(zh.out.contains("淘汰落后粗钢产能"))
        let parameters = try run(["levers", "--parameters"])
        XCTAssertTrue(parameters.out.contains("products.steel.base_output"))
    }

    func testValidateAcceptsEveryShippedScenario() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("scenarios/levers").path)
            .map { "scenarios/levers/\($0)" } + ["scenarios/baseline.yaml", "scenarios/announced.yaml", "scenarios/accelerated.yaml"]
        let r = try run(["validate"] + files)
        XCTAssertEqual(r.status, 0, r.err)
    }
}
