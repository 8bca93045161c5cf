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
}
