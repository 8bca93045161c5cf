import XCTest
import GRDB
import Scenarios
import Simulator
@testable import Sweeps

/// Sweep inputs a mutation fuzzer found (issue 13): refused at load with a located error, or a run that
/// fails alone with its error; never a trap, an allocation of n bits up front, or a sweep aborted.
final class FuzzSweepTests: XCTestCase {
    var directory: URL!
    var dataset: Dataset!
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    override func setUpWithError() throws {
        dataset = try Dataset.innerMongolia()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-fuzz-sweeps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func spec(_ text: String) throws -> SweepSpec {
        let url = directory.appendingPathComponent("spec.yaml")
        try text.replacingOccurrences(of: "SCENARIOS", with: Self.scenarios.path).write(to: url, atomically: true, encoding: .utf8)
        return try SweepSpecLoader(dataset: dataset).load(path: url.path)
    }

    func assertRefused(_ text: String, _ contains: String..., file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try spec(text)
            XCTFail("no error for:\n\(text)", file: file, line: line)
        } catch let e as InputError {
            for c in contains { XCTAssertTrue(e.description.contains(c), "\(e.description) lacks '\(c)'", file: file, line: line) }
        } catch {
            XCTFail("expected an InputError, got \(error)", file: file, line: line)
        }
    }

    func rows(_ s: SweepSpec) throws -> [Row] {
        let store = try ResultStore(path: directory.appendingPathComponent("r.sqlite").path, spec: s,
                                    datasetChecksum: dataset.checksum, years: Array(2019...2060))
        try SweepRunner(plan: try SweepPlan(spec: s, dataset: dataset), jobs: 2).run(into: store)
        return try store.queue.read { try Row.fetchAll($0, sql: "SELECT run_id, status, error FROM runs ORDER BY run_id") }
    }

    func testLeverYearFactorsAreCheckedAgainstTheHorizon() throws {
        for levels in ["[1e300]", "[-1e300]", "[2025, 1900]", "[2200]", "[99999]"] {
            assertRefused("""
                scenarios: [SCENARIOS/baseline.yaml]
                design: grid
                factors:
                  sector_plans.power.wind.start: {levels: \(levels)}
                """, "factors.sector_plans.power.wind.start", "outside the model horizon", "2020 to 2060")
        }
        assertRefused("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: random
            n: 4
            factors:
              sector_plans.power.wind.full: {range: [2030, 1e300]}
            """, "outside the model horizon")
        // Drawn years outside the horizon fail their run alone.
        let s = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: random
            n: 12
            factors:
              sector_plans.power.wind.full: {distribution: normal, mean: 2060, sd: 1e300}
              sector_plans.power.wind.target: {range: [200, 300]}
            """)
        let r = try rows(s)
        XCTAssertEqual(r.count, 12)
        XCTAssertTrue(r.contains { ($0["status"] as String) == "failed" && (($0["error"] as String?) ?? "").contains("outside the model horizon") }, "\(r)")
    }

