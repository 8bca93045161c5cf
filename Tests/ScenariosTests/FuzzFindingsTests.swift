import XCTest
import Foundation
@testable import Scenarios
import Simulator

/// Inputs a mutation fuzzer found (issue 13): each must be refused with a located `InputError`,
/// never a crash, a hang or silent nonsense.
final class FuzzFindingsTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var datasetText: String {
        get throws { try String(contentsOf: repository.appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml"), encoding: .utf8) }
    }

    /// The embedded dataset with `old` replaced by `new` (which must occur).
    func dataset(replacing old: String, with new: String) throws -> String {
        let text = try Self.datasetText
        XCTAssertTrue(text.contains(old), old)
        return text.replacingOccurrences(of: old, with: new)
    }

    func assertInputError(_ body: @autoclosure () throws -> Any, _ contains: String..., file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try body()
            XCTFail("expected an InputError", file: file, line: line)
        } catch let e as InputError {
            for c in contains { XCTAssertTrue(e.description.contains(c), "\(e.description) lacks '\(c)'", file: file, line: line) }
        } catch {
            XCTFail("expected an InputError, got \(error)", file: file, line: line)
        }
    }

    func testHorizonIsBounded() throws {
        for (old, new, says) in [("end_year: 2060", "end_year: 2019", "end_year"), ("end_year: 2060", "end_year: 2010", "2020 to 2119"),
                                 ("end_year: 2060", "end_year: 999999999999", "end_year"),
                                 ("base_year: 2019", "base_year: -9223372036854775807", "1990 to 2100"),
                                 ("base_year: 2019", "base_year: 1000000000", "base_year")] {
            assertInputError(try Dataset.parse(try dataset(replacing: old, with: new), file: "d.yaml"), "d.yaml:", says)
        }
    }
}

extension FuzzFindingsTests {
    func testCommandLineTargetsAreCheckedNotTrapped() throws {
        let parser = TargetParser(dataset: try Dataset.innerMongolia())
        assertInputError(try parser.parse("peak_year=1e20"), "--target", "needs a year in 2020-2060")
        assertInputError(try parser.parse("neutrality_year=-1e300"), "needs a year")
        assertInputError(try parser.parse("peak_year=2030.5"), "needs a year")
        assertInputError(try parser.parse(":=5"), "unknown target ''", "peak_year")
        assertInputError(try parser.parse("=5"), "--target")
        assertInputError(try parser.parse("peak_year=nan"), "finite")
        assertInputError(try parser.parse("peak_ceiling=-5"), "out of range", "1 to 100000 Mt CO2")
        XCTAssertEqual(try parser.parse("peak_year=2030").peakYear, 2030)
    }

    /// A plan period is written `15`, `15th` or `十五五`, on the command line as in files; `15x`, `2030` and a period
    /// outside the horizon are refused, not read by their leading digits.
    func testPlanPeriodsAreReadAsWrittenNotByTheirLeadingDigits() throws {
        let dataset = try Dataset.innerMongolia()
        let parser = TargetParser(dataset: dataset)
        for key in ["15", "15th", "十五五", "“十五五”"] {
            XCTAssertEqual(try parser.parse("co2_intensity_cut:\(key)=20").co2IntensityCut, [15: 20], key)
        }
        XCTAssertEqual(try parser.parse("energy_intensity_cut:第二十个五年=5").energyIntensityCut, [20: 5])
        for key in ["15x", "15st", "2030", "13th", "十三五", "22nd"] {
            assertInputError(try parser.parse("co2_intensity_cut:\(key)=20"), "needs a plan period", "14th, 15th")
        }
        let loader = ScenarioLoader(dataset: dataset)
        let file = try temporary("name: periods\ntargets:\n  co2_intensity_cut: {十五五: 18, 16th: 20}\n")
        XCTAssertEqual(try loader.load(path: file).targets.co2IntensityCut, [15: 18, 16: 20])
        assertInputError(try loader.load(path: try temporary("name: periods\ntargets:\n  co2_intensity_cut: {15x: 18}\n")),
                         ":3", "'15x' is not a plan period", "十五五")
    }
}

extension FuzzFindingsTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    func temporary(_ text: String, name: String = "spec.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func optimizeSpec(_ extra: String) -> String {
        """
        scenario: \(Self.repository.appendingPathComponent("scenarios/baseline.yaml").path)
        variables:
          sector_plans.power.wind: {range: [130, 400], start: 2021, full: 2030}
        targets: {peak_year: 2026}
        \(extra)
        """
    }

    func testOptimizeSeedAndStartsAreBounded() throws {
        let loader = OptimizeSpecLoader(dataset: try Dataset.innerMongolia())
        assertInputError(try loader.load(path: try temporary(optimizeSpec("seed: -1"))), "seed", "non-negative")
        assertInputError(try loader.load(path: try temporary(optimizeSpec("starts: 100000"))), "starts", "1 to 1000")
        assertInputError(try loader.load(path: try temporary(optimizeSpec("starts: 0"))), "starts", "1 to 1000")
        XCTAssertEqual(try loader.load(path: try temporary(optimizeSpec("seed: 7\nstarts: 2"))).seed, 7)
    }
}

