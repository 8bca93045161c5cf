import Foundation
import XCTest
@testable import Scenarios
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

    /// A number typed with its unit ('30%', '200GW'): the number alone is asked for, with '30' suggested for a percent.
    func testANumberTypedWithItsUnitIsToldToDropIt() throws {
        let e = try error("name: u\nsector_plans:\n  industry:\n    capacity_cut:\n      steel: 30%\n  power:\n    wind: {target: 200 GW, start: 2026, full: 2030}\n")
        let all = [e] + e.others
        XCTAssertEqual(all.map(\.message), ["expected a number, found '30%': write the number alone, without '%' (the field's unit is fixed)",
                                            "expected a number, found '200 GW': write the number alone, without 'GW' (the field's unit is fixed)"])
        XCTAssertEqual(all.map(\.suggestion), ["30", nil])
        XCTAssertNil(YAMLNode.numberWithUnit("2030年"))
        XCTAssertNil(YAMLNode.numberWithUnit("abc"))
        XCTAssertNil(YAMLNode.numberWithUnit("1.2.3"))
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
        // And the other way round: a scenario file or an optimisation spec given to sweep, a sweep spec to optimize
        // (a tester got lists of missing and unknown keys).
        let dataset = try Dataset.innerMongolia(), folder = FileManager.default.temporaryDirectory
        func sweepError(_ text: String) throws -> InputError {
            do { _ = try SweepSpecLoader(dataset: dataset).parse(text, file: "x.yaml", directory: folder) } catch let e as InputError { return e }
            XCTFail("no error"); throw XCTSkip()
        }
        let scenario = try sweepError("name: s\nextends: announced.yaml\nsector_plans:\n  power:\n    wind: {delta: 10}\n")
        XCTAssertEqual(scenario.message, "this is a scenario file (it has 'extends' and 'sector_plans'), not a sweep spec")
        XCTAssertEqual(scenario.accepted, "carbonsim run x.yaml runs it; a sweep spec has keys such as name, scenarios, design, factors")
        // The file as typed, folder included: `carbonsim run x.yaml` from elsewhere would run another file or the embedded one.
        do { _ = try SweepSpecLoader(dataset: dataset).parse("extends: announced.yaml\nsector_plans: {}\n", file: "plans/my plan.yaml", directory: folder) } catch let e as InputError {
            XCTAssertEqual(e.accepted, "carbonsim run 'plans/my plan.yaml' runs it; a sweep spec has keys such as name, scenarios, design, factors")
        }
        XCTAssertEqual(try sweepError("name: o\nscenario: baseline\nobjective: total_cost\nvariables: {}\n").message,
                       "this is an optimisation spec (it has 'variables' and 'objective'), not a sweep spec")
        let url = folder.appendingPathComponent("sweep-\(UUID().uuidString).yaml")
        try "name: s\nscenarios: [baseline]\ndesign: grid\nfactors: {economy.growth: {levels: [1, 2]}}\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try OptimizeSpecLoader(dataset: dataset).load(path: url.path)) {
            XCTAssertEqual(($0 as? InputError)?.message, "this is a sweep spec (it has 'factors' and 'design'), not an optimisation spec")
        }
        // A dataset given where a scenario file goes, and a scenario file given as the dataset (a tester got a heap of
        // unknown keys for each).
        let datasetText = try String(contentsOf: FuzzFindingsTests.repository.appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml"), encoding: .utf8)
        let asScenario = try error(datasetText)
        XCTAssertEqual(asScenario.message, "this is a dataset (it has 'base_year' and 'emission_factors'), not a scenario file")
        XCTAssertEqual(asScenario.accepted, "carbonsim run FILE.yaml --dataset plan.yaml uses it (every command takes --dataset); a scenario file has keys such as name, extends, targets, sector_plans")
        // A '$' would expand in the shell: quoted. The command is the one that read the file.
        do { _ = try SweepSpecLoader(dataset: dataset).parse(datasetText, file: "$HOME.yaml", directory: folder) } catch let e as InputError {
            XCTAssertEqual(e.accepted, "carbonsim sweep SPEC.yaml --dataset '$HOME.yaml' uses it (every command takes --dataset); a sweep spec has keys such as name, scenarios, design, factors")
        }
        XCTAssertThrowsError(try Dataset.parse("name: s\nextends: announced.yaml\nsector_plans: {}\n", file: "plans/s.yaml")) {
            XCTAssertEqual(($0 as? InputError)?.message, "this is a scenario file (it has 'extends' and 'sector_plans'), not a dataset")
            XCTAssertEqual(($0 as? InputError)?.accepted, "carbonsim run plans/s.yaml runs it; a dataset has keys such as region, base_year, emission_factors, economy, products, power")
        }
        // A stray key of a spec is no spec: a scenario file with 'design' alone is read as a scenario file.
        XCTAssertFalse(try error("name: d\ndesign: grid\n").message.hasPrefix("this is"))
    }
}

