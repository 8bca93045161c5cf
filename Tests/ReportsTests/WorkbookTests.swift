import XCTest
import Reports
@testable import Scenarios
@testable import Simulator

/// Workbooks as values (sheets, cells, number formats, frozen panes, widths) and as files written by
/// libxlsxwriter. The independent read-back is Tests/Excel/check_workbooks.py (openpyxl), run by CI.
final class WorkbookTests: XCTestCase {
    static let results = ReportTests.results
    static let dataset = try! Dataset.innerMongolia()
    static let scenarios = try! DefaultScenarios.load(dataset: dataset)

    func workbook(_ language: Language, differences: Bool = true) -> Spreadsheet {
        let metadata = WorkbookMetadata(dataset: Self.dataset, scenarios: Self.scenarios, embedded: true, command: "carbonsim compare")
        return ScenarioWorkbook.build(Self.results, metadata: metadata, language: language, differences: differences)
    }

    func testSheetsAndFrozenHeadersInEnglishAndChinese() throws {
        XCTAssertEqual(workbook(.en).sheets.map(\.name),
                       ["Plan periods", "Targets", "Notices", "Headline", "Costs", "Annual baseline", "Annual announced", "Metadata"])
        let zh = workbook(.zh)
        XCTAssertEqual(zh.sheets.map(\.name), ["五年规划", "目标", "提示", "核心指标", "成本", "逐年 基准情景", "逐年 已公布政策情景", "说明"])
        XCTAssertEqual(zh.sheets.map(\.frozenRows), [1, 1, 1, 1, 1, 3, 3, 1])
        XCTAssertEqual(zh.sheets.map(\.frozenColumns), [4, 2, 2, 2, 2, 2, 2, 1])
        let periods = try XCTUnwrap(zh.sheet("五年规划"))
        XCTAssertEqual(periods.cell(0, 0), .heading("指标"))
        XCTAssertEqual(periods.cell(1, 0), .text("CO2排放总量"))
        XCTAssertEqual(periods.cell(1, 1), .text("万吨CO2"), "Chinese statistical units by default under zh")
        XCTAssertEqual(periods.cell(3, 2), .text("十五五（2026-30）"))
        XCTAssertEqual(periods.cell(0, 4), .heading("基准情景"))
    }

    /// Under zh the numbers are the model's times the documented factors (1 Mt = 100 万吨), with formats
    /// for the converted magnitudes; --units model keeps the model's; a share's differences are in
    /// percentage points, the format saying so.
    func testChineseWorkbookIsInChineseStatisticalUnits() throws {
        let c = ScenarioComparison(Self.results)
        let gross = c.rows[0].points[2]   // co2_gross, end of the 15th plan, in Mt CO2
        let zh = try XCTUnwrap(workbook(.zh).sheet("五年规划"))
        XCTAssertEqual(zh.cell(3, 4), .number(100 * gross.values[0], format: ExcelNumberFormat.value(100 * gross.values[0])))
        XCTAssertEqual(zh.cell(3, 4), .number(100 * gross.values[0], format: "#,##0"))
        XCTAssertEqual(zh.cell(3, 8), .number(100 * gross.differences[0], format: ExcelNumberFormat.signed(100 * gross.differences[0])))
        XCTAssertEqual(zh.cell(3, 9), .number(gross.relative[0], format: ExcelNumberFormat.change(gross.relative[0])), "a relative difference has no unit")
        let model = ScenarioWorkbook.build(Self.results, metadata: WorkbookMetadata(dataset: Self.dataset, scenarios: Self.scenarios, embedded: true, command: "c"),
                                           language: .zh, units: .model, differences: true)
        // The baseline's 2030 gross CO2 is 1072.7 Mt: a thousand or more takes "#,##0".
        XCTAssertEqual(try XCTUnwrap(model.sheet("五年规划")).cell(3, 4), .number(gross.values[0], format: "#,##0"))
        XCTAssertEqual(try XCTUnwrap(model.sheet("五年规划")).cell(1, 1), .text("百万吨CO2"))

        let k = try XCTUnwrap(c.rows.firstIndex { $0.series == "non_fossil_share" })
        let shareRow = 1 + c.rows[..<k].reduce(0) { $0 + $1.points.count } + 2
        XCTAssertEqual(zh.cell(shareRow, 0), .text(Labels.series("non_fossil_share", .zh)))
        let share = c.rows[k].points[2]
        XCTAssertEqual(zh.cell(shareRow, 8), .number(share.differences[0], format: "+0.00\"个百分点\";-0.00\"个百分点\";0.00\"个百分点\""))
        XCTAssertEqual(zh.cell(shareRow, 5), .number(share.values[0] - c.rows[k].points[1].values[0], format: ExcelNumberFormat.points(.zh)),
                       "a share changes over the period by percentage points")
        XCTAssertEqual(zh.cell(shareRow, 9), .empty, "no % of a %")
        let annual = try XCTUnwrap(workbook(.zh).sheet("逐年 基准情景"))
        let column = try XCTUnwrap(annual.rows[2].firstIndex(of: .text("capacity_wind")))
        XCTAssertEqual(annual.cell(1, column), .text("万千瓦"))
        let wind2030 = Self.results[0].trajectory.value("capacity_wind", year: 2030)!
        let row2030 = try XCTUnwrap(annual.rows.firstIndex { $0.first == .number(2030, format: "0") })
        XCTAssertEqual(annual.cell(row2030, column), .value(100 * wind2030))
        let meta = try XCTUnwrap(workbook(.zh).sheet("说明"))
        XCTAssertTrue(meta.rows.contains { $0.first == .text("计量单位") }, "the units are named")
        XCTAssertTrue(zh.rows.contains { $0.first == .note("地区：内蒙古；数据集：inner-mongolia.yaml（内置）") }, "\(zh.rows.suffix(3))")
    }

