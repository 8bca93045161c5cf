import XCTest
import Foundation

/// History mode end to end: every output says which years are observed, and --no-history runs as before.
final class HistoryModeCommandLineTests: XCTestCase {
    let cli = CLI()

    func testEveryOutputSaysWhichYearsAreObserved() throws {
        let scratch = try ScratchFolder("history")
        defer { scratch.remove() }
        let table = try cli.run(["run", "scenarios/announced.yaml"])
        XCTAssertEqual(table.status, 0, table.err)
        XCTAssertTrue(table.out.contains("2020-2025 observed (history mode, inner-mongolia-observations.csv (embedded)): GDP growth 2020-2025"), table.out)
        XCTAssertTrue(table.out.contains("wind and solar levers act from 2026, other levers in their own years"), table.out)
        let zh = try cli.run(["run", "scenarios/announced.yaml", "--lang", "zh"])
        XCTAssertTrue(zh.out.contains("2020-2025年跟随观测值"), zh.out)
        // The Chinese footnote says what was observed, in Chinese, and ends as Chinese does.
        XCTAssertTrue(zh.out.contains("（内置）") && zh.out.contains("外送电量") && zh.out.contains("其他措施按各自年份（因此这些年份的其余数值为模型计算值"), zh.out)
        XCTAssertFalse(zh.out.contains("(embedded)"), zh.out)

        let json = try cli.run(["run", "scenarios/announced.yaml", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let scenario = try XCTUnwrap((object["scenarios"] as? [[String: Any]])?.first)
        let observed = try XCTUnwrap(scenario["observed_years"] as? [String: Any])
        XCTAssertEqual(observed["first"] as? Int, 2020)
        XCTAssertEqual(observed["last"] as? Int, 2025)

        let csv = try cli.run(["run", "scenarios/announced.yaml", "--format", "csv", "--output", scratch.directory.path])
        XCTAssertEqual(csv.status, 0, csv.err)
        let annual = try String(contentsOfFile: scratch.path("announced.annual.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(annual[0].hasSuffix(",observed"))
        let flags = annual.dropFirst().map { ($0.split(separator: ",").first!, $0.split(separator: ",").last!) }
        XCTAssertEqual(flags.filter { $0.1 == "1" }.map { String($0.0) }, (2020...2025).map(String.init))
        XCTAssertEqual(flags.first.map { String($0.1) }, "0", "the base year is the dataset's, not observed")
        let report = try String(contentsOfFile: scratch.path("plan-periods.csv"), encoding: .utf8)
        XCTAssertTrue(report.contains(",observed_years,") && report.contains(",last,2025,"), report)

        let compare = try cli.run(["compare", "scenarios/baseline.yaml", "scenarios/announced.yaml", "--until", "2030"])
        XCTAssertTrue(compare.out.contains("2020-2025 observed (history mode"), compare.out)
        // compare's CSV: the observed years in the period and year columns, as run's CSV, in Chinese under zh.
        for lang in ["en", "zh"] {
            let csv = try cli.run(["compare", "scenarios/baseline.yaml", "scenarios/announced.yaml", "--format", "csv", "--lang", lang])
            XCTAssertEqual(csv.status, 0, csv.err)
            let rows = csv.out.split(separator: "\n").filter { $0.hasPrefix(lang == "zh" ? "观测年份," : "observed_years,") }
            XCTAssertEqual(rows.count, 2, csv.out)
            let empties = String(repeating: ",", count: 10)      // 16 columns: 6 written, 10 empty
            XCTAssertTrue(rows[0].hasSuffix((lang == "zh" ? ",首年,2020" : ",first,2020") + empties), String(rows[0]))
            XCTAssertTrue(rows[1].hasSuffix((lang == "zh" ? ",末年,2025" : ",last,2025") + empties), String(rows[1]))
            XCTAssertEqual(rows[1].contains("历史模式"), lang == "zh", String(rows[1]))
        }
    }

    /// --no-history: no observed years anywhere, and the numbers of the projection from the base year.
    func testNoHistoryRunsFromTheBaseYear() throws {
        let json = try cli.run(["run", "scenarios/announced.yaml", "--format", "json", "--no-history"])
        XCTAssertEqual(json.status, 0, json.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let scenario = try XCTUnwrap((object["scenarios"] as? [[String: Any]])?.first)
        XCTAssertTrue(scenario["observed_years"] is NSNull)
        let wind = try XCTUnwrap((scenario["series"] as? [String: Any])?["capacity_wind"] as? [Double])
        // The announced wind path from the 2019 trend, not the observed 2020 capacity (37.29 GW).
        XCTAssertNotEqual(wind[1], 37.29, accuracy: 0.1)
        let history = try cli.run(["run", "scenarios/announced.yaml", "--format", "json"])
        let h = try XCTUnwrap(((JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [String: Any])?["scenarios"] as? [[String: Any]])?.first)
        XCTAssertEqual(((h["series"] as? [String: Any])?["capacity_wind"] as? [Double])?[1] ?? 0, 37.29, accuracy: 1e-6)
        let table = try cli.run(["run", "scenarios/announced.yaml", "--no-history"])
        XCTAssertFalse(table.out.contains("observed (history mode"))
    }
}
