import XCTest
import Foundation

/// The built `carbonsim` binary, end to end: what an analyst types.
final class CommandLineTests: XCTestCase {
    let cli = CLI()
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) { try cli.run(arguments) }
    static var repository: URL { CLI.repository }

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
