import XCTest
import Foundation
@testable import Reports

/// Inputs a mutation fuzzer found (issue 13), run through the binary: a clear error (exit status 1 or 64),
/// never a signal, a hang or a non-finite number in the output.
final class FuzzCommandLineTests: XCTestCase {
    let cli = CLI()

    func temporary(_ text: String, name: String = "input.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs and checks the run ended by exit (0, 1 unmet targets, 2 input, 3 numerical, 64 usage), not by a signal, and printed no non-finite number.
    @discardableResult
    func runChecked(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, out: String, err: String) {
        let r = try cli.run(arguments)
        XCTAssertTrue([0, 1, 2, 3, 64].contains(r.status), "\(arguments): status \(r.status)\n\(r.err)", file: file, line: line)
        for word in ["nan", "inf"] {
            let tokens = (r.out + " " + r.err).lowercased().split { !$0.isLetter }
            XCTAssertFalse(tokens.contains { $0 == Substring(word) || $0 == "infinity" }, "\(arguments) printed \(word)", file: file, line: line)
        }
        return r
    }

    func testNumberFormattingOfHugeValuesDoesNotTrap() {
        XCTAssertEqual(NumberFormat.fixed(1e19, 2), "1e+19")
        XCTAssertEqual(NumberFormat.fixed(-1e300, 0), "-1e+300")
        XCTAssertEqual(NumberFormat.value(12.345), "12.35")
        // Digits for the value as it rounds (10 Mt of CCUS summed in 万吨 is 999.9999999999961): "1000" beside 1000's "1000".
        XCTAssertEqual(NumberFormat.value(999.9999999999961), "1000")
        XCTAssertEqual(NumberFormat.value(-99.996), "-100.0")
        XCTAssertEqual(NumberFormat.value(0.99996), "1.00")
        XCTAssertEqual(NumberFormat.value(999.94), "999.9")
        XCTAssertEqual(NumberFormat.value(0.0004), "0")
        XCTAssertEqual(NumberFormat.fixed(.infinity, 1), "–")
    }

    func testTargetOptionsAreErrorsNotTraps() throws {
        for target in ["peak_year=1e20", ":=5"] {
            let r = try runChecked(["solve", "--lever", "sector_plans.power.wind", "--target", target])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.err.contains("--target"), r.err)
        }
    }

    /// A GDP of 1e19 is refused at its line now (beyond a million times the dataset's); the formatting of huge
    /// values that once trapped on it is checked directly above.
    func testHugeAssumedGDPIsRefusedNotTrapped() throws {
        let scenario = try temporary("name: gdp\nassumptions: {economy.base_gdp: 1e19}\n")
        let r = try runChecked(["run", scenario])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains(":2:") && r.err.contains("assumptions.economy.base_gdp") && r.err.contains("more than a million times"), r.err)
    }

    func testSweepShardsAndJobsAreBounded() throws {
        let spec = try temporary("design: grid\nfactors:\n  power.base_coal: {levels: [85, 90]}\n", name: "spec.yaml")
        let db = URL(fileURLWithPath: spec).deletingLastPathComponent().appendingPathComponent("r.sqlite").path
        let shard = try runChecked(["sweep", spec, "--db", db, "--quiet", "--shard", "0/9223372036854775807"])
        XCTAssertEqual(shard.status, 2)
        XCTAssertTrue(shard.err.contains("--shard") && shard.err.contains("at most as many shards as runs"), shard.err)
        let jobs = try runChecked(["sweep", spec, "--db", db, "--quiet", "--jobs", "4611686018427387904"])
        XCTAssertEqual(jobs.status, 64)
        XCTAssertTrue(jobs.err.contains("--jobs must be 1 to 256"), jobs.err)
        XCTAssertEqual(try runChecked(["sweep", spec, "--db", db, "--quiet", "--shard", "1/2", "--jobs", "2"]).status, 0)
    }

    func testChartOfAHugeAssumedGDPDoesNotTrapOnTickLabels() throws {
        // 1e19 is refused now (more than a million times the dataset's GDP) ...
        let refused = try temporary("name: gdp\nassumptions: {economy.base_gdp: 1e19}\n")
        let no = try runChecked(["plot", "trajectory", refused, "--series", "gdp", "-o", refused + ".svg"])
        XCTAssertEqual(no.status, 2)
        XCTAssertTrue(no.err.contains("more than a million times"), no.err)
        // ... and a chart of such values, drawn directly, still labels its ticks with exponents instead of trapping.
        let years = Array(2019...2060)
        let svg = try Charts.trajectories([ChartSeries(label: "gdp", years: years, values: years.map { 1e19 * Double($0 - 2018) })],
                                          title: "t", yLabel: "y", source: "s")
        XCTAssertTrue(svg.contains("e+"), "exponent tick labels")
    }
}