extension FuzzFindingsTests {
    func testDeepExtendsChainIsRefusedNotAStackOverflow() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "name: s0\n".write(to: dir.appendingPathComponent("s0.yaml"), atomically: true, encoding: .utf8)
        for i in 1...2000 {
            try "extends: s\(i - 1).yaml\n".write(to: dir.appendingPathComponent("s\(i).yaml"), atomically: true, encoding: .utf8)
        }
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        assertInputError(try loader.load(path: dir.appendingPathComponent("s2000.yaml").path), "more than 32 files deep", "s2000.yaml", "extends")
        XCTAssertNoThrow(try loader.load(path: dir.appendingPathComponent("s31.yaml").path))
    }
}

extension FuzzFindingsTests {
    /// 1 KB of YAML whose aliases expand to 9^9 nodes: refused at once, not walked for hours.
    static let aliasBomb: String = {
        var lines = ["name: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in 1...9 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        return lines.joined(separator: "\n") + "\n"
    }()

    func testAliasBombIsRefusedQuickly() throws {
        let started = Date()
        assertInputError(try YAMLNode.parse(Self.aliasBomb, file: "bomb.yaml"), "bomb.yaml:", "more than 200000 YAML nodes")
        let dataset = try Self.datasetText + "\nbomb:\n" + Self.aliasBomb.split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n") + "\n"
        assertInputError(try Dataset.parse(dataset, file: "d.yaml"), "d.yaml:", "YAML nodes")
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        assertInputError(try loader.parse(Self.aliasBomb.replacingOccurrences(of: "a0: &a0", with: "description: &a0"), file: "s.yaml"), "s.yaml:", "YAML nodes")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testExplicitYAMLTagsAreRefusedNotIgnored() throws {
        assertInputError(try YAMLNode.parse("name: !!str 12\n", file: "t.yaml"), "t.yaml:1", "explicit YAML tags")
        assertInputError(try YAMLNode.parse("a: !custom {b: 1}\n", file: "t.yaml"), "explicit YAML tags")
        assertInputError(try YAMLNode.parse("a: !!set {b: null}\n", file: "t.yaml"), "explicit YAML tags")
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        assertInputError(try loader.parse("sector_plans: {power: {wind: !!str 150}}\n", file: "s.yaml"), "s.yaml:1", "explicit YAML tags")
        XCTAssertNoThrow(try YAMLNode.parse("name: \"a ! b\"\nvalue: 12 # not a tag: !x\n", file: "t.yaml"))
    }

    func testAssumptionsGoThroughTheDatasetChecks() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        assertInputError(try loader.parse("assumptions: {power.base_coal: -50}\n", file: "s.yaml"),
                         "s.yaml:1", "assumptions.power.base_coal", "must be positive", "> 0")
        assertInputError(try loader.parse("assumptions: {power.wind_capacity_factor: -0.3}\n", file: "s.yaml"), "must be positive")
        assertInputError(try loader.parse("assumptions: {power.wind_curtailment: 1.5}\n", file: "s.yaml"), "must be below 1")
        assertInputError(try loader.parse("assumptions: {economy.growth: 100}\n", file: "s.yaml"), "economy.growth", "-0.3 to 0.3 share/yr")
        // The dataset file itself: a growth rate beyond the range.
        assertInputError(try Dataset.parse(try dataset(replacing: "values: [0.05, 0.045,", with: "values: [5, 0.045,"), file: "d.yaml"),
                         "d.yaml:", "economy.growth", "-0.3 to 0.3")
        // Shares stay shares, quantities are not negative, and nothing is a million times the dataset's value (1e308
        // overflowed into "-nan TWh" in the base-year split).
        assertInputError(try loader.parse("assumptions: {economy.replacement_share: 3}\n", file: "s.yaml"), "3 is not a share", "0 to 1 share")
        assertInputError(try loader.parse("assumptions: {economy.base_gdp: -17212.5}\n", file: "s.yaml"), "is negative", "0 or more 100 million yuan")
        assertInputError(try loader.parse("assumptions: {economy.base_gdp: 1e19}\n", file: "s.yaml"), "more than a million times the dataset's value")
        // Energy is CO2 over the emission factor: a factor of 0 gave "-nan TWh" in the base-year split.
        assertInputError(try loader.parse("assumptions: {emission_factors.coal: -5}\n", file: "s.yaml"), "must be positive")
        assertInputError(try loader.parse("assumptions: {emission_factors.coal: 0}\n", file: "s.yaml"), "emission_factors.coal", "must be positive")
        // Valid assumptions still apply.
        let s = try loader.parse("assumptions: {power.base_coal: 90, economy.growth: 1.2, economy.base_gdp: 2e4}\n", file: "s.yaml")
        XCTAssertEqual(s.assumptions["power.base_coal"], 90)
        XCTAssertNoThrow(try PreparedScenario(s, dataset: try Dataset.innerMongolia()))
    }
}
