import XCTest
import Foundation
import Analysis
@testable import Reports
import Scenarios
import Simulator

/// `hindcast --format xlsx`: the rows per quantity and year, the summary and the metadata naming the
/// observations file, in Chinese statistical units under zh. The independent read-back of the written file
/// is Tests/Excel/check_workbooks.py.
final class HindcastWorkbookTests: XCTestCase {
    static let dataset = try! Dataset.innerMongolia()
    static let hindcast: Hindcast = {
        let observed = try! ObservationSet.forDataset(dataset, datasetPath: nil, override: nil, years: ObservationSet.years(for: dataset))
        let announced = try! DefaultScenarios.load(dataset: dataset).last!
        let result = try! PreparedScenario(announced, dataset: dataset).run()
        return Hindcast(observations: observed, trajectory: result.trajectory, scenario: result.name, baseYear: dataset.baseYear)
    }()

    func workbook(_ l: Language, units: UnitSystem? = nil) -> Spreadsheet {
        let metadata = WorkbookMetadata(dataset: Self.dataset, scenarios: [], command: "carbonsim hindcast")
        return HindcastWorkbook.build(Self.hindcast, metadata: metadata, language: l, units: units)
    }

    func testRowsInChineseStatisticalUnitsUnderChinese() throws {
        XCTAssertEqual(workbook(.en).sheets.map(\.name), ["Hindcast", "Summary", "Metadata"])
        let zh = workbook(.zh)
        XCTAssertEqual(zh.sheets.map(\.name), ["回算检验", "汇总", "说明"])
        let rows = zh.sheets[0]
        XCTAssertEqual(rows.rows[0].prefix(10), ["指标", "年份", "观测值", "模型值", "误差", "误差%", "单位", "口径", "用法", "可信度"].map(Cell.heading)[...])
        let k = try XCTUnwrap(Self.hindcast.rows.firstIndex { $0.observation.quantity.name == "energy_total" && $0.observation.year == 2020 })
        let r = Self.hindcast.rows[k]
        XCTAssertEqual(r.observed, 269.0)
        XCTAssertEqual(rows.cell(k + 1, 2), .value(26900), "269 Mtce = 26900 万吨标准煤")
        XCTAssertEqual(rows.cell(k + 1, 3), .value(100 * r.model!))
        XCTAssertEqual(rows.cell(k + 1, 4), .value(100 * r.error!))
        XCTAssertEqual(rows.cell(k + 1, 5), .value(r.relativeError, format: "0.0"))
        XCTAssertEqual(rows.cell(k + 1, 6), .text("万吨标准煤"))
        XCTAssertEqual(workbook(.zh, units: .model).sheets[0].cell(k + 1, 2), .value(269.0))
        XCTAssertEqual(workbook(.en).sheets[0].cell(k + 1, 6), .text("Mtce"))
        // A figure published in 100 GWh says its conversion in the statistics' words (a tester read "100 GWh → TWh").
        let g = try XCTUnwrap(Self.hindcast.rows.firstIndex { $0.observation.unit == "100 GWh" })
        let notes = rows.rows[g + 1].compactMap { cell -> String? in
            switch cell { case .text(let t), .note(let t): return t; default: return nil }
        }.joined(separator: " ")
        XCTAssertTrue(notes.contains("单位换算：亿千瓦时 → 太瓦时，×0.1"), notes)
        XCTAssertFalse(notes.contains("GWh"), notes)

        let summary = zh.sheets[1]
        XCTAssertEqual(summary.rows.count, 1 + Self.hindcast.summaries.count)
        let s = try XCTUnwrap(Self.hindcast.summaries.firstIndex { $0.quantity.name == "energy_total" && $0.window == .inSample })
        XCTAssertEqual(summary.cell(s + 1, 3), .value(100 * Self.hindcast.summaries[s].meanAbsoluteError!))
        XCTAssertEqual(summary.cell(s + 1, 4), .text("万吨标准煤"))

        let meta = zh.sheets[2]
        XCTAssertTrue(meta.rows.contains { $0 == [.text("观测数据文件"), .text(Self.hindcast.observationsFile!)] })
        XCTAssertTrue(meta.rows.contains { $0 == [.text("地区"), .text("内蒙古")] })
        // A projection (no history mode): in-sample through N - 2, as the report says.
        XCTAssertTrue(meta.rows.contains { $0.count == 2 && $0[1] == .text("样本内 ≤ 2023, 留出 2024-2025") }, "\(meta.rows)")
    }

    func testTheCommandWritesTheWorkbook() throws {
        let scratch = try ScratchFolder("hindcast-xlsx")
        defer { scratch.remove() }
        let r = try CLI().run(["hindcast", "--format", "xlsx", "--output", scratch.path("h.xlsx"), "--lang", "zh"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path("h.xlsx"))).prefix(2)), [0x50, 0x4B])
        let missing = try CLI().run(["hindcast", "--format", "xlsx"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("--output FILE.xlsx"), missing.err)
    }
}
