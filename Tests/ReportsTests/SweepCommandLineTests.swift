import XCTest
import Foundation

/// `carbonsim sweep`, `merge` and `summarize` end to end, including a real SIGKILL and resume.
final class SweepCommandLineTests: XCTestCase {
    let cli = CLI()
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func writeSpec(n: Int) throws -> String {
        let spec = directory.appendingPathComponent("spec.yaml")
        let scenarios = CLI.repository.appendingPathComponent("scenarios").path
        try """
            name: cli
            scenarios: [\(scenarios)/baseline.yaml]
            design: sobol
            n: \(n)
            factors:
              sector_plans.power.wind.target: {range: [60, 200], start: 2021, full: 2030}
              fly_ash.fuel_tce_per_tonne: {range: [1, 4]}
            """.write(to: spec, atomically: true, encoding: .utf8)
        return spec.path
    }

    func testKilledSweepResumesToTheSameResults() throws {
        let spec = try writeSpec(n: 1500)
        let killed = directory.appendingPathComponent("killed.sqlite").path
        let clean = directory.appendingPathComponent("clean.sqlite").path
        let csvKilled = directory.appendingPathComponent("killed.csv").path
        let csvClean = directory.appendingPathComponent("clean.csv").path

        let p = Process()
        p.executableURL = cli.binary
        p.arguments = ["sweep", spec, "--db", killed, "--jobs", "2", "--quiet"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill it once something is stored (or, on a fast machine, whenever it is).
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline {
            if let size = try? FileManager.default.attributesOfItem(atPath: killed)[.size] as? Int, size > 200_000 { break }
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()

        let refused = try cli.run(["sweep", spec, "--db", killed])
        XCTAssertNotEqual(refused.status, 0, "an existing database needs --resume")
        XCTAssertTrue(refused.err.contains("--resume"), refused.err)

        let resumed = try cli.run(["sweep", spec, "--db", killed, "--resume", "--jobs", "2", "--csv", csvKilled])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        let fresh = try cli.run(["sweep", spec, "--db", clean, "--jobs", "1", "--quiet", "--csv", csvClean])
        XCTAssertEqual(fresh.status, 0, fresh.err)
        XCTAssertEqual(try String(contentsOfFile: csvKilled, encoding: .utf8), try String(contentsOfFile: csvClean, encoding: .utf8))
        let series = { (p: String) in try String(contentsOfFile: p.replacingOccurrences(of: ".csv", with: ".series.csv"), encoding: .utf8) }
        XCTAssertEqual(try series(csvKilled), try series(csvClean))
        XCTAssertEqual(try String(contentsOfFile: csvClean, encoding: .utf8).split(separator: "\n").count, 1 + 1500)
    }

    /// Ctrl-C stops a sweep after the runs in progress: every finished run is stored, the message says how many and
    /// the command that continues it (exit 130), and that command ends where a sweep never stopped ends.
    func testCtrlCStoresTheFinishedRunsAndTellsHowToResume() throws {
        let spec = try writeSpec(n: 400)
        let stopped = directory.appendingPathComponent("stopped.sqlite").path
        let p = Process()
        p.executableURL = cli.binary
        p.arguments = ["sweep", spec, "--db", stopped, "--jobs", "2", "--quiet"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline {
            if let size = try? FileManager.default.attributesOfItem(atPath: stopped)[.size] as? Int, size > 0 { break }
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGINT)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus != 0 else { return }   // a fast machine finished first: nothing to stop
        // The stop is handled from the moment the database exists: an exit with 130, never a death by the signal.
        XCTAssertEqual(p.terminationReason, .exit, message)
        XCTAssertEqual(p.terminationStatus, 130, message)
        let m = try XCTUnwrap(message.firstMatch(of: /interrupted: (\d+) runs done now, (\d+) of 400 stored; to continue: carbonsim (.*) --resume/), message)
        XCTAssertEqual(Int(m.1), Int(m.2))
        let resumed = try cli.run(String(m.3).split(separator: " ").map(String.init) + ["--resume", "--csv", directory.appendingPathComponent("resumed.csv").path])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertEqual(try String(contentsOfFile: directory.appendingPathComponent("resumed.csv").path, encoding: .utf8).split(separator: "\n").count, 1 + 400)
        let clean = try cli.run(["sweep", spec, "--db", directory.appendingPathComponent("clean.sqlite").path, "--quiet",
                                 "--csv", directory.appendingPathComponent("clean.csv").path])
        XCTAssertEqual(clean.status, 0, clean.err)
        XCTAssertEqual(try String(contentsOfFile: directory.appendingPathComponent("resumed.csv").path, encoding: .utf8),
                       try String(contentsOfFile: directory.appendingPathComponent("clean.csv").path, encoding: .utf8))
    }

    /// A lever factor drawn from an unbounded distribution is told at load how often it leaves the lever's range, and
    /// such draws fail as runs (a level no scenario file may hold), not run as if valid.
    /// One sweep writes a database at a time: while a sweep holds it (here this test, through the same lock), another
    /// `--resume` is refused at once with what to do, and nothing of the database changes; released, it resumes.
    /// `--shard -1/3` reaches the shard check (which names what it accepts), not the parser's "missing value".
    func testANegativeShardIsTheShardChecksError() throws {
        let spec = try writeSpec(n: 4)
        let r = try cli.run(["sweep", spec, "--no-history", "--db", directory.appendingPathComponent("s.db").path, "--shard", "-1/3"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("'-1/3' is not a shard") && r.err.contains("accepted: i/n with n >= 1 and 0 <= i < n"), r.err)
        XCTAssertFalse(r.err.contains("Missing value"), r.err)
        let port = try cli.run(["serve", "--port", "-1"])
        XCTAssertTrue(port.err.contains("--port -1 不是端口号；可用：0 到 65535"), port.err)
    }

    func testASecondSweepOnADatabaseBeingWrittenIsRefused() throws {
        let spec = try writeSpec(n: 8)
        let db = directory.appendingPathComponent("busy.sqlite").path
        XCTAssertEqual(try cli.run(["sweep", spec, "--db", db, "--quiet"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let descriptor = open(db, O_RDONLY)
        XCTAssertEqual(flock(descriptor, LOCK_EX | LOCK_NB), 0)
        let r = try cli.run(["sweep", spec, "--db", db, "--resume", "--quiet"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("another sweep is writing this database now") && r.err.contains("one sweep per database at a time"), r.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        XCTAssertEqual(try cli.run(["sweep", spec, "--db", db, "--resume", "--quiet"]).status, 0)
    }

    func testDrawsOutsideALeversRangeFail() throws {
        let spec = directory.appendingPathComponent("normal.yaml").path
        try """
            name: normal
            scenarios: [\(CLI.repository.path)/scenarios/baseline.yaml]
            design: lhs
            n: 20
            seed: 1
            factors:
              sector_plans.power.coal_retirement.target: {distribution: normal, mean: 25, sd: 15, start: 2026, full: 2030}
            keep: [co2_gross]
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("normal.sqlite").path
        let r = try cli.run(["sweep", spec, "--db", db, "--quiet"])
        XCTAssertTrue(r.err.contains("about 41.7 % of the draws fall outside the lever's range, 0 to 30 %/yr: those runs fail"), r.err)
        // Seed 1 draws 8 of 20 outside [0, 30].
        let summary = try cli.run(["summarize", db])
        XCTAssertTrue(summary.out.contains("20 runs, 8 failed"), summary.out)
        let reasons = try cli.run(["summarize", db, "--format", "json"])
        XCTAssertTrue(reasons.out.contains("lies outside the lever's range"), String(reasons.out.prefix(2000)))
        // The fan chart draws the series the sweep kept (not co2_net, which it did not keep) from the runs that ran, and
        // its title says so: 12 runs, not 20.
        let fan = directory.appendingPathComponent("fan.svg").path
        let drawn = try cli.run(["plot", "fan", db, "--output", fan])
        XCTAssertEqual(drawn.status, 0, drawn.err)
        XCTAssertTrue(drawn.err.contains("note: the sweep did not keep co2_net: drawing co2_gross"), drawn.err)
        let svg = try String(contentsOfFile: fan, encoding: .utf8)
        XCTAssertTrue(svg.contains("normal: CO2 gross, baseline, 12 runs (8 failed)"), String(svg.prefix(3000)))
        _ = try cli.run(["plot", "fan", db, "--output", fan, "--lang", "zh"])
        XCTAssertTrue(try String(contentsOfFile: fan, encoding: .utf8).contains("12次成功运行，另有8次失败"))
    }

    /// A base scenario's own warnings (a fraction typed for a percent holds in every run) are told by `sweep`, as by
    /// `run`, once each even when two base scenarios extend the same file.
    func testABaseScenariosWarningsAreTold() throws {
        let fractions = directory.appendingPathComponent("fractions.yaml")
        try "name: fractions\ntargets:\n  non_fossil_share: {2030: 0.45}\n".write(to: fractions, atomically: true, encoding: .utf8)
        try "name: twin\nextends: fractions.yaml\n".write(to: directory.appendingPathComponent("twin.yaml"), atomically: true, encoding: .utf8)
        let spec = directory.appendingPathComponent("fractions-spec.yaml").path
        try """
            name: fractions
            scenarios: [fractions.yaml, twin.yaml]
            design: grid
            factors:
              sector_plans.power.wind.target: {levels: [150], start: 2026, full: 2030}
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let r = try cli.run(["sweep", spec, "--db", directory.appendingPathComponent("fractions.sqlite").path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        let told = r.err.components(separatedBy: "\n").filter { $0.contains("fractions.yaml:3") && $0.contains("0.45 % looks like a fraction") }
        XCTAssertEqual(told.count, 1, r.err)
    }

    /// Commands that only read a database never change the file, not even an empty one named by mistake.
    func testReadingCommandsLeaveAnEmptyFileAlone() throws {
        let empty = directory.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for arguments in [["summarize", empty], ["plot", "fan", empty, "--output", directory.appendingPathComponent("fan.svg").path]] {
            let r = try cli.run(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.err)")
            XCTAssertTrue(r.err.contains("not a carbonsim sweep database"), r.err)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: empty)).count, 0, "\(arguments) wrote into the file")
        }
    }

    func testShardsMergeAndSummarize() throws {
        let spec = try writeSpec(n: 64)
        var shards: [String] = []
        for i in 0..<2 {
            let db = directory.appendingPathComponent("s\(i).sqlite").path
            let r = try cli.run(["sweep", spec, "--db", db, "--shard", "\(i)/2", "--quiet"])
            XCTAssertEqual(r.status, 0, r.err)
            shards.append(db)
        }
        let merged = directory.appendingPathComponent("merged.sqlite").path
        let m = try cli.run(["merge", "--output", merged] + shards)
        XCTAssertEqual(m.status, 0, m.err)
        XCTAssertTrue(m.err.contains("64 of 64 runs"), m.err)
        for format in ["markdown", "csv", "json"] {
            let s = try cli.run(["summarize", merged, "--format", format, "--bootstrap", "20"])
            XCTAssertEqual(s.status, 0, s.err)
            XCTAssertTrue(s.out.contains("P95") || s.out.contains("band"), format)
            XCTAssertFalse(s.out.contains("Incomplete"), format)
        }
        // The CSV carries each regression's R², as the Markdown, JSON and workbook do, and names the statistic in Chinese.
        let csv = try cli.run(["summarize", merged, "--format", "csv", "--bootstrap", "20"])
        let whole = try JSONSerialization.jsonObject(with: Data(try cli.run(["summarize", merged, "--format", "json", "--bootstrap", "20"]).out.utf8)) as? [String: Any]
        let sensitivity = ((whole?["scenarios"] as? [[String: Any]])?.first?["sensitivity"] as? [[String: Any]]) ?? []
        let r2 = csv.out.split(separator: "\n").filter { $0.contains(",r_squared,") }
        XCTAssertEqual(r2.count, sensitivity.filter { $0["r_squared"] is Double }.count, csv.out)
        XCTAssertFalse(r2.isEmpty, csv.out)
        let zh = try cli.run(["summarize", merged, "--format", "csv", "--bootstrap", "20", "--lang", "zh"])
        XCTAssertTrue(zh.out.contains(",决定系数R²,") && zh.out.contains(",标准化回归系数,") && !zh.out.contains(",src,"), zh.out)
        // One shard alone is a part: the summary says so, and of how much.
        let part = try cli.run(["summarize", shards[0], "--bootstrap", "20"])
        XCTAssertTrue(part.out.contains("**Incomplete: 32 of 64 runs stored**"), part.out)
        let json = try cli.run(["summarize", shards[0], "--format", "json", "--bootstrap", "20"])
        XCTAssertTrue(json.out.contains("\"runs_stored\" : 32") || json.out.contains("\"runs_stored\":32"), json.out)
        let bad = try cli.run(["sweep", spec, "--db", directory.appendingPathComponent("x.sqlite").path, "--shard", "2/2"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.err.contains("0 <= i < n"), bad.err)
    }

    /// A summary names the region and dataset the sweep ran on (the database keeps them), in every format; a
    /// --province the sweep did not run on is refused rather than named.
    func testSummariesNameTheRegion() throws {
        let spec = try writeSpec(n: 8)
        let db = directory.appendingPathComponent("r.sqlite").path
        XCTAssertEqual(try cli.run(["sweep", spec, "--db", db, "--no-history", "--quiet"]).status, 0)
        let zh = try cli.run(["summarize", db, "--lang", "zh"])
        XCTAssertTrue(zh.out.contains("地区：内蒙古；数据集：inner-mongolia.yaml（内置）"), zh.out)
        let json = try cli.run(["summarize", db, "--format", "json"])
        let top = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual(top["region"] as? String, "Inner Mongolia")
        let other = try cli.run(["summarize", db, "--province", "Shanxi"])
        XCTAssertEqual(other.status, 2, other.err)
        XCTAssertTrue(other.err.contains("the sweep ran on Inner Mongolia"), other.err)
        XCTAssertFalse(other.out.contains("Region:"), other.out)
    }
}
