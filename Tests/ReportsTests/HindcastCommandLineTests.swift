import XCTest
import Foundation

/// `carbonsim hindcast`, end to end: formats, the chart, Chinese labels, a dataset with its own observations
/// file beside it, a province without observations, and a bad observations file.
final class HindcastCommandLineTests: XCTestCase {
    let cli = CLI()

    func testTheEmbeddedObservationsInEveryFormat() throws {
        let table = try cli.run(["hindcast"])
        XCTAssertEqual(table.status, 0, table.err)
        XCTAssertTrue(table.out.contains("Mode: history mode: scenario 'announced' follows the observed drivers"), table.out)
        XCTAssertTrue(table.out.contains("N = 2025: in-sample 2019-2025, held-out 2024-2025"), table.out)
        let projection = try cli.run(["hindcast", "--no-history"])
        XCTAssertTrue(projection.out.contains("Mode: projection: scenario 'announced' run from the 2019 base year"), projection.out)
        XCTAssertTrue(table.out.contains("inner-mongolia-observations.csv (embedded)"))
        XCTAssertTrue(table.out.contains("In-sample bounds") && table.out.contains(": met"), table.out)
        let csv = try cli.run(["hindcast", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.err)
        let lines = csv.out.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("quantity,year,observed,model,error,relative_error_pct,unit,basis,use,bound_met,window"))
        // Under zh, as every CSV there: the BOM (Excel on Chinese Windows) and Chinese headers; the values stay keys.
        let zh = try cli.run(["hindcast", "--format", "csv", "--lang", "zh"])
        XCTAssertTrue(zh.out.hasPrefix("\u{FEFF}指标,年份,观测值,模型值,误差"), String(zh.out.prefix(80)))
        XCTAssertTrue(zh.out.contains("\nenergy_total,2020,269.0,"), String(zh.out.prefix(400)))
        let energy = try XCTUnwrap(lines.first { $0.hasPrefix("energy_total,2020,") })
        XCTAssertTrue(energy.hasPrefix("energy_total,2020,269.0,"), String(energy))
        XCTAssertTrue(energy.contains(",Mtce,annual,compared,,in-sample,low,269.0,Mtce,"), String(energy))
        let solar = try XCTUnwrap(lines.first { $0.hasPrefix("generation_solar,2022,") })
        XCTAssertTrue(solar.contains(",annual; above designated size,lower_bound,true,"), String(solar))
        let json = try cli.run(["hindcast", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["scenario"] as? String, "announced")
        XCTAssertEqual(object["base_year"] as? Int, 2019)
        XCTAssertTrue((object["mode"] as? String)?.hasPrefix("history mode") ?? false)
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, lines.count - 1)
        XCTAssertTrue(rows.allSatisfy { !(($0["source"] as? String) ?? "").isEmpty })
        // Every row has every key; what is not known is null (a bound has no error).
        XCTAssertTrue(rows.allSatisfy { $0.keys.count == rows[0].keys.count && $0.keys.contains("error") })
        let bound = try XCTUnwrap(rows.first { $0["use"] as? String == "lower_bound" })
        XCTAssertTrue(bound["error"] is NSNull)
        let markdown = try cli.run(["hindcast", "--format", "markdown"])
        XCTAssertTrue(markdown.out.hasPrefix("## Hindcast\n") && markdown.out.contains("| quantity "), markdown.out)
    }

