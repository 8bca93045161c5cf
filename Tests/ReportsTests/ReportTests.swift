import XCTest
import Reports
import Scenarios
import Simulator

final class ReportTests: XCTestCase {
    /// The embedded defaults, run once for every test here.
    static let results: [ScenarioResult] = {
        let dataset = try! Dataset.innerMongolia()
        return try! DefaultScenarios.load(dataset: dataset).map { try PreparedScenario($0, dataset: dataset).run() }
    }()

    func testJSONHasTheDocumentedShape() throws {
        let text = try JSONRenderer.render(Self.results)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let scenarios = try XCTUnwrap(root["scenarios"] as? [[String: Any]])
        XCTAssertEqual(scenarios.map { $0["name"] as? String }, ["baseline", "announced"])
        for s in scenarios {
            let years = try XCTUnwrap(s["years"] as? [Int])
            XCTAssertEqual(years.first, 2019)
            XCTAssertEqual(years.last, 2060)
            let series = try XCTUnwrap(s["series"] as? [String: Any])
            for name in ["co2_gross", "co2_net", "energy_total", "gdp"] {
                XCTAssertEqual((series[name] as? [Any])?.count, years.count, name)
            }
            let indicators = try XCTUnwrap(s["indicators"] as? [String: Any])
            for key in ["peak_year", "peak_value", "cumulative_co2", "neutrality_year"] {
                XCTAssertTrue(indicators.keys.contains(key), key)
            }
            XCTAssertEqual((s["periods"] as? [Any])?.count, 8)
        }
    }

    /// A target missed by less than the shown precision keeps its sign and shows the digits where required and
    /// achieved differ: not "51.22 | 51.22 | 0.0 pp | FAIL".
    func testNearMissesShowWhereTheyDiffer() {
        let miss = TargetCheck(kind: .nonFossilShare, year: 2030, required: 51.22, achieved: 51.2186, passed: false)
        let shown = TargetPresentation(miss, units: .model, language: .en)
        XCTAssertEqual(shown.required, "51.220")
        XCTAssertEqual(shown.achieved, "51.219")
        XCTAssertEqual(shown.gap, "-0.001 pp")
        XCTAssertEqual(NumberFormat.points(-0.04, .en), "-0.04 pp")
        XCTAssertEqual(NumberFormat.points(0.04, .zh), "+0.04个百分点")
        // A change that rounds to zero has no sign, whichever side of zero it is on (a tester saw +0.0% beside 0.0%).
        XCTAssertEqual([0.0096, -0.0034, 0, 7.54, -1.84].map(NumberFormat.change), ["0.0%", "0.0%", "0.0%", "+7.5%", "-1.8%"])
        XCTAssertEqual([0.0004, -0.0004, 3.81].map { NumberFormat.signed($0, digits: 3) }, ["0.000", "0.000", "+3.810"])
        XCTAssertEqual(NumberFormat.points(11.54, .en), "+11.5 pp")
        let met = TargetPresentation(TargetCheck(kind: .nonFossilShare, year: 2030, required: 25, achieved: 49.86, passed: true), units: .model, language: .en)
        XCTAssertEqual([met.required, met.achieved], ["25.00", "49.86"])
    }

    func testTableShowsEveryPlanPeriodAndTheTargets() {
        let text = TextRenderer(language: .en, markdown: false).render(PlanPeriodReport(Self.results[1]))
        for label in ["14th (2021-25)", "15th (2026-30)", "21st (2056-60)", "CO2 gross", "Targets", "PASS", "Peak of gross CO2"] {
            XCTAssertTrue(text.contains(label), label)
        }
    }

    func testChineseLabels() {
        let text = TextRenderer(language: .zh, markdown: true).render(PlanPeriodReport(Self.results[1]))
        for label in ["十四五（2021-25）", "第二十一个五年（2056-60）", "能源消费总量", "达标", "碳达峰年份不晚于"] {
            XCTAssertTrue(text.contains(label), label)
        }
        XCTAssertTrue(text.contains("| "), "markdown pipes")
    }

    func testPeriodChangesMatchTheAnnualSeries() {
        let report = PlanPeriodReport(Self.results[0])
        let r = Self.results[0].trajectory
        let row = report.rows.first { $0.series == "co2_gross" }!
        let v2025 = r.value("co2_gross", year: 2025)!, v2020 = r.value("co2_gross", year: 2020)!
        XCTAssertEqual(row.ends[0], v2025)
        XCTAssertEqual(row.changes[0], 100 * (v2025 / v2020 - 1), accuracy: 1e-12)
    }

