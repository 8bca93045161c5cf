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

/// Chinese statistical conventions: units converted at the presentation boundary, shares in percentage
/// points, plan periods by their names, targets with their margin, CSV that Excel on Chinese Windows reads,
/// and no English label left in Chinese output (apart from the allow-list below).
final class ChineseConventionsTests: XCTestCase {
    static let dataset = try! Dataset.innerMongolia()
    static let results: [ScenarioResult] = try! DefaultScenarios.load(dataset: dataset).map { try PreparedScenario($0, dataset: dataset).run() }
    static var announced: ScenarioResult { results[1] }
    static let provenance = Provenance(dataset)

    /// Latin-script words a Chinese report may keep: chemical and technical symbols (CO2, CCUS, GDP), proper
    /// names of sources and methods (CEADs, Shan, Guan, LMDI, Shapley, Sobol, RMSE), the tool's name,
    /// percentile names (P5 … P95), the peak time's "t", and the names of files. README.md lists the same.
    static let allowed: Set<String> = ["CO2", "CCUS", "GDP", "CEADs", "Shan", "Guan", "LMDI", "Shapley", "Sobol", "RMSE", "carbonsim",
                                       "P5", "P25", "P50", "P75", "P95", "t", "inner", "mongolia", "yaml"]

    /// Latin words in `text` outside the allow-list; words inside identifiers (paths with '.' or '_') and
    /// user-named things (`except`) are left out.
    static func englishWords(_ text: String, except: Set<String> = []) -> [String] {
        let tokens = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-")) })
        var found: [String] = []
        for token in tokens {
            let t = String(token)
            if except.contains(t) || t.contains("_") || t.contains(".") && t.contains(where: \.isLetter) && !t.hasSuffix(".") { continue }
            for word in t.split(whereSeparator: { $0 == "-" || $0 == "." }) where word.contains(where: \.isLetter) {
                let w = String(word)
                if !allowed.contains(w) && !allowed.contains(w.lowercased()) { found.append(w) }
            }
        }
        return found
    }