    /// What the text output tells beside the table reaches the workbook: each shortfall with its lever, years and
    /// amount in the workbook's units, each input warning with its key and place; a scenario with none says so.
    func testNoticesCarryShortfallsAndWarnings() throws {
        let warning = InputWarning(file: "plan.yaml", line: 7, keyPath: "targets.energy_cap.2030", message: "16000 Mtce is 60 times the region's 2019 fossil energy use")
        let shortfall = Shortfall(path: "sector_plans.industry.capacity_cap.steel", firstYear: 2030, worstYear: 2030, amount: 2.5, unit: "Mt/yr",
                                  message: "capacity stays above the cap by \(Shortfall.amountMark) in 2030", messageZH: "2030年产能仍高于上限\(Shortfall.amountMark)")
        let base = Self.results[0]
        let flagged = ScenarioResult(name: "plan", description: "", trajectory: base.trajectory, indicators: base.indicators, costs: base.costs,
                                     shortfalls: [shortfall], warnings: [warning])
        let clean = ScenarioResult(name: "clean", description: "", trajectory: base.trajectory, indicators: base.indicators, costs: base.costs,
                                   shortfalls: [], warnings: [])
        let metadata = WorkbookMetadata(dataset: Self.dataset, scenarios: Self.scenarios, embedded: true, command: "carbonsim run")
        let zh = try XCTUnwrap(ScenarioWorkbook.build([flagged, clean], metadata: metadata, language: .zh, differences: false).sheet("提示"))
        XCTAssertEqual(zh.rows.count, 4)
        XCTAssertEqual(zh.rows[1], [.text("plan"), .text("无法按设定实现之处"), .text("sector_plans.industry.capacity_cap.steel"),
                                    .number(2030, format: "0"), .number(2030, format: "0"), .value(250), .text("万吨/年"),
                                    .text("2030年产能仍高于上限250.0万吨/年"), .empty])
        XCTAssertEqual(zh.rows[2][1], .text("输入警告"))
        XCTAssertEqual(zh.rows[2][2], .text("targets.energy_cap.2030"))
        XCTAssertEqual(zh.rows[2][8], .text("plan.yaml:7"))
        XCTAssertEqual(zh.rows[3], [.text("clean"), .text("无")], "a scenario without notices says so")
        let en = try XCTUnwrap(ScenarioWorkbook.build([flagged], metadata: metadata, language: .en, differences: false).sheet("Notices"))
        XCTAssertEqual(en.rows[1][5], .value(2.5), "the model's units in English")
        XCTAssertEqual(en.rows[1][7], .text("capacity stays above the cap by 2.50 Mt/yr in 2030"))
        XCTAssertEqual(en.rows[2][7], .text(warning.message))
    }

