import XCTest
import GRDB
import Scenarios
import Simulator
@testable import Sweeps

final class SweepTests: XCTestCase {
    var fixture: SpecFixture!
    var directory: URL { fixture.directory }
    var dataset: Dataset { fixture.dataset }
    static var scenarios: URL { SpecFixture.scenarios }

    override func setUpWithError() throws { fixture = try SpecFixture() }
    override func tearDownWithError() throws { fixture.remove() }

    func spec(_ text: String, name: String = "spec.yaml") throws -> SweepSpec { try fixture.spec(text, name: name) }
    func specError(_ text: String) throws -> InputError { try fixture.specError(text) }

    let small = """
        name: small
        scenarios: [SCENARIOS/baseline.yaml, SCENARIOS/announced.yaml]
        design: lhs
        n: 40
        seed: 3
        factors:
          sector_plans.power.wind.target: {range: [60, 200], start: 2021, full: 2030}
          products.steel.base_output: {distribution: normal, mean: 26, sd: 1.5}
        keep: [co2_gross, co2_net]
        """

    func run(_ spec: SweepSpec, jobs: Int, db: String, shard: (Int, Int) = (0, 1), stopAfter: Int? = nil, chunk: Int = 16) throws -> ResultStore {
        let store = try ResultStore(path: directory.appendingPathComponent(db).path, spec: spec,
                                    datasetChecksum: dataset.checksum, years: Array(2019...2060))
        var runner = SweepRunner(plan: try SweepPlan(spec: spec, dataset: dataset), jobs: jobs)
        runner.chunkSize = chunk
        runner.stopAfterChunks = stopAfter
        try runner.run(into: store, shard: shard)
        return store
    }

    /// Every stored row, in a canonical order: equal content, whatever the file layout.
    func dump(_ store: ResultStore) throws -> [String] {
        try store.queue.read { db in
            var rows: [String] = []
            for table in ["runs ORDER BY run_id", "run_targets ORDER BY run_id, target, year", "series ORDER BY run_id, variable"] {
                rows += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { $0.description }
            }
            return rows
        }
    }

    func testSameSpecGivesByteIdenticalDatabasesWithOneOrTwoJobs() throws {
        let s = try spec(small)
        XCTAssertEqual(s.runCount, 80)
        let one = try run(s, jobs: 1, db: "one.sqlite"), two = try run(s, jobs: 2, db: "two.sqlite")
        XCTAssertEqual(try one.count(), 80)
        let a = try Data(contentsOf: URL(fileURLWithPath: one.path)), b = try Data(contentsOf: URL(fileURLWithPath: two.path))
        XCTAssertEqual(a, b, "database files differ between 1 and 2 jobs")
    }

    func testResumeAfterAKillComputesOnlyWhatIsMissingAndEndsWithEveryRunOnce() throws {
        let s = try spec(small)
        let full = try run(s, jobs: 2, db: "full.sqlite")
        let interrupted = try run(s, jobs: 2, db: "resumed.sqlite", stopAfter: 2)
        XCTAssertEqual(try interrupted.count(), 32, "two chunks of 16 committed before the 'kill'")
        let stored = try interrupted.storedRuns()
        let again = try ResultStore(path: interrupted.path, spec: s, datasetChecksum: dataset.checksum, years: Array(2019...2060))
        let ran = try SweepRunner(plan: try SweepPlan(spec: s, dataset: dataset), jobs: 2).run(into: again)
        XCTAssertEqual(ran, 80 - stored.count, "resume recomputes nothing stored")
        XCTAssertEqual(try again.count(), 80)
        XCTAssertEqual(try dump(again), try dump(full))
    }

    /// A stop asked for mid-chunk (Ctrl-C) stores every run finished by then, not only whole chunks, with one job
    /// or two; a resume then ends with the same database as a sweep never stopped.
    func testAStopAskedForStoresEveryFinishedRunAndResumeCompletesIt() throws {
        let s = try spec(small)
        let full = try run(s, jobs: 1, db: "full.sqlite")
        for jobs in [1, 2] {
            let store = try ResultStore(path: directory.appendingPathComponent("stopped\(jobs).sqlite").path, spec: s,
                                        datasetChecksum: dataset.checksum, years: Array(2019...2060))
            var runner = SweepRunner(plan: try SweepPlan(spec: s, dataset: dataset), jobs: jobs)
            runner.chunkSize = 16
            // Stop once 21 runs have been asked about: mid-way through the second chunk.
            let asked = Counter()
            runner.shouldStop = { asked.next() > 21 }
            let ran = try runner.run(into: store)
            XCTAssertEqual(try store.count(), ran)
            XCTAssertGreaterThanOrEqual(ran, 17, "\(jobs) jobs: the finished runs of the chunk in progress are stored")
            XCTAssertLessThan(ran, 80)
            let again = try ResultStore(path: store.path, spec: s, datasetChecksum: dataset.checksum, years: Array(2019...2060))
            let resumed = try SweepRunner(plan: try SweepPlan(spec: s, dataset: dataset), jobs: jobs).run(into: again)
            XCTAssertEqual(resumed, 80 - ran)
            XCTAssertEqual(try dump(again), try dump(full), "\(jobs) jobs")
        }
    }