    func testTheChartAndChineseLabels() throws {
        let scratch = try ScratchFolder("hindcast")
        defer { scratch.remove() }
        let r = try cli.run(["hindcast", "--chart", scratch.path("h.svg"), "--lang", "zh"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("回算检验") && r.out.contains("新能源装机 capacity_wind_solar") && r.out.contains("规模以上"), r.out)
        XCTAssertTrue(r.out.contains("1-9月、规模以上数据：全区全年值的下限") && r.out.contains("增速不等于全年增速"), r.out)
        XCTAssertFalse(r.out.contains("lower bound on the annual value"), "the notes are in Chinese too")
        XCTAssertTrue(r.out.contains("全年；规模以上；暂不比较") && r.out.contains("文件暂不比较此值，原因见备注"), "held-back rows say so in Chinese: \(r.out)")
        XCTAssertFalse(r.out.contains("held back"), "no English tag under zh")
        let svg = try String(contentsOfFile: scratch.path("h.svg"), encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        for q in ["gdp_growth", "capacity_wind_solar", "electricity_exports", "generation_wind_solar"] {
            XCTAssertTrue(svg.contains("data-series=\"model \(q)\""), q)
        }
        XCTAssertTrue(svg.contains("<circle") && svg.contains("<polygon"), "compared points and bounds are drawn")
        // Its axes in the statistical units, as the workbook: 亿千瓦时, 万千瓦; the model's with --units model.
        XCTAssertTrue(svg.contains("（亿千瓦时）") && svg.contains("（万千瓦，年末）"), svg)
        let model = try cli.run(["hindcast", "--chart", scratch.path("m.svg"), "--lang", "zh", "--units", "model"])
        XCTAssertEqual(model.status, 0, model.err)
        let modelSVG = try String(contentsOfFile: scratch.path("m.svg"), encoding: .utf8)
        XCTAssertTrue(modelSVG.contains("（太瓦时）") && !modelSVG.contains("亿千瓦时"), modelSVG)
        // The legend says how the line was made: fitted in history mode, projected with --no-history.
        XCTAssertTrue(svg.contains("历史模式：拟合观测至2025年") && !svg.contains("基年预测"), "history mode is not a projection")
        let projected = try cli.run(["hindcast", "--chart", scratch.path("p.svg"), "--no-history"])
        XCTAssertEqual(projected.status, 0, projected.err)
        XCTAssertTrue(try String(contentsOfFile: scratch.path("p.svg"), encoding: .utf8).contains("projected from 2019"))
    }

    func testADatasetFindsTheObservationsFileBesideItAndOverridesWork() throws {
        let scratch = try ScratchFolder("hindcast-sibling")
        defer { scratch.remove() }
        let dataset = try String(contentsOf: CLI.repository.appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "observations: inner-mongolia-observations.csv", with: "observations: mine.csv")
        try dataset.write(toFile: scratch.path("im.yaml"), atomically: true, encoding: .utf8)
        try "quantity,year,value,unit,basis,source,confidence\ngeneration,2020,600,TWh,annual,test bulletin,high\n"
            .write(toFile: scratch.path("mine.csv"), atomically: true, encoding: .utf8)
        let r = try cli.run(["hindcast", "--dataset", scratch.path("im.yaml"), "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        // Generation alone is calibrated (the imports), so history mode fits it: an in-sample and a held-out row.
        XCTAssertEqual(r.out.split(separator: "\n").count, 3)
        XCTAssertTrue(r.out.contains("\ngeneration,2020,600.0,600.0") && r.out.contains(",in-sample,") && r.out.contains(",held-out,"), r.out)
        XCTAssertTrue(r.out.contains("follows no observed driver (the file gives none) and is calibrated to the observed total generation"), r.out)
        // --observations wins over the dataset's file, and a bad file is told row by row.
        try "quantity,year,value,unit,basis,source,confidence\ngeneration,2020,600,GWh,annual,s,high\ncapacity_wind,2021,40,GW,annual,s,high\n"
            .write(toFile: scratch.path("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["hindcast", "--dataset", scratch.path("im.yaml"), "--observations", scratch.path("bad.csv")])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("bad.csv:2:21: error at 'unit': 'GWh' is not a unit of generation"), bad.err)
        XCTAssertTrue(bad.err.contains("bad.csv:3:") && bad.err.contains("capacity_wind is a stock at a date"), bad.err)
        // A dataset naming a file that is neither beside it nor embedded says so.
        try FileManager.default.removeItem(atPath: scratch.path("mine.csv"))
        let missing = try cli.run(["hindcast", "--dataset", scratch.path("im.yaml")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("mine.csv: error: no such CSV observations file"), missing.err)
    }

    func testAProvinceWithoutObservationsStillRuns() throws {
        let scratch = try ScratchFolder("hindcast-province")
        defer { scratch.remove() }
        let calibrate = try cli.run(["calibrate", "--province", "Shanxi", "--series", "power", "--output", scratch.path("shanxi.yaml")])
        XCTAssertEqual(calibrate.status, 0, calibrate.err)
        let r = try cli.run(["hindcast", "--dataset", scratch.path("shanxi.yaml")])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("scenario 'baseline'") && r.out.contains("no observations"), r.out)
        XCTAssertTrue(r.err.contains("names no observations file"), r.err)
        // With an observations file it gets the same treatment as Inner Mongolia.
        try "quantity,year,value,unit,basis,source,confidence\ngdp_growth,2020,3.6,%,annual,Shanxi 2020 statistical bulletin,high\n"
            .write(toFile: scratch.path("shanxi-obs.csv"), atomically: true, encoding: .utf8)
        let with = try cli.run(["hindcast", "--dataset", scratch.path("shanxi.yaml"), "--observations", scratch.path("shanxi-obs.csv"), "--format", "csv"])
        XCTAssertEqual(with.status, 0, with.err)
        XCTAssertTrue(with.out.contains("\ngdp_growth,2020,3.6,"), with.out)
    }
}