    /// The visible text of an SVG: every <text> element and the <title>.
    static func svgText(_ svg: String) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var texts: [String] = [], current: String?
            func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "text" || name == "title" { current = "" }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { current? += s }
            func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if let c = current, name == "text" || name == "title" { texts.append(c); current = nil }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8)), c = Collector()
        parser.delegate = c
        XCTAssertTrue(parser.parse())
        return c.texts
    }

    // MARK: units

    /// The factors, checked against the model's own numbers from a real run: 1 Mt = 100 万吨, 1 Mtce = 100
    /// 万吨标准煤, 1 GW = 100 万千瓦, 1 TWh = 10 亿千瓦时; 10^8 yuan is already 亿元.
    func testChineseUnitsAreTheModelsNumbersTimesTheirFactors() {
        let t = Self.announced.trajectory
        // announced reaches its 196 GW wind milestone at the end of 2030 and exports 456.0 TWh: the dataset's 360 TWh
        // of other exports plus dedicated renewable export (announced.yaml: 36 TWh at the end of 2027, 108 at the
        // end of 2030, linear between), whose 2030 value is about the year's mean, (84 + 108) / 2 = 96 TWh:
        // by hand, 196 GW = 19600 万千瓦 and 456.0 TWh = 4560 亿千瓦时.
        XCTAssertEqual(t.value("capacity_wind", year: 2030)!, 196, accuracy: 1e-6)
        XCTAssertEqual(UnitSystem.cn.presented("GW").value(196), 19600)
        // To the table's one decimal: the model's value is 455.983 (its 2030 value is not quite the plain mean).
        XCTAssertEqual(t.value("electricity_exports", year: 2030)!, 456.0, accuracy: 0.05)
        XCTAssertEqual(UnitSystem.cn.presented("TWh").value(456.0), 4560, accuracy: 1e-9)
        XCTAssertEqual(UnitSystem.cn.presented("Mt CO2").value(8.221), 822.1, accuracy: 1e-9)
        XCTAssertEqual(UnitSystem.cn.presented("Mtce").value(2.93), 293, accuracy: 1e-9)
        XCTAssertEqual(UnitSystem.cn.presented("10^8 yuan (2019 prices)").factor, 1)
        XCTAssertEqual(UnitSystem.cn.largeTotal("Mt CO2").value(30636), 306.36, accuracy: 1e-9)
        XCTAssertEqual(UnitSystem.model.presented("GW").factor, 1)

        let zh = TextRenderer(language: .zh, markdown: false).render(PlanPeriodReport(Self.announced))
        let row = { (label: String) in zh.split(separator: "\n").first { $0.hasPrefix(label) }.map(String.init) ?? "" }
        XCTAssertTrue(row("风电装机").contains("万千瓦"))
        XCTAssertTrue(row("风电装机").contains("19600（"), row("风电装机"))
        XCTAssertTrue(row("外送电量").contains("4560（"), row("外送电量"))
        for (label, series, factor) in [("CO2排放总量", "co2_gross", 100.0), ("能源消费总量", "energy_total", 100), ("煤电发电量", "generation_coal", 10)] {
            let expected = NumberFormat.value(factor * t.value(series, year: 2030)!)
            XCTAssertTrue(row(label).contains(expected + "（"), "\(label): \(expected) not in \(row(label))")
        }
        // The English table keeps the model's units unless asked.
        let en = TextRenderer(language: .en, markdown: false).render(PlanPeriodReport(Self.announced))
        XCTAssertTrue(en.contains("196.0 (+"))
        XCTAssertTrue(TextRenderer(language: .en, markdown: false, units: .cn).render(PlanPeriodReport(Self.announced)).contains("10^4 kW"))
    }

    func testSharesChangeInPercentagePoints() {
        let report = PlanPeriodReport(Self.announced)
        let share = report.rows.first { $0.series == "non_fossil_share" }!
        let t = Self.announced.trajectory
        let points = t.value("non_fossil_share", year: 2025)! - t.value("non_fossil_share", year: 2020)!
        XCTAssertEqual(share.points![0], points, accuracy: 1e-12)
        XCTAssertNil(report.rows.first { $0.series == "co2_gross" }!.points)
        let zh = TextRenderer(language: .zh, markdown: false).render(report)
        XCTAssertTrue(zh.contains("（\(NumberFormat.points(points, .zh))）"), NumberFormat.points(points, .zh))
        XCTAssertTrue(NumberFormat.points(points, .zh).hasSuffix("个百分点"))
        XCTAssertTrue(TextRenderer(language: .en, markdown: false).render(report).contains("(\(NumberFormat.points(points, .en)))"))
        // The footnote says what the brackets hold (an analyst looked for it).
        XCTAssertTrue(zh.contains("括号内为较前一列的变化（比重为百分点变化）"), zh)
        XCTAssertTrue(TextRenderer(language: .en, markdown: false).render(report).contains("with the change from the column before in brackets"))
    }

    func testPlanPeriodNames() {
        let names = (14...21).map(Labels.periodNameZH)
        XCTAssertEqual(names, ["十四五", "十五五", "十六五", "十七五", "十八五", "十九五", "第二十个五年", "第二十一个五年"])
        XCTAssertEqual(Labels.period(15, start: 2026, end: 2030, .zh), "十五五（2026-30）")
        XCTAssertFalse(names.contains { $0.hasPrefix("二十") })
    }

    func testTargetTableShowsTheMarginNotOnlyPassOrFail() throws {
        let report = PlanPeriodReport(Self.announced)
        let cut = try XCTUnwrap(report.targets.first { $0.kind == .co2IntensityCut })
        let margin = try XCTUnwrap(cut.achieved) - cut.required
        let en = TextRenderer(language: .en, markdown: false).render(report)
        XCTAssertTrue(en.contains("Margin (+ met, − short)"))
        let line = try XCTUnwrap(en.split(separator: "\n").first { $0.hasPrefix("CO2 intensity cut") })
        XCTAssertTrue(line.contains(NumberFormat.points(margin, .en)), String(line))
        let peak = try XCTUnwrap(report.targets.first { $0.kind == .peakYear })
        XCTAssertEqual(TargetPresentation(peak, units: .cn, language: .zh).margin, peak.required - peak.achieved!.rounded())
        // A peak at the run's first year is a bound: shown as one, in both languages.
        let bound = TargetCheck(kind: .peakYear, year: 2025, required: 2025, achieved: 2019, passed: true, atOrBefore: true)
        XCTAssertEqual(TargetPresentation(bound, units: .cn, language: .zh).achieved, "≤2019")
        XCTAssertEqual(TargetPresentation(bound, units: .model, language: .en).achieved, "≤2019")
        // JSON carries the margin in the model's units.
        let json = try JSONSerialization.jsonObject(with: Data(try JSONRenderer.render([Self.announced]).utf8)) as! [String: Any]
        let targets = ((json["scenarios"] as! [[String: Any]])[0]["indicators"] as! [String: Any])["targets"] as! [[String: Any]]
        XCTAssertEqual(targets.first { $0["target"] as? String == "co2_intensity_cut" }!["margin"] as! Double, margin, accuracy: 1e-12)
    }

    // MARK: CSV bytes

    func testChineseCSVStartsWithTheBOMAndHasTranslatedHeadersWithUnits() throws {
        let reports = Self.results.map { PlanPeriodReport($0, provenance: Self.provenance) }
        let zh = CSVRenderer.report(reports, language: .zh, bom: true)
        XCTAssertEqual(Array(zh.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = zh.dropFirst().split(separator: "\n")
        XCTAssertEqual(String(lines[0]), "情景,地区,类别,指标,单位,时期,年份,数值,变化（%）,变化（个百分点）,要求,实现,差距（+超额，−不足）,结果")
        XCTAssertTrue(lines.contains { $0.hasPrefix("基准情景,内蒙古,规划期,风电装机,万千瓦,十五五,2030,") })
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 14 })
        // A share changes by points only: its 变化（%） is empty, its 变化（个百分点） filled (no % of a %).
        let share = try XCTUnwrap(lines.first { $0.hasPrefix("基准情景,内蒙古,规划期,非化石能源消费比重,%,十五五,2030,") })
        let fields = share.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(fields[8], "", String(share))
        XCTAssertNotEqual(fields[9], "", String(share))

        let en = CSVRenderer.report(reports, language: .en)
        XCTAssertEqual(en.utf8.first, UInt8(ascii: "s"), "no BOM in English unless asked")
        XCTAssertTrue(en.hasPrefix(CSVRenderer.reportHeader + "\n"))
        XCTAssertTrue(en.contains("baseline,Inner Mongolia,period,Wind capacity,GW,15th,2030,"))

        let annual = CSVRenderer.annual(Self.announced.trajectory, costs: Self.announced.costs, language: .zh, bom: true)
        XCTAssertEqual(Array(annual.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        let header = annual.dropFirst().prefix { $0 != "\n" }
        XCTAssertTrue(header.hasPrefix("年份,CO2排放总量（万吨CO2）,CO2净排放（万吨CO2）,"), String(header.prefix(80)))
        XCTAssertTrue(header.contains("风电装机（万千瓦）"))
        XCTAssertTrue(header.contains("成本：风电光伏建设（亿元）"))
        XCTAssertNil(header.range(of: "[a-z]+_[a-z]+", options: .regularExpression), "a snake_case header is left: \(header)")
        let columns = header.split(separator: ",").count
        let row2030 = try XCTUnwrap(annual.split(separator: "\n").first { $0.hasPrefix("2030,") })
        XCTAssertEqual(row2030.split(separator: ",", omittingEmptySubsequences: false).count, columns)
        XCTAssertTrue(row2030.hasPrefix("2030,\(100 * Self.announced.trajectory.value("co2_gross", year: 2030)!),"))
        // English keeps the names scripts use, and gains the cost columns.
        let annualEN = CSVRenderer.annual(Self.announced.trajectory, costs: Self.announced.costs)
        XCTAssertTrue(annualEN.hasPrefix("year,co2_gross,co2_net,"))
        XCTAssertTrue(annualEN.prefix { $0 != "\n" }.hasSuffix(",cost_hydrogen"))
    }

    // MARK: no English left

    func testNoEnglishLabelRemainsInChineseTablesAndCharts() throws {
        let report = PlanPeriodReport(Self.announced, provenance: Self.provenance)
        // The scenario's description is the user's own text, as its file gives it.
        let table = TextRenderer(language: .zh, markdown: true).render(report).replacingOccurrences(of: Self.announced.description, with: "")
        XCTAssertEqual(Self.englishWords(table), [])
        let csv = CSVRenderer.report([report], language: .zh)
        XCTAssertEqual(Self.englishWords(csv), [])
        XCTAssertEqual(Self.englishWords(String(CSVRenderer.annual(Self.announced.trajectory, costs: Self.announced.costs, language: .zh).prefix { $0 != "\n" })), [])

        let loader = ScenarioLoader(dataset: Self.dataset)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let accelerated = try loader.load(path: repo.appendingPathComponent("scenarios/accelerated.yaml").path)
        let wedges = try WedgeAnalysis(baseline: DefaultScenarios.load(dataset: Self.dataset)[0], policy: accelerated, dataset: Self.dataset)
        let d = try DecomposeCheck.lmdi(Self.announced)
        let sens = SweepSummary.Sensitivity(method: .src, output: "peak_value",
                                            factors: ["sector_plans.power.wind.target", "sector_plans.industry.capacity_cut.steel.target"],
                                            first: [.init(estimate: -0.9, lower: .nan, upper: .nan), .init(estimate: 0.2, lower: .nan, upper: .nan)],
                                            total: [], rSquared: 0.9)
        let band = SweepSummary.Band(series: "co2_net", years: [2020, 2030], values: [[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]])
        let charts: [(String, String)] = [
            ("trajectories", try ScenarioCharts.trajectories(Self.results, series: "co2_gross", language: .zh, provenance: Self.provenance)),
            ("non-fossil", try ScenarioCharts.trajectories(Self.results, series: "non_fossil_share", language: .zh, provenance: Self.provenance)),
            ("stack-sector", try ScenarioCharts.stacked(Self.announced, by: "sector", language: .zh, provenance: Self.provenance)),
            ("stack-fuel", try ScenarioCharts.stacked(Self.announced, by: "fuel", language: .zh, provenance: Self.provenance)),
            ("wedges", try ScenarioCharts.wedges(wedges, language: .zh, provenance: Self.provenance)),
            ("decomposition", try Charts.decomposition(d.result, start: ("2020", d.start), end: ("2030", d.end), title: "CO2排放变化的LMDI分解",
                                                       source: ScenarioCharts.source(.zh, Self.provenance), language: .zh, units: .cn)),
            ("tornado", try Charts.tornado(sens, title: "敏感性", source: ScenarioCharts.source(.zh, Self.provenance), language: .zh,
                                           factorLabel: { ScenarioCharts.factor($0, .zh) })),
            ("fan", try Charts.fan(band, title: "分布", yLabel: "CO2净排放（万吨CO2）", source: ScenarioCharts.source(.zh), language: .zh)),
        ]
        for (name, svg) in charts {
            let words = Self.svgText(svg).flatMap { Self.englishWords($0) }
            XCTAssertEqual(words, [], "\(name): English left in the Chinese chart")
        }
        // A user's own scenario keeps its name: the allow-list takes it explicitly.
        XCTAssertEqual(Self.englishWords("情景：my-plan", except: ["my-plan"]), [])
        XCTAssertEqual(Self.englishWords("Scenarios: CO2 gross"), ["Scenarios", "gross"])
    }

    /// `compare` in Chinese: no English label in its table, Markdown or CSV; the CSV starts with the BOM;
    /// numbers in Chinese statistical units (1 Mt = 100 万吨); shares differ in 个百分点; the shipped
    /// scenarios by the names `run` gives them; the region named.
    /// Every registered lever's family (a wedge of the wedges chart) has its Chinese label, so a new family
    /// cannot leave English in a Chinese chart whichever scenario uses it.
    func testEveryLeverFamilyHasAChineseLabel() {
        let missing = Set(LeverRegistry.all.map(\.family)).filter { Labels.family($0, .zh) == $0 }.sorted()
        XCTAssertEqual(missing, [])
    }

    func testComparisonInChineseFollowsTheConventions() throws {
        let c = ScenarioComparison(Self.results, provenance: Self.provenance)
        for format in [OutputFormat.table, .markdown, .csv] {
            let text = try ComparisonRenderer.render(c, format: format, language: .zh, bom: format == .csv)
            XCTAssertEqual(Self.englishWords(text), [], "compare --format \(format.rawValue) --lang zh")
            XCTAssertTrue(text.contains("内蒙古") && text.contains("基准情景") && text.contains("已公布政策情景"), "\(format)")
            XCTAssertFalse(text.contains("baseline") || text.contains("百万吨"), "\(format): model names or units left")
        }
        let table = try ComparisonRenderer.render(c, format: .table, language: .zh)
        XCTAssertTrue(table.hasPrefix("情景对比：基准情景、已公布政策情景\n地区：内蒙古；数据集：inner-mongolia.yaml（内置）\n"), String(table.prefix(120)))
        let share = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix(Labels.series("non_fossil_share", .zh)) })
        XCTAssertTrue(share.contains("个百分点"), String(share))

        let csv = try ComparisonRenderer.render(c, format: .csv, language: .zh, bom: true)
        XCTAssertEqual(Array(csv.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = csv.dropFirst().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "类别,地区,指标,单位,时期,年份,情景,数值,变化（%）,变化（个百分点）,差值,差值（%）,要求,实现,差距（+超额，−不足）,结果")
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 16 })
        let gross = c.rows[0].points[2]
        XCTAssertTrue(lines.contains("规划期,内蒙古,CO2排放总量,万吨CO2,十五五,2030,已公布政策情景,\(NumberFormat.exact(100 * gross.values[1])),"
                                     + "\(NumberFormat.exact(gross.changes[1])),,\(NumberFormat.exact(100 * gross.differences[0])),\(NumberFormat.exact(gross.relative[0])),,,,"),
                      lines.filter { $0.contains("CO2排放总量,万吨CO2,十五五") }.joined(separator: "\n"))
        let k = try XCTUnwrap(c.rows.firstIndex { $0.series == "non_fossil_share" })
        let s = c.rows[k].points
        XCTAssertTrue(lines.contains { $0.hasPrefix("规划期,内蒙古,\(Labels.series("non_fossil_share", .zh)),%,十五五,2030,已公布政策情景,")
                                       && $0.hasSuffix(",\(NumberFormat.exact(s[2].values[1] - s[1].values[1])),\(NumberFormat.exact(s[2].differences[0])),,,,,") },
                      "a share: its change in percentage points, its difference in points, no % of a %")
        // English keeps the model's units and names unless asked, and no BOM.
        let en = try ComparisonRenderer.render(c, format: .csv, language: .en)
        XCTAssertTrue(en.hasPrefix(ComparisonRenderer.csvHeader + "\n"))
        XCTAssertTrue(en.contains("period,Inner Mongolia,CO2 gross,Mt CO2,15th,2030,announced,\(NumberFormat.exact(gross.values[1])),"))
        let cn = try ComparisonRenderer.render(c, format: .csv, language: .en, units: .cn)
        XCTAssertTrue(cn.contains("period,Inner Mongolia,CO2 gross,10^4 t CO2,15th,2030,announced,\(NumberFormat.exact(100 * gross.values[1])),"))
        // JSON stays in the model's units and names the region.
        let json = try JSONSerialization.jsonObject(with: Data(try ComparisonRenderer.render(c, format: .json, language: .zh, units: .cn).utf8)) as! [String: Any]
        XCTAssertEqual(json["region"] as? String, "Inner Mongolia")
        let first = ((json["indicators"] as! [[String: Any]])[0]["points"] as! [[String: Any]])[2]["values"] as! [Double]
        XCTAssertEqual(first[1], gross.values[1])
    }

    func testEveryChartUsesAFontStackWithTheCJKFontsAnalystsHave() throws {
        let svg = try ScenarioCharts.stacked(Self.announced, by: "sector", language: .zh)
        for font in ["Microsoft YaHei", "SimHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC"] {
            XCTAssertTrue(svg.contains("'\(font)'") || svg.contains(font), font)
        }
    }

    // MARK: chart label placement

    /// Each tornado label starts 6 px right of its positive bar's end, or ends 6 px left of a negative one's.
    func testTornadoLabelsSitNextToTheirBars() throws {
        let sens = SweepSummary.Sensitivity(method: .src, output: "peak_value", factors: ["a.target", "b.target", "c.target"],
                                            first: [.init(estimate: -0.9, lower: .nan, upper: .nan), .init(estimate: 0.5, lower: .nan, upper: .nan),
                                                    .init(estimate: 0.05, lower: .nan, upper: .nan)],
                                            total: [], rSquared: 0.9)
        let svg = try Charts.tornado(sens, title: "t", source: "s")
        let lines = svg.split(separator: "\n").map(String.init)
        func attr(_ line: String, _ name: String) -> Double? {
            guard let r = line.range(of: " \(name)=\"") else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        for (factor, estimate) in zip(sens.factors, [-0.9, 0.5, 0.05]) {
            let bar = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("<rect data-series=\"\(factor)\"") })
            let label = try XCTUnwrap(lines[bar...].first { $0.contains(">\(factor)</text>") })
            let x = attr(lines[bar], "x")!, width = attr(lines[bar], "width")!, lx = attr(label, "x")!
            if estimate < 0 {
                XCTAssertEqual(lx, x - 6, accuracy: 0.02, factor)
                XCTAssertTrue(label.contains("text-anchor=\"end\""))
                XCTAssertGreaterThan(lx - 6 * Double(factor.count), 0, "the label of the most negative bar fits in the chart")
            } else {
                XCTAssertEqual(lx, x + width + 6, accuracy: 0.02, factor)
            }
            XCTAssertEqual(attr(label, "y")!, attr(lines[bar], "y")! + 13 + 4, accuracy: 0.02)
        }
    }

    /// Scenarios peaking in the same year at the same level get their peak labels one above the other.
    func testPeakLabelsNeverOverlap() throws {
        let years = Array(2019...2060)
        let wave = years.map { 800 - 0.4 * (Double($0) - 2028) * (Double($0) - 2028) }
        let series = (0..<4).map { i in ChartSeries(label: "s\(i)", years: years, values: wave.map { $0 + Double(i) }, peak: (2028.5, 800 + Double(i))) }
        let svg = try Charts.trajectories(series, title: "t", yLabel: "y", source: "s")
        let ys = svg.split(separator: "\n").filter { $0.contains(">peak 2028</text>") }.map { line -> Double in
            let r = line.range(of: " y=\"")!
            return Double(line[r.upperBound...].prefix { $0 != "\"" })!
        }
        XCTAssertEqual(ys.count, 4)
        let sorted = ys.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) { XCTAssertGreaterThanOrEqual(b - a, 12, "labels at \(ys) overlap") }
    }

    func testLabelBoxesFindAFreePlace() {
        var placed: [LabelBox] = []
        for _ in 0..<5 { placed.append(LabelBox.free(x: 10, baseline: 100, width: 40, height: 12, avoiding: placed)) }
        for (i, a) in placed.enumerated() { for b in placed[(i + 1)...] { XCTAssertFalse(a.overlaps(b)) } }
        XCTAssertEqual(placed[0].baseline, 100)
    }
}