    /// Start and full-effect years are whole: a fractional bound is refused, a continuous draw runs and is stored as
    /// the nearest year; full-effect years drawn before the lever's start are refused when all are, told when some are.
    func testLeverYearFactorsAreWholeYearsAfterTheStart() throws {
        assertRefused("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: lhs
            n: 4
            factors:
              sector_plans.industry.capacity_cut.steel.start: {range: [2020.5, 2030]}
            """, "factors.sector_plans.industry.capacity_cut.steel.start", "2020.5 is not a year")
        assertRefused("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: lhs
            n: 4
            factors:
              sector_plans.industry.capacity_cut.steel.full: {range: [2021, 2025], start: 2030}
            """, "every full-effect year drawn (2021-2025) is before the lever's start, 2030")
        let partly = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: lhs
            n: 6
            seed: 2
            factors:
              sector_plans.industry.capacity_cut.steel.full: {range: [2026, 2035], start: 2030}
              sector_plans.industry.capacity_cut.steel.start: {range: [2022, 2028]}
              sector_plans.industry.capacity_cut.steel.target: {range: [10, 40]}
            """)
        // The start is drawn too: a run whose full year comes before its own start (2026 against 2028) is told, not the
        // factor's own `start: 2030`, which the drawn start replaces.
        XCTAssertEqual(partly.warnings.map(\.message), ["a run whose full-effect year is drawn before its start year (sector_plans.industry.capacity_cut.steel.start reaches 2028) runs with its start as the full-effect year (a lever cannot be full before it starts); the database stores the year each run ran with"])
        let s = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: lhs
            n: 6
            seed: 2
            factors:
              sector_plans.industry.capacity_cut.steel.full: {range: [2026, 2035], start: 2030}
              sector_plans.industry.capacity_cut.steel.target: {range: [10, 40], start: 2030}
            """)
        XCTAssertEqual(s.warnings.count, 1)
        XCTAssertTrue(s.warnings[0].message.contains("full-effect years drawn before the lever's start, 2030, run with 2030"), s.warnings[0].message)
        // A factor's own years where a base scenario sets the lever with other years: told, as they do not apply there.
        let own = try spec("""
            scenarios: [SCENARIOS/announced.yaml]
            design: grid
            factors:
              sector_plans.power.wind.target: {levels: [200, 250], start: 2026, full: 2032}
            """)
        XCTAssertTrue(own.warnings.contains { $0.message.contains("its start, full apply only where a base scenario does not set the lever; 'announced' sets it") },
                      "\(own.warnings)")
        // The mirror case: starts drawn after the setting's full-effect year run at it, and are told.
        let late = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: grid
            factors:
              sector_plans.industry.capacity_cut.steel.start: {levels: [2022, 2027], full: 2024}
              sector_plans.industry.capacity_cut.steel.target: {levels: [20], start: 2022, full: 2024}
            """)
        XCTAssertEqual(late.warnings.count, 1, "\(late.warnings)")
        XCTAssertTrue(late.warnings.first?.message.contains("start years drawn after 2024, when the setting reaches its first milestone, run with 2024") ?? false,
                      "\(late.warnings)")
        _ = try rows(s)
        let store = try ResultStore(path: directory.appendingPathComponent("r.sqlite").path, spec: s,
                                    datasetChecksum: dataset.checksum, years: Array(2019...2060))
        let drawn = try store.queue.read { try Double.fetchAll($0, sql: "SELECT f0 FROM runs") }
        XCTAssertEqual(drawn.count, 6)
        for y in drawn { XCTAssertEqual(y, y.rounded(), "stored as run: a whole year") }
    }

    /// A start factor beside the same lever's target factor runs with the target factor's years where no base sets the
    /// lever: the load warning names that setting's full-effect year, and each run stores the start it ran with.
    func testAStartDrawnAfterTheTargetFactorsFullYearIsStoredAsItRan() throws {
        let s = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: grid
            factors:
              sector_plans.power.coal_retirement.target: {levels: [3], start: 2026, full: 2030}
              sector_plans.power.coal_retirement.start: {levels: [2027, 2034]}
            """)
        XCTAssertTrue(s.warnings.contains { $0.message.contains("start years drawn after 2030") && $0.message.contains("run with 2030") },
                      "\(s.warnings)")
        let status = try rows(s)
        XCTAssertEqual(status.map { $0["status"] as String }, ["ok", "ok"])
        let store = try ResultStore(path: directory.appendingPathComponent("r.sqlite").path, spec: s,
                                    datasetChecksum: dataset.checksum, years: Array(2019...2060))
        let starts = try store.queue.read { try Double.fetchAll($0, sql: "SELECT f1 FROM runs ORDER BY run_id") }
        XCTAssertEqual(starts, [2027, 2030])
    }

    /// Start and full-effect years drawn together: each run starts in its drawn year and is full in its drawn year (or at
    /// its start, when drawn earlier), whatever order the spec lists the factors in. Found in a trial: every drawn start
    /// was held to the target factor's default full-effect year, 2021, and stored as 2021.
    func testStartAndFullDrawnTogetherRunAsDrawn() throws {
        for order in [["target", "start", "full"], ["full", "start", "target"], ["start", "target", "full"]] {
            let line = ["target": "sector_plans.removals.ccus.target: {levels: [20]}",
                        "start": "sector_plans.removals.ccus.start: {levels: [2027, 2033]}",
                        "full": "sector_plans.removals.ccus.full: {levels: [2030, 2040]}"]
            let s = try spec("scenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n" + order.map { "  " + line[$0]! }.joined(separator: "\n") + "\n")
            XCTAssertEqual(s.warnings.map(\.message), ["a run whose full-effect year is drawn before its start year (sector_plans.removals.ccus.start reaches 2033) runs with its start as the full-effect year (a lever cannot be full before it starts); the database stores the year each run ran with"], "\(order)")
            let plan = try SweepPlan(spec: s, dataset: dataset)
            let column = { (name: String) in order.firstIndex(of: name)! }
            var ran: [[Int]] = []
            let cursor = try s.sampling.cursor()
            for point in 0..<plan.pointCount {
                var x = Array(repeating: 0.0, count: 3)
                try cursor.point(point, into: &x)
                let p = try plan.parameters(scenario: 0, effective: &x)
                let ramp = try XCTUnwrap(p.resolvedLevers[Levers.ccus].ramps.last)
                XCTAssertEqual(ramp.start, Int(x[column("start")]), "the start stored is the one run")
                XCTAssertEqual(ramp.full, Int(x[column("full")]), "the full year stored is the one run")
                ran.append([ramp.start, ramp.full])
            }
            XCTAssertEqual(Set(ran), [[2027, 2030], [2027, 2040], [2033, 2033], [2033, 2040]], "\(order)")
        }
        // On a base whose setting has several milestones a drawn full year moves the last one only: a start drawn after
        // the first milestone still runs at it, and is told even though .full is varied.
        let path = try spec("""
            scenarios: [SCENARIOS/announced.yaml]
            design: grid
            factors:
              sector_plans.power.wind.start: {levels: [2021, 2028]}
              sector_plans.power.wind.full: {levels: [2032]}
            """)
        XCTAssertTrue(path.warnings.contains { $0.message.contains("start years drawn after") && $0.message.hasSuffix("; draw starts up to 2023") },
                      "\(path.warnings.map(\.message))")
    }

    /// `n: 1e9` is a whole number, told by the run cap like any other; `n: 2.5` is not, told with what is accepted.
    func testNWrittenAsAFloatIsAWholeNumber() throws {
        let head = "scenarios: [SCENARIOS/baseline.yaml]\ndesign: random\nfactors:\n  fly_ash.fuel_tce_per_tonne: {range: [1, 4]}\n"
        assertRefused(head + "n: 2e9\n", "2000000000 runs", "a sweep is capped at 1000000000 runs")
        assertRefused(head + "n: 2.5\n", "expected a whole number, found '2.5'", "accepted: a whole number, for example 1000")
        XCTAssertEqual(try spec(head + "n: 1e2\n").n, 100)
    }

    func testDatasetFactorsGoThroughTheDatasetChecks() throws {
        assertRefused("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: lhs
            n: 4
            factors:
              power.wind_capacity_factor: {range: [25, 30]}
            """, "power.wind_capacity_factor = 25", "is not a share", "0 to 1 share")
        assertRefused("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: grid
            factors:
              power.wind_capacity_factor: {levels: [0.25, -0.3]}
            """, "power.wind_capacity_factor = -0.3", "must be positive")
        assertRefused("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: lhs
            n: 4
            factors:
              economy.growth: {range: [1, 100]}
            """, "economy.growth", "-0.3 to 0.3")
        // A normal distribution drawing negative capacity factors: those runs fail with the check's message.
        let s = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: random
            n: 16
            seed: 5
            factors:
              power.wind_capacity_factor: {distribution: normal, mean: 0.0, sd: 0.3}
            """)
        let r = try rows(s)
        XCTAssertEqual(r.count, 16)
        let failed = r.filter { ($0["status"] as String) == "failed" }
        XCTAssertFalse(failed.isEmpty)
        for f in failed { XCTAssertTrue((f["error"] as String? ?? "").contains("must be positive"), "\(f)") }
        XCTAssertTrue(r.contains { ($0["status"] as String) == "ok" })
    }

    func testDocumentedUncertaintyRangeOfAProductShareRunsEveryPoint() throws {
        // Steel 0.69-0.71 with ferroalloy at 0.3 (the dataset's documented range): the ferrous group has no
        // activity to take a remainder, so the shares are weights. Every point runs, a larger steel share
        // moves fuel from ferroalloy to steel, and the base year stays on CEADs.
        let s = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: grid
            keep: [co2_gross]
            factors:
              products.steel.share_of_group_fuel: {levels: [0.69, 0.7, 0.71]}
            """)
        let r = try rows(s)
        XCTAssertEqual(r.map { $0["status"] as String }, ["ok", "ok", "ok"])
        var p = try dataset.modelParameters()
        let steel = Product.steel.rawValue, ferroalloy = Product.ferroalloy.rawValue
        XCTAssertEqual(p.groupFuelShare(ofProduct: steel), 0.7, accuracy: 1e-12)
        p.products[steel].shareOfGroupFuel = 0.71
        XCTAssertEqual(p.groupFuelShare(ofProduct: steel), 0.71 / 1.01, accuracy: 1e-12)
        XCTAssertEqual(p.groupFuelShare(ofProduct: ferroalloy), 0.3 / 1.01, accuracy: 1e-12)
    }

    func testRunCountsAreOverflowCheckedAndCapped() throws {
        var factors = ""
        let paths = dataset.numericPaths.filter { p in
            dataset.check(p).map { c in c.positive && (1...10).allSatisfy { c.problem(Double($0)) == nil } } ?? false
        }.prefix(20)
        XCTAssertEqual(paths.count, 20)
        for p in paths { factors += "  \(p): {levels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n" }
        assertRefused("scenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n" + factors, "runs", "capped at 1000000000")
        assertRefused("""
            design: saltelli
            n: 4000000000000000000
            factors:
              power.base_coal: {range: [80, 95]}
            """, "'n'", "capped at 1000000000")
        assertRefused("""
            design: random
            n: 1000000000000
            factors:
              power.base_coal: {range: [80, 95]}
            """, "capped at 1000000000")
    }

    func testResumeBitsetGrowsWithStoredRunsAndJobsAreCapped() throws {
        var stored = StoredRuns(count: 1_000_000_000)
        XCTAssertFalse(stored.contains(999_999_999))
        stored.insert(5)
        stored.insert(1000)
        stored.insert(-1)
        stored.insert(1_000_000_000)
        XCTAssertTrue(stored.contains(5) && stored.contains(1000))
        XCTAssertFalse(stored.contains(6) || stored.contains(-1) || stored.contains(1_000_000_000))
        let s = try spec("""
            design: grid
            factors:
              power.base_coal: {levels: [85]}
            """)
        XCTAssertEqual(SweepRunner(plan: try SweepPlan(spec: s, dataset: dataset), jobs: 4_611_686_018_427_387_904).jobs, 256)
    }
}

extension FuzzSweepTests {
    /// Found by the fuzzer (seed 9): a lognormal with mu = 1e20 drew inf, stored in the runs table.
    func testDistributionsThatWouldDrawNonFiniteValuesAreRefused() throws {
        for (factor, says) in [("{distribution: lognormal, mu: 1e20, sigma: 0.1}", "e^709"),
                               ("{distribution: lognormal, mu: 0, sigma: 100}", "mu + 40 sigma"),
                               ("{distribution: normal, mean: 1e308, sd: 1}", "largest number"),
                               ("{distribution: normal, mean: 0, sd: 1e305}", "largest number"),
                               ("{distribution: uniform, min: -1e308, max: 1e308}", "wider than the largest number"),
                               ("{range: [-1e308, 1e308]}", "wider than the largest number"),
                               ("{distribution: triangular, min: -1e308, mode: 0, max: 1e308}", "wider than the largest number")] {
            assertRefused("""
                design: random
                n: 4
                factors:
                  economy.growth: \(factor)
                """, "factors.economy.growth", says)
        }
        XCTAssertNoThrow(try spec("design: random\nn: 4\nfactors:\n  economy.growth: {distribution: lognormal, mu: 0, sigma: 0.1}\n"))
    }
}