/// Chinese ways of writing a year and a list: "2030年" as a key or value is suggested as 2030, and the enumeration comma
/// (顿号) typed for a comma in a flow mapping is named, as the full-width comma is.
final class ChineseInputTests: XCTestCase {
    func testAYearWrittenWithItsCharacterIsSuggestedAsDigits() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        for (text, key) in [("targets: {non_fossil_share: {2030年: 30}}", "targets.non_fossil_share.2030年"),
                            ("sector_plans:\n  power:\n    wind: {path: {2028年底: 150, 2030: 200}}", "sector_plans.power.wind.path.2028年底"),
                            ("sector_plans:\n  power:\n    wind: {target: 200, start: 2026年, full: 2030}", "sector_plans.power.wind.start")] {
            XCTAssertThrowsError(try loader.parse(text + "\n", file: "y.yaml"), text) {
                let e = $0 as? InputError
                XCTAssertEqual(e?.keyPath, key, "\($0)")
                XCTAssertEqual(e?.suggestion, key.hasSuffix("start") ? "2026" : key.contains("2028") ? "2028" : "2030", "\($0)")
            }
        }
    }

    /// A lever or product key written by its Chinese name is suggested by its key (`风电` under power: wind).
    func testAKeyWrittenInChineseIsSuggestedByItsKey() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        for (text, suggestion) in [("sector_plans:\n  power:\n    风电: {target: 200}\n", "wind"),
                                   ("sector_plans:\n  industry:\n    capacity_cut:\n      钢铁: {target: 20}\n", "steel"),
                                   ("sector_plans:\n  industry:\n    光伏: 100\n", "sector_plans.power.solar"),
                                   ("sector_plans:\n  储能: {target: 5}\n", "sector_plans.power.storage"),
                                   ("measures:\n  双控: {enforce: true}\n", "dual_control")] {
            XCTAssertThrowsError(try loader.parse(text, file: "zh.yaml"), text) {
                XCTAssertEqual(($0 as? InputError)?.suggestion, suggestion, "\($0)")
            }
        }
    }

    /// A full-width colon in the only entry of a year mapping (YAML reads one value, or one key with no value) is named,
    /// and the example is not garbled with the typed text.
    func testAFullWidthColonInAYearMappingIsNamed() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        XCTAssertThrowsError(try loader.parse("targets:\n  non_fossil_share:\n    2030： 25\n", file: "f.yaml")) {
            let e = $0 as? InputError
            XCTAssertTrue(e?.message.contains("(it holds the full-width colon '：' of a Chinese input method, where YAML needs ':')") ?? false, "\($0)")
            XCTAssertEqual(e?.accepted, "years with shares in %, for example {2030: 25}")
        }
        XCTAssertThrowsError(try loader.parse("targets:\n  energy_cap: {2030： 200}\n", file: "f.yaml")) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("full-width colon") ?? false, "\($0)")
        }
    }

    func testAnEnumerationCommaInAFlowMappingIsNamed() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        XCTAssertThrowsError(try loader.parse("sector_plans:\n  power:\n    wind: {path: {2028: 150、 2030: 200}}\n", file: "c.yaml")) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.message, "YAML syntax: an enumeration comma '、' (a Chinese input method's) where YAML needs ','", "\($0)")
            XCTAssertEqual(e?.line, 3)
            XCTAssertEqual(e?.keyPath, "sector_plans.power.wind")
        }
        // In text (a description) it is the text's own.
        XCTAssertNoThrow(try loader.parse("description: 风电、光伏\n", file: "d.yaml"))
    }
}

