import XCTest
import Foundation

/// An analyst's own file, outside the repository, works with the shipped scenarios by name: `extends: announced`
/// and `compare announced my.yaml` use the embedded files, with a warning that says so (once), in both languages.
final class EmbeddedScenarioCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("embedded") }
    override func tearDownWithError() throws { scratch.remove() }

    func testCompareNamesTheEmbeddedScenarioAndTellsItOnce() throws {
        let mine = try scratch.write("mine.yaml", "name: mine\nextends: announced\nsector_plans:\n  power:\n    wind: {target: 200, start: 2026, full: 2030}\n")
        // Run from the repository's root, where there is no announced.yaml.
        let r = try cli.run(["compare", "announced", mine, "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("announced: warning: there is no such file here: this is the embedded announced.yaml"), r.err)
        XCTAssertTrue(r.err.contains("\(mine):2: warning at 'extends': there is no 'announced' beside this file"), r.err)
        // announced.yaml's own notes (history mode supersedes its 2023-2025 milestones) are not told: the shipped file
        // is written for history mode, and telling it on every file that extends it hid the file's own warnings.
        XCTAssertFalse(r.err.contains("announced.yaml (embedded):138"), r.err)
        XCTAssertTrue(r.out.contains("announced") && r.out.contains("mine"), r.out)

        let zh = try cli.run(["compare", "announced", mine, "--lang", "zh", "--format", "csv"])
        XCTAssertFalse(zh.err.contains("announced.yaml（内置）:138"), zh.err)
        XCTAssertFalse(zh.err.contains("(embedded)"), zh.err)
        XCTAssertTrue(zh.err.contains("此处没有该文件：使用的是内置的 announced.yaml"), zh.err)
    }

    /// `announced` names the embedded scenario even beside an analyst's own announced.yaml: the warning names that file
    /// and how to use it, instead of saying there is none.
    func testABareNameBesideAFileOfThatNameSaysHowToUseTheFile() throws {
        _ = try scratch.write("announced.yaml", "name: my-announced\ntargets: {peak_year: 2027}\n")
        let mine = try scratch.write("mine.yaml", "name: mine\nextends: announced\n")
        let r = try cli.run(["run", "announced", mine, "--no-history", "--format", "csv"], in: scratch.directory)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("announced: warning: there is no such file here: this is the embedded announced.yaml, the shipped scenario (scenarios/announced.yaml in the repository) (not the file 'announced.yaml' there: write 'announced.yaml' for that one)"), r.err)
        XCTAssertTrue(r.err.contains("there is no 'announced' beside this file: it extends the embedded announced.yaml, the shipped scenario (scenarios/announced.yaml in the repository) (not the file 'announced.yaml' there"), r.err)
        XCTAssertFalse(r.out.contains("my-announced"), "the bare name is the embedded scenario")
        let zh = try cli.run(["run", "announced", "--no-history", "--lang", "zh", "--format", "csv"], in: scratch.directory)
        XCTAssertTrue(zh.err.contains("此处没有该文件：使用的是内置的 announced.yaml，即随软件发布的情景（仓库中的 scenarios/announced.yaml）（不是该处的 'announced.yaml'：要用它请写 'announced.yaml'）"), zh.err)
        // Written with its extension, the file is read, without a word about the embedded one.
        let own = try cli.run(["run", "announced.yaml", "--no-history", "--format", "csv"], in: scratch.directory)
        XCTAssertTrue(own.out.contains("my-announced") && !own.err.contains("embedded"), own.err)
    }

    func testAMisspeltEmbeddedNameIsSuggested() throws {
        let r = try cli.run(["run", "Announced.yml", "--no-history"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("Announced.yml: error: no such scenario file"), r.err)
        XCTAssertTrue(r.err.contains("did you mean 'announced'?"), r.err)
        let file = try scratch.write("typo.yaml", "extends: Announced\n")
        let e = try cli.run(["validate", file, "--no-history"])
        XCTAssertTrue(e.err.contains("did you mean 'announced'?"), e.err)
    }

    /// Two scenarios of one name get columns one can tell apart.
    func testCompareGivesScenariosOfOneNameDistinctColumns() throws {
        let a = try scratch.write("a.yaml", "name: plan\n")
        let b = try scratch.write("b.yaml", "name: plan\nsector_plans:\n  power:\n    wind: {target: 200, start: 2026, full: 2030}\n")
        let r = try cli.run(["compare", a, b, "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("plan-2 − plan") || r.out.contains("plan-2 - plan"), r.out)
    }
}
