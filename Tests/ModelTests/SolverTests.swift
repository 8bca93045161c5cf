import XCTest
import Scenarios
import Simulator

/// `solve` against a brute-force scan of the same lever.
final class SolverTests: XCTestCase {
    func solver(_ target: String, lever path: String) throws -> LeverSolver {
        let dataset = try Fixtures.dataset()
        let base = try DefaultScenarios.load(dataset: dataset)[0]
        return LeverSolver(base: base, dataset: dataset, lever: try XCTUnwrap(LeverRegistry.lever(path)),
                           setting: LeverSetting(target: 0, start: 2021, full: 2030, shape: .linear),
                           targets: try TargetParser(dataset: dataset).parse(target))
    }

    func testSolveMatchesABruteForceScan() throws {
        let s = try solver("peak_year=2026", lever: "sector_plans.power.wind")
        let solution = try s.solve()
        let value = try XCTUnwrap(solution.value)
        XCTAssertGreaterThanOrEqual(solution.margin, 0)
        // The scan: the first setting on a 2 GW grid that meets the target.
        var first: Double?
        for v in stride(from: 100.0, through: 200, by: 2) where try s.margin(at: v).margin >= 0 {
            first = v
            break
        }
        let scanned = try XCTUnwrap(first)
        XCTAssertLessThanOrEqual(value, scanned + 1e-9)
        XCTAssertGreaterThan(value, scanned - 2)
        XCTAssertLessThan(try s.margin(at: value - 0.5).margin, 0, "just below the answer the target is missed")
    }

    func testNoSettingInRangeIsSaidClearly() throws {
        let s = try solver("neutrality_year=2040", lever: "sector_plans.removals.sinks")
        let solution = try s.solve()
        XCTAssertNil(solution.value)
        XCTAssertLessThan(solution.margin, 0)
        XCTAssertEqual(solution.best, 300, "more sinks come closest")
    }

    func testTargetsParseWithTheSameChecksAsFiles() throws {
        let p = TargetParser(dataset: try Fixtures.dataset())
        XCTAssertEqual(try p.parse("non_fossil_share:2030=25").nonFossilShare[2030], 25)
        XCTAssertEqual(try p.parse("energy_intensity_cut:15th=14").energyIntensityCut[15], 14)
        XCTAssertThrowsError(try p.parse("peek_year=2030")) { XCTAssertEqual(($0 as? InputError)?.suggestion, "peak_year") }
        XCTAssertThrowsError(try p.parse("energy_cap:2070=200"))
        XCTAssertThrowsError(try p.parse("peak_year"))
    }
}
