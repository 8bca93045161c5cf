import XCTest
import Foundation

/// Every command that reads a scenario file tells its warnings (0.3 typed for 30 %), with file and line, not
/// only `run`: a fraction goes unnoticed wherever it is read without them.
final class ScenarioWarningsCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("scenario-warnings") }
    override func tearDownWithError() throws { scratch.remove() }

    func testEveryCommandThatReadsAScenarioTellsItsWarnings() throws {
        let file = scratch.path("fraction.yaml")
        try "name: fraction\nsector_plans:\n  industry:\n    efficiency_benchmark: 0.8\n".write(toFile: file, atomically: true, encoding: .utf8)
        let told = "\(file):4: warning at 'sector_plans.industry.efficiency_benchmark': 0.8 % of gap looks like a fraction"
        let commands: [[String]] = [
            ["run", file],
            ["decompose", file, "--from", "2020", "--to", "2030"],
            ["decompose", "--baseline", "scenarios/baseline.yaml", "--policy", file],
            ["plot", "stack", file, "-o", scratch.path("stack.svg")],
            ["plot", "trajectory", file, "-o", scratch.path("trajectory.svg")],
            ["plot", "wedges", "--baseline", "scenarios/baseline.yaml", "--policy", file, "-o", scratch.path("wedges.svg")],
            ["solve", "--scenario", file, "--lever", "sector_plans.power.wind", "--target", "peak_year=2030", "--start", "2026", "--full", "2030"],
        ]
        for arguments in commands {
            let r = try cli.run(arguments + ["--no-history"])
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.err)")
            XCTAssertEqual(r.err.components(separatedBy: told).count - 1, arguments.filter { $0 == file }.count,
                           "\(arguments) should warn once per time it reads the file:\n\(r.err)")
        }
        let zh = try cli.run(["solve", "--scenario", file, "--lever", "sector_plans.power.wind", "--target", "peak_year=2030",
                              "--start", "2026", "--full", "2030", "--no-history", "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("\(file):4：警告（键 'sector_plans.industry.efficiency_benchmark'）"), zh.err)
        XCTAssertFalse(zh.out.contains("情景情景"), zh.out)
    }

    /// A file with errors tells its warnings with them (before them), so that fixing the typo does not uncover a
    /// fraction typed for a per cent only on the next try; `validate` and `run`, in both languages.
    func testWarningsAreToldWithTheErrors() throws {
        let file = scratch.path("both.yaml")
        try "name: both\nsector_plans:\n  industry:\n    capacity_cut:\n      steel: {target: 0.3, start: 2026, full: 2028}\n  power:\n    wnd: {target: 200, start: 2026, full: 2030}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        for command in ["validate", "run"] {
            let r = try cli.run([command, file, "--no-history"])
            XCTAssertEqual(r.status, 2, r.err)
            let warning = r.err.range(of: "\(file):5: warning at 'sector_plans.industry.capacity_cut.steel.target': 0.3 %/yr looks like a fraction")
            let error = r.err.range(of: "\(file):7:5: error at 'sector_plans.power.wnd': unknown key 'wnd'")
            XCTAssertNotNil(warning, r.err)
            XCTAssertNotNil(error, r.err)
            if let warning, let error { XCTAssertLessThan(warning.lowerBound, error.lowerBound, r.err) }
        }
        let zh = try cli.run(["validate", file, "--no-history", "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("\(file):5：警告（键 'sector_plans.industry.capacity_cut.steel.target'）"), zh.err)
        XCTAssertTrue(zh.err.contains("未知的键 'wnd'"), zh.err)
        // Errors before and after a warning are told around it, in file order (a trial saw every warning first).
        let order = scratch.path("order.yaml")
        try "name: order\nsector_plans:\n  industry:\n    capacity_cutt: {}\ntargets:\n  non_fossil_share: {2030: 0.3}\n  peak_year: 2070\n"
            .write(toFile: order, atomically: true, encoding: .utf8)
        let told = try cli.run(["validate", order, "--no-history"]).err.split(separator: "\n").filter { $0.hasPrefix(order) }
        XCTAssertEqual(told.map { $0.dropFirst(order.count).prefix { $0 != " " } }, [":4:5:", ":6:", ":7:14:"], "\(told)")
    }

    /// A growth rate typed where the scale of the growth path belongs (0.05 for "5 %/yr"), or an estimate far outside its
    /// plausible range, is told with file, line and the range, in a scenario's assumptions and a sweep's factors.
    func testAssumptionsOutsideTheirPlausibleRangeAreTold() throws {
        let file = scratch.path("growth.yaml")
        try "name: growth\nassumptions:\n  economy.growth: 0.05   # 5 %/yr\n  products.steel.base_output: 60\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["run", file, "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("\(file):3: warning at 'assumptions.economy.growth': 0.05 scales the series (a factor: 1 is the dataset's path, 0.05 is 5 % of it), outside the factor's plausible range 0.7-1.3"), r.err)
        XCTAssertTrue(r.err.contains("\(file):4: warning at 'assumptions.products.steel.base_output': 60 Mt/yr is outside the plausible range of this estimate, 22-30 Mt/yr"), r.err)
        let zh = try cli.run(["run", file, "--no-history", "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("0.05 是整条序列的缩放系数（1 为数据集原路径，0.05 即其 5 %），超出该系数的合理范围 0.7-1.3"), zh.err)
        let spec = scratch.path("sweep.yaml")
        try "name: g\nscenarios: [\(CLI.repository.path)/scenarios/baseline.yaml]\ndesign: lhs\nn: 2\nseed: 1\nfactors:\n  economy.growth: {range: [0.03, 0.07]}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let sweep = try cli.run(["sweep", spec, "--db", scratch.path("g.sqlite"), "--no-history", "--quiet"])
        XCTAssertTrue(sweep.err.contains("\(spec):7: warning at 'factors.economy.growth': 0.03 scales the series"), sweep.err)
    }

    /// History mode's notes on a file's wind and solar milestones (superseded by the observed capacity, raised to
    /// it) are told by every command that reads the file, a sweep's base scenarios included, in both languages, at
    /// the lever's line in the file that sets it (an extended file's, not the extending one's).
    func testHistoryModesNotesAreToldOnTheCommandLine() throws {
        let file = scratch.path("early.yaml")
        try "name: early\nsector_plans:\n  power:\n    wind: {path: {2023: 80, 2030: 100}}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let superseded = "\(file):4: warning at 'sector_plans.power.wind': milestone 2023 at or before 2025 superseded by observed capacity (history mode)"
        let raised = "\(file):4: warning at 'sector_plans.power.wind': the 2030 milestone of 100 GW is below the 127.63 GW observed at the end of 2025, raised to it (history mode; the lever only builds: it stays at 127.63 GW through 2030)"
        for arguments in [["run", file], ["validate", file]] {
            let r = try cli.run(arguments)
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.err.contains(superseded) && r.err.contains(raised), "\(arguments):\n\(r.err)")
        }
        let child = scratch.path("child.yaml")
        try "name: child\nextends: early.yaml\n".write(toFile: child, atomically: true, encoding: .utf8)
        let extended = try cli.run(["run", child])
        XCTAssertTrue(extended.err.contains("early.yaml:4: warning at 'sector_plans.power.wind': milestone 2023"), extended.err)
        XCTAssertFalse(extended.err.contains("child.yaml"), extended.err)
        // A delta has no milestones of its own there: what history supersedes is the extended file's path, told at its line.
        let delta = scratch.path("delta.yaml")
        try "name: delta\nextends: early.yaml\nsector_plans:\n  power:\n    wind: {delta: 40, full: 2030}\n".write(toFile: delta, atomically: true, encoding: .utf8)
        let overDelta = try cli.run(["validate", delta])
        XCTAssertEqual(overDelta.status, 0, overDelta.err)
        XCTAssertTrue(overDelta.err.contains("early.yaml:4: warning at 'sector_plans.power.wind': milestone 2023 at or before"), overDelta.err)
        XCTAssertFalse(overDelta.err.contains("delta.yaml:5"), overDelta.err)
        // Its own milestone in an observed year is its own line's.
        try "name: delta\nextends: early.yaml\nsector_plans:\n  power:\n    wind: {delta: {2024: 5, 2030: 40}}\n".write(toFile: delta, atomically: true, encoding: .utf8)
        let own = try cli.run(["validate", delta])
        XCTAssertTrue(own.err.contains("delta.yaml:5: warning at 'sector_plans.power.wind': milestone 2024 at or before"), own.err)
        XCTAssertTrue(own.err.contains("early.yaml:4: warning at 'sector_plans.power.wind': milestone 2023 at or before"), own.err)
        XCTAssertTrue(own.err.contains("early.yaml:4: warning at 'sector_plans.power.wind': the 2030 milestone of 100 GW is below the"), "raised in the extended path: \(own.err)")
        let zh = try cli.run(["validate", file, "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("\(file):4：警告（键 'sector_plans.power.wind'）：里程碑 2023 在 2025 年及以前，由观测装机取代（历史模式）"), zh.err)
        XCTAssertTrue(zh.err.contains("2030 年的里程碑为 100 吉瓦，低于 2025 年末观测到的 127.63 吉瓦，已提高到该值（历史模式；该措施只增加装机：至 2030 年末保持 127.63 吉瓦）"), zh.err)
        let spec = scratch.path("spec.yaml")
        try "name: s\nscenarios: [\(file)]\ndesign: grid\nfactors:\n  sector_plans.industry.efficiency_benchmark.target: {levels: [30]}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let sweep = try cli.run(["sweep", spec, "--db", scratch.path("s.sqlite"), "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.err)
        XCTAssertTrue(sweep.err.contains(superseded), sweep.err)
        // Without history there is nothing to tell.
        XCTAssertFalse(try cli.run(["validate", file, "--no-history"]).err.contains("history mode"))
    }

    /// A setting whose every milestone falls in the observed years does nothing in history mode: a bare number starts
    /// and ends in 2021. The warning says so and gives the form that would act, or, for a level below the observed
    /// capacity, why none would.
    func testAWindSettingHistorySupersedesWholeSaysItHasNoEffect() throws {
        let bare = scratch.path("bare.yaml")
        try "name: 裸数字\nsector_plans:\n  power:\n    wind: 230\n".write(toFile: bare, atomically: true, encoding: .utf8)
        let en = try cli.run(["validate", bare])
        XCTAssertEqual(en.status, 0, en.err)
        XCTAssertTrue(en.err.contains("\(bare):4: warning at 'sector_plans.power.wind': milestone 2021 at or before 2025 superseded by observed capacity (history mode): the setting has no effect, the lever follows the observed capacity, then the baseline trend. For 230 GW after 2025, give a later year, for example {target: 230, start: 2026, full: 2030}"), en.err)
        let zh = try cli.run(["validate", bare, "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("该设置不起作用") && zh.err.contains("例如 {target: 230, start: 2026, full: 2030}"), zh.err)
        let low = scratch.path("low.yaml")
        try "name: low\nsector_plans:\n  power:\n    wind: {target: 20, start: 2021, full: 2025}\n".write(toFile: low, atomically: true, encoding: .utf8)
        let below = try cli.run(["validate", low])
        XCTAssertTrue(below.err.contains("the setting has no effect") && below.err.contains("20 GW is below the 127.6283 GW observed at the end of 2025: the lever only builds"), below.err)
        XCTAssertFalse(below.err.contains("for example"), below.err)
        // The same file without history is the teardown it is.
        XCTAssertEqual(try cli.run(["validate", low, "--no-history"]).status, 2)
        // A path with a milestone after the observed years acts, and is not said to do nothing.
        let later = scratch.path("later.yaml")
        try "name: later\nsector_plans:\n  power:\n    wind: {path: {2024: 100, 2030: 230}}\n".write(toFile: later, atomically: true, encoding: .utf8)
        XCTAssertFalse(try cli.run(["validate", later]).err.contains("no effect"))
    }

    /// In history mode a lever whose start is left to the default moves in the observed years: said, with the start to
    /// write; a lever given its start is not, and without history there is nothing to say.
    func testALeverWithoutAStartInHistoryModeIsSaidToChangeTheObservedYears() throws {
        let file = scratch.path("ccus.yaml")
        try "name: ccus\nsector_plans:\n  removals:\n    ccus: 5\n  industry:\n    capacity_cut:\n      steel: {target: 30, start: 2026, full: 2030}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["validate", file])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("\(file):4: warning at 'sector_plans.removals.ccus': no start year given: the lever moves from 2021, inside the observed years 2020-2025 (history mode), so it changes them; for a move after them, give start: 2026"), r.err)
        XCTAssertFalse(r.err.contains("capacity_cut"), r.err)
        XCTAssertTrue(try cli.run(["validate", file, "--lang", "zh"]).err.contains("未给出起始年份：该措施自 2021 年起变动"))
        XCTAssertFalse(try cli.run(["validate", file, "--no-history"]).err.contains("no start year"))
    }
}