/// The LMDI decomposition of a run from 2020 to 2030, as `carbonsim decompose` computes it.
enum DecomposeCheck {
    static func lmdi(_ r: ScenarioResult) throws -> (result: LMDI.Result, start: Double, end: Double) {
        let s0 = try Decomposition.state(r.trajectory, year: 2020), s1 = try Decomposition.state(r.trajectory, year: 2030)
        return (LMDI.decompose(from: s0, to: s1), s0.totalCO2, s1.totalCO2)
    }
}

/// The table that puts input messages into Chinese.
final class ChineseMessageTableTests: XCTestCase {
    /// A template reads one digit after `$`, `§` or `¶`: a pattern with ten groups would write "$11" as group 1 and a
    /// "1" ("请写 200001" for 200). Every pattern of the Chinese message table has at most nine.
    func testEveryChineseMessagePatternHasAtMostNineGroups() {
        for (pattern, template) in InputMessagesZH.table {
            XCTAssertLessThanOrEqual(pattern.numberOfCaptureGroups, 9, pattern.pattern)
            for k in template.indices where "$§¶".contains(template[k]) {
                let next = template.index(after: k)
                if next < template.endIndex, let n = template[next].wholeNumberValue {
                    XCTAssertLessThanOrEqual(n, pattern.numberOfCaptureGroups, "\(pattern.pattern) -> \(template)")
                }
            }
        }
        XCTAssertEqual(InputMessagesZH.message("20000 Mtce is 67 times the region's 2019 fossil energy (300.4 Mtce): if you meant 20000 万吨标准煤 (10^4 tce), as Chinese statistics write it, write 200"),
                       "20000 百万吨标准煤 是本地区 2019 年化石能源消费（300.4 百万吨标准煤）的 67 倍：若指 20000 万吨标准煤（统计口径单位），请写 200")
        // What the what-if service's comparisons and charts say about a request (a tester found them in English).
        XCTAssertEqual(InputMessagesZH.describe(InputError(file: "--series", keyPath: "series", message: "no series 'co2_grosss'",
                                                           accepted: "a series of the annual table, for example co2_gross, co2_net (the columns of the annual CSV files carbonsim run --output DIR writes)")),
                       InputMessagesZH.describe(InputError(file: "--series", keyPath: "series", message: "no series 'co2_grosss'")).split(separator: "\n")[0]
                           + "\n  可接受：年度表中的序列，例如 co2_gross, co2_net（即 carbonsim run --output DIR 写出的年度 CSV 文件的各列）")
        XCTAssertEqual(InputMessagesZH.message("no series 'co2_grosss'"), "没有名为 'co2_grosss' 的序列")
        XCTAssertEqual(InputMessagesZH.message("0 scenarios to compare"), "要比较的情景有 0 个")
        XCTAssertEqual(InputMessagesZH.message("1 to 5"), "1 至 5")
        // A sweep range typed as fractions, and a negative n, read in Chinese with Chinese units (an analyst found "%/yr").
        XCTAssertEqual(InputMessagesZH.message("0.1, 0.4 %/yr look like fractions: this field is in percent, so if you meant 10, 40 %/yr, write 10, 40"),
                       "0.1, 0.4 %/年 像是小数：此项以百分数计，若指 10, 40 %/年，请写 10, 40")
        XCTAssertEqual(InputMessagesZH.message("n = -5 is too small for a lhs design"), "n = -5 对 lhs 设计太小")
    }

