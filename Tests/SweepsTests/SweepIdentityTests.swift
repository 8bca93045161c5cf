import XCTest
import GRDB
import Scenarios
import Simulator
@testable import Sweeps

/// A sweep's identity (spec, resolved scenario files, dataset, tool version), the checks before a resume
/// or a merge, and SQLite's errors told with the path and what to do.
final class SweepIdentityTests: XCTestCase {
    var directory: URL!
    var dataset: Dataset!

    override func setUpWithError() throws {
        dataset = try Dataset.innerMongolia()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("base.yaml", "name: base\nsector_plans:\n  power:\n    wind: {target: 120, start: 2021, full: 2030}\n")
        try write("child.yaml", "name: child\nextends: base.yaml\n")
        try write("spec.yaml", """
            name: identity
            scenarios: [child.yaml]
            design: lhs
            n: 8
            factors:
              fly_ash.fuel_tce_per_tonne: {range: [1, 4]}
            keep: [co2_gross]
            """)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func spec() throws -> SweepSpec { try SweepSpecLoader(dataset: dataset).load(path: path("spec.yaml")) }

    func store(_ db: String, checksum: String? = nil) throws -> ResultStore {
        try ResultStore(path: path(db), spec: try spec(), datasetChecksum: checksum ?? dataset.checksum, years: Array(2019...2060))
    }

    @discardableResult
    func sweep(_ db: String, shard: (Int, Int) = (0, 1), checksum: String? = nil) throws -> ResultStore {
        let s = try store(db, checksum: checksum)
        var runner = SweepRunner(plan: try SweepPlan(spec: try spec(), dataset: dataset), jobs: 1)
        runner.chunkSize = 4
        try runner.run(into: s, shard: shard)
        return s
    }

    func inputError(_ body: () throws -> Any) -> InputError? {
        do { _ = try body() } catch let e as InputError { return e } catch { XCTFail("not an InputError: \(error)") }
        return nil
    }

    func testTheIdentityIsStoredInMeta() throws {
        let s = try sweep("a.sqlite")
        XCTAssertEqual(try s.meta("tool_version"), ResultStore.toolVersion)
        XCTAssertEqual(try s.meta("dataset_checksum"), dataset.checksum)
        XCTAssertNotNil(try s.meta("scenarios_hash"))
        let files = try XCTUnwrap(s.meta("scenario_files"))
        XCTAssertTrue(files.contains("base.yaml") && files.contains("child.yaml"), files)
    }

    func testResumeAfterEditingAnExtendedBaseScenarioIsRefusedAndSaysWhichPart() throws {
        try sweep("a.sqlite")
        XCTAssertNoThrow(try store("a.sqlite"), "the same sweep resumes")
        try write("base.yaml", "name: base\nsector_plans:\n  power:\n    wind: {target: 150, start: 2021, full: 2030}\n")
        let e = try XCTUnwrap(inputError { try self.store("a.sqlite") })
        XCTAssertTrue(e.message.contains("base scenario files differ"), e.description)
        XCTAssertFalse(e.message.contains("spec text"), "the spec did not change: \(e.description)")
    }

    func testResumeWithAnotherDatasetIsRefusedAndSaysWhichPart() throws {
        try sweep("a.sqlite")
        let e = try XCTUnwrap(inputError { try self.store("a.sqlite", checksum: "0123456789abcdef") })
        XCTAssertTrue(e.message.contains("dataset differs"), e.description)
        XCTAssertEqual(e.file, path("a.sqlite"))
    }

    func testResumeOfADatabaseWithoutTheNewIdentityIsRefused() throws {
        let s = try sweep("a.sqlite")
        try s.queue.write { try $0.execute(sql: "DELETE FROM meta WHERE key = 'scenarios_hash'") }
        let e = try XCTUnwrap(inputError { try self.store("a.sqlite") })
        XCTAssertTrue(e.message.contains("older carbonsim"), e.description)
    }

    func testMergeRefusesShardsOfAnEditedScenarioOrAnotherDataset() throws {
        try sweep("s0.sqlite", shard: (0, 2))
        try write("base.yaml", "name: base\nsector_plans:\n  power:\n    wind: {target: 150, start: 2021, full: 2030}\n")
        try sweep("s1.sqlite", shard: (1, 2))
        let e = try XCTUnwrap(inputError { try ResultStore.merge([self.path("s0.sqlite"), self.path("s1.sqlite")], into: self.path("m.sqlite")) })
        XCTAssertTrue(e.message.contains("base scenario files differ"), e.description)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("m.sqlite")), "nothing written")