    /// The annual sheets say which years are the base year, observed (history mode) or the model's.
    func testAnnualSheetsMarkTheBaseAndObservedYears() throws {
        let sheet = try XCTUnwrap(workbook(.zh).sheet("逐年 基准情景"))
        XCTAssertEqual(sheet.cell(0, 1), .heading("年份性质"))
        XCTAssertEqual(sheet.cell(2, 1), .text("year_basis"))
        let years = Self.results[0].trajectory.years
        let last = Self.results[0].history?.lastObservedYear
        for (i, year) in years.enumerated() {
            let expected = i == 0 ? "基年" : year <= (last ?? year - 1) ? "观测年份（历史模式）" : "模型计算"
            XCTAssertEqual(sheet.cell(3 + i, 1), .text(expected), "\(year)")
        }
    }

    func testNumbersAreNumbersWithFormats() throws {
        let sheet = try XCTUnwrap(workbook(.en).sheet("Plan periods"))
        let c = ScenarioComparison(Self.results)
        let gross = c.rows[0].points[2]   // co2_gross, end of the 15th plan
        XCTAssertEqual(sheet.cell(3, 3), .number(2030, format: "0"))
        XCTAssertEqual(sheet.cell(3, 4), .number(gross.values[0], format: "#,##0"), "1072.7 Mt: a thousand or more")
        // Changes and differences carry their sign as the text tables do ("+7.5", "-1.8"), and none where they round to zero.
        XCTAssertEqual(sheet.cell(3, 5), .number(gross.changes[0], format: "+0.0;-0.0;0.0"))
        XCTAssertEqual(sheet.cell(3, 8), .number(gross.differences[0], format: "+0.0;-0.0;0.0"))
        XCTAssertEqual(sheet.cell(3, 9), .number(gross.relative[0], format: "+0.0;-0.0;0.0"))
        XCTAssertEqual(ExcelNumberFormat.change(-0.03), "0.0;0.0;0.0", "not \"-0.0\"")
        XCTAssertEqual(ExcelNumberFormat.change(0.05), "+0.0;-0.0;0.0")
        XCTAssertEqual(ExcelNumberFormat.signed(-1.5), "+0.00;-0.00;0.00")
        XCTAssertEqual(ExcelNumberFormat.signed(-8e-5), "0;0;0")
        XCTAssertEqual(ExcelNumberFormat.signed(0), "0;0;0")
        XCTAssertEqual(sheet.cell(1, 5), .empty, "no change over a period for the start year")
        XCTAssertEqual(sheet.rows[0].count, 10)
        XCTAssertEqual(try XCTUnwrap(workbook(.en, differences: false).sheet("Plan periods")).rows[0].count, 8)
        XCTAssertEqual(ExcelNumberFormat.value(18070), "#,##0")
        XCTAssertEqual(ExcelNumberFormat.value(822.1), "0.0")
        XCTAssertEqual(ExcelNumberFormat.value(-1.5), "0.00")
        // A difference that rounds to zero shows as the text's "0", not "-0.000".
        XCTAssertEqual(ExcelNumberFormat.value(-8e-5), "0;0;0")
        XCTAssertEqual(NumberFormat.value(-8e-5), "0")
        XCTAssertEqual(ExcelNumberFormat.value(0.157), "0.000")
        // Digits for the value as it shows once rounded: a sum a hair below 1000 shows as 1000 does.
        XCTAssertEqual(ExcelNumberFormat.value(999.9999999999961), "#,##0")
        XCTAssertEqual(ExcelNumberFormat.value(-99.996), "0.0")
        XCTAssertEqual(ExcelNumberFormat.value(0.99996), "0.00")
        XCTAssertEqual(ExcelNumberFormat.value(999.94), "0.0")
        XCTAssertEqual(ExcelNumberFormat.value(0), "0")
        // The widest label fits its column: the plan table's energy intensity on the dual-control basis (a row since
        // the official energy basis) is its longest, in both languages; a CJK character is two columns wide.
        let widths = sheet.columnWidths
        XCTAssertEqual(widths[0], Double("Energy intensity (dual-control basis)".count + 2))
        XCTAssertEqual(try XCTUnwrap(workbook(.zh).sheet("五年规划")).columnWidths[0], Double(2 * "能耗强度（双控考核口径）".count + 2))
    }

