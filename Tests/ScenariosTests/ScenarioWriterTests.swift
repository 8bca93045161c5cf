import XCTest
@testable import Scenarios
import Simulator

/// `ScenarioWriter` writes what `ScenarioLoader` reads: load -> write -> load gives the same scenario and the same run.
final class ScenarioWriterTests: XCTestCase {
    static let scenarios = ScenarioTests.scenarios
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Every scenario file (specs under sweeps/ and optimize/ excepted).
    static func scenarioFiles() -> [String] {
        FileManager.default.enumerator(at: scenarios, includingPropertiesForKeys: nil)!
            .compactMap { ($0 as? URL)?.path }
            .filter { $0.hasSuffix(".yaml") && !$0.contains("/sweeps/") && !$0.contains("/optimize/") }.sorted()
    }

    /// Writes `text` into the test directory and reads it back.
    func reload(_ text: String, as name: String = "written.yaml", dataset: Dataset) throws -> Scenario {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try ScenarioLoader(dataset: dataset).load(path: url.path)
    }

    func assertSameRun(_ a: Scenario, _ b: Scenario, dataset: Dataset, file: StaticString = #filePath, line: UInt = #line) throws {
        let ra = try PreparedScenario(a, dataset: dataset).run(), rb = try PreparedScenario(b, dataset: dataset).run()
        XCTAssertEqual(ra.trajectory.names, rb.trajectory.names, file: file, line: line)
        // Identical, number for number (a series that does not apply, such as energy_cap without a cap, is NaN in both).
        let same = ra.trajectory.values.count == rb.trajectory.values.count
            && zip(ra.trajectory.values, rb.trajectory.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        XCTAssertTrue(same, "\(a.name): the trajectories differ", file: file, line: line)
        XCTAssertEqual(ra.indicators.targetChecks, rb.indicators.targetChecks, file: file, line: line)
        XCTAssertEqual(ra.costs.totalDiscounted, rb.costs.totalDiscounted, file: file, line: line)
    }

    func testEveryScenarioFileAndTheEmbeddedDefaultsRoundTripStandalone() throws {
        let dataset = try Dataset.innerMongolia()
        let loader = ScenarioLoader(dataset: dataset)
        let files = Self.scenarioFiles()
        XCTAssertGreaterThanOrEqual(files.count, 13)
        let scenarios = try files.map(loader.load(path:)) + DefaultScenarios.load(dataset: dataset)
        for original in scenarios {
            // A delta is a change over the scenario it extends: standalone it cannot be written, and says so.
            if let (path, _) = original.levers.first(where: { $0.value.form == .delta }) {
                XCTAssertThrowsError(try ScenarioWriter.yaml(original)) {
                    XCTAssertTrue("\($0)".contains("cannot write the delta on") && "\($0)".contains("without the scenario it is a change over"), "\($0) (\(path))")
                }
                continue
            }
            let text = try ScenarioWriter.yaml(original)
            XCTAssertFalse(text.contains("extends:"), text)
            let again = try reload(text, dataset: dataset)
            XCTAssertEqual(again.with(file: original.file), original, "\(original.file) does not round-trip:\n\(text)")
            try assertSameRun(original, again, dataset: dataset)
        }
    }

    /// A scenario that extends another is written as extending it: only what differs, and reading it back
    /// (with the base next to it) gives the same scenario.
    func testScenarioFilesThatExtendRoundTripAsExtending() throws {
        let dataset = try Dataset.innerMongolia()
        let loader = ScenarioLoader(dataset: dataset)
        var extending = 0
        for file in Self.scenarioFiles() {
            let root = try YAMLNode.parse(try String(contentsOfFile: file, encoding: .utf8), file: file)
            guard let parent = try root.entries()
                .first(where: { $0.key == "extends" })?.value.string() else { continue }
            extending += 1
            let original = try loader.load(path: file)
            let base = try loader.load(path: URL(fileURLWithPath: parent, relativeTo: URL(fileURLWithPath: file).deletingLastPathComponent()).path)
            try ScenarioWriter.yaml(base).write(to: directory.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
            let text = try ScenarioWriter.yaml(original, extending: "base.yaml", base: base)
            XCTAssertTrue(text.contains("extends: base.yaml"), text)
            // Only the differences: no lever the base sets the same way.
            let differing = original.levers.filter { base.levers[$0.key] != $0.value }.count
            // A setting is written in its form (announced's storage and dedicated export are paths, forms/ has deltas).
            let written = ["{target: ", "{path: ", "{delta: "].map { text.components(separatedBy: $0).count - 1 }.reduce(0, +)
            XCTAssertEqual(written, differing, "\(file):\n\(text)")
            let again = try reload(text, dataset: dataset)
            XCTAssertEqual(again.with(file: original.file), original, "\(file) does not round-trip as extending:\n\(text)")
        }
        XCTAssertGreaterThanOrEqual(extending, 12)
    }

    /// An `extends:` line names its file relative to where the file is written, an embedded scenario by name.
    func testTheExtendsLineNamesItsFileRelativeToTheWrittenFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("extends-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("specs"), withIntermediateDirectories: true)
        let base = root.appendingPathComponent("specs/base.yaml")
        try "name: base\n".write(to: base, atomically: true, encoding: .utf8)
        XCTAssertEqual(ScenarioWriter.extendsTarget(base.path, from: root.appendingPathComponent("out")), "../specs/base.yaml")
        XCTAssertEqual(ScenarioWriter.extendsTarget(base.path, from: root.appendingPathComponent("specs")), "base.yaml")
        let embedded = try XCTUnwrap(DefaultScenarios.embeddedFile(named: "announced"))
        XCTAssertEqual(ScenarioWriter.extendsTarget(embedded.path, from: root.appendingPathComponent("out")), "announced.yaml")
        // With a file of that name beside it, the embedded one by its path: the name would read the local file.
        try "name: local\n".write(to: root.appendingPathComponent("out/announced.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(ScenarioWriter.extendsTarget(embedded.path, from: root.appendingPathComponent("out")), embedded.standardizedFileURL.path)
    }

    /// Extending cannot drop a lever (a file extending another only adds or replaces them); a dropped target is
    /// written `none`, which an extending file reads as dropped.
    func testExtendingCannotDropALeverAndWritesADroppedTargetAsNone() throws {
        let dataset = try Dataset.innerMongolia()
        let loader = ScenarioLoader(dataset: dataset)
        let announcedPath = Self.scenarios.appendingPathComponent("announced.yaml").path
        let announced = try loader.load(path: announcedPath)
        var fewer = announced
        fewer.levers["sector_plans.power.wind"] = nil
        XCTAssertThrowsError(try ScenarioWriter.yaml(fewer, extending: "announced.yaml", base: announced)) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("sector_plans.power.wind") ?? false, "\($0)")
            XCTAssertEqual(($0 as? InputError)?.accepted, "a standalone scenario file (no extends)")
        }
        var untargeted = announced
        untargeted.targets.neutralityYear = nil
        XCTAssertFalse(announced.targets.co2IntensityCut.isEmpty)
        untargeted.targets.co2IntensityCut[announced.targets.co2IntensityCut.keys.min()!] = nil
        untargeted.targets.energyCap = [:]
        untargeted.targets.nonFossilShare = [:]
        let text = try ScenarioWriter.yaml(untargeted, extending: announcedPath, base: announced)
        XCTAssertTrue(text.contains("neutrality_year: none"), text)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("untargeted-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let again = try loader.load(path: url.path)
        XCTAssertEqual(again.targets, untargeted.targets, text)
        // Standalone, it is said by leaving it out; and a file standing alone has nothing to drop: `none` is an error.
        XCTAssertEqual(try reload(ScenarioWriter.yaml(untargeted), dataset: dataset).targets.neutralityYear, nil)
        XCTAssertThrowsError(try loader.parse("name: x\ntargets: {neutrality_year: none}\n", file: "x.yaml")) {
            XCTAssertEqual(($0 as? InputError)?.keyPath, "targets.neutrality_year", "\($0)")
        }
    }

    /// Each lever under its own path: sector plans under `sector_plans`, ladder pricing and dual control under
    /// `measures`, whatever else the scenario sets (an optimum of an enforced-dual-control base once put
    /// `dual_control` under `sector_plans`).
    func testLeversAndDualControlSitUnderTheirOwnPaths() throws {
        let dataset = try Dataset.innerMongolia()
        var s = Scenario(name: "capped", file: "capped.yaml")
        s.levers["sector_plans.power.wind"] = LeverSetting(target: 120, start: 2021, full: 2030, shape: .linear)
        s.enforceDualControl = true
        s.targets.energyCap = [2025: 250, 2030: 250]
        let text = try ScenarioWriter.yaml(s)
        XCTAssertTrue(text.contains("measures:\n  dual_control: {enforce: true}"), text)
        XCTAssertEqual(try reload(text, dataset: dataset).with(file: s.file), s)

        s.levers["measures.ladder_pricing"] = LeverSetting(target: 0.1, start: 2023, full: 2025, shape: .linear)
        s.levers["sector_plans.removals.ccus"] = LeverSetting(target: 50, start: 2028, full: 2040, shape: .logistic)
        let both = try ScenarioWriter.yaml(s)
        XCTAssertTrue(both.contains("measures:\n  ladder_pricing: {target: 0.1, start: 2023, full: 2025, shape: linear}\n  dual_control: {enforce: true}"), both)
        XCTAssertTrue(both.contains("sector_plans:\n  power:\n    wind: {target: 120, start: 2021, full: 2030, shape: linear}\n  removals:"), both)
        XCTAssertEqual(try reload(both, dataset: dataset).with(file: s.file), s)
    }

    /// Every lever of the catalog, every target kind, assumptions, accounting switches and awkward text, with
    /// numbers that need all their digits.
    func testEverythingTheSchemaSaysRoundTripsWithFullPrecision() throws {
        let dataset = try Dataset.innerMongolia()
        var s = Scenario(name: "true", description: "Plan: \"fast\" # not a comment; 碳达峰 {x: 1}", file: "all.yaml")
        let p = try dataset.modelParameters()
        for (i, lever) in LeverRegistry.all.enumerated() {
            let fraction = (Double(i) + 1 / 3) / Double(LeverRegistry.all.count + 1)
            // Within what the dataset allows (a transfer out at most the region's capacity).
            let range = lever.validRange(p)
            let target = range.lowerBound + (range.upperBound - range.lowerBound) * fraction
            s.levers[lever.path] = LeverSetting(target: target, start: 2021 + i % 5, full: 2025 + i % 11,
                                                shape: RampShape.allCases[i % RampShape.allCases.count])
        }
        s.levers["sector_plans.removals.sinks"]?.target = 1e-7
        s.targets.peakYear = 2029
        s.targets.peakCeiling = 912.345678901234
        s.targets.neutralityYear = 2060
        s.targets.energyIntensityCut = [14: 15.5, 15: 0.1 + 0.2]
        s.targets.co2IntensityCut = [14: 18, 16: -2.5]
        s.targets.energyCap = [2025: 250.000000001, 2030: 250]
        s.targets.nonFossilShare = [2025: 18, 2030: 100.0 / 3]
        s.enforceDualControl = true
        s.assumptions = ["fly_ash.fuel_tce_per_tonne": 3.0000000000000004]
        s.accounting.extendedProcess = true
        s.accounting.deductElectricityExports = false
        s.accounting.excludeFeedstockFromDualControl = false
        let text = try ScenarioWriter.yaml(s, comment: ["two lines", "of comment"])
        XCTAssertTrue(text.hasPrefix("# two lines\n# of comment\nname:"), text)
        let again = try reload(text, dataset: dataset)
        XCTAssertEqual(again.with(file: s.file), s, text)
        XCTAssertEqual(again.levers["sector_plans.removals.sinks"]?.target, 1e-7)
        XCTAssertEqual(again.targets.energyCap[2025], 250.000000001)
        try assertSameRun(s, again, dataset: dataset)
    }

    func testAnUnknownLeverIsNotWritten() throws {
        var s = Scenario(name: "odd", file: "odd.yaml")
        s.levers["sector_plans.power.wnd"] = LeverSetting(target: 1, start: 2021, full: 2021, shape: .step)
        XCTAssertThrowsError(try ScenarioWriter.yaml(s)) {
            XCTAssertEqual(($0 as? InputError)?.suggestion, "sector_plans.power.wind")
        }
    }
}
