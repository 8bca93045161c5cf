import XCTest
import Foundation

/// The built `carbonsim` binary, end to end: what an analyst types.
final class CommandLineTests: XCTestCase {
    let cli = CLI()
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) { try cli.run(arguments) }
    static var repository: URL { CLI.repository }

    func testRunWithoutFilesRunsTheEmbeddedDefaults() throws {
        let r = try run(["run"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Scenario: baseline"))
        XCTAssertTrue(r.out.contains("Scenario: announced"))
        XCTAssertTrue(r.out.contains("14th (2021-25)"))
    }

    /// The wedges as numbers (a tester read them back from the SVG's polygons for a report table): each year's
    /// wedges sum to policy minus baseline, the two scenarios are run's own annual values, and under zh the columns
    /// read in Chinese with the statistics' unit, after a byte-order mark.
    func testPlotWedgesWritesItsNumbersAsCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wedges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("w.csv").path
        // Two lever families, four runs.
        let policyFile = dir.appendingPathComponent("policy.yaml")
        try "name: policy\nextends: \(Self.repository.appendingPathComponent("scenarios/baseline.yaml").path)\nsector_plans:\n  power:\n    solar: {delta: 20, start: 2026, full: 2030}\n  removals:\n    ccus: {target: 10, start: 2028, full: 2035}\n"
            .write(to: policyFile, atomically: true, encoding: .utf8)
        let r = try run(["plot", "wedges", "--baseline", "scenarios/baseline.yaml", "--policy", policyFile.path,
                         "-o", dir.appendingPathComponent("w.svg").path, "--csv", csv, "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        XCTAssertEqual(Array(header.prefix(3)), ["year", "baseline: baseline [Mt CO2]", "policy: policy [Mt CO2]"])
        XCTAssertEqual(header.last, "policy minus baseline [Mt CO2]")
        XCTAssertTrue(header.contains("wedge: renewables [Mt CO2]"), "\(header)")
        let wedgeColumns = header.indices.filter { header[$0].hasPrefix("wedge: ") }
        XCTAssertEqual(wedgeColumns.map { header[$0] }, ["wedge: ccus [Mt CO2]", "wedge: renewables [Mt CO2]"])
        let annual = dir.appendingPathComponent("annual")
        XCTAssertEqual(try run(["run", "scenarios/baseline.yaml", policyFile.path, "--output", annual.path, "--no-history"]).status, 0)
        func co2Net(_ name: String) throws -> [String: Double] {
            let rows = try String(contentsOf: annual.appendingPathComponent("\(name).annual.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            let k = rows[0].firstIndex(of: "co2_net")!
            return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Double($0[k])!) })
        }
        let (base, policy) = (try co2Net("baseline"), try co2Net("policy"))
        XCTAssertEqual(lines.count - 1, base.count)
        for row in lines.dropFirst() {
            let v = row.dropFirst().map { Double($0)! }
            XCTAssertEqual(v[0], base[row[0]]!, accuracy: 1e-9 * abs(v[0]), row[0])
            XCTAssertEqual(v[1], policy[row[0]]!, accuracy: 1e-9 * abs(v[1]), row[0])
            XCTAssertEqual(v.last!, v[1] - v[0], accuracy: 1e-9 * abs(v[0]), row[0])
            XCTAssertEqual(wedgeColumns.map { Double(row[$0])! }.reduce(0, +), v.last!, accuracy: 1e-6 * abs(v[0]), "the wedges sum to the change in \(row[0])")
        }
        let zh = dir.appendingPathComponent("w-zh.csv").path
        XCTAssertEqual(try run(["plot", "wedges", "--baseline", "scenarios/baseline.yaml", "--policy", policyFile.path,
                                "-o", dir.appendingPathComponent("w-zh.svg").path, "--csv", zh, "--lang", "zh", "--no-history"]).status, 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: zh))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("年份,基准：基准情景（万吨CO2）,政策：policy（万吨CO2）,"), String(text.prefix(120)))
        XCTAssertTrue(text.contains("楔形：风电光伏（万吨CO2）"), String(text.prefix(300)))
        let first = text.split(separator: "\n")[1].split(separator: ",").map { Double($0)! }
        XCTAssertEqual(first[1], base[String(Int(first[0]))]! * 100, accuracy: 1e-6, "万吨 = Mt x 100")
        // A folder that does not exist is told before any run.
        let missing = try run(["plot", "wedges", "--baseline", "scenarios/baseline.yaml", "--policy", policyFile.path,
                               "-o", dir.appendingPathComponent("w2.svg").path, "--csv", dir.appendingPathComponent("no/w.csv").path, "--no-history"])
        XCTAssertEqual(missing.status, 2, missing.err)
        XCTAssertTrue(missing.err.contains("--csv"), missing.err)
    }

    func testJSONAndOutputDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["run", "scenarios/accelerated.yaml", "--format", "json", "--output", dir.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.out.utf8)))
        for file in ["accelerated.annual.csv", "plan-periods.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), file)
        }
    }

    func testBadInputExitsNonZeroWithFileLineAndKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try "sector_plans:\n  power:\n    wnd: {target: 100}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for command in ["run", "validate"] {
            let r = try run([command, file.path])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.err.contains("\(file.path):3"), r.err)
            XCTAssertTrue(r.err.contains("sector_plans.power.wnd"), r.err)
            XCTAssertTrue(r.err.contains("did you mean 'wind'"), r.err)
            XCTAssertFalse(r.err.contains("Fatal error"), r.err)
        }
    }

    func testLeversListsEveryLeverInBothLanguages() throws {
        let en = try run(["levers"]), zh = try run(["levers", "--lang", "zh"])
        XCTAssertEqual(en.status, 0)
        XCTAssertTrue(en.out.contains("sector_plans.industry.capacity_cut.steel | %/yr | 0-100"))
        XCTAssertTrue(zh.out.contains("淘汰落后粗钢产能"))
        // Units and baselines in Chinese too.
        XCTAssertTrue(zh.out.contains("sector_plans.industry.capacity_cut.steel | %/年 | 0-100 | 0 |"), zh.out)
        XCTAssertTrue(zh.out.contains("sector_plans.power.wind | 吉瓦 | 0-1000 | 趋势：自2019年末"), zh.out)
        XCTAssertFalse(zh.out.contains("| trend ") || zh.out.contains("| none |"), zh.out)
        // The file's units next to the statistical ones plans write (万千瓦, 亿千瓦时).
        XCTAssertTrue(zh.out.contains("1吉瓦 = 100万千瓦") && zh.out.contains("1太瓦时 = 10亿千瓦时"), zh.out)
        // The build-out levers named in the footnote are the registry's (storage was left out).
        XCTAssertTrue(en.out.contains("Build-out levers (fly_ash_alumina, wind, solar, storage, ccus)"), en.out)
        XCTAssertTrue(zh.out.contains("装机类措施（高铝粉煤灰提取氧化铝、风电装机、光伏装机、配储要求之外的新型储能、CCUS捕集能力）"), zh.out)
        let parameters = try run(["levers", "--parameters"])
        XCTAssertTrue(parameters.out.contains("products.steel.base_output"))
    }

    func testValidateAcceptsEveryShippedScenario() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("scenarios/levers").path)
            .map { "scenarios/levers/\($0)" } + ["scenarios/baseline.yaml", "scenarios/announced.yaml", "scenarios/accelerated.yaml"]
        let r = try run(["validate"] + files)
        XCTAssertEqual(r.status, 0, r.err)
    }
    /// A scenario that validates (enforced dual control with an energy cap) is accepted by `solve`: the
    /// command's target is laid over the file's, so the cap stays and still binds.
    /// The file's what-if caps bind on the projection from the base year (--no-history); the observed history
    /// since (history mode) stays below them.
    func testSolveAcceptsAnEnforcedDualControlScenarioAndKeepsItsCap() throws {
        let r = try run(["solve", "--scenario", "scenarios/levers/dual-control.yaml", "--lever", "sector_plans.power.wind",
                         "--target", "peak_year=2028", "--start", "2021", "--full", "2030", "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("smallest sector_plans.power.wind meeting peak_year=2028 on dual-control:"), r.out)
        XCTAssertTrue(r.out.contains("the scenario's other targets at it:"), r.out)
        XCTAssertTrue(r.out.contains("dual control enforced against the energy cap: up to"), r.out)
        XCTAssertFalse(r.out.contains("up to 0.00%"), "the cap binds: output is curtailed\n\(r.out)")
        // Found without history mode, the answer says how `run` reproduces it (history mode, the default, differs).
        XCTAssertTrue(r.out.contains("(found with --no-history: `carbonsim run FILE --no-history` reproduces it"), r.out)
    }

    /// Trials' findings at the command line: a wedge chart of a policy equal to its baseline is refused (it was an
    /// empty chart); --until out of range is a located error, in Chinese under zh; the shipped scenarios read their
    /// Chinese descriptions under zh; a sweep resumed in the other history mode is told which mode it was made in.
    func testTrialFindingsAtTheCommandLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let wedges = try run(["plot", "wedges", "--baseline", "scenarios/announced.yaml", "--policy", "scenarios/announced.yaml",
                              "-o", dir.appendingPathComponent("w.svg").path, "--no-history"])
        XCTAssertEqual(wedges.status, 2)
        XCTAssertTrue(wedges.err.contains("the policy sets no lever differently from the baseline"), wedges.err)
        let until = try run(["compare", "scenarios/baseline.yaml", "scenarios/announced.yaml", "--until", "2010", "--lang", "zh"])
        XCTAssertEqual(until.status, 2)
        XCTAssertTrue(until.err.contains("2025年之后没有在2010年及以前结束的五年规划期：第一个是十五五（2026-2030年），于2030年结束"), until.err)
        // Years before the first period shown are told one way, with the years that show some (a trial saw "from 2025"
        // for 2020 and "from 2030" for 2025).
        for year in ["2020", "2025"] {
            let early = try run(["compare", "scenarios/announced.yaml", "--until", year])
            XCTAssertEqual(early.status, 2)
            XCTAssertTrue(early.err.contains("no plan period after 2025 ends by \(year)") && early.err.contains("accepted: a plan period's last year from 2030 (2030, 2035, 2040, ...), or an earlier --from"), early.err)
        }
        let absurd = try run(["compare", "scenarios/announced.yaml", "--until", "20300"])
        XCTAssertTrue(absurd.err.contains("--until: error at 'until': 20300 is not a year"), absurd.err)
        let beyond = try run(["compare", "scenarios/baseline.yaml", "scenarios/announced.yaml", "--until", "2070"])
        XCTAssertEqual(beyond.status, 2)
        XCTAssertTrue(beyond.err.contains("2070 is after the dataset's horizon, which ends in 2060"), beyond.err)
        let zh = try run(["run", "--lang", "zh", "--no-history"])
        XCTAssertTrue(zh.out.contains("政策冻结在2019年（仅按数据集趋势）"), zh.out)
        XCTAssertFalse(zh.out.contains("Policies frozen at 2019"), zh.out)
        let spec = dir.appendingPathComponent("s.yaml").path
        try "name: s\nscenarios: [\(CLI.repository.path)/scenarios/baseline.yaml]\ndesign: lhs\nn: 2\nseed: 1\nfactors:\n  fly_ash.fuel_tce_per_tonne: {range: [1, 4]}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("s.sqlite").path
        XCTAssertEqual(try run(["sweep", spec, "--db", db, "--quiet"]).status, 0)
        let other = try run(["sweep", spec, "--db", db, "--resume", "--no-history", "--quiet"])
        XCTAssertNotEqual(other.status, 0)
        XCTAssertTrue(other.err.contains("the sweep was made in history mode (the default): resume it without --no-history"), other.err)
    }

    /// `solve` on a lever its scenario sets as a path prints the answer as the file writes it (the path with its earlier
    /// milestones, not `{target, start, full}`), and that line, pasted into a file extending the scenario, reproduces
    /// the achieved value.
    func testSolveAnswersInTheFormThatReproducesIt() throws {
        let refused = try run(["solve", "--scenario", "scenarios/announced.yaml", "--lever", "sector_plans.power.wind",
                               "--target", "co2_intensity_cut:15th=40", "--start", "2026", "--full", "2030"])
        XCTAssertEqual(refused.status, 2, "a start after the path's first milestone: \(refused.out)")
        XCTAssertTrue(refused.err.contains("a start of 2026 would come after its first milestone"), refused.err)
        let r = try run(["solve", "--scenario", "scenarios/announced.yaml", "--lever", "sector_plans.power.wind",
                         "--target", "co2_intensity_cut:15th=40", "--full", "2030"])
        XCTAssertEqual(r.status, 0, r.err)
        let line = try XCTUnwrap(r.out.split(separator: "\n").first { $0.contains("as a scenario file writes it: wind: ") })
        let written = String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(written.hasPrefix("wind: {path: {"), written)
        let achieved = try XCTUnwrap(r.out.split(separator: "\n").first { $0.contains("at it: achieved ") }?
            .split(separator: " ").drop { $0 != "achieved" }.dropFirst().first).replacingOccurrences(of: ",", with: "")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("solve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("answer.yaml").path
        try "name: answer\nextends: \(CLI.repository.path)/scenarios/announced.yaml\ntargets: {co2_intensity_cut: {15th: 40}}\nsector_plans:\n  power:\n    \(written)\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let check = try run(["run", file, "--format", "json"])
        XCTAssertEqual(check.status, 0, check.err)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
        let indicators = try XCTUnwrap((json["scenarios"] as? [[String: Any]])?.first?["indicators"] as? [String: Any])
        let targets = try XCTUnwrap(indicators["targets"] as? [[String: Any]])
        let cut = try XCTUnwrap(targets.first { $0["target"] as? String == "co2_intensity_cut" && $0["year"] as? Int == 2030 })
        XCTAssertEqual(try XCTUnwrap(cut["achieved"] as? Double), try XCTUnwrap(Double(achieved)), accuracy: 0.01)
    }

    /// `optimize` on a base that enforces dual control keeps the base's cap where the spec does not replace it,
    /// and writes an optimum that `run` loads and reproduces.
    func testOptimizeOnAnEnforcedDualControlBaseWritesAnOptimumRunReproduces() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-optimize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("capped.yaml"), optimum = dir.appendingPathComponent("capped-optimum.yaml")
        try """
            scenario: \(Self.repository.appendingPathComponent("scenarios/levers/dual-control.yaml").path)
            variables:
              sector_plans.power.wind: {range: [130, 300], start: 2021, full: 2030}   # at least the observed 127.6 GW of 2025
            targets:                 # the base's 2026 and 2030 caps (244 and 218 Mtce) stay
              peak_year: 2028
              energy_cap: {2025: 270, 2035: 260}   # 2025 is history's (258 Mtce whatever wind does): reported, not a constraint
              neutrality_year: none
              energy_intensity_cut: none
              co2_intensity_cut: none
              non_fossil_share: none
            """.write(to: spec, atomically: true, encoding: .utf8)
        let o = try run(["optimize", spec.path, "--starts", "1", "-o", optimum.path])
        XCTAssertEqual(o.status, 0, o.err)
        XCTAssertTrue(o.out.contains("energy_cap_2030: margin"), o.out)
        XCTAssertTrue(o.out.contains("(not a constraint: 2025 is in history mode's observed years, through 2025, before any variable acts, so no mix moves it)"), o.out)
        let text = try String(contentsOf: optimum, encoding: .utf8)
        XCTAssertTrue(text.contains("\nmeasures:\n  dual_control: {enforce: true}\n"), text)
        XCTAssertTrue(text.contains("    2030: 218\n"), text)
        let r = try run(["run", optimum.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let scenario = try XCTUnwrap((json["scenarios"] as? [[String: Any]])?.first)
        let indicators = try XCTUnwrap(scenario["indicators"] as? [String: Any])
        let targets = try XCTUnwrap(indicators["targets"] as? [[String: Any]])
        XCTAssertEqual(targets.count, 5, "peak year and the caps of 2025, 2026, 2030 and 2035")
        XCTAssertTrue(targets.allSatisfy { $0["passed"] as? Bool == true }, "\(targets)")
        // The objective printed by optimize (four figures) is the total cost `run` reports.
        let printed = try XCTUnwrap(o.out.split(separator: "\n").first?.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        let cost = try XCTUnwrap(indicators["total_cost"] as? Double)
        XCTAssertEqual(cost, printed, accuracy: 1e-3 * cost)
    }

    func testOptimizeAndSolveHelpSayHowTargetsAndSchedulesCombine() throws {
        let optimize = try run(["optimize", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for phrase in ["the base scenario's targets with the spec's laid over them", "`none` drops one",
                       "the spec's start, full and shape win", "standalone scenario file"] {
            XCTAssertTrue(optimize.contains(phrase), "optimize --help lacks '\(phrase)':\n\(optimize)")
        }
        let solve = try run(["solve", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(solve.contains("The --target is laid over the scenario's targets"), solve)
    }
}
