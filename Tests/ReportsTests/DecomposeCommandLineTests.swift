import XCTest
import Foundation

/// `carbonsim decompose`, end to end: the energy-mix column in every format and both languages.
final class DecomposeCommandLineTests: XCTestCase {
    let cli = CLI()

    func testTablePrintsTheEnergyMixColumnInEnglishAndChinese() throws {
        let en = try cli.run(["decompose", "--from", "2020", "--to", "2030"])
        XCTAssertEqual(en.status, 0, en.err)
        let header = try XCTUnwrap(en.out.split(separator: "\n").first { $0.hasPrefix("sector") })
        for column in ["activity", "energy intensity", "sector structure", "energy mix", "emission factor", "process CO2", "total"] {
            XCTAssertTrue(header.contains(column), "\(column) missing in: \(header)")
        }
        XCTAssertTrue(header.range(of: "energy intensity")!.lowerBound < header.range(of: "energy mix")!.lowerBound)
        XCTAssertTrue(en.out.contains("\npower "), en.out)
        XCTAssertTrue(en.out.contains("\nratio "), en.out)

        let zh = try cli.run(["decompose", "--from", "2020", "--to", "2030", "--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.err)
        let lines = zh.out.split(separator: "\n")
        let zhHeader = try XCTUnwrap(lines.first { $0.hasPrefix("部门") })
        for column in ["经济规模", "能源强度", "产业结构", "能源结构", "排放因子", "工业过程", "合计"] {
            XCTAssertTrue(zhHeader.contains(column), "\(column) missing in: \(zhHeader)")
        }
        XCTAssertTrue(zh.out.contains("\n电力热力 "), zh.out)
        XCTAssertTrue(zh.out.contains("LMDI分解"), zh.out)
        // One precision in the table: 万吨 to one decimal (not 26118 beside -4.73 and 0.000).
        // After the title, the region line, the header and its rule.
        XCTAssertTrue(zh.out.contains("地区：内蒙古；数据集：inner-mongolia.yaml（内置）"), zh.out)
        let cells = zh.out.split(separator: "\n").dropFirst(4).prefix(9).flatMap { $0.split(separator: " ").dropFirst() }
        XCTAssertTrue(cells.allSatisfy { $0 == "0" || $0.split(separator: ".").last?.count == 1 }, zh.out)
        // The same numbers in both languages in the same units; zh defaults to 万吨 (100 per Mt).
        let enTotal = en.out.split(separator: "\n").first { $0.hasPrefix("total") }!.split(separator: " ").dropFirst()
        let model = try cli.run(["decompose", "--from", "2020", "--to", "2030", "--lang", "zh", "--units", "model"])
        let zhTotal = model.out.split(separator: "\n").first { $0.hasPrefix("合计") }!.split(separator: " ").dropFirst()
        XCTAssertEqual(Array(enTotal), Array(zhTotal))
        let cnTotal = lines.first { $0.hasPrefix("合计") }!.split(separator: " ").dropFirst()
        XCTAssertEqual(Double(cnTotal.first!)!, 100 * Double(enTotal.first!)!, accuracy: 1e-3 * abs(100 * Double(enTotal.first!)!))
        XCTAssertTrue(zh.out.contains("万吨CO2"))
    }

    func testMarkdownCSVAndJSONCarryTheMixEffect() throws {
        let md = try cli.run(["decompose", "--format", "markdown"])
        XCTAssertEqual(md.status, 0, md.err)
        XCTAssertTrue(md.out.contains("| energy mix |") || md.out.contains("energy mix "), md.out)

        let csv = try cli.run(["decompose", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.err)
        let rows = csv.out.split(separator: "\n")
        XCTAssertEqual(rows.first, "sector,activity,intensity,structure,mix,emission_factor,process,total")
        XCTAssertEqual(rows.count, 1 + 8 + 2)
        // The total row's effects add up to its change.
        let total = rows[9].split(separator: ",").dropFirst().map { Double($0)! }
        XCTAssertEqual(total.dropLast().reduce(0, +), total.last!, accuracy: 1e-9 * abs(total.last!) + 1e-9)

        let json = try cli.run(["decompose", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["carriers"] as? [String], ["coal", "coke", "oil", "gas", "non_fossil"])
        let additive = try XCTUnwrap(object["additive"] as? [String: [String: Double]])
        XCTAssertEqual(Set(additive.keys), ["activity", "intensity", "structure", "mix", "emission_factor", "process"])
        let sum = additive.values.flatMap(\.values).reduce(0, +)
        XCTAssertEqual(sum, try XCTUnwrap(object["change"] as? Double), accuracy: 1e-9)
    }

    /// Under zh the CSV is in the table's 万吨CO2, as `run`'s CSV is: 100 times the model's Mt, said in the header;
    /// the multiplicative row has no unit and stays.
    func testChineseCSVIsInTheTablesUnits() throws {
        let model = try cli.run(["decompose", "--format", "csv"])
        let zh = try cli.run(["decompose", "--format", "csv", "--lang", "zh"])
        let cnEnglish = try cli.run(["decompose", "--format", "csv", "--units", "cn"])
        XCTAssertEqual(zh.status, 0, zh.err)
        func rows(_ text: String) -> [[String]] {
            text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        }
        let m = rows(model.out), z = rows(zh.out), c = rows(cnEnglish.out)
        XCTAssertEqual(z[0].last, "合计（万吨CO2）")
        XCTAssertEqual(c[0].last, "total (10^4 t CO2)")
        for (i, row) in m.enumerated().dropFirst() {
            let factor = i == m.count - 1 ? 1.0 : 100.0
            for (j, v) in row.enumerated().dropFirst() {
                let expected = Double(v)! * factor
                XCTAssertEqual(Double(z[i][j])!, expected, accuracy: 1e-9 * max(abs(expected), 1), "row \(i) column \(j)")
                XCTAssertEqual(Double(c[i][j])!, expected, accuracy: 1e-9 * max(abs(expected), 1), "row \(i) column \(j)")
            }
        }
    }

    /// Two scenarios that differ by about 40 GW of solar in 2030: the energy mix carries the change.
    func testSolarOnlyComparisonLandsInTheMixColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-decompose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("solar.yaml")
        // The baseline has 42.65 GW of solar in 2030 since the power merge (27 GW before); 83 GW is about +40 GW.
        try """
        name: solar
        extends: \(CLI.repository.appendingPathComponent("scenarios/baseline.yaml").path)
        sector_plans:
          power:
            solar: {target: 83, start: 2021, full: 2029}
        """.write(to: policy, atomically: true, encoding: .utf8)
        let chart = dir.appendingPathComponent("lmdi.svg")
        let r = try cli.run(["decompose", "--baseline", "scenarios/baseline.yaml", "--policy", policy.path, "--to", "2030",
                             "--format", "json", "--chart", chart.path, "--lang", "zh"])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let additive = try XCTUnwrap(object["additive"] as? [String: [String: Double]])
        let change = try XCTUnwrap(object["change"] as? Double)
        let mix = additive["mix"]!.values.reduce(0, +), intensity = additive["intensity"]!.values.reduce(0, +)
        XCTAssertLessThan(change, -20)
        // The power group's accounting residual leaves with the coal it follows: about a fifth is energy intensity
        // (21.5 %), the mix 80.2 %; the same bounds as DecompositionTests (0.75 of the change, 3 x intensity).
        XCTAssertGreaterThan(-mix, 0.75 * -change, "mix \(mix) of \(change)")
        XCTAssertGreaterThan(-mix, 3 * abs(intensity), "mix \(mix), intensity \(intensity)")
        XCTAssertLessThan(abs(intensity), 0.25 * abs(change))
        let svg = try String(contentsOf: chart, encoding: .utf8)
        XCTAssertTrue(svg.contains("data-series=\"能源结构\""), svg)
        XCTAssertTrue(svg.contains("<title>内蒙古CO2排放变化的LMDI分解："), "the chart names its region: \(svg.prefix(600))")
    }

    /// A year outside the horizon is told at the option that names it, before anything runs.
    func testAYearOutsideTheHorizonIsToldAtItsOption() throws {
        let to = try cli.run(["decompose", "--to", "2070"])
        XCTAssertEqual(to.status, 2, to.err)
        XCTAssertTrue(to.err.contains("--to: error at 'to': year 2070 is outside the model horizon"), to.err)
        XCTAssertTrue(to.err.contains("accepted: 2019 to 2060"), to.err)
        let from = try cli.run(["decompose", "--from", "1990", "--lang", "zh"])
        XCTAssertTrue(from.err.contains("--from：错误（键 'from'）：年份 1990 超出模型年限"), from.err)
    }
}
