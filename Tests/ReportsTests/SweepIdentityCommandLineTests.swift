import XCTest
import Foundation

/// `carbonsim sweep --resume` and `merge` refuse results of another model, and a damaged database, with
/// the part that differs or what to do.
final class SweepIdentityCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!
    var directory: URL { scratch.directory }

    override func setUpWithError() throws { scratch = try ScratchFolder("idcli") }
    override func tearDownWithError() throws { scratch.remove() }

    func path(_ name: String) -> String { scratch.path(name) }
    func spec() throws -> String { try scratch.sweepSpec(name: "identity", runs: 300) }

    func testResumeWithAnotherDatasetIsRefusedAndSaysTheDatasetDiffers() throws {
        let spec = try spec()
        let first = try cli.run(["sweep", spec, "--db", path("a.sqlite"), "--quiet", "--jobs", "1"])
        XCTAssertEqual(first.status, 0, first.err)
        let embedded = CLI.repository.appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml")
        try (try String(contentsOf: embedded, encoding: .utf8) + "\n# edited\n").write(toFile: path("edited.yaml"), atomically: true, encoding: .utf8)
        let r = try cli.run(["sweep", spec, "--db", path("a.sqlite"), "--resume", "--dataset", path("edited.yaml")])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains(path("a.sqlite")) && r.err.contains("the dataset differs"), r.err)

        let shard = try cli.run(["sweep", spec, "--db", path("b.sqlite"), "--shard", "1/2", "--quiet", "--jobs", "1", "--dataset", path("edited.yaml")])
        XCTAssertEqual(shard.status, 0, shard.err)
        let m = try cli.run(["merge", "-o", path("m.sqlite"), path("a.sqlite"), path("b.sqlite")])
        XCTAssertEqual(m.status, 2, m.err)
        XCTAssertTrue(m.err.contains("the dataset differs"), m.err)
    }

    func testADamagedDatabaseIsRefusedWithWhatToDo() throws {
        let spec = try spec()
        XCTAssertEqual(try cli.run(["sweep", spec, "--db", path("a.sqlite"), "--quiet", "--jobs", "1"]).status, 0)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path("a.sqlite"))[.size] as? Int)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path("a.sqlite")))
        try handle.seek(toOffset: UInt64(size / 2))
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
        try handle.close()
        for args in [["sweep", spec, "--db", path("a.sqlite"), "--resume"], ["summarize", path("a.sqlite")],
                     ["merge", "-o", path("m.sqlite"), path("a.sqlite")]] {
            let r = try cli.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains("damaged") || r.err.contains("not a carbonsim database"), "\(args): \(r.err)")
            XCTAssertFalse(r.err.contains("SQLite error") && !r.err.contains("accepted"), r.err)
        }
    }
}
