import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Analysis
@testable import Reports
import Scenarios
import Simulator
import Sweeps

/// Charts: well-formed XML that carries the expected series, escaped text, clear errors, and one golden
/// file per chart type (numbers compared at one decimal).
final class ChartTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let years = Array(2019...2060)

    func wave(_ a: Double, _ peak: Double) -> [Double] {
        years.map { a - 0.4 * (Double($0) - peak) * (Double($0) - peak) }
    }

    /// Parses the SVG and returns every `data-series` attribute.
    func seriesNames(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if let s = attributes["data-series"] { names.append(s) }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let c = Collector()
        parser.delegate = c
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
        return c.names
    }

    /// Numbers rounded to one decimal, so that float formatting differences do not fail the comparison.
    func normalised(_ s: String) -> String {
        let regex = try! NSRegularExpression(pattern: "-?[0-9]+\\.[0-9]+")
        var out = s
        for m in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).reversed() {
            let r = Range(m.range, in: s)!
            out.replaceSubrange(Range(m.range, in: out)!, with: String(format: "%.1f", Double(s[r])!))
        }
        return out
    }

    func assertGolden(_ svg: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent("\(name).svg")
        // Golden files are written only when asked: a missing one is a failure, not a new baseline.
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try svg.write(to: url, atomically: true, encoding: .utf8)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("\(name).svg has no golden file: run the tests with UPDATE_GOLDEN=1 to write it, then check it", file: file, line: line)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(normalised(svg), normalised(expected), "\(name).svg differs from its golden file (UPDATE_GOLDEN=1 to accept)", file: file, line: line)
    }

    func testTrajectoryChart() throws {
        let svg = try Charts.trajectories(
            [ChartSeries(label: "baseline", years: years, values: wave(900, 2030), peak: (2030.5, 900)),
             ChartSeries(label: "policy <A&B>", years: years, values: wave(850, 2026))],
            title: "CO2 & \"targets\" <test>", yLabel: "CO2 gross (Mt CO2)", source: "test source",
            markers: [ChartMarker(label: "peak by 2030", year: 2030.5, value: nil), ChartMarker(label: "cap", year: 2040, value: 700)])
        XCTAssertEqual(seriesNames(svg), ["baseline", "policy <A&B>"])
        XCTAssertTrue(svg.contains("CO2 &amp; &quot;targets&quot; &lt;test&gt;"))
        XCTAssertTrue(svg.contains("peak 2030"))
        XCTAssertTrue(svg.contains("test source"))
        try assertGolden(svg, "trajectory")
    }

    func testStackedChart() throws {
        let layers = (0..<3).map { ChartSeries(label: "sector \($0)", years: years, values: years.map { Double($0 - 2000 + 10 * $0) / 10 }) }
        let svg = try Charts.stacked(layers, title: "stack", yLabel: "Mt CO2", source: "s")
        XCTAssertEqual(seriesNames(svg), ["sector 0", "sector 1", "sector 2", "total"])
        try assertGolden(svg, "stacked")
    }

    func testFanAndTornadoCharts() throws {
        let band = SweepSummary.Band(series: "co2_net", years: years, values: [0.8, 0.9, 1.0, 1.1, 1.2].map { f in wave(800 * f, 2028) })
        let fan = try Charts.fan(band, title: "fan", yLabel: "CO2 net (Mt CO2)", source: "s")
        XCTAssertEqual(seriesNames(fan), ["P5-P95", "P25-P75", "P50"])
        try assertGolden(fan, "fan")

        let sens = SweepSummary.Sensitivity(method: .sobol, output: "peak_value", factors: ["sector_plans.power.wind.target", "fly_ash.fuel_tce_per_tonne"],
                                            first: [.init(estimate: 0.6, lower: 0.55, upper: 0.65), .init(estimate: 0.1, lower: 0.05, upper: 0.15)],
                                            total: [.init(estimate: 0.8, lower: 0.75, upper: 0.85), .init(estimate: 0.2, lower: 0.15, upper: 0.25)], rSquared: nil)
        let tornado = try Charts.tornado(sens, title: "tornado", source: "s")
        XCTAssertEqual(seriesNames(tornado), ["sector_plans.power.wind.target", "fly_ash.fuel_tce_per_tonne"])
        try assertGolden(tornado, "tornado")
        // The command's tornado names levers as the catalog does, in English too; a dataset parameter by its path.
        XCTAssertEqual(ScenarioCharts.factor("sector_plans.power.wind.target", .en), "Wind capacity")
        XCTAssertEqual(ScenarioCharts.factor("sector_plans.power.wind.delta", .en), "Wind capacity (delta)")
        XCTAssertEqual(ScenarioCharts.factor("sector_plans.removals.ccus.full", .en), "CCUS capacity (full-effect year)")
        XCTAssertEqual(ScenarioCharts.factor("fly_ash.fuel_tce_per_tonne", .en), "fly_ash.fuel_tce_per_tonne")
        XCTAssertEqual(ScenarioCharts.factor("sector_plans.power.wind.target", .zh), "风电装机目标")
    }

    func testDecompositionChart() throws {
        let s0 = LMDI.State(activity: 100, energy: [[40, 10], [30, 0]], co2: [[100, 0], [75, 0]], process: [0, 25])
        let s1 = LMDI.State(activity: 140, energy: [[38, 20], [35, 0]], co2: [[91.2, 0], [87.5, 0]], process: [0, 22])
        let r = LMDI.decompose(from: s0, to: s1)
        let svg = try Charts.decomposition(r, start: ("2020", s0.totalCO2), end: ("2030", s1.totalCO2), title: "lmdi", source: "s")
        XCTAssertEqual(seriesNames(svg), ["2020", "activity", "energy intensity", "sector structure", "energy mix", "emission factor",
                                          "process CO2", "2030"])
        // Long labels wrap onto two lines under their bars; short ones stay on one.
        XCTAssertTrue(svg.contains(">energy</text>") && svg.contains(">intensity</text>"), svg)
        XCTAssertTrue(svg.contains(">energy mix</text>"))
        XCTAssertTrue(svg.contains(">activity</text>"))
        let zh = try Charts.decomposition(r, start: ("2020", s0.totalCO2), end: ("2030", s1.totalCO2), title: "lmdi", source: "s", language: .zh)
        XCTAssertEqual(seriesNames(zh), ["2020", "经济规模", "能源强度", "产业结构", "能源结构", "排放因子", "工业过程", "2030"])
        try assertGolden(svg, "decomposition")
    }

    /// Wedges from the model: they sum exactly to policy minus baseline every year.
    func testWedgesSumExactlyToTheDifferenceEveryYear() throws {
        let dataset = try Dataset.innerMongolia()
        let loader = ScenarioLoader(dataset: dataset)
        let dir = CLI.repository.appendingPathComponent("scenarios")
        let w = try WedgeAnalysis(baseline: loader.load(path: dir.appendingPathComponent("baseline.yaml").path),
                                  policy: loader.load(path: dir.appendingPathComponent("announced.yaml").path), dataset: dataset)
        // announced sets storage (renewables), dedicated renewable export (electricity demand) and green hydrogen too
        XCTAssertEqual(Set(w.groups), ["capacity", "coal_power", "efficiency", "renewables", "electricity_demand", "hydrogen"])
        XCTAssertFalse(w.sampled)
        let announced = try PreparedScenario(loader.load(path: dir.appendingPathComponent("announced.yaml").path), dataset: dataset).run()
        for y in w.years.indices {
            let sum = w.wedges.map { $0[y] }.reduce(0, +)
            XCTAssertEqual(sum, w.policyValues[y] - w.baselineValues[y], accuracy: 1e-9 * abs(w.baselineValues[y]))
            XCTAssertEqual(w.policyValues[y], announced.trajectory.series("co2_net")[y], accuracy: 1e-9 * abs(w.policyValues[y]))
        }
        let svg = try ScenarioCharts.wedges(w)
        XCTAssertTrue(Set(seriesNames(svg)).isSuperset(of: Set(w.groups + ["baseline", "announced"])))
        try assertGolden(try Charts.wedges(w, title: "wedges", yLabel: "CO2 net (Mt CO2)", source: "s"), "wedges")

        // The wedges of a share are its change, not abatement; a wedge is marked when it goes against that change.
        let share = try WedgeAnalysis(baseline: loader.load(path: dir.appendingPathComponent("baseline.yaml").path),
                                      policy: loader.load(path: dir.appendingPathComponent("announced.yaml").path), dataset: dataset,
                                      series: "non_fossil_share")
        let shareSVG = try ScenarioCharts.wedges(share)
        XCTAssertTrue(shareSVG.contains("Non-fossil share wedges: baseline → announced"), shareSVG)
        XCTAssertFalse(shareSVG.contains("Abatement") || shareSVG.contains("(raises)"), shareSVG)
        let zh = try ScenarioCharts.wedges(share, language: .zh)
        XCTAssertTrue(zh.contains("变化的楔形分解") && !zh.contains("减排楔形") && !zh.contains("增排"), zh)
    }

    /// An enforced energy cap is credited to dual control, not to the assumptions: the only difference, it is the only
    /// wedge, and it is the whole difference.
    func testAnEnforcedEnergyCapIsTheDualControlWedge() throws {
        let dataset = try Dataset.innerMongolia()
        let loader = ScenarioLoader(dataset: dataset)
        let dir = CLI.repository.appendingPathComponent("scenarios")
        let baseline = try loader.load(path: dir.appendingPathComponent("baseline.yaml").path)
        var capped = baseline
        capped.name = "capped"
        capped.targets.energyCap = [2030: 150]
        capped.enforceDualControl = true
        let w = try WedgeAnalysis(baseline: baseline, policy: capped, dataset: dataset, series: "energy_total")
        XCTAssertEqual(w.groups, ["dual_control"])
        let k = w.years.firstIndex(of: 2030)!
        XCTAssertLessThan(w.wedges[0][k], -1, "the cap curtails energy in 2030")
        XCTAssertEqual(w.wedges[0][k], w.policyValues[k] - w.baselineValues[k], accuracy: 1e-9 * w.baselineValues[k])
        // A cap neither scenario enforces changes nothing, and is no wedge.
        var unenforced = capped
        unenforced.enforceDualControl = false
        XCTAssertEqual(try WedgeAnalysis(baseline: baseline, policy: unenforced, dataset: dataset).groups, [])
        XCTAssertTrue(try ScenarioCharts.wedges(w, language: .zh).contains("能耗双控"))
    }

    func testEmptyInputIsAClearErrorNotABrokenFile() {
        XCTAssertThrowsError(try Charts.trajectories([], title: "t", yLabel: "y", source: "s")) {
            XCTAssertTrue("\($0)".contains("nothing to draw"))
        }
        let failed = SweepSummary.Band(series: "co2_net", years: years, values: Array(repeating: years.map { _ in .nan }, count: 5))
        XCTAssertThrowsError(try Charts.fan(failed, title: "t", yLabel: "y", source: "s")) {
            XCTAssertTrue("\($0)".contains("no successful runs"), "\($0)")
        }
    }

    func testChineseLabels() throws {
        let dataset = try Dataset.innerMongolia()
        let r = try PreparedScenario(DefaultScenarios.load(dataset: dataset)[1], dataset: dataset).run()
        let svg = try ScenarioCharts.stacked(r, by: "sector", language: .zh)
        XCTAssertTrue(svg.contains("电力热力"))
        XCTAssertEqual(seriesNames(svg).count, 9)
        XCTAssertThrowsError(try ScenarioCharts.stacked(r, by: "colour"))
    }
}
