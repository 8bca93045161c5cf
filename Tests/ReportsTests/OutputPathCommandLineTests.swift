import XCTest
import Foundation

/// Output paths are checked before anything is computed; scenario names become safe, distinct file names;
/// empty paths and empty scenario files are told.
final class OutputPathCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!
    var directory: URL { scratch.directory }

    override func setUpWithError() throws { scratch = try ScratchFolder("paths") }
    override func tearDownWithError() throws { scratch.remove() }

    func path(_ name: String) -> String { scratch.path(name) }
    func spec() throws -> String { try scratch.sweepSpec(name: "paths", runs: 4) }

    func testOutputsInAMissingFolderAreRefusedBeforeComputing() throws {
        let missing = path("no/such/folder")
        let cases: [[String]] = [
            ["sweep", try spec(), "--db", missing + "/s.sqlite"],
            ["sweep", try spec(), "--db", path("ok.sqlite"), "--csv", missing + "/runs.csv"],
            ["plot", "trajectory", "-o", missing + "/t.svg"],
            ["decompose", "--chart", missing + "/d.svg"],
            ["calibrate", "--output", missing + "/c.yaml"],
            ["merge", "--output", missing + "/m.sqlite", path("ok.sqlite")],
            // run --output and plot gallery --dir create their own folder, but only in one that exists.
            ["run", "--output", missing + "/results"],
            ["plot", "gallery", "--dir", missing + "/plots"],
        ]
        for args in cases {
            let started = Date()
            let r = try cli.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains("does not exist") && r.err.contains("mkdir -p"), "\(args): \(r.err)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 30, "\(args)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("ok.sqlite")), "the sweep did not run before the --csv check")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("no")), "no folder was made")
        // The folder itself is made when its parent exists.
        let r = try cli.run(["run", "--output", path("results")])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("results/announced.annual.csv")), r.err)
    }

    /// An output that is also an input of the command, or an existing sweep database that a text output would replace,
    /// is refused before anything is written: the database, the spec and the summary's source stay as they were.
    func testAnOutputThatWouldReplaceAnInputOrADatabaseIsRefused() throws {
        let spec = try spec(), db = path("s.sqlite")
        XCTAssertEqual(try cli.run(["sweep", spec, "--db", db, "--quiet"]).status, 0)
        let dbBytes = try Data(contentsOf: URL(fileURLWithPath: db)), specText = try String(contentsOfFile: spec, encoding: .utf8)
        let cases: [([String], String)] = [
            (["summarize", db, "-o", db], "also an input"),
            (["summarize", db, "--output=\(db)"], "also an input"),
            (["plot", "fan", db, "--series", "co2_gross", "-o", db], "also an input"),
            (["sweep", spec, "--db", path("t.sqlite"), "--csv", db], "SQLite database"),
            (["sweep", spec, "--db", path("u.sqlite"), "--csv", spec], "also an input"),
            (["summarize", path("s.sqlite"), "-o", directory.path + "/./s.sqlite"], "also an input"),
        ]
        for (args, says) in cases {
            let r = try cli.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains(says), "\(args): \(r.err)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), dbBytes, "the database is untouched")
        XCTAssertEqual(try String(contentsOfFile: spec, encoding: .utf8), specText, "the spec is untouched")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("t.sqlite")), "no sweep ran before the check")
        XCTAssertEqual(try cli.run(["summarize", db, "-o", path("summary.md")]).status, 0, "another name still works")
    }

    /// `run --output` names a folder: a file's name (table.csv) is told, not made into a folder; in Chinese under zh.
    func testRunOutputWithAFileNameIsRefused() throws {
        let file = path("table.csv")
        let r = try cli.run(["run", "--no-history", "--format", "csv", "--output", file])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("--output names a folder, and 'table.csv' looks like a file name"), r.err)
        XCTAssertTrue(r.err.contains("> table.csv"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "no folder made")
        let zh = try cli.run(["run", "--no-history", "--output", path("report.md"), "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("应为文件夹") && zh.err.contains("只要表格：carbonsim run ... > table.md"), zh.err)
        XCTAssertEqual(try cli.run(["run", "--no-history", "--format", "csv", "--output", path("results")]).status, 0, "a folder name still works")
    }

    func testAnEmptyDatabasePathIsAnErrorNotATemporaryDatabase() throws {
        let r = try cli.run(["sweep", try spec(), "--db", ""])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("--db") && r.err.contains("empty"), r.err)
    }

    func testScenarioNamesWithSlashesAndTwinNamesGetSafeDistinctFiles() throws {
        try "name: coal/2030\n".write(toFile: path("a.yaml"), atomically: true, encoding: .utf8)
        try "name: twin\n".write(toFile: path("b.yaml"), atomically: true, encoding: .utf8)
        try "name: twin\nsector_plans:\n  power:\n    wind: {target: 150, start: 2022, full: 2030}\n".write(toFile: path("c.yaml"), atomically: true, encoding: .utf8)
        let out = path("out")
        let r = try cli.run(["run", path("a.yaml"), path("b.yaml"), path("c.yaml"), "--output", out])
        XCTAssertEqual(r.status, 0, r.err)
        for f in ["coal_2030.annual.csv", "twin.annual.csv", "twin-2.annual.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + f), "\(f): \(r.err)")
        }
        XCTAssertNotEqual(try String(contentsOfFile: out + "/twin.annual.csv", encoding: .utf8),
                          try String(contentsOfFile: out + "/twin-2.annual.csv", encoding: .utf8))
        XCTAssertTrue(r.err.contains("twin-2.annual.csv"), r.err)
    }

    func testRunAndValidateWarnAboutAnEmptyScenario() throws {
        try "# to do\n".write(toFile: path("empty.yaml"), atomically: true, encoding: .utf8)
        for command in ["run", "validate"] {
            let r = try cli.run([command, path("empty.yaml")])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.err.contains(path("empty.yaml") + ": warning: empty scenario: this runs the frozen-policy baseline"), "\(command): \(r.err)")
        }
    }
}
