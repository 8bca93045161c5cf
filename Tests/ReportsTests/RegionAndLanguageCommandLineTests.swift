import XCTest
import Foundation

/// The region in every output for a province other than the default, `--lang zh` on the commands, and the
/// bytes of the CSV files `--output` writes.
final class RegionAndLanguageCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("zh") }
    override func tearDownWithError() throws { scratch.remove() }

    func testAnotherProvinceIsNamedInTablesJSONAndCharts() throws {
        let table = try cli.run(["run", "--province", "山西", "--lang", "zh"])
        XCTAssertEqual(table.status, 0, table.err)
        XCTAssertTrue(table.out.contains("地区：山西；数据集：Shanxi（由CEADs 2019清单推算）"), table.out)
        XCTAssertFalse(table.out.contains("内蒙古"))

        let json = try cli.run(["run", "--province", "Shanxi", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.err)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        XCTAssertEqual(object["region"] as? String, "Shanxi")
        XCTAssertEqual(object["region_zh"] as? String, "山西")
        XCTAssertEqual(object["dataset"] as? String, "Shanxi (derived from CEADs 2019)")
        XCTAssertEqual((object["scenarios"] as! [[String: Any]])[0]["region"] as? String, "Shanxi")

        let svg = scratch.path("shanxi.svg")
        let chart = try cli.run(["plot", "trajectory", "--province", "Shanxi", "-o", svg])
        XCTAssertEqual(chart.status, 0, chart.err)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("Region: Shanxi; dataset: Shanxi (derived from CEADs 2019)"))
        XCTAssertFalse(text.contains("Inner Mongolia"))
        let zh = try cli.run(["plot", "stack", "--province", "山西", "--lang", "zh", "-o", svg])
        XCTAssertEqual(zh.status, 0, zh.err)
        let zhText = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(zhText.contains("地区：山西"))
        XCTAssertFalse(zhText.contains("内蒙古"))

        let unknown = try cli.run(["run", "--province", "Atlantis"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("--province"), unknown.err)
    }

    /// decompose, solve and a sweep's summary name the region too; a sweep database keeps its region, so summarize
    /// names it untold, and refuses a --province the sweep did not run on.
    func testDecomposeSolveAndSummariesNameTheRegion() throws {
        let decompose = try cli.run(["decompose", "--province", "Shanxi"])
        XCTAssertEqual(decompose.status, 0, decompose.err)
        XCTAssertTrue(decompose.out.contains("Region: Shanxi; dataset: Shanxi (derived from CEADs 2019)"), decompose.out)
        let json = try cli.run(["decompose", "--province", "山西", "--format", "json"])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["region"] as? String, "Shanxi")
        let solve = try cli.run(["solve", "--province", "Shanxi", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=22",
                                 "--start", "2026", "--full", "2030"])
        XCTAssertEqual(solve.status, 0, solve.err)
        XCTAssertTrue(solve.out.hasPrefix("Region: Shanxi;"), solve.out)
        let spec = scratch.path("sx.yaml"), db = scratch.path("sx.sqlite")
        try "name: sx\nscenarios: [baseline]\ndesign: lhs\nn: 4\nfactors:\n  economy.growth: {range: [0.9, 1.1]}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["sweep", spec, "--db", db, "--province", "Shanxi", "--quiet"]).status, 0)
        let summary = try cli.run(["summarize", db, "--lang", "zh"])
        XCTAssertEqual(summary.status, 0, summary.err)
        XCTAssertTrue(summary.out.contains("地区：山西"), summary.out)
        let other = try cli.run(["summarize", db, "--province", "Hebei"])
        XCTAssertEqual(other.status, 2, other.err)
        XCTAssertTrue(other.err.contains("the sweep ran on Shanxi"), other.err)
        XCTAssertEqual(try cli.run(["summarize", db, "--province", "Shanxi"]).status, 0)
    }

    func testOutputCSVsUnderChineseStartWithTheBOM() throws {
        let dir = scratch.path("out")
        let r = try cli.run(["run", "--lang", "zh", "--format", "csv", "--output", dir])
        XCTAssertEqual(r.status, 0, r.err)
        for file in ["baseline.annual.csv", "announced.annual.csv", "plan-periods.csv"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(file))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], file)
        }
        // Decoded byte for byte: String(contentsOfFile:) would drop the BOM.
        let annual = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/announced.annual.csv")), as: UTF8.self)
        XCTAssertTrue(annual.hasPrefix("\u{FEFF}年份,CO2排放总量（万吨CO2）,"))
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/results.json"))) as! [String: Any]
        XCTAssertEqual(results["region"] as? String, "Inner Mongolia")

        // English: no BOM unless --bom.
        let en = try cli.run(["run", "--format", "csv"])
        XCTAssertTrue(en.out.hasPrefix("scenario,region,"))
        let bom = try cli.run(["run", "--format", "csv", "--bom"])
        XCTAssertTrue(bom.out.hasPrefix("\u{FEFF}scenario,region,"))
        let cn = try cli.run(["run", "--units", "cn"])
        XCTAssertTrue(cn.out.contains("10^4 kW"), cn.out)
    }

    func testSummarizeShowsPlanYearsAndTheShortfallInChinese() throws {
        let spec = try scratch.sweepSpec(name: "zh", runs: 8)
        let db = scratch.path("zh.sqlite")
        let sweep = try cli.run(["sweep", spec, "--db", db, "--jobs", "1", "--lang", "zh"])
        XCTAssertEqual(sweep.status, 0, sweep.err)
        XCTAssertTrue(sweep.err.contains("本次完成8次运行"), sweep.err)
        let md = try cli.run(["summarize", db, "--lang", "zh"])
        XCTAssertEqual(md.status, 0, md.err)
        XCTAssertTrue(md.out.contains("### CO2排放总量（万吨CO2）：各年份分位数"), md.out)
        XCTAssertTrue(md.out.contains("| 2025 |") && md.out.contains("| 2030 |") && md.out.contains("| 2060 |"))
        XCTAssertFalse(md.out.contains("| 2024 |") || md.out.contains("| 2019 |"))
        XCTAssertTrue(md.out.contains("| 目标 | 年份 | 要求 | 概率 | 区间 | 差距中位数 | 差距P90 | 单位 | 运行次数 |"))
        let csv = try cli.run(["summarize", db, "--lang", "zh", "--format", "csv"])
        XCTAssertTrue(csv.out.hasPrefix("\u{FEFF}情景,类别,名称,因素,年份,统计量,数值,下限,上限,单位\n"))
        // The baseline never reaches net zero: its shortfall is "never", not a number.
        let csvEN = try cli.run(["summarize", db, "--format", "csv"])
        XCTAssertTrue(csvEN.out.contains("baseline,target,neutrality_year,,2060,shortfall_median,never,,,yr"), csvEN.out)
        XCTAssertTrue(csv.out.contains(",差距P90,未实现,"))
        let every = try cli.run(["summarize", db, "--all-years"])
        XCTAssertTrue(every.out.contains("| 2024 |"))
        let chosen = try cli.run(["summarize", db, "--years", "2028", "--format", "csv"])
        XCTAssertTrue(chosen.out.contains(",2028,P50,"))
        XCTAssertFalse(chosen.out.contains(",2030,P50,"))
        let bad = try cli.run(["summarize", db, "--years", "1990"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("no year 1990"), bad.err)
    }

    func testEveryCommandTakesLang() throws {
        for command in ["run", "validate", "levers", "sweep", "summarize", "merge", "plot", "decompose", "solve", "optimize", "calibrate"] {
            let help = try cli.run(command == "plot" ? ["plot", "trajectory", "--help"] : [command, "--help"])
            XCTAssertTrue(help.out.contains("--lang"), "\(command) has no --lang")
        }
        let solve = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "peak_year=2026", "--start", "2021", "--full", "2030", "--lang", "zh"])
        XCTAssertEqual(solve.status, 0, solve.err)
        XCTAssertTrue(solve.out.contains("所需的最小风电装机目标"), solve.out)
        let calibrate = try cli.run(["calibrate", "--province", "Shanxi", "--series", "power", "--lang", "zh", "--format", "csv"])
        XCTAssertEqual(calibrate.status, 0, calibrate.err)
        XCTAssertTrue(calibrate.out.hasPrefix("\u{FEFF}省份,序列,"), calibrate.out)
        XCTAssertTrue(calibrate.out.contains(",电力热力,"))
    }
}