    /// What `none` says where it drops nothing, in Chinese: no English left but the keys and `none`.
    func testDroppedTargetMessagesAreTranslated() {
        let told = [
            ("'none' drops a target of the scenario a file extends, and this file has no 'extends:', so there is no target to drop",
             "'none' 用于去掉所继承（extends:）情景的目标，而此文件没有 'extends:'，没有可去掉的目标"),
            ("a year, 2020 to 2060; leave the entry out for no target", "年份，2020 至 2060；不设目标请删去此项"),
            ("'none' drops the base scenario's energy_cap target in 2030, and it has none: nothing changes",
             "'none' 去掉基础情景 2030 年的 energy_cap 目标，但基础情景没有此目标：不起作用"),
            ("'none' drops the base scenario's co2_intensity_cut target for the 15th plan period (2026-2030), and it has none: nothing changes",
             "'none' 去掉基础情景 2026—2030 年规划期的 co2_intensity_cut 目标，但基础情景没有此目标：不起作用"),
            ("'none' drops the base scenario's peak_year target, and it has none: nothing changes",
             "'none' 去掉基础情景的 peak_year 目标，但基础情景没有此目标：不起作用"),
            ("'none' drops the base scenario's energy_cap targets, and it has none: nothing changes",
             "'none' 去掉基础情景的 energy_cap 目标，但基础情景没有此目标：不起作用"),
            // The factors of one lever in a sweep spec share one schedule.
            ("start 2032 here, start 2028 on sector_plans.removals.ccus.target (line 5): the factors of sector_plans.removals.ccus share one schedule",
             "此处 start 为 2032，而 sector_plans.removals.ccus.target（第 5 行）的 start 为 2028：sector_plans.removals.ccus 的各因子共用一个时间安排"),
            ("one start for the lever: write it on one of its factors, or the same on each", "该措施只有一个 start：写在其中一个因子上，或在各因子上写相同的值"),
            ("'start' on the .start factor: the factor draws the start year, so a fixed one cannot go with it", "'start' 写在 .start 因子上：该因子抽取此年份，不能再给固定值"),
            ("the years to draw in the factor's range or levels, without 'start'", "在因子的 range 或 levels 中给出要抽取的年份，不写 'start'"),
            ("this file drops every energy cap, and scenarios/levers/dual-control.yaml (line 28) enforces dual control, which needs one",
             "此文件去掉了所有能耗总量上限，而 scenarios/levers/dual-control.yaml（第 28 行）强制执行能耗双控，需要至少一个上限"),
            ("a delta of -1 Mt CO2/yr over 'announced' takes capacity down (a build-out target of 4 Mt CO2/yr by the end of 2030 is below the 5 Mt CO2/yr installed at the start of 2026; this lever only adds capacity (zero is a value, not 'off'; retiring capacity is another lever's job)): those runs cannot run and are stored as failed",
             "在“announced”之上增加 -1 百万吨CO2/年 会减少已有装机（建设目标（2030 年末 4 百万吨CO2/年）低于 2026 年初已有的 5 百万吨CO2/年：此措施只增加装机（0 是一个取值，不表示“关闭”；退役由其他措施负责））：这些运行无法进行，记为失败"),
            ("YAML syntax: an enumeration comma '、' (a Chinese input method's) where YAML needs ','", "YAML 语法错误：顿号'、'（中文输入法），YAML 需用半角逗号','"),
            ("a cap kept or given here, or measures: {dual_control: {enforce: false}} in this file",
             "在此保留或给出一个上限，或在此文件中写 measures: {dual_control: {enforce: false}}"),
        ]
        for (english, zh) in told { XCTAssertEqual(InputMessagesZH.message(english), zh) }
    }

