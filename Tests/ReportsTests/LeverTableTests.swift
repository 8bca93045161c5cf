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
}
