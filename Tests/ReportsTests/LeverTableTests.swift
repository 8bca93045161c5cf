import Foundation
import XCTest
import Reports
import Scenarios
import Simulator

/// The lever table in docs/model.md is the registry's: adding a lever without regenerating it fails here.
final class LeverTableTests: XCTestCase {
    func testTheDocsTableIsTheRegistrys() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/model.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let begin = try XCTUnwrap(text.range(of: "<!-- levers:begin -->\n")), end = try XCTUnwrap(text.range(of: "<!-- levers:end -->"))
        let table = String(text[begin.upperBound..<end.lowerBound])
        let expected = LeverTable.markdown(try Dataset.innerMongolia().modelParameters())
        XCTAssertEqual(table, expected, "docs/model.md's lever table is stale: paste `carbonsim levers --markdown` between the markers")
        XCTAssertEqual(table.split(separator: "\n").count, LeverRegistry.all.count + 2)
    }

    /// `levers --markdown --lang zh`: Chinese headers, units and families, one row of nine cells per lever.
    func testTheChineseTableHasChineseHeadersAndNineCellsARow() throws {
        let table = LeverTable.markdown(try Dataset.innerMongolia().modelParameters(), language: .zh)
        let rows = table.split(separator: "\n")
        XCTAssertEqual(rows.count, LeverRegistry.all.count + 2)
        XCTAssertTrue(rows[0].hasPrefix("| 措施路径 | 单位 | 范围 | 基线 |"), String(rows[0]))
        for row in rows.dropFirst(2) {
            XCTAssertEqual(row.split(separator: "|", omittingEmptySubsequences: false).count, 11, "a cell holds a '|': \(row)")
        }
        let wind = try XCTUnwrap(rows.first { $0.contains("`sector_plans.power.wind`") })
        XCTAssertTrue(wind.contains("| 吉瓦 |") && wind.contains("| 风电光伏 |") && wind.contains("| 是 |"), String(wind))
    }
}