    /// A level above what a lever only lowers from (the heat rate above the fleet's), in a scenario file and in a sweep spec.
    func testOnlyLowersWarningsAreTranslated() {
        XCTAssertEqual(InputMessagesZH.message("400 gce/kWh is above the coal fleet's heat rate in 2019 (320 gce/kWh): this lever only lowers it and never raises it, so a target above it does nothing (the run is as if the lever were not set); a target below it acts"),
                       "400 克标准煤/千瓦时高于 2019 年的煤电机组供电煤耗（320 克标准煤/千瓦时）：此措施只降低、从不提高该水平，高于该水平的目标不起作用（运行结果与未设此措施相同）；目标低于该水平才有效")
        XCTAssertEqual(InputMessagesZH.message("levels up to 340 gce/kWh are drawn, above the coal fleet's heat rate in 2019 (320 gce/kWh): this lever only lowers it and never raises it, so the runs drawn above it are the same as at it"),
                       "抽样水平最高为 340 克标准煤/千瓦时，高于 2019 年的煤电机组供电煤耗（320 克标准煤/千瓦时）：此措施只降低、从不提高该水平，因此高于该水平的各次运行结果与该水平相同")
        XCTAssertEqual(InputMessagesZH.message("levels up to 325 gce/kWh are drawn (a change over 'announced'), above the coal fleet's heat rate in 2019 (320 gce/kWh): this lever only lowers it and never raises it, so the runs drawn above it are the same as at it"),
                       "在基础情景'announced'上叠加变化后，抽样水平最高为 325 克标准煤/千瓦时，高于 2019 年的煤电机组供电煤耗（320 克标准煤/千瓦时）：此措施只降低、从不提高该水平，因此高于该水平的各次运行结果与该水平相同")
        XCTAssertEqual(InputMessagesZH.message("about 15.9 % of the draws are above the coal fleet's heat rate in 2019 (320 gce/kWh): this lever only lowers it and never raises it, so those runs are the same as at it"),
                       "约 15.9 % 的抽样高于 2019 年的煤电机组供电煤耗（320 克标准煤/千瓦时）：此措施只降低、从不提高该水平，因此这些运行结果与该水平相同")
    }