    func testCSVHasOneHeaderAndConsistentColumns() {
        let csv = CSVRenderer.report(Self.results.map { PlanPeriodReport($0) }, language: .en)
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(String(lines[0]), CSVRenderer.reportHeader)
        let columns = CSVRenderer.reportHeader.split(separator: ",").count
        for line in lines.dropFirst() where !line.contains("\"") {
            XCTAssertEqual(line.split(separator: ",", omittingEmptySubsequences: false).count, columns, String(line))
        }
        let annual = CSVRenderer.annual(Self.results[0].trajectory).split(separator: "\n")
        XCTAssertEqual(annual.count, 1 + 42)
    }

    /// CCUS lowers net CO2, not the peak or the CO2 intensity: every table's footnote says which basis the targets use,
    /// so a CCUS scenario whose intensity cut does not improve is not read as a bug or as credited capture.
    func testTheFootnoteSaysTheTargetsAreOnGrossCO2() {
        XCTAssertTrue(Labels.text("convention", .en).contains("The CO2 peak, CO2 intensity and their targets are on gross CO2 (CCUS and sinks count towards net CO2 and net zero only)"))
        XCTAssertTrue(Labels.text("convention", .zh).contains("碳达峰、碳排放强度及其目标按排放总量计（CCUS与碳汇只计入净排放和碳中和）"))
        let table = TextRenderer(language: .zh, markdown: false).render(PlanPeriodReport(Self.results[1]))
        XCTAssertTrue(table.contains("按排放总量计"), table)
    }

    /// A CSV opened alone says how its values read, as the tables' footnotes do: its last row is the convention (stocks
    /// at year-end, flows annual totals), in run's and compare's CSV, in English and Chinese, with the CSV's columns.
    func testTheCSVsSayTheYearEndConvention() throws {
        let comparison = ScenarioComparison(Self.results)
        for lang in [Language.en, .zh] {
            let run = CSVRenderer.report(Self.results.map { PlanPeriodReport($0) }, language: lang)
            let compare = try ComparisonRenderer.render(comparison, format: .csv, language: lang)
            for (csv, columns, section) in [(run, CSVRenderer.reportColumns.count, 2), (compare, ComparisonRenderer.csvColumns.count, 0)] {
                let last = Self.fields(try XCTUnwrap(csv.split(separator: "\n").last))
                XCTAssertEqual(last.count, columns, "\(lang): \(last)")
                XCTAssertEqual(last[section], lang == .zh ? "统计口径" : "convention")
                XCTAssertTrue(last[section + (section == 0 ? 2 : 1)].contains(lang == .zh ? "装机与存量为年末数；流量为全年合计" : "Capacities and stocks at year-end; flows are annual totals"),
                              "\(lang): \(last)")
            }
        }
    }

    /// The CSVs carry what the tables list under "Cannot be honoured": per scenario and shortfall, the lever, the first
    /// and worst year, the amount in the report's units and the message, in the CSV's columns.
    func testTheCSVsCarryTheShortfalls() throws {
        let shortfalls = Self.results.flatMap(\.shortfalls)
        XCTAssertFalse(shortfalls.isEmpty, "the default scenarios curtail wind and solar late in the horizon")
        let comparison = ScenarioComparison(Self.results)
        for lang in [Language.en, .zh] {
            let section = lang == .zh ? "无法按设定实现" : "shortfall"
            let run = CSVRenderer.report(Self.results.map { PlanPeriodReport($0) }, language: lang).split(separator: "\n").map(Self.fields)
                .filter { $0.count > 2 && $0[2] == section }
            XCTAssertEqual(run.count, shortfalls.count, "\(lang)")
            for (row, f) in zip(run, shortfalls) {
                XCTAssertEqual(row.count, CSVRenderer.reportColumns.count)
                XCTAssertEqual([row[3], row[5], row[6]], [f.path, String(f.firstYear), String(f.worstYear)])
                XCTAssertEqual(row.last, f.text(lang, units: .default(for: lang)))
            }
            let compare = try ComparisonRenderer.render(comparison, format: .csv, language: lang).split(separator: "\n").map(Self.fields)
                .filter { $0.first == section }
            XCTAssertEqual(compare.count, shortfalls.count, "\(lang)")
            XCTAssertTrue(compare.allSatisfy { $0.count == ComparisonRenderer.csvColumns.count })
        }
    }