        try sweep("d1.sqlite", shard: (1, 2), checksum: "0123456789abcdef")
        try sweep("d0.sqlite", shard: (0, 2), checksum: "0123456789abcdef")
        try sweep("ok1.sqlite", shard: (1, 2))
        let d = try XCTUnwrap(inputError { try ResultStore.merge([self.path("s1.sqlite"), self.path("d1.sqlite")], into: self.path("m.sqlite")) })
        XCTAssertTrue(d.message.contains("dataset differs"), d.description)
        XCTAssertNoThrow(try ResultStore.merge([path("s1.sqlite"), path("ok1.sqlite")], into: path("m.sqlite")))
    }

    func testADamagedPageIsRefusedBeforeResumingWithWhatToDo() throws {
        let s = try sweep("a.sqlite")
        try s.checkpoint()
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: s.path)[.size] as? Int)
        XCTAssertGreaterThan(size, 4 * 4096)
        // Scribble over the pages after the schema.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: s.path))
        try handle.seek(toOffset: 2 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: size - 2 * 4096))
        try handle.close()
        let e = try XCTUnwrap(inputError { try self.store("a.sqlite") })
        XCTAssertTrue(e.message.contains("damaged") || e.message.contains("not a carbonsim"), e.description)
        XCTAssertNotNil(e.accepted, e.description)
    }

    func testAFileThatIsNotSQLiteIsNotACarbonsimDatabase() throws {
        try String(repeating: "not a database\n", count: 400).write(toFile: path("x.sqlite"), atomically: true, encoding: .utf8)
        let e = try XCTUnwrap(inputError { try self.store("x.sqlite") })
        XCTAssertTrue(e.message.contains("not a carbonsim database"), e.description)
        let m = try XCTUnwrap(inputError { try ResultStore(existing: self.path("x.sqlite")) })
        XCTAssertTrue(m.message.contains("not a carbonsim database"), m.description)
    }

    func testAnEmptyDatabasePathIsAnError() throws {
        let e = try XCTUnwrap(inputError { try ResultStore(path: "", spec: try self.spec(), datasetChecksum: "", years: [2019]) })
        XCTAssertTrue(e.message.contains("empty"), e.description)
    }

    func testKeepingASeriesTwiceIsRefusedAtLoad() throws {
        try write("spec.yaml", "scenarios: [child.yaml]\ndesign: lhs\nn: 8\nfactors:\n  fly_ash.fuel_tce_per_tonne: {range: [1, 4]}\nkeep: [co2_gross, co2_gross]\n")
        let e = try XCTUnwrap(inputError { try self.spec() })
        XCTAssertTrue(e.message.contains("listed twice"), e.description)
        XCTAssertEqual(e.line, 6)
    }

    func testAWriteErrorStopsEveryWorkerAndSaysTheDatabaseIsLocked() throws {
        let s = try store("a.sqlite")
        // Another process holding the write lock: every commit of the sweep fails with SQLITE_BUSY.
        let other = try DatabaseQueue(path: path("a.sqlite"))
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    holding.signal()
                    release.wait()
                    return .rollback
                }
            }
        }
        holding.wait()
        defer { release.signal() }
        var runner = SweepRunner(plan: try SweepPlan(spec: try spec(), dataset: dataset), jobs: 2)
        runner.chunkSize = 1
        let e = try XCTUnwrap(inputError { try runner.run(into: s) })
        XCTAssertTrue(e.message.contains("locked"), e.description)
        XCTAssertEqual(e.file, path("a.sqlite"))
        XCTAssertEqual(liveWorkers.value, 0, "no worker thread left running")
    }
}