/// `none` drops a target of the scenario a file extends: in a file that extends nothing it is an error that says so,
/// and over a target the base scenario does not have it is a warning, not a silent no-op.
final class DroppedTargetTests: XCTestCase {
    /// A scratch folder holding `base.yaml` with `text`, for a file that extends it.
    func folder(base text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    func testNoneInAFileThatExtendsNothingSaysWhy() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        for (text, key, accepted) in [("energy_cap: {2030: none}", "targets.energy_cap.2030", "a number, 1 to 100000 Mtce"),
                                      ("energy_cap: none", "targets.energy_cap", "years with caps in Mtce"),
                                      ("peak_year: none", "targets.peak_year", "a year, 2020 to 2060"),
                                      ("co2_intensity_cut: {15th: none}", "targets.co2_intensity_cut.15th", "-100 to 100 %")] {
            XCTAssertThrowsError(try loader.parse("targets: {\(text)}\n", file: "alone.yaml"), text) {
                let e = $0 as? InputError
                XCTAssertEqual(e?.keyPath, key, "\($0)")
                XCTAssertTrue(e?.message.contains("this file has no 'extends:', so there is no target to drop") ?? false, "\($0)")
                XCTAssertTrue(e?.accepted?.contains(accepted) ?? false, "\($0)")
                XCTAssertTrue(e?.accepted?.hasSuffix("leave the entry out for no target") ?? false, "\($0)")
            }
        }
    }

    func testNoneOverATargetTheBaseDoesNotHaveIsWarned() throws {
        let dir = try folder(base: "name: base\ntargets: {peak_year: 2030, energy_cap: {2025: 300}, energy_intensity_cut: {14th: 15}}\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.yaml")
        try """
            extends: base.yaml
            targets:
              peak_year: none
              energy_cap: {2025: none, 2030: none}
              energy_intensity_cut: {14th: none, 15th: none}
              neutrality_year: none
              non_fossil_share: none
            """.write(to: file, atomically: true, encoding: .utf8)
        let s = try ScenarioLoader(dataset: try Dataset.innerMongolia()).load(path: file.path)
        XCTAssertNil(s.targets.peakYear)
        XCTAssertTrue(s.targets.energyCap.isEmpty && s.targets.energyIntensityCut.isEmpty)
        // What the base had is dropped in silence; what it did not have is said, each at its own line.
        XCTAssertEqual(s.warnings.map(\.keyPath), ["targets.energy_cap.2030", "targets.energy_intensity_cut.15th",
                                                   "targets.neutrality_year", "targets.non_fossil_share"], "\(s.warnings)")
        XCTAssertEqual(s.warnings.map(\.line), [4, 5, 6, 7])
        XCTAssertEqual(s.warnings[0].message, "'none' drops the base scenario's energy_cap target in 2030, and it has none: nothing changes")
        XCTAssertTrue(s.warnings[1].message.contains("for the 15th plan period (2026-2030)"), s.warnings[1].message)
    }

    /// A file that drops every cap of an extended file enforcing dual control is told at its own `energy_cap`, where the
    /// fix is, not at the extended file's `enforce` (a tester was pointed at the shipped file he had not touched).
    func testDroppingEveryCapOfAnEnforcingBaseIsToldInTheDroppingFile() throws {
        let dir = try folder(base: "name: base\ntargets: {energy_cap: {2030: 200, 2035: 180}}\nmeasures: {dual_control: {enforce: true}}\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.yaml")
        try "extends: base.yaml\ntargets:\n  energy_cap: {2030: none, 2035: none}\n".write(to: file, atomically: true, encoding: .utf8)
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        XCTAssertThrowsError(try loader.load(path: file.path)) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.file, file.path, "\($0)")
            XCTAssertEqual(e?.line, 3)
            XCTAssertEqual(e?.keyPath, "targets.energy_cap")
            XCTAssertTrue(e?.message.hasPrefix("this file drops every energy cap, and ") ?? false, "\($0)")
            XCTAssertTrue(e?.message.contains("base.yaml (line 3) enforces dual control") ?? false, "\($0)")
        }
        // Keeping one cap, or switching enforcement off in the same file, loads.
        try "extends: base.yaml\ntargets:\n  energy_cap: {2030: none}\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try loader.load(path: file.path).targets.energyCap, [2035: 180])
        try "extends: base.yaml\ntargets:\n  energy_cap: none\nmeasures: {dual_control: {enforce: false}}\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertFalse(try loader.load(path: file.path).enforceDualControl)
    }
}