    func testMergedShardsEqualAnUnshardedRun() throws {
        let s = try spec(small)
        let full = try run(s, jobs: 1, db: "full.sqlite")
        let shards = try (0..<3).map { try run(s, jobs: 1, db: "shard\($0).sqlite", shard: ($0, 3)) }
        XCTAssertEqual(try shards.map { try $0.count() }.reduce(0, +), 80)
        let merged = directory.appendingPathComponent("merged.sqlite").path
        try ResultStore.merge(shards.map(\.path), into: merged)
        XCTAssertEqual(try dump(ResultStore(existing: merged)), try dump(full))
    }

    func testMergeRefusesShardsOfAnotherSpec() throws {
        let a = try run(try spec(small), jobs: 1, db: "a.sqlite", shard: (0, 2))
        let other = try spec(small.replacingOccurrences(of: "seed: 3", with: "seed: 4"), name: "other.yaml")
        let b = try run(other, jobs: 1, db: "b.sqlite", shard: (1, 2))
        XCTAssertThrowsError(try ResultStore.merge([a.path, b.path], into: directory.appendingPathComponent("m.sqlite").path)) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("sweep spec text differs") ?? false, "\($0)")
        }
    }

    /// A spec saved with Windows line endings (or a byte-order mark) is the same sweep: its shards merge with the LF
    /// original's. Another text is another sweep.
    func testLineEndingsDoNotMakeAnotherSweep() throws {
        let lf = try spec(small), crlf = try spec("\u{FEFF}" + small.replacingOccurrences(of: "\n", with: "\r\n"), name: "crlf.yaml")
        XCTAssertNotEqual(lf.text, crlf.text)
        XCTAssertEqual(SweepIdentity(spec: lf, datasetChecksum: "d").values, SweepIdentity(spec: crlf, datasetChecksum: "d").values)
        let other = try spec(small.replacingOccurrences(of: "n: 40", with: "n: 41"), name: "other.yaml")
        XCTAssertNotEqual(SweepIdentity(spec: lf, datasetChecksum: "d").values, SweepIdentity(spec: other, datasetChecksum: "d").values)
    }

    func testAStoreRefusesAnotherSpec() throws {
        let a = try run(try spec(small), jobs: 1, db: "a.sqlite")
        let other = try spec(small.replacingOccurrences(of: "n: 40", with: "n: 41"), name: "other.yaml")
        XCTAssertThrowsError(try ResultStore(path: a.path, spec: other, datasetChecksum: dataset.checksum, years: Array(2019...2060)))
    }

    func testNumericalFailuresAreRecordedAndTheSweepGoesOn() throws {
        // A planning capacity factor of 1e-300 (positive, so the dataset check passes; 0 is refused when the
        // spec loads) makes coal capacity need infinite: the right-hand side fails.
        let s = try spec("""
            scenarios: [SCENARIOS/baseline.yaml]
            design: grid
            factors:
              power.coal_planning_capacity_factor: {levels: [0.6, 1e-300, 0.5]}
            """)
        let store = try run(s, jobs: 2, db: "fail.sqlite")
        let rows = try store.queue.read { try Row.fetchAll($0, sql: "SELECT run_id, status, error FROM runs ORDER BY run_id") }
        XCTAssertEqual(rows.map { $0["status"] as String }, ["ok", "failed", "ok"])
        XCTAssertTrue((rows[1]["error"] as String?)?.contains("GSL") ?? false, "\(rows[1])")
    }

    /// A Saltelli design of wind and a steel capacity cut on the baseline (32 base samples, 128 runs).
    let saltelli = """
        scenarios: [SCENARIOS/baseline.yaml]
        design: saltelli
        n: 32
        factors:
          sector_plans.power.wind.target: {range: [80, 250], start: 2021, full: 2030}
          sector_plans.industry.capacity_cut.steel.target: {range: [0, 80], start: 2022, full: 2025}
        """

    func testSummaryOfASaltelliSweep() throws {
        // On the baseline: announced's own wind and solar path (170 GW by 2025) puts its peak before a 2021-2030 wind
        // ramp has much effect.
        let s = try spec(saltelli)
        XCTAssertEqual(s.runCount, 32 * 4)
        let store = try run(s, jobs: 2, db: "saltelli.sqlite")
        let summary = try SweepSummary(store: store, bootstrap: 50)
        let sc = try XCTUnwrap(summary.scenarios.first)
        XCTAssertEqual(sc.runs, 128)
        for band in sc.bands {
            for y in band.years.indices {
                // Equal values may differ in the last bit after quantile interpolation.
                XCTAssertLessThanOrEqual(band.values[0][y], band.values[2][y] * (1 + 1e-12))
                XCTAssertLessThanOrEqual(band.values[2][y], band.values[4][y] * (1 + 1e-12))
            }
        }
        let peak = try XCTUnwrap(sc.sensitivity.first { $0.output == "peak_value" })
        XCTAssertEqual(peak.method, .sobol)
        // Wind dominates the peak; the steel cut barely moves it (it is replaced by compliant capacity).
        XCTAssertGreaterThan(peak.total[0].estimate, 0.5)
        XCTAssertLessThan(peak.total[1].estimate, 0.1)
        for t in sc.targets { XCTAssertTrue((0...1).contains(t.probability.estimate)) }
    }

    /// A peak ceiling is checked at each run's own peak year: its probability is over all runs (the runs that met it
    /// over the stored rows), one row whatever years the runs peak in, not one row per peak year.
    func testAPeakCeilingIsOneProbabilityOverAllRuns() throws {
        try "name: pc\ntargets:\n  peak_ceiling: 1150\n"
            .write(to: directory.appendingPathComponent("pc.yaml"), atomically: true, encoding: .utf8)
        let s = try spec("""
            scenarios: [pc.yaml]
            design: lhs
            n: 24
            seed: 5
            factors:
              sector_plans.power.new_load.target: {range: [0, 250], start: 2026, full: 2030}
              economy.growth: {range: [0.8, 1.2]}
            keep: [co2_gross]
            """)
        let store = try run(s, jobs: 1, db: "peak.sqlite")
        let (met, total, years) = try store.queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT SUM(passed) FROM run_targets WHERE target = 'peak_ceiling'")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_targets WHERE target = 'peak_ceiling'")!,
             try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM run_targets WHERE target = 'peak_ceiling' ORDER BY year"))
        }
        let peaks = try store.queue.read { try Double.fetchAll($0, sql: "SELECT achieved FROM run_targets WHERE target = 'peak_ceiling'") }
        XCTAssertGreaterThan(years.count, 1, "the runs peak in different years: \(years)")
        XCTAssertTrue(0 < met && met < total, "some runs meet it, some not: \(met) of \(total), peaks \(peaks)")
        let rows = try SweepSummary(store: store).scenarios[0].targets.filter { $0.target == "peak_ceiling" }
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].probability.trials, total)
        XCTAssertEqual(rows[0].probability.successes, met)
        XCTAssertEqual(rows[0].yearText, "\(years.first!)-\(years.last!)")
    }

    /// A Saltelli sweep with base samples missing counts the complete ones its Sobol indices come from: none for an
    /// interrupted sweep holding only the A and B blocks, some for one shard, all for the whole sweep (the notes:
    /// SobolNoteTests).
    func testSobolIndicesOfAnIncompleteSweepSayWhatTheyComeFrom() throws {
        let s = try spec(saltelli)
        let interrupted = try run(s, jobs: 1, db: "ab.sqlite", stopAfter: 4, chunk: 16)
        XCTAssertEqual(try interrupted.count(), 64, "the A and B blocks only")
        let peak = try XCTUnwrap(try SweepSummary(store: interrupted).scenarios[0].sensitivity.first { $0.output == "peak_value" })
        XCTAssertEqual(peak.baseSamples?.complete, 0)
        XCTAssertEqual(peak.baseSamples?.planned, 32)
        let shard = try run(s, jobs: 1, db: "shard.sqlite", shard: (0, 4))
        let partial = try XCTUnwrap(try SweepSummary(store: shard).scenarios[0].sensitivity.first { $0.output == "peak_value" })
        let complete = try XCTUnwrap(partial.baseSamples?.complete)
        XCTAssertTrue(complete < 32, "\(complete)")
        let full = try run(s, jobs: 1, db: "full.sqlite")
        let all = try XCTUnwrap(try SweepSummary(store: full).scenarios[0].sensitivity.first { $0.output == "peak_value" })
        XCTAssertEqual(all.baseSamples?.complete, 32)
    }

    func testSummaryOfOtherDesignsUsesRegression() throws {
        let store = try run(try spec(small), jobs: 2, db: "lhs.sqlite")
        let summary = try SweepSummary(store: store, series: ["co2_net"], bootstrap: 20)
        XCTAssertEqual(summary.scenarios.map(\.scenario), ["baseline", "announced"])
        let src = try XCTUnwrap(summary.scenarios[0].sensitivity.first { $0.output == "cumulative_co2" })
        XCTAssertEqual(src.method, .src)
        XCTAssertLessThan(src.first[0].estimate, 0, "more wind, less cumulative CO2")
        XCTAssertThrowsError(try SweepSummary(store: store, series: ["gdp"]))
    }

    func testSpecErrorsNameTheKeyAndWhatIsAccepted() throws {
        let unknown = try specError("design: lhs\nn: 10\nfactors:\n  sector_plans.power.wnd.target: {range: [1, 2]}\n")
        XCTAssertEqual(unknown.suggestion, "sector_plans.power.wind.target")
        XCTAssertEqual(unknown.line, 4)
        let empty = try specError("design: lhs\nn: 10\nfactors:\n  sector_plans.power.wind.target: {range: [200, 100]}\n")
        XCTAssertTrue(empty.message.contains("empty range"), empty.message)
        let small = try specError("design: saltelli\nn: 4\nfactors:\n  sector_plans.power.wind.target: {range: [100, 200]}\n")
        XCTAssertEqual(small.accepted, "n >= 8")
        let sd = try specError("design: random\nn: 10\nfactors:\n  products.steel.base_output: {distribution: normal, mean: 26, sd: -1}\n")
        XCTAssertEqual(sd.accepted, "sd > 0")
        let tri = try specError("design: random\nn: 10\nfactors:\n  products.steel.base_output: {distribution: triangular, min: 1, mode: 5, max: 3}\n")
        XCTAssertTrue(tri.message.contains("min <= mode <= max"), tri.message)
        XCTAssertEqual(tri.accepted, "min <= mode <= max and min < max; here min 1, mode 5, max 3")
        XCTAssertTrue(try specError("design: lhs\nn: 10\nfactors: {}\n").accepted?.contains("carbonsim levers --parameters") ?? false)
        XCTAssertEqual(try specError("design: random\nn: 10\nfactors:\n  products.steel.base_output: {levels: []}\n").accepted, "levels: [v1, v2, ...], at least one")
        XCTAssertEqual(try specError("design: random\nn: 10\nfactors:\n  products.steel.base_output: {range: [1]}\n").accepted, "range: [low, high], two numbers")
        let kind = try specError("design: random\nn: 10\nfactors:\n  products.steel.base_output: {distribution: gaussian, mean: 1, sd: 1}\n")
        XCTAssertEqual(kind.suggestion, nil)
        XCTAssertTrue(kind.accepted?.contains("normal") ?? false)
        let grid = try specError("design: grid\nfactors:\n  products.steel.base_output: {range: [20, 30]}\n")
        XCTAssertTrue(grid.message.contains("levels"), grid.message)
        let keep = try specError("design: lhs\nn: 10\nfactors:\n  products.steel.base_output: {range: [20, 30]}\nkeep: [co2_gros]\n")
        XCTAssertEqual(keep.suggestion, "co2_gross")
        let lever = try specError("design: lhs\nn: 10\nfactors:\n  sector_plans.industry.capacity_cut.steel.target: {range: [0, 150]}\n")
        XCTAssertEqual(lever.accepted, "0 to 100 %/yr")
        let design = try specError("design: sobl\nn: 10\nfactors:\n  products.steel.base_output: {range: [20, 30]}\n")
        XCTAssertEqual(design.suggestion, "sobol")
    }

    func testEveryExampleSpecLoads() throws {
        let dir = Self.scenarios.appendingPathComponent("sweeps")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        var designs = Set<DesignKind>()
        for f in files { designs.insert(try SweepSpecLoader(dataset: dataset).load(path: dir.appendingPathComponent(f).path).design) }
        XCTAssertEqual(designs, Set(DesignKind.allCases), "one example per design")
    }
}

/// A thread-safe count of calls.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}