    func testTargetsCostsAndMetadata() throws {
        let book = workbook(.en)
        let targets = try XCTUnwrap(book.sheet("Targets"))
        let announcedCut = try XCTUnwrap(targets.rows.first { $0[0] == .text("announced") && $0[1] == .text("CO2 intensity cut over period (%)") })
        guard case .number(let required, _) = announcedCut[4], case .number(let achieved, _) = announcedCut[5],
              case .number(let margin, _) = announcedCut[6] else { return XCTFail("\(announcedCut)") }
        XCTAssertEqual(required, 18)
        XCTAssertEqual(margin, achieved - required, "a cut's margin is the points above it, as `run` shows")
        XCTAssertEqual(announcedCut[7], .text("pp"), "the margin's unit: points, not %")
        XCTAssertEqual(announcedCut[8], .text("FAIL"))
        let costs = try XCTUnwrap(book.sheet("Costs"))
        XCTAssertEqual(costs.rows.count, 1 + CostModel.families.count + 2)
        XCTAssertEqual(costs.cell(1 + CostModel.families.count, 3), .value(Self.results[1].costs.totalDiscounted))
        let meta = try XCTUnwrap(book.sheet("Metadata"))
        let pairs = meta.rows.dropFirst().map { ($0[0], $0[1]) }
        XCTAssertTrue(pairs.contains { $0 == (.text("Region"), .text("Inner Mongolia")) })
        XCTAssertTrue(pairs.contains { $0 == (.text("Dataset checksum (FNV-1a)"), .text(Self.dataset.checksum)) })
        XCTAssertTrue(pairs.contains { $0.0 == .text("Scenario file") && $0.1 == .text("announced: embedded announced.yaml (\(fingerprint(Self.scenarios[1].sources.last!.text)))") })
        XCTAssertGreaterThan(pairs.filter { $0.0 == .text("Source") }.count, 10)
        let zhMeta = try XCTUnwrap(workbook(.zh).sheet("说明"))
        XCTAssertEqual(zhMeta.cell(1, 1), .text("内蒙古"))
    }

    func testSheetNamesAreMadeValidAndDistinct() {
        var taken = Set<String>()
        XCTAssertEqual(ScenarioWorkbook.sheetName("Annual a/b:c[1]", taken: &taken), "Annual a_b_c_1_")
        XCTAssertEqual(ScenarioWorkbook.sheetName("'quoted'", taken: &taken), "quoted")
        let long = String(repeating: "x", count: 40)
        XCTAssertEqual(ScenarioWorkbook.sheetName(long, taken: &taken), String(repeating: "x", count: 31))
        XCTAssertEqual(ScenarioWorkbook.sheetName(long, taken: &taken), String(repeating: "x", count: 29) + " 2")
        XCTAssertEqual(ScenarioWorkbook.sheetName("QUOTED", taken: &taken), "QUOTED 2", "Excel's names ignore case")
    }

    func testTheFileIsAnXlsxPackage() throws {
        let scratch = try ScratchFolder("workbook")
        defer { scratch.remove() }
        let path = scratch.path("compare.xlsx")
        try XlsxFile.write(workbook(.zh), to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip file")
        // The zip's directory names its parts in plain text.
        let names = String(decoding: data, as: UTF8.self)
        for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "docProps/core.xml"]
            + (1...8).map({ "xl/worksheets/sheet\($0).xml" }) {
            XCTAssertTrue(names.contains(part), part)
        }
        XCTAssertFalse(names.contains("xl/worksheets/sheet9.xml"))
    }

    func testAFileThatCannotBeWrittenIsAWorkbookError() throws {
        let path = "/nonexistent-carbonsim-folder/out.xlsx"
        XCTAssertThrowsError(try XlsxFile.write(workbook(.en), to: path)) { error in
            let e = error as? WorkbookError
            XCTAssertEqual(e?.path, path)
            XCTAssertEqual(e?.step, "saving the file")
            XCTAssertTrue(e?.description.contains("folder exists and is writable") == true, "\(error)")
        }
    }
}