    /// The warnings about a delta following the extended schedule into the observed years, an enforced cap in them, and
    /// a build-out replacement that cannot keep the earlier moves, as the loader writes them, read in Chinese: no English
    /// left, and the advice (start, full) kept.
    func testDeltaCapAndBuildOutWarningsAreTranslated() throws {
        let d = try Dataset.innerMongolia().inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-zh-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios")
        try "sector_plans:\n  removals:\n    ccus: {target: 10, start: \(n + 1), full: \(n + 5)}\n"
            .write(to: dir.appendingPathComponent("c10.yaml"), atomically: true, encoding: .utf8)
        let loader = ScenarioLoader(dataset: d)
        let storage = try loader.parse("extends: \(scenarios.path)/announced.yaml\nsector_plans:\n  power:\n    storage: {delta: 10}\n", file: "s.yaml")
        let capped = try loader.parse("targets:\n  energy_cap: {\(n - 1): 200}\nmeasures:\n  dual_control: {enforce: true}\n", file: "cap.yaml")
        let lower = try loader.parse("extends: c10.yaml\nsector_plans:\n  removals:\n    ccus: {target: 5, start: \(n + 7), full: \(n + 9)}\n", file: "c5.yaml", directory: dir)
        let below = try loader.parse("extends: \(scenarios.path)/announced.yaml\nsector_plans:\n  power:\n    storage: {target: 2, start: \(n + 1), full: \(n + 5)}\n", file: "s.yaml")
        let told = [storage.warnings.first { $0.message.hasPrefix("no start year given: the delta follows") },
                    capped.warnings.first { $0.message.hasPrefix("an enforced energy cap") },
                    lower.warnings.first { $0.message.contains("this file's setting cannot") },
                    below.warnings.first { $0.message.contains("this file's setting cannot") }]
        for w in told {
            let w = try XCTUnwrap(w, "\(storage.warnings) \(capped.warnings) \(lower.warnings)")
            let zh = InputMessagesZH.message(w.message)
            XCTAssertNotEqual(zh, w.message)
            for english in [" the ", "observed", "builds", "change", "give ", "keep", "write"] { XCTAssertFalse(zh.contains(english), "\(english): \(zh)") }
        }
        XCTAssertTrue(InputMessagesZH.message(told[0]!.message).hasSuffix("请写 start: \(n + 1), full: \(n + 5)"), told[0]!.message)
    }

