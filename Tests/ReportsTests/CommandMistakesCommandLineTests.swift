import XCTest
import Foundation

/// Options that do not fit together or name nothing, and assumptions that break the base year: each an input error
/// (exit 2, or 64 for the argument parser's own), located and with what is accepted; never a crash, a silent
/// default or exit 0.
final class CommandMistakesCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("command-mistakes") }
    override func tearDownWithError() throws { scratch.remove() }

    func testBootstrapCountsOutsideTheirRangeAreUsageErrorsNotACrashOrAHang() throws {
        for count in ["-3", "0", "100000000"] {
            let tornado = try cli.run(["plot", "tornado", "missing.sqlite", "--bootstrap=\(count)", "-o", scratch.path("t.svg")])
            XCTAssertEqual(tornado.status, 64, "\(count): \(tornado.err)")
            XCTAssertTrue(tornado.err.contains("--bootstrap must be 10 to 100000, is \(count)"), tornado.err)
            let summarize = try cli.run(["summarize", "missing.sqlite", "--bootstrap=\(count)"])
            XCTAssertEqual(summarize.status, 64, "\(count): \(summarize.err)")
        }
    }

    func testChartOptionsThatNameNothingAreInputErrorsWithTheAcceptedValues() throws {
        let series = try cli.run(["plot", "trajectory", "--series", "co2_gros", "-o", scratch.path("t.svg"), "--no-history"])
        XCTAssertEqual(series.status, 2, series.err)
        XCTAssertTrue(series.err.contains("--series: error at 'series': no series 'co2_gros'"), series.err)
        XCTAssertTrue(series.err.contains("did you mean 'co2_gross'?"), series.err)
        let by = try cli.run(["plot", "stack", "--by", "gas", "-o", scratch.path("s.svg"), "--no-history"])
        XCTAssertEqual(by.status, 2, by.err)
        XCTAssertTrue(by.err.contains("accepted: sector, fuel"), by.err)
        let wedges = try cli.run(["plot", "wedges", "--baseline", "scenarios/baseline.yaml", "--policy", "scenarios/levers/ccus.yaml",
                                  "--series", "bogus", "-o", scratch.path("w.svg"), "--no-history"])
        XCTAssertEqual(wedges.status, 2, wedges.err)
        XCTAssertTrue(wedges.err.hasPrefix("--series: error at 'series': no series 'bogus'"), wedges.err)
    }

    func testWedgesOfAShareAreDrawnInTheSharesUnit() throws {
        let out = scratch.path("w.svg")
        let r = try cli.run(["plot", "wedges", "--baseline", "scenarios/baseline.yaml", "--policy", "scenarios/levers/ccus.yaml",
                             "--series", "non_fossil_share", "-o", out, "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertFalse(svg.contains("Mt CO2"), "a share's wedges are not in Mt CO2")
        XCTAssertTrue(svg.contains("(%)"), "the axis names the share's unit")
    }

    func testDecomposeRefusesOptionsOfTheOtherMode() throws {
        let both = try cli.run(["decompose", "scenarios/announced.yaml", "--baseline", "scenarios/baseline.yaml",
                                "--policy", "scenarios/accelerated.yaml", "--no-history"])
        XCTAssertEqual(both.status, 2, both.err)
        XCTAssertTrue(both.err.contains("a scenario file with --baseline and --policy"), both.err)
        let from = try cli.run(["decompose", "--baseline", "scenarios/baseline.yaml", "--policy", "scenarios/accelerated.yaml",
                                "--from", "2025", "--no-history"])
        XCTAssertEqual(from.status, 2, from.err)
        XCTAssertTrue(from.err.contains("--from: error at 'from'"), from.err)
        let half = try cli.run(["decompose", "--policy", "scenarios/accelerated.yaml", "--no-history"])
        XCTAssertEqual(half.status, 2, half.err)
        XCTAssertTrue(half.err.contains("--baseline: error at 'baseline'"), half.err)
    }

    /// Years in the wrong order would flip every effect's sign without a word (`--to 2019` typed for "from 2019"
    /// against the default --from 2020, found by a tester); one year twice has nothing to decompose.
    func testDecomposeRefusesYearsBackInTimeOrTheSameYear() throws {
        let back = try cli.run(["decompose", "--from", "2030", "--to", "2020", "--no-history"])
        XCTAssertEqual(back.status, 2, back.err)
        XCTAssertTrue(back.err.contains("--from: error at 'from': --from 2030 is after --to 2020: decompose explains the change from --from to --to, forward in time (back in time every effect's sign flips)"), back.err)
        XCTAssertTrue(back.err.contains("accepted: --from 2020 --to 2030"), back.err)
        let slip = try cli.run(["decompose", "--to", "2019", "--no-history", "--lang", "zh"])
        XCTAssertEqual(slip.status, 2, slip.err)
        XCTAssertTrue(slip.err.contains("--from 2020（默认值）晚于 --to 2019"), slip.err)
        XCTAssertTrue(slip.err.contains("--from 2019 --to 2020"), slip.err)
        let same = try cli.run(["decompose", "--from", "2025", "--to", "2025", "--no-history"])
        XCTAssertEqual(same.status, 2, same.err)
        XCTAssertTrue(same.err.contains("--from and --to are both 2025: there is no change to decompose"), same.err)
        XCTAssertTrue(same.err.contains("accepted: a --to year after --from, for example --from 2025 --to 2030"), same.err)
        // Forward in time, as before; two scenarios in one year are no change back in time.
        XCTAssertEqual(try cli.run(["decompose", "--from", "2020", "--to", "2025", "--format", "csv", "--no-history"]).status, 0)
        XCTAssertEqual(try cli.run(["decompose", "--baseline", "scenarios/baseline.yaml", "--policy", "scenarios/accelerated.yaml",
                                    "--to", "2019", "--format", "csv", "--no-history"]).status, 0)
    }

    func testADatasetFileAndAProvinceTogetherAreRefused() throws {
        let r = try cli.run(["run", "--dataset", "Sources/Scenarios/Datasets/inner-mongolia.yaml", "--province", "Shanxi", "--no-history"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("--province Shanxi with --dataset"), r.err)
        XCTAssertTrue(r.err.contains("a dataset of Inner Mongolia: the dataset file sets the region"), r.err)
        XCTAssertTrue(r.err.contains("accepted: --dataset FILE or --province NAME, not both (or a --dataset of Shanxi)"), r.err)
        // The province of the file itself is no conflict.
        XCTAssertEqual(try cli.run(["validate", "scenarios/baseline.yaml", "--dataset", "Sources/Scenarios/Datasets/inner-mongolia.yaml",
                                    "--province", "Inner Mongolia", "--no-history"]).status, 0)
    }

    /// An assumption that validates but cannot run is told by validate, at the file's assumptions; one beyond physics
    /// is refused at its line.
    func testAssumptionsThatBreakTheBaseYearAreToldByValidateAtTheFile() throws {
        let file = try scratch.write("heat.yaml", "name: heat\nassumptions:\n  power.base_heat_rate: 1000\n")
        let r = try cli.run(["validate", file, "--no-history"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("\(file): error at 'assumptions': with the assumptions power.base_heat_rate = 1000: base-year split failed"), r.err)
        let run = try cli.run(["run", file, "--no-history"])
        XCTAssertEqual(run.status, 2, run.err)
        let physics = try scratch.write("physics.yaml", "name: physics\nassumptions:\n  power.base_heat_rate: 0.001\n")
        let p = try cli.run(["run", physics, "--no-history"])
        XCTAssertEqual(p.status, 2, p.err)
        XCTAssertTrue(p.err.contains("\(physics):3"), p.err)
        XCTAssertTrue(p.err.contains("0.001 gce/kWh is below 122.8: 1 kWh is 3.6 MJ, or 122.8 gce"), p.err)
    }

    /// An observed figure that breaks the dataset's ranges, or a capacity that falls, is the observations file's
    /// error, at its row: not the dataset's line or a shipped scenario's.
    func testBadObservationsAreToldAtTheirRows() throws {
        let header = "quantity,year,value,unit,basis,source,confidence,notes\n"
        let growth = try scratch.write("growth.csv", header + "gdp_growth,2021,35,%,annual,src,high,\n")
        let g = try cli.run(["hindcast", "--observations", growth])
        XCTAssertEqual(g.status, 2, g.err)
        XCTAssertTrue(g.err.contains("\(growth):2: error at 'gdp_growth': the observed gdp_growth (line 2) puts the dataset's economy.growth out of its range"), g.err)
        let fall = try scratch.write("fall.csv", header + "capacity_wind,2020,37.29,GW,year-end,src,high,\ncapacity_wind,2021,0.0001,GW,year-end,src,high,\n")
        let f = try cli.run(["hindcast", "--observations", fall])
        XCTAssertEqual(f.status, 2, f.err)
        XCTAssertTrue(f.err.contains("\(fall):3: error at 'capacity_wind': the observed capacity_wind falls from 37.29 GW at the end of 2020 (line 2) to 0.0001 GW at the end of 2021"), f.err)
        XCTAssertFalse(f.err.contains("announced.yaml"), f.err)
        let zero = try scratch.write("zero.csv", header + "energy_total,2021,0,Mtce,annual,src,high,\n")
        let z = try cli.run(["hindcast", "--observations", zero])
        XCTAssertEqual(z.status, 2, z.err)
        XCTAssertTrue(z.err.contains("\(zero):2:"), z.err)
        XCTAssertTrue(z.err.contains("0 is not a possible energy_total"), z.err)
    }
}