    /// A reached net zero is a year in the Chinese headline as the peak is ("2033年", not "2033" beside "2023年").
    func testTheNeutralityYearReadsAsAYearInChinese() throws {
        let dataset = try Dataset.innerMongolia()
        let s = try ScenarioLoader(dataset: dataset).parse("name: sinks\nsector_plans:\n  removals:\n    sinks: {target: 300, start: 2021, full: 2030}\n    ccus: {target: 500, start: 2021, full: 2030}\n", file: "sinks.yaml")
        let result = try PreparedScenario(s, dataset: dataset).run()
        let year = try XCTUnwrap(result.indicators.neutralityYear)
        let zh = TextRenderer(language: .zh, markdown: false).headline(PlanPeriodReport(result))
        XCTAssertEqual(zh.first { $0.0 == "碳中和" }?.1, "\(year)年")
        let en = TextRenderer(language: .en, markdown: false).headline(PlanPeriodReport(result))
        XCTAssertEqual(en.first { $0.0 == "Net zero" }?.1, "\(year)")
    }

    /// Target rows say the unit of their required and achieved values, as the period rows do.
    func testCSVTargetRowsCarryTheirUnit() throws {
        let reports = Self.results.map { PlanPeriodReport($0) }
        let targets = reports.flatMap(\.targets)
        XCTAssertFalse(targets.isEmpty)
        for (lang, units) in [(Language.en, UnitSystem.model), (.zh, .cn)] {
            let rows = CSVRenderer.report(reports, language: lang, units: units).split(separator: "\n").map(Self.fields)
            let targetRows = rows.filter { $0.count > 4 && ($0[2] == "target" || $0[2] == "目标") }
            XCTAssertEqual(targetRows.count, targets.count)
            for (row, c) in zip(targetRows, targets) {
                let expected: String
                switch (c.kind, lang) {
                case (.peakCeiling, .en): expected = "Mt CO2"
                case (.peakCeiling, _): expected = "万吨CO2"
                case (.energyCap, .en): expected = "Mtce"
                case (.energyCap, _): expected = "万吨标准煤"
                case (.peakYear, .en), (.neutralityYear, .en): expected = "year"
                case (.peakYear, _), (.neutralityYear, _): expected = "年份"
                default: expected = "%"
                }
                XCTAssertEqual(row[4], expected, row.joined(separator: ","))
            }
        }
    }

    /// run's CSV names its headline indicators and their units as compare's CSV does (an analyst joined the two files).
    func testRunsAndComparesCSVHeadlinesNameTheSameIndicatorsAndUnits() throws {
        let comparison = ScenarioComparison(Self.results)
        for (lang, units) in [(Language.en, UnitSystem.model), (.zh, .cn)] {
            let run = CSVRenderer.report(Self.results.map { PlanPeriodReport($0) }, language: lang, units: units)
                .split(separator: "\n").map(Self.fields).filter { $0.count > 4 && ($0[2] == "headline" || $0[2] == "核心指标") }
            let compare = try ComparisonRenderer.render(comparison, format: .csv, language: lang, units: units)
                .split(separator: "\n").map(Self.fields).filter { $0.count > 4 && ($0[0] == "headline" || $0[0] == "核心指标") }
            XCTAssertFalse(compare.isEmpty)
            let named = Dictionary(compare.map { ($0[2], $0[3]) }, uniquingKeysWith: { a, _ in a })
            for name in named.keys {
                let row = try XCTUnwrap(run.first { $0[3] == name }, "\(lang): run's CSV has no \(name)")
                XCTAssertEqual(row[4], named[name], "\(lang) \(name)")
            }
        }
    }

    /// One CSV line's fields (RFC 4180 quotes).
    static func fields(_ line: Substring) -> [String] {
        var out = [""], quoted = false, previous: Character = " "
        for ch in line {
            if ch == "\"" { quoted.toggle(); if quoted && previous == "\"" { out[out.count - 1].append(ch) } }
            else if ch == "," && !quoted { out.append("") }
            else { out[out.count - 1].append(ch) }
            previous = ch
        }
        return out
    }
}
