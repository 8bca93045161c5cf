import Foundation
import XCTest
import Scenarios
import Simulator

/// Mistakes the analyst trials made in scenario files, each told once, clearly, with the file's other mistakes.
final class InputMistakesTests: XCTestCase {
    func parse(_ text: String, file: String = "plan.yaml") throws -> Scenario {
        try ScenarioLoader(dataset: Dataset.innerMongolia()).parse(text, file: file)
    }

    func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> InputError {
        do { _ = try parse(text) } catch let e as InputError { return e }
        XCTFail("no error for:\n\(text)", file: file, line: line)
        throw XCTSkip()
    }

    /// An unknown key, at the top or in targets, no longer hides the mistakes after it: every one is told, in file order.
    func testAnUnknownKeyDoesNotHideTheFilesOtherMistakes() throws {
        let e = try error("""
            name: e
            tragets: {peak_year: 2030}
            targets:
              peek_year: 2030
              non_fossil_share: {2030: 300}
              neutrality_year: 1999
            sector_plans:
              power: {wnd: 3, solar: {target: -5}}
            """)
        let all = [e] + e.others
        XCTAssertEqual(all.map(\.keyPath), ["tragets", "targets.peek_year", "targets.non_fossil_share.2030", "targets.neutrality_year",
                                            "sector_plans.power.wnd", "sector_plans.power.solar.target"], "\(e)")
        XCTAssertEqual(all[0].suggestion, "targets")
        XCTAssertEqual(all[1].suggestion, "peak_year")
    }

    /// A blank name would make a nameless column in every table: refused, with the file's name as the example.
    func testAnEmptyNameIsRefused() throws {
        for text in ["name:\n", "name: ''\n", "name: '   '\n"] {
            let e = try error(text + "targets: {peak_year: 2030}\n")
            XCTAssertEqual(e.keyPath, "name", text)
            XCTAssertTrue(e.message.hasPrefix("the name is empty"), e.message)
            XCTAssertEqual(e.accepted, "a name, for example name: plan, or no 'name:' line (the file's name is used)")
        }
        XCTAssertEqual(try parse("targets: {peak_year: 2030}\n").name, "plan")
    }

    /// A sweep or optimisation spec given where a scenario file goes is named as such, with the command that runs it.
    func testASpecGivenAsAScenarioFileIsNamed() throws {
        let sweep = try error("name: s\nscenarios: baseline\ndesign: sobol\nn: 8\nfactors: {economy.growth: {range: [1, 2]}}\n")
        XCTAssertEqual(sweep.message, "this is a sweep spec (it has 'factors' and 'design'), not a scenario file")
        XCTAssertTrue(sweep.accepted?.hasPrefix("carbonsim sweep plan.yaml runs it") ?? false, "\(sweep)")
        let optimize = try error("name: o\nscenario: baseline\nobjective: total_cost\nvariables: {}\n")
        XCTAssertEqual(optimize.message, "this is an optimisation spec (it has 'variables' and 'objective'), not a scenario file")
    }
}