    /// What sweeps, shards and merges say about a spec or a database, in Chinese: no English left but the keys, values and
    /// options the user types.
    func testSweepAndDatabaseMessagesAreTranslated() {
        let keys: Set<String> = ["low", "high", "target", "delta", "saltelli", "keep", "triangle", "n", "sd", "mean", "range", "levels",
                                 "distribution", "uniform", "min", "max", "start", "full", "shape", "--resume", "--db", "--no-history", "--dataset", "baseline", "factors", "design",
                                 "none", "levers", "--parameters", "--baseline", "--policy", "SQLite", "fr", "sweep.sqlite", "economy.grwoth", "results", "out", "name", "targets", "enforce", "true", "false"]
        let messages = [
            "3000 lies outside the lever's range", "2020 to 2060, as in scenario files", "empty range [300, 200]",
            "low < high, for example [200, 300]", "unknown distribution 'triangle'", "n = 1 is too small for a saltelli design",
            "series 'co2_net' is listed twice in 'keep'", "each series once", "levels must not be empty", "missing 'sd'",
            "sector_plans.power.wind is varied both as 'target' and as 'delta'; a lever takes one form",
            "'range' does not go with levels: a factor varies in one way, and the other keys would be ignored",
            "no start year given: where 'baseline' leaves the lever alone, it moves from 2021, inside the observed years 2020-2025 (history mode), so the runs change them; for a move after them, give start: 2026, full: 2030",
            "the database exists already", "--resume to continue it, or another --db", "the disk is full",
            "this database holds results of a different sweep: the sweep spec text differs; the tool version differs (0.1 there, 0.2 here)",
            "the database exists already and holds results of a different sweep: the sweep was made with --no-history: resume it with --no-history",
            "this shard is of a different sweep than a.sqlite: the dataset differs (another --dataset, or the dataset file was edited)",
            "the name is empty: tables, charts and databases would show a nameless column",
            "this is a sweep spec (it has 'factors' and 'design'), not a scenario file",
            "full-effect years drawn before the lever's start, 2025, run with 2025 (a lever cannot be full before it starts)",
            "a run whose full-effect year is drawn before its start year (sector_plans.removals.ccus.start reaches 2035) runs with its start as the full-effect year (a lever cannot be full before it starts); the database stores the year each run ran with",
            "start years drawn after 2030, when the setting reaches its first milestone, run with 2030 (a move cannot start after it ends), and the results of those runs are the same (the database stores the year each run ran with); vary .full too, or draw starts up to 2030",
            "start years drawn after 2025, when the setting reaches its first milestone, run with 2025 (a move cannot start after it ends), and the results of those runs are the same (the database stores the year each run ran with); draw starts up to 2025",
            "sector_plans.removals.ccus.start draws years from 2022, inside the observed years 2020-2025 (history mode), so those runs change them; for moves after them, draw starts from 2026",
            "not a carbonsim database: the file is not SQLite, or is damaged or encrypted",
            "unknown dataset parameter 'economy.grwoth'", "a path listed by 'carbonsim levers --parameters'",
            "a scale of -1 makes 184.2 TWh/yr into -184.2, out of range", "scales that keep every value at 0 TWh/yr or more (a scale of 0 or more)",
            "scales that keep every value within 0 to 1.5 TWh/yr", "the folder results/out is not writable", "a folder you can write to, or another path",
            "the path is empty", "a file name, for example sweep.sqlite", "unknown language 'fr'", "the request names no scenario file",
            "YAML syntax: 'peak_year 2028' has no ':' after its key, so YAML runs it on into the next line",
            "write 'peak_year: 2028' (a key, ':' and a space, then the value)", "write 'targets:' (the key followed by ':')",
            "expected a mapping of keys, found a single value 'peak_year 2028', a key without its colon",
            "expected a mapping {enforce: true} or {enforce: false}, found a single value",
            "YAML syntax: did not find expected ',' or '}'", "YAML syntax: found unexpected end of stream",
            "a flow value's entries separated by half-width commas and closed on the same line, for example {2025: 150, 2030: 300}", "2020 to 2060, or none (drops the base scenario's target)",
            "comparing scenarios needs both --baseline and --policy; --policy is missing",
            "--baseline FILE --policy FILE, or one scenario file for a change between two years",
            "the lower bound 100 GW is below 127.628347 GW, the capacity observed at the end of 2025: the move starts in 2021, within the observed years (history mode), so a lower level is raised to it and every level from 100 to 127.628347 GW runs alike; give a lower bound of at least 127.628347 GW",
            "the lower bound 60 GW is below 60.6625 GW, the least the setting's last milestone (2030) may reach without taking capacity down: what is installed when its move starts, or more where a delta or step over a rising path would dip first (history mode: the observed capacity, then the base scenario's later milestones); a build-out lever only adds capacity",
        ]
        // SQLite's own words after a message stay as SQLite said them, in Chinese brackets.
        XCTAssertEqual(InputMessagesZH.message("the disk is full (SQLite: database or disk is full)"), InputMessagesZH.message("the disk is full") + "（SQLite：database or disk is full）")
        for m in messages {
            let zh = InputMessagesZH.message(m)
            XCTAssertNotEqual(zh, m)
            XCTAssertEqual(ChineseConventionsTests.englishWords(zh, except: keys), [], zh)
        }
        // A template reads at most $9: the bound named last is the observed capacity, not "$1" followed by "0".
        XCTAssertTrue(InputMessagesZH.message(messages.first { $0.hasPrefix("the lower bound 100 GW") }!).hasSuffix("下限应至少为 127.628347 吉瓦"))
        XCTAssertEqual(InputMessagesZH.message("this is a dataset (it has 'base_year' and 'emission_factors'), not a scenario file"),
                       "这是数据集文件（含 'base_year'、'emission_factors' 键），不是情景文件")
        XCTAssertEqual(InputMessagesZH.message("carbonsim sweep SPEC.yaml --dataset 'my $d.yaml' uses it (every command takes --dataset); a scenario file has keys such as name, extends, targets, sector_plans"),
                       "用 carbonsim sweep SPEC.yaml --dataset 'my $d.yaml' 使用它（每个命令都接受 --dataset）；情景文件的键如 name、extends、targets、sector_plans")
        // The file as typed, spaces included (quoted), stays whole in the translation.
        XCTAssertEqual(InputMessagesZH.message("carbonsim run 'plans/my plan.yaml' runs it; a sweep spec has keys such as name, scenarios, design, factors"),
                       "用 carbonsim run 'plans/my plan.yaml' 运行它；参数扫描规格文件的键如 name、scenarios、design、factors")
    }

