import Foundation
import Reports
import Scenarios
import Server
import Simulator
import XCTest

/// The what-if service without HTTP: documents read as files are read, the page's numbers equal `run`'s,
/// the YAML download reads back to the same scenario, and nothing outside the served folder is read.
final class WhatIfServiceTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = repository.appendingPathComponent("scenarios")
    static let service = Result { try WhatIfService(configuration: ServeConfiguration(scenariosFolder: scenarios.path, language: "en")) }

    var service: WhatIfService { get throws { try Self.service.get() } }

    func run(_ s: Scenario) throws -> PlanPeriodReport {
        PlanPeriodReport(try PreparedScenario(s, dataset: try service.dataset).run())
    }

    func row(_ e: Evaluation, _ series: String) throws -> Evaluation.Row {
        try XCTUnwrap(e.rows.first { $0.series == series })
    }

    func testAnUnchangedDocumentGivesTheFilesNumbers() throws {
        let e = try service.evaluate(#"{"extends": "announced.yaml"}"#, charts: [], language: .en, currentYear: 2026)
        let file = try run(ScenarioLoader(dataset: service.dataset).load(path: Self.scenarios.appendingPathComponent("announced.yaml").path))
        let expected = try XCTUnwrap(file.rows.first { $0.series == "co2_gross" })
        XCTAssertEqual(try row(e, "co2_gross").values, ([expected.start] + expected.ends).map { Optional($0) })
        XCTAssertEqual(try row(e, "co2_gross").ends[1], NumberFormat.value(expected.ends[1]))
        // The table leads with the plan being written: from 2025 (the last observed year), the 15th plan first,
        // which has not passed in 2026.
        XCTAssertEqual(e.periods.prefix(2).map(\.observed), [false, false])
        XCTAssertEqual(e.periods[0].label, "15th (2026-30)")
    }

    func testAMovedLeverChangesTheTableAndTheYAMLReadsBackToTheSameRun() throws {
        let doc = """
        {
          "name": "announced (what-if)",
          "extends": "announced.yaml",
          "sector_plans": {"power": {"wind": {"target": 320, "start": 2026, "full": 2030, "shape": "linear"}}}
        }
        """
        let moved = try service.evaluate(doc, charts: ["trajectory", "stack"], language: .zh, currentYear: 2026)
        let plain = try service.evaluate(#"{"extends": "announced.yaml"}"#, charts: [], language: .zh, currentYear: 2026)
        XCTAssertEqual(try row(moved, "capacity_wind").values[1]!, 320, accuracy: 1e-9, "2030, the end of the 15th plan")
        XCTAssertLessThan(try row(moved, "co2_gross").values[1]!, try row(plain, "co2_gross").values[1]!)
        XCTAssertTrue(moved.charts["trajectory"]!.contains("<svg"))
        XCTAssertTrue(moved.charts["trajectory"]!.contains("announced (what-if)"))
        XCTAssertTrue(moved.charts["stack"]!.contains("分部门"))

        let yaml = try service.yaml(doc)
        XCTAssertFalse(yaml.contains("extends"), yaml)
        let back = try ScenarioLoader(dataset: service.dataset).parse(yaml, file: "download.yaml")
        XCTAssertEqual(back.name, "announced (what-if)")
        let again = try run(back)
        XCTAssertEqual(again.rows.first { $0.series == "co2_gross" }!.ends.map { Optional($0) }, Array(try row(moved, "co2_gross").values.dropFirst()))

        // A delta is written extending its scenario by its absolute path: read from another folder, it still runs.
        let delta = #"{"name": "plus", "extends": "announced.yaml", "sector_plans": {"power": {"solar": {"delta": 40}}}}"#
        let written = try service.yaml(delta)
        let extends = try XCTUnwrap(written.split(separator: "\n").first { $0.hasPrefix("extends: ") })
        XCTAssertTrue(extends.dropFirst("extends: ".count).hasPrefix("/"), String(extends))
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString).yaml")
        try written.write(to: elsewhere, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        XCTAssertEqual(try ScenarioLoader(dataset: service.dataset).load(path: elsewhere.path).levers["sector_plans.power.solar"]?.form, .delta)
    }

    func testABadValueGetsTheMessageValidateGives() throws {
        let doc = """
        {
          "extends": "announced.yaml",
          "sector_plans": {"power": {"wind": {"target": 5000}}}
        }
        """
        let service = try self.service
        var caught: (any Error)?
        XCTAssertThrowsError(try service.evaluate(doc, charts: [], language: .en)) { caught = $0 }
        let e = try XCTUnwrap(caught as? InputError)
        XCTAssertEqual(e.file, "request")
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.keyPath, "sector_plans.power.wind.target")
        // The same text read as a file named "request" in the scenarios folder: the same message.
        var direct: (any Error)?
        XCTAssertThrowsError(try ScenarioLoader(dataset: service.dataset).parse(doc, file: "request", directory: Self.scenarios)) { direct = $0 }
        XCTAssertEqual((direct as? InputError)?.description, e.description)
    }

    /// A folder of one's own files (no announced.yaml in it) still lets a document extend the embedded announced, as a
    /// file in that folder can: evaluated with announced's line in the trajectory chart, and equal to the same text read
    /// as a file there.
    func testADocumentInAFolderOfOnesOwnExtendsTheEmbeddedAnnounced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-served-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = "name: mine\nextends: announced.yaml\nsector_plans:\n  power:\n    wind: {delta: 20}\n"
        try mine.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        // Specs kept beside the scenarios are not offered: the loader would refuse them as scenarios.
        try "name: s\nscenarios: [mine.yaml]\ndesign: lhs\nn: 4\nfactors:\n  power.exports: {range: [0.5, 1]}\n"
            .write(to: folder.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
        try "scenario: mine.yaml\nvariables:\n  sector_plans.removals.ccus: {range: [0, 50]}\n"
            .write(to: folder.appendingPathComponent("optimum.yaml"), atomically: true, encoding: .utf8)
        let own = try WhatIfService(configuration: ServeConfiguration(scenariosFolder: folder.path, language: "en"))
        XCTAssertEqual(own.scenarios.names, ["mine.yaml"])
        let evaluation = try own.evaluate(mine, charts: ["trajectory"], language: .en)
        XCTAssertTrue(try XCTUnwrap(evaluation.charts["trajectory"]).contains("announced"))
        let file = try ScenarioLoader(dataset: own.dataset).load(path: folder.appendingPathComponent("mine.yaml").path)
        XCTAssertEqual(try own.scenario(mine).levers, file.levers)
        // Its download extends the embedded file by name, which resolves on any machine.
        let yaml = try own.yaml(mine)
        XCTAssertTrue(yaml.contains("extends: announced.yaml"), yaml)
        // A path through a folder is still refused, and the refusal lists the embedded files it may extend too.
        XCTAssertThrowsError(try own.evaluate(#"{"extends": "x/announced.yaml"}"#, charts: [], language: .en)) {
            XCTAssertEqual(($0 as? InputError)?.accepted, "mine.yaml, baseline.yaml (embedded), announced.yaml (embedded)", "\($0)")
        }
    }

    func testOnlyServedFilesCanBeExtendedOrRead() throws {
        for name in ["../Package.swift", "/etc/passwd", "sweeps/lhs.yaml", "announced.yaml/../../README.md"] {
            XCTAssertThrowsError(try service.evaluate(#"{"extends": "\#(name)"}"#, charts: [], language: .en), name) {
                XCTAssertTrue(String(describing: $0).contains("not a scenario file this server offers"), "\($0)")
            }
            XCTAssertThrowsError(try service.settings(name), name)
        }
        let served = try service.scenarios
        XCTAssertTrue(served.names.contains("announced.yaml"))
        XCTAssertTrue(served.names.contains("levers/ccus.yaml"))
        XCTAssertFalse(served.names.contains { $0.hasPrefix("sweeps/") || $0.hasPrefix("optimize/") })
        XCTAssertNil(served.url(of: "../Package.swift"))
    }

    func testEveryRegisteredLeverHasAControl() throws {
        let catalog = try service.catalog(.zh)
        XCTAssertEqual(catalog.groups.map(\.key), ["1", "N", "X"])
        let levers = catalog.groups.flatMap(\.controls).filter { $0.kind == "lever" }
        XCTAssertEqual(levers.map(\.path), LeverRegistry.all.map(\.path))
        let wind = try XCTUnwrap(levers.first { $0.path == "sector_plans.power.wind" })
        XCTAssertEqual(wind.label, "风电装机")
        XCTAssertEqual(wind.unit, "吉瓦")
        XCTAssertEqual(wind.max, Levers.wind.range.upperBound)
    }

    func testATargetReportsItsGap() throws {
        let e = try service.evaluate(#"{"extends": "announced.yaml", "targets": {"peak_year": 2022}}"#, charts: [], language: .en, currentYear: 2026)
        let peak = try XCTUnwrap(e.targets.first { $0.kind == "peak_year" })
        XCTAssertFalse(peak.passed)
        XCTAssertEqual(peak.required, 2022)
        XCTAssertEqual(peak.gap!, 2022 - peak.achieved!, accuracy: 0)
        XCTAssertLessThan(peak.gap!, 0)
    }

    func testTheSettingsOfAFileAreItsLevels() throws {
        let s = try service.settings("announced.yaml")
        let scenario = try ScenarioLoader(dataset: service.dataset).load(path: Self.scenarios.appendingPathComponent("announced.yaml").path)
        XCTAssertEqual(Set(s.levers.keys), Set(scenario.levers.keys))
        if let wind = scenario.levers["sector_plans.power.wind"] {
            XCTAssertEqual(s.levers["sector_plans.power.wind"]!.level, Levers.wind.finalLevel(wind, try service.dataset.modelParameters()), accuracy: 1e-6)
        }
        XCTAssertEqual(s.targets["targets.peak_year"], scenario.targets.peakYear.map(Double.init))
    }

    /// A share changes by percentage points on the page, as `run` shows it, not by per cent of itself.
    func testAShareChangesByPercentagePoints() throws {
        let e = try service.evaluate(#"{"extends": "announced.yaml"}"#, charts: [], language: .zh, currentYear: 2026)
        let share = try row(e, "non_fossil_share")
        XCTAssertTrue(share.changes.allSatisfy { $0.hasSuffix("个百分点") }, "\(share.changes)")
        XCTAssertFalse(try row(e, "co2_gross").changes.contains { $0.hasSuffix("个百分点") })
    }

    /// The sliders' "baseline 2030" is what the baseline runs: in history mode wind and solar follow the observed
    /// capacities, not the dataset's trend from the base year.
    func testTheSlidersBaselineIsTheBaselineRunsLevel() throws {
        let catalog = try service.catalog(.en)
        let controls = catalog.groups.flatMap(\.controls)
        let baseline = try PreparedScenario(DefaultScenarios.load(dataset: service.dataset)[0], dataset: service.dataset).run().trajectory
        for (path, series) in [("sector_plans.power.wind", "capacity_wind"), ("sector_plans.power.solar", "capacity_solar")] {
            let shown = try XCTUnwrap(controls.first { $0.path == path }?.baseline)
            XCTAssertEqual(shown, try XCTUnwrap(baseline.value(series, year: 2030)), accuracy: 1e-3, path)
        }
    }

    /// The YAML download refuses what evaluate refuses: a download always runs.
    func testTheYAMLDownloadRefusesWhatEvaluateRefuses() throws {
        let doc = #"{"extends": "announced.yaml", "measures": {"dual_control": {"enforce": true}}}"#
        XCTAssertThrowsError(try service.evaluate(doc, charts: [], language: .en, currentYear: 2026))
        XCTAssertThrowsError(try service.yaml(doc)) { e in
            XCTAssertTrue((e as? InputError)?.message.contains("enforcing dual control needs an energy cap") ?? false, "\(e)")
        }
    }
}

/// The evaluation's hand-written JSON says what `JSONEncoder` says of the same value.
final class EvaluationJSONTests: XCTestCase {
    func testTheWrittenJSONEqualsTheEncodedOne() throws {
        let service = try WhatIfServiceTests.service.get()
        let doc = #"{"extends": "announced.yaml", "name": "a \"quoted\"\nname\t\u0001", "targets": {"peak_year": 2022}}"#
        let e = try service.evaluate(doc, charts: ["trajectory"], language: .zh, currentYear: 2026)
        let written = try JSONSerialization.jsonObject(with: Data(e.jsonText().utf8)) as? NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(e)) as? NSDictionary
        XCTAssertNotNil(written)
        XCTAssertEqual(written, encoded)
        XCTAssertEqual((written?["name"] as? String), "a \"quoted\"\nname\t\u{1}")
    }

}
