import XCTest
import Foundation

/// `carbonsim compare` and `--format xlsx` end to end: where a workbook may go is checked before computing.
final class CompareCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("compare") }
    override func tearDownWithError() throws { scratch.remove() }

    func testCompareWritesEveryFormat() throws {
        let files = ["scenarios/baseline.yaml", "scenarios/accelerated.yaml"]
        let table = try cli.run(["compare"] + files + ["--until", "2030"])
        XCTAssertEqual(table.status, 0, table.err)
        XCTAssertTrue(table.out.hasPrefix("Comparison of scenarios: baseline, accelerated"), table.out)
        XCTAssertTrue(table.out.contains("accelerated − baseline") && table.out.contains("15th (2026-30)") && !table.out.contains("16th"), table.out)
        // Cumulative CO2 is the whole run's, whatever periods are shown: its label says so (a tester read the 2020-2060
        // total under --until 2035 as the budget of the periods shown).
        let cumulative = try XCTUnwrap(table.out.split(separator: "\n").first { $0.hasPrefix("Cumulative net CO2") }, table.out)
        XCTAssertTrue(cumulative.hasPrefix("Cumulative net CO2, 2020-2060 "), String(cumulative))
        XCTAssertTrue(try cli.run(["compare"] + files + ["--until", "2030", "--lang", "zh"]).out.contains("累计净排放（2020-2060年）"))
        let csv = try cli.run(["compare"] + files + ["--format", "csv", "-o", scratch.path("c.csv")])
        XCTAssertEqual(csv.status, 0, csv.err)
        XCTAssertEqual(csv.out, "")
        let written = try String(contentsOfFile: scratch.path("c.csv"), encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("section,region,indicator,unit,period,year,scenario,value,"), written)
        XCTAssertTrue(written.contains(",cumulative_co2,Mt CO2,2020-2060,,baseline,"), written)
        let xlsx = try cli.run(["compare"] + files + ["--format", "xlsx", "-o", scratch.path("c.xlsx"), "--lang", "zh"])
        XCTAssertEqual(xlsx.status, 0, xlsx.err)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path("c.xlsx"))).prefix(2)), [0x50, 0x4B])
    }

    /// `--until` before the first period's end would show no period: refused with the years that show one. Between two
    /// ends it shows the periods ending before it, and says which period it leaves out.
    func testUntilThatShowsNoPeriodIsRefusedAndOneBetweenPeriodsIsTold() throws {
        let files = ["scenarios/baseline.yaml", "scenarios/accelerated.yaml"]
        let none = try cli.run(["compare"] + files + ["--until", "2027"])
        XCTAssertEqual(none.status, 2, none.err)
        XCTAssertTrue(none.err.contains("--until: error at 'until': no plan period after 2025 ends by 2027: the first, the 15th plan (2026-2030), ends in 2030"), none.err)
        XCTAssertTrue(none.err.contains("accepted: a plan period's last year from 2030 (2030, 2035, 2040, ...), or an earlier --from"), none.err)
        let zh = try cli.run(["compare"] + files + ["--until", "2027", "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("第一个是十五五（2026-2030年），于2030年结束"), zh.err)
        // With the 14th plan shown (--from 2020), 2027 shows it.
        XCTAssertEqual(try cli.run(["compare"] + files + ["--until", "2027", "--from", "2020"]).status, 0)
        let between = try cli.run(["compare"] + files + ["--until", "2033"])
        XCTAssertEqual(between.status, 0, between.err)
        XCTAssertTrue(between.err.contains("--until: warning at 'until': the 16th plan (2031-2035) ends after 2033 and is not shown; --until 2035 shows it"), between.err)
        XCTAssertTrue(between.out.contains("15th (2026-30)") && !between.out.contains("16th"), between.out)
    }

    /// Every file is read before anything runs, so the errors of all the broken files are told at once, in
    /// the order of the files, and nothing is written.
    func testTheErrorsOfEveryBrokenFileAreToldAtOnce() throws {
        let a = scratch.path("a.yaml"), b = scratch.path("b.yaml")
        try "name: a\nsector_plans: {power: {wnd: 3}}\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "name: b\ntargets: {peak_year: 3000}\n".write(toFile: b, atomically: true, encoding: .utf8)
        let r = try cli.run(["compare", "scenarios/baseline.yaml", b, scratch.path("missing.yaml"), a, "--no-history"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertEqual(r.out, "")
        let told = ["\(b):2:22: error at 'targets.peak_year'", "\(scratch.path("missing.yaml")): error", "\(a):2:24: error at 'sector_plans.power.wnd'"]
        let places = told.map { r.err.range(of: $0)?.lowerBound }
        XCTAssertFalse(places.contains(nil), r.err)
        XCTAssertEqual(places.compactMap { $0 }, places.compactMap { $0 }.sorted(), "in the order of the files:\n\(r.err)")
    }

    /// --lang, --units and --bom as `run` takes them: a Chinese CSV starts with the BOM and is in 万吨;
    /// --units model keeps Mt; --bom adds the mark to English; JSON stays in the model's units.
    func testComparePresentationOptions() throws {
        let zh = try cli.run(["compare", "--lang", "zh", "--format", "csv", "-o", scratch.path("zh.csv")])
        XCTAssertEqual(zh.status, 0, zh.err)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("zh.csv")))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("类别,地区,指标,单位,") && text.contains(",内蒙古,CO2排放总量,万吨CO2,十五五,2030,基准情景,"), String(text.prefix(300)))
        let model = try cli.run(["compare", "--lang", "zh", "--units", "model", "--format", "csv"])
        XCTAssertTrue(model.out.contains(",内蒙古,CO2排放总量,百万吨CO2,十五五,2030,基准情景,"), String(model.out.prefix(300)))
        let en = try cli.run(["compare", "--bom", "--format", "csv"])
        XCTAssertTrue(en.out.hasPrefix("\u{FEFF}section,region,"))
        let table = try cli.run(["compare", "--lang", "zh"])
        XCTAssertTrue(table.out.hasPrefix("情景对比：基准情景、已公布政策情景\n地区：内蒙古；"), String(table.out.prefix(200)))
        let json = try cli.run(["compare", "--lang", "zh", "--format", "json"])
        XCTAssertTrue(json.out.contains("\"unit\" : \"Mt CO2\"") && json.out.contains("\"region\" : \"Inner Mongolia\""), String(json.out.prefix(400)))
    }

    /// A peak or neutrality row holds each scenario's own year, not the first's; what a scenario cannot honour is told
    /// under its name, in the table and in JSON with its warnings, as `run` tells it.
    func testEachScenariosOwnTargetYearsAndWhatCannotBeHonoured() throws {
        let early = scratch.path("early.yaml"), late = scratch.path("late.yaml")
        try "name: early\nextends: baseline\ntargets: {peak_year: 2028}\n".write(toFile: early, atomically: true, encoding: .utf8)
        try """
            name: late
            extends: baseline
            targets: {peak_year: 2030, energy_cap: {2030: 150}}
            measures: {dual_control: {enforce: true}}
            sector_plans: {industry: {efficiency_benchmark: 0.8}}
            """.write(toFile: late, atomically: true, encoding: .utf8)
        let table = try cli.run(["compare", early, late])
        XCTAssertEqual(table.status, 0, table.err)
        let peakRow = try XCTUnwrap(table.out.split(separator: "\n").first { $0.hasPrefix("CO2 peak no later than") })
        XCTAssertTrue(peakRow.contains("2028 / 2030"), String(peakRow))
        XCTAssertTrue(table.out.contains("Cannot be honoured\n  ") && table.out.contains("\n  late: measures.dual_control: in 2030 energy on the dual-control basis exceeds the cap"), table.out)
        // The response rate is said with what it means (it was "reacts at 5/yr").
        XCTAssertTrue(table.out.contains("the curtailed share grows each year by 5 times the relative excess, dual_control.response_rate"), table.out)
        let json = try cli.run(["compare", early, late, "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let shortfalls = try XCTUnwrap(object["shortfalls"] as? [[[String: Any]]])
        XCTAssertEqual(shortfalls.count, 2)
        XCTAssertTrue(shortfalls[1].contains { $0["lever"] as? String == "measures.dual_control" && $0["first_year"] as? Int == 2030 }, "\(shortfalls)")
        let warnings = try XCTUnwrap(object["warnings"] as? [[String]])
        XCTAssertTrue(warnings[1].contains { $0.contains("sector_plans.industry.efficiency_benchmark") }, "\(warnings)")
        let zh = try cli.run(["compare", early, late, "--lang", "zh"])
        XCTAssertTrue(zh.out.contains("无法按设定实现之处\n  ") && zh.out.contains("\n  late：measures.dual_control: "), zh.out)
    }

    /// `--from` at the base year is inside a plan that begins before the data: the table starts at its end, and says so.
    func testFromTheBaseYearSaysWhereTheTableStarts() throws {
        let r = try cli.run(["run", "--from", "2019", "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("note: --from 2019 is inside the 13th (2016-20) plan: the table starts at its end, 2020; that plan begins before the dataset's base year, 2019, and cannot be shown"), r.err)
    }

    func testWorkbookOutputsAreCheckedFirst() throws {
        try FileManager.default.createDirectory(atPath: scratch.path("folder.xlsx"), withIntermediateDirectories: false)
        let cases: [([String], String)] = [
            (["compare", "--format", "xlsx"], "accepted: --output FILE.xlsx"),
            (["run", "--format", "xlsx"], "accepted: --output FILE.xlsx"),
            (["compare", "--format", "xlsx", "-o", scratch.path("c.csv")], "accepted: a file name ending in .xlsx, for example c.xlsx"),
            (["decompose", "--format", "xlsx", "-o", scratch.path("no/such/d.xlsx")], "mkdir -p"),
            (["summarize", scratch.path("none.sqlite"), "--format", "xlsx", "-o", scratch.path("no/s.xlsx")], "does not exist"),
            (["run", "--output", scratch.path("r.xlsx")], "this names an Excel workbook, but --format is table"),
            (["compare", "--format", "xlsx", "-o", scratch.directory.path + "/out.xlsx/"], "this names a folder"),
            (["compare", "--format", "xlsx", "-o", scratch.path("folder.xlsx")], "this is a folder, not a file"),
        ]
        for (args, message) in cases {
            let r = try cli.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains(message), "\(args): \(r.err)")
            XCTAssertEqual(r.out, "", "\(args): nothing computed or printed")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("r.xlsx")), "no folder named .xlsx was made")
    }
}