    /// A number's model unit inside a translated message reads as the tables write it (a milestone of 196 GW: 196 吉瓦).
    func testUnitsAfterNumbersInTranslatedMessagesAreChinese() {
        let zh = InputMessagesZH.message("replaces the setting of 'announced.yaml (embedded)' and drops its milestones after 2025, the last observed year (2026: 130.67, 2030: 196 GW); this file's setting has no milestone after 2025, so after 2025 the lever continues the trend. To keep them, write a delta over it")
        XCTAssertTrue(zh.contains("2030: 196 吉瓦"), zh)
        XCTAssertFalse(zh.contains("GW"), zh)
        XCTAssertEqual(InputMessagesZH.numberUnits("12 GW/yr, 3.5 GW, 4 Mt CO2, 5 Mtce, 6 TWh, a GWh"), "12 吉瓦/年, 3.5 吉瓦, 4 百万吨CO2, 5 百万吨标准煤, 6 太瓦时, a GWh")
        // An untranslated message keeps its English words; what the user typed ('300 GW') and file names stay as written.
        XCTAssertEqual(InputMessagesZH.message("something new at 5 GW"), "something new at 5 GW")
        XCTAssertEqual(InputMessagesZH.numberUnits("5 GW, '300 GW', plan 5 GW.yaml, 7 Mt CO2/yr"), "5 吉瓦, '300 GW', plan 5 GW.yaml, 7 百万吨CO2/年")
    }
}
