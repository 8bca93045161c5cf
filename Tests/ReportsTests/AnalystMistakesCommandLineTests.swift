import XCTest
import Foundation
import Reports

/// Mistakes an analyst drafting the 15th plan makes, told where they are and in Chinese: a number copied in the
/// units of a Chinese table, several build-outs that go down in one file, a lever that cannot move a target, a
/// delta answer that belongs in the base file.
final class AnalystMistakesCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("analyst-mistakes") }
    override func tearDownWithError() throws { scratch.remove() }

    func write(_ name: String, _ text: String) throws -> String { try scratch.write(name, text) }

    func testNumbersInTheUnitsOfAChineseTableAreToldInChinese() throws {
        let file = try write("units.yaml", """
            name: 单位混淆
            targets:
              energy_cap: {2030: 20000}
            measures:
              dual_control: {enforce: true}
            sector_plans:
              industry:
                efficiency_benchmark: {target: 0.5, start: 2026, full: 2030}
            """)
        let r = try cli.run(["validate", file, "--no-history", "--lang", "zh"])
        XCTAssertTrue(r.err.contains("\(file):3：警告（键 'targets.energy_cap.2030'）：20000 百万吨标准煤 是本地区 2019 年化石能源消费（"), r.err)
        XCTAssertTrue(r.err.contains("若指 20000 万吨标准煤（统计口径单位），请写 200\n"), r.err)
        // A unit of several words is translated too, and the whole warning is Chinese.
        XCTAssertTrue(r.err.contains("0.5 %（差距） 像是小数：此项以百分数计，若指 50 %（差距），请写 50"), r.err)
        let wind = try write("wind.yaml", "sector_plans:\n  power:\n    wind: {target: 28000, start: 2026, full: 2030}\n")
        let e = try cli.run(["run", wind, "--no-history", "--lang", "zh"])
        XCTAssertEqual(e.status, 2, e.err)
        XCTAssertTrue(e.err.contains("28000 超出取值范围（若按统计口径单位 万千瓦 计，即 280 吉瓦）"), e.err)
        XCTAssertTrue(e.err.contains("是否想写 '280'？"), e.err)
    }

    /// In history mode wind and solar are checked once merged with the observed capacities, after the file's other
    /// levers: all of them are told, in file order, not only the first found.
    /// `--from` inside a plan period starts the table at the period's end (the columns are period ends): told, with
    /// the year that shows that period.
    func testAFromYearInsideAPlanPeriodIsTold() throws {
        let r = try cli.run(["run", "--from", "2031", "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("--from 2031 is inside the 16th (2031-35) plan: the table starts at its end, 2035; --from 2030 shows that plan"), r.err)
        XCTAssertTrue(r.out.contains("2035   17th (2036-40)"), r.out)
        XCTAssertFalse(try cli.run(["run", "--from", "2030", "--no-history"]).err.contains("is inside"))
    }

    func testEveryBuildOutThatGoesDownIsToldInFileOrder() throws {
        let file = try write("down.yaml", """
            name: down
            extends: \(CLI.repository.path)/scenarios/announced.yaml
            sector_plans:
              power:
                wind: {path: {2027: 260, 2030: 240}, start: 2026}
              removals:
                ccus: {path: {2028: 10, 2030: 5}, start: 2027}
            """)
        let r = try cli.run(["validate", file, "--lang", "zh"])
        XCTAssertEqual(r.status, 2, r.err)
        let wind = try XCTUnwrap(r.err.range(of: "\(file):5:11：错误（键 'sector_plans.power.wind'）"), r.err)
        let ccus = try XCTUnwrap(r.err.range(of: "\(file):7:11：错误（键 'sector_plans.removals.ccus'）"), r.err)
        XCTAssertLessThan(wind.lowerBound, ccus.lowerBound, "file order")
        // The floor named with its level: a tester read "at or above the observed capacity" beside a level above what was observed.
        XCTAssertTrue(r.err.contains("可接受：不逐期下降、且不低于已有装机（") && r.err.contains("：历史模式下先为观测装机，其后按趋势）的里程碑"), r.err)
    }

    /// A build-out never falls between its milestones either: a step from before the observed years is an offset over
    /// the trend and dipped below the observed 2025 capacity in 2026; a delta over a path outran the path's growth.
    func testABuildOutThatDipsBetweenItsMilestonesIsAnError() throws {
        let step = try write("step.yaml", "name: step\nsector_plans:\n  power:\n    wind: {target: 160, start: 2021, full: 2032, shape: step}\n")
        let r = try cli.run(["validate", step])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("a build-out target of 124 GW by the end of 2026 is below the 127.628347 GW installed at the start of 2026"), r.err)
        XCTAssertTrue(r.err.contains("year-end levels that do not fall between them"), r.err)
        XCTAssertTrue(r.err.contains("accepted: milestones that do not go down, at or above the installed capacity (127.628347 GW at the start of 2026: in history mode the observed capacity, then the trend)"), r.err)
        let delta = try write("delta.yaml", "name: d\nextends: \(CLI.repository.path)/scenarios/announced.yaml\nsector_plans:\n  power:\n    solar: {delta: -40, start: 2026, full: 2034}\n")
        let d = try cli.run(["validate", delta])
        XCTAssertEqual(d.status, 2, d.err)
        XCTAssertTrue(d.err.contains("with the delta, a build-out target of 78.833333 GW by the end of 2031"), d.err)
        // A linear move from the same start keeps rising: accepted.
        let linear = try write("linear.yaml", "name: linear\nsector_plans:\n  power:\n    wind: {target: 160, start: 2021, full: 2032}\n")
        XCTAssertEqual(try cli.run(["validate", linear]).status, 0)
    }

    /// A target of an observed year is checked against the model's fit of it: the table says so, in both languages, and
    /// only when there is one.
    func testTargetsOfObservedYearsSayTheyAreCheckedAgainstTheFit() throws {
        let file = try write("observed.yaml", "name: observed\ntargets:\n  non_fossil_share: {2023: 20, 2030: 30}\n")
        let en = try cli.run(["run", file])
        XCTAssertEqual(en.status, 0, en.err)
        XCTAssertTrue(en.out.contains("Targets of 2025 or earlier (the observed years, history mode), and a peak year that falls in them, are checked against the model's fit of those years"), en.out)
        let zh = try cli.run(["run", file, "--lang", "zh"])
        XCTAssertTrue(zh.out.contains("2025年及以前（历史模式的观测年份）的目标，以及落在这些年份的达峰年份，按模型对这些年份的拟合值检验"), zh.out)
        let later = try write("later.yaml", "name: later\ntargets:\n  non_fossil_share: {2030: 30}\n")
        XCTAssertFalse(try cli.run(["run", later]).out.contains("observed years, history mode) are checked"))
        XCTAssertFalse(try cli.run(["run", file, "--no-history"]).out.contains("observed years, history mode) are checked"))
    }

    /// `run` is the default command: a misspelt command is told as one, with the likely command.
    func testAMisspeltCommandIsSuggested() throws {
        let r = try cli.run(["sumarize", "sweep.sqlite"])
        XCTAssertEqual(r.status, 64, "an unknown command, as the README's exit statuses say: \(r.err)")
        XCTAssertTrue(r.err.contains("sumarize: error: no such command or scenario file"), r.err)
        XCTAssertTrue(r.err.contains("did you mean 'summarize'?"), r.err)
        XCTAssertFalse(r.err.contains("not UTF-8"), "the second argument is not read as a scenario: \(r.err)")
        XCTAssertEqual(try cli.run(["announced", "--format", "csv"]).status, 0, "an embedded scenario's name still runs it")
        // A command under another is suggested with its parent.
        let nested = try cli.run(["wedges", "--lang", "zh"])
        XCTAssertEqual(nested.status, 64, nested.err)
        XCTAssertTrue(nested.err.contains("plot wedges"), nested.err)
    }

    /// Outside Inner Mongolia `decompose` without a file decomposes the region's baseline (the embedded announced is
    /// Inner Mongolia's plan), and says so.
    func testDecomposeOutsideInnerMongoliaDecomposesTheBaseline() throws {
        let d = try cli.run(["decompose", "--province", "Shanxi", "--from", "2020", "--to", "2040", "--format", "json"])
        XCTAssertEqual(d.status, 0, d.err)
        XCTAssertTrue(d.err.contains("the baseline is decomposed"), d.err)
        let r = try cli.run(["run", "--province", "Shanxi", "--format", "json"])
        let co2 = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])?["scenarios"] as? [[String: Any]])?.first)
        let years = try XCTUnwrap(co2["years"] as? [Int]), series = try XCTUnwrap((co2["series"] as? [String: Any])?["co2_gross"] as? [Double])
        let baseline2040 = series[try XCTUnwrap(years.firstIndex(of: 2040))]
        let end = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(d.out.utf8)) as? [String: Any])?["end"] as? Double)
        XCTAssertEqual(end, baseline2040, accuracy: 1e-9, "the decomposition ends at the baseline's 2040 CO2")
    }

    /// `optimize --lang zh` names the objective, the units and the targets in Chinese, not total_cost, GW and raw keys.
    func testOptimizeInChinese() throws {
        let out = scratch.path("optimum.yaml")
        let r = try cli.run(["optimize", "scenarios/optimize/least-cost-peak.yaml", "--starts", "1", "--lang", "zh", "--output", out])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("基准情景下措施总成本（2020-2060年）的最小值："), r.out)
        XCTAssertTrue(r.out.contains("万千瓦）（范围157.6-400）"), r.out)
        XCTAssertTrue(r.out.contains("  2030年非化石能源消费比重：余量"), r.out)
        XCTAssertTrue(r.out.contains("十五五期间碳排放强度降低：余量"), r.out)
        XCTAssertFalse(r.out.contains("total_cost") || r.out.contains("non_fossil_share_2030") || r.out.contains(" GW"), r.out)
    }

    func testALeverATargetDoesNotDependOnIsToldAsSuch() throws {
        // Sinks do not touch gross CO2, on which CO2 intensity is: the margin is the same at every setting.
        let sinks = try cli.run(["solve", "--scenario", "scenarios/announced.yaml", "--lever", "sector_plans.removals.sinks",
                                 "--target", "co2_intensity_cut:15th=60", "--start", "2027", "--full", "2030", "--no-history"])
        XCTAssertEqual(sinks.status, 4, sinks.err)
        XCTAssertTrue(sinks.err.contains("co2_intensity_cut:15th=60 does not depend on sector_plans.removals.sinks: the margin is"), sinks.err)
        XCTAssertTrue(sinks.err.contains("CO2 intensity is on gross CO2: sinks and CCUS lower net CO2 only"), sinks.err)
        // CCUS's own energy raises gross CO2: the closest is none, and why is said.
        let ccus = try cli.run(["solve", "--scenario", "scenarios/announced.yaml", "--lever", "sector_plans.removals.ccus",
                                "--target", "co2_intensity_cut:15th=60", "--start", "2027", "--full", "2030", "--no-history", "--lang", "zh"])
        XCTAssertEqual(ccus.status, 4, ccus.err)
        XCTAssertTrue(ccus.err.contains("没有能在已公布政策情景下实现十五五期间碳排放强度降低60%的取值；最接近的是0.000百万吨CO2/年（余量"), ccus.err)
        XCTAssertTrue(ccus.err.contains("个百分点）"), ccus.err)
        XCTAssertTrue(ccus.err.contains("碳排放强度按总排放计算"), ccus.err)
    }

    /// Targets out of the variables' reach are not bad input: exit status 4, as solve's, with the closest mix.
    func testAnInfeasibleOptimisationExitsAsSolveDoes() throws {
        let spec = try write("far.yaml", "name: far\nscenario: baseline.yaml\nvariables:\n  sector_plans.power.solar: {range: [50, 60], start: 2026, full: 2030}\ntargets:\n  co2_intensity_cut: {15th: 80}\n  neutrality_year: none\nstarts: 1\n")
        let r = try cli.run(["optimize", spec, "-o", scratch.directory.appendingPathComponent("far-optimum.yaml").path])
        XCTAssertEqual(r.status, 4, r.err)
        XCTAssertTrue(r.err.contains("no lever mix within the bounds meets every target; the closest misses co2_intensity_cut_2030"), r.err)
    }

    /// A peak ceiling no lever setting moves because the peak is history's (2024, in the observed years) says so; a
    /// tester, told only "does not depend on", suspected a bug.
    func testAPeakInTheObservedYearsIsNamedWhenNoSettingMovesIt() throws {
        let r = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "peak_ceiling=900"])
        XCTAssertEqual(r.status, 4, r.err)
        XCTAssertTrue((r.out + r.err).contains("peak_ceiling=900 does not depend on sector_plans.power.wind: the margin is -56.667 Mt CO2 at every setting"), r.out + r.err)
        XCTAssertTrue((r.out + r.err).contains("(the peak, 956.7 Mt CO2 in 2024, is in the observed years of history mode, before the lever acts from 2026)"), r.out + r.err)
        let zh = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "peak_ceiling=900", "--lang", "zh"])
        XCTAssertTrue((zh.out + zh.err).contains("（峰值956.7百万吨CO2出现在2024年，属历史模式的观测年份，早于措施起作用的2026年）"), zh.out + zh.err)
    }

    /// A peak-year answer where the peak jumps just past it (a tester read "achieved 2023, margin 7.16 yr" as slack,
    /// while 1 TWh/yr more moved the peak to 2031): the jump is said; an answer where the peak moves smoothly is not.
    func testAPeakYearThatJumpsPastTheAnswerIsSaid() throws {
        let r = try cli.run(["solve", "--lever", "sector_plans.power.new_load", "--target", "peak_year=2030", "--maximum", "--start", "2026", "--full", "2030"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("more moves the peak from 2024 to 2031: the margin jumps at this setting"), r.out)
        let zh = try cli.run(["solve", "--lever", "sector_plans.power.new_load", "--target", "peak_year=2030", "--maximum", "--start", "2026", "--full", "2030", "--lang", "zh"])
        XCTAssertTrue(zh.out.contains("峰值年份即从2024年跳到2031年"), zh.out)
        let smooth = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=42", "--scenario", "scenarios/announced.yaml"])
        XCTAssertFalse(smooth.out.contains("the margin jumps"), smooth.out)
    }

    /// An answer below what the scenario itself builds by then (the baseline's solar trend) is not what the target
    /// needs added: the scenario already meets it, and the answer says so.
    func testASolveAnswerBelowTheScenariosOwnLevelIsToldAsSuch() throws {
        let r = try cli.run(["solve", "--lever", "sector_plans.power.solar", "--target", "co2_intensity_cut:15th=25", "--start", "2026", "--full", "2030"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("below the scenario's own level at the end of 2030, 49.872 GW: the scenario as it is already meets the target"), r.out)
        // Announced builds 196 GW of wind by 2030: 42 % non-fossil needs less (told), 51 % more (not told).
        let less = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=42", "--scenario", "scenarios/announced.yaml"])
        XCTAssertTrue(less.out.contains("below the scenario's own level at the end of 2030, 196.000 GW"), less.out)
        let more = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=51", "--scenario", "scenarios/announced.yaml"])
        XCTAssertEqual(more.status, 0, more.err)
        XCTAssertFalse(more.out.contains("below the scenario's own level"), "an answer above the scenario's own level: \(more.out)")
        // Met at the bottom of the search (what is installed when the move starts), below the baseline's solar trend: both said.
        let met = try cli.run(["solve", "--lever", "sector_plans.power.solar", "--target", "non_fossil_share:2030=4"])
        XCTAssertEqual(met.status, 0, met.err)
        XCTAssertTrue(met.out.contains("nothing more is needed for it"), met.out)
        XCTAssertTrue(met.out.contains("below the scenario's own level at the end of 2030, 49.872 GW"), met.out)
    }

    /// `solve --lang zh` says the target as a sentence and the answer in Chinese units, and an answer at the bottom of
    /// the search (what is installed already meets the target) is told as such, not as what the target needs.
    func testSolveInChineseSaysTheTargetAndAnAnswerAtTheBottomOfTheSearch() throws {
        let zh = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "peak_year=2026", "--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.err)
        XCTAssertTrue(zh.out.contains("在基准情景下实现2026年前碳达峰所需的最小风电装机目标（sector_plans.power.wind）：2026年末"), zh.out)
        XCTAssertTrue(zh.out.contains("吉瓦（合12763万千瓦）\n"), "the lever's unit, and the statistics' unit: \(zh.out)")
        XCTAssertFalse(zh.out.contains("GW"), zh.out)
        XCTAssertFalse(zh.out.contains("peak_year"), zh.out)
        XCTAssertTrue(zh.out.contains("年；模型运行"), "the margin in years: \(zh.out)")
        XCTAssertTrue(zh.out.contains("在搜索下限（措施开始时已有的装机或规模）即已实现目标"), zh.out)
        XCTAssertTrue(zh.out.contains("未达标：十四五期间碳排放强度降低18%、2060年前实现碳中和"), zh.out)
        let en = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=40", "--start", "2026", "--full", "2030"])
        XCTAssertEqual(en.status, 0, en.err)
        XCTAssertTrue(en.out.contains(" pp; "), "the margin in percentage points: \(en.out)")
        XCTAssertFalse(en.out.contains("lowest setting searched"), "an answer inside the search is what the target needs: \(en.out)")
        // A heat rate is stronger lower: its bottom meeting the target does not make it unneeded.
        let heat = try cli.run(["solve", "--lever", "sector_plans.power.coal_heat_rate", "--target", "co2_intensity_cut:15th=29.5",
                                "--scenario", "baseline", "--start", "2026", "--full", "2030"])
        XCTAssertEqual(heat.status, 0, heat.err)
        XCTAssertTrue(heat.out.contains("the bottom of the lever's range meets the target and the top does not"), heat.out)
        XCTAssertFalse(heat.out.contains("not needed"), heat.out)
        let shape = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "peak_year=2026", "--shape", "logistc"])
        XCTAssertEqual(shape.status, 2, shape.err)
        XCTAssertTrue(shape.err.contains("did you mean 'logistic'?"), shape.err)
    }

    func testADeltaAnswerSaysItReplacesTheLineInItsFileAndIsWrittenWithoutBinaryNoise() throws {
        let r = try cli.run(["solve", "--scenario", "scenarios/forms/announced-plus-40gw.yaml", "--lever", "sector_plans.power.wind",
                             "--target", "non_fossil_share:2030=50", "--no-history"])
        XCTAssertEqual(r.status, 0, r.err)
        let line = try XCTUnwrap(r.out.split(separator: "\n").first { $0.contains("as a scenario file writes it: wind: {delta: ") }, r.out)
        let delta = try XCTUnwrap(line.firstMatch(of: /delta: (-?[0-9.]+),/)?.1)
        XCTAssertLessThanOrEqual(delta.split(separator: ".").last?.count ?? 0, 3, "the answer's three decimals, not \(delta)")
        XCTAssertTrue(r.out.contains("(in place of the line in "), r.out)
        XCTAssertTrue(r.out.contains("announced-plus-40gw.yaml: a delta is a change over the scenario that file extends"), r.out)
    }

    func testASolveStartAfterAPathsFirstMilestoneIsToldInChinese() throws {
        let r = try cli.run(["solve", "--scenario", "scenarios/announced.yaml", "--lever", "sector_plans.power.wind",
                             "--target", "non_fossil_share:2030=50", "--start", "2026", "--full", "2030", "--no-history", "--lang", "zh"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("将 sector_plans.power.wind 设为路径（里程碑 2023、2024、2025、2026、2030）；起始年份 2026 晚于其第一个里程碑"), r.err)
        XCTAssertTrue(r.err.contains("可接受：不晚于 2023 的起始年份，或不给 --start"), r.err)
    }

    func testChineseCSVAndWorkbookMetadataSayTheObservedYearsAndDatasetInChinese() throws {
        let r = try cli.run(["run", "scenarios/announced.yaml", "--lang", "zh", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        let observed = r.out.split(separator: "\n").filter { $0.contains("观测年份") }
        XCTAssertEqual(observed.count, 2, r.out)
        XCTAssertTrue(observed.allSatisfy { !$0.contains("observed") && !$0.contains("(embedded)") && !$0.contains(",first,") }, "\(observed)")
        XCTAssertTrue(observed[1].contains(",末年,2025,"), "\(observed)")
    }

    /// A dated target is met by a lever that reaches its level by the target's year, as plans write "by 2030", not by a
    /// step in the start year; a full-width '：' from a Chinese input method reads as ':'.
    func testSolveForADatedTargetRampsToItsYearAndReadsAFullWidthColon() throws {
        let typed = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share：2030＝40"])
        XCTAssertEqual(typed.status, 0, typed.err)
        XCTAssertTrue(typed.out.contains(" GW at the end of 2030"), typed.out)
        let explicit = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=40", "--start", "2026", "--full", "2030"])
        XCTAssertEqual(typed.out.replacingOccurrences(of: "non_fossil_share：2030＝40", with: "non_fossil_share:2030=40"), explicit.out)
    }

    /// Warnings come out line by line, whichever pass found them (reading, history mode, levers with nothing to act on).
    func testWarningsAreInFileOrder() throws {
        let file = try write("order.yaml", """
            name: 顺序
            sector_plans:
              industry:
                capacity_cut:
                  steel: {target: 10, start: 2026, full: 2030}
                  aluminium: {target: 10, start: 2026, full: 2030}
                  clinker: {target: 10, start: 2026, full: 2030}
            """)
        let r = try cli.run(["validate", file, "--province", "Shanxi"])
        let lines = r.err.split(separator: "\n").compactMap { $0.firstMatch(of: /order\.yaml:(\d+): warning/).map { Int($0.1)! } }
        XCTAssertEqual(lines.count, 3, r.err)
        XCTAssertEqual(lines, lines.sorted(), r.err)
    }

    /// What the text run leaves out about the shipped scenarios (history superseding announced's 2023-2025 milestones)
    /// is left out of JSON and the workbook's notices too.
    func testTheShippedScenariosNotesAreLeftOutEverywhere() throws {
        let text = try cli.run(["run"]), json = try cli.run(["run", "--format", "json"])
        XCTAssertFalse(text.err.contains("superseded"), text.err)
        XCTAssertFalse(json.out.contains("superseded"), "\(json.out.prefix(2000))")
    }

    /// Where sharp changes put the annual values further apart from the integral than 0.01 % (every lever at its maximum:
    /// net CO2 crosses zero, so the cumulative is small against the years' totals), the headline says what they add up
    /// to, rather than claiming 0.01 % (an analyst's sum came to 0.25 % less).
    func testTheHeadlineSaysWhatTheAnnualValuesAddUpToWhereTheyAreFurtherApart() throws {
        let file = try write("max.yaml", """
            name: max250_announced
            extends: announced.yaml
            sector_plans:
              industry:
                capacity_cut:
                  steel: {target: 100, start: 2026, full: 2030}
                  aluminium: {target: 100, start: 2026, full: 2030}
                  alumina: {target: 100, start: 2026, full: 2030}
                  clinker: {target: 100, start: 2026, full: 2030}
                  coke: {target: 100, start: 2026, full: 2030}
                  ferroalloy: {target: 100, start: 2026, full: 2030}
                  carbide: {target: 100, start: 2026, full: 2030}
                  coal_chemicals: {target: 100, start: 2026, full: 2030}
                capacity_cap:
                  steel: {target: 1000, start: 2026, full: 2030}
                  aluminium: {target: 1000, start: 2026, full: 2030}
                  alumina: {target: 1000, start: 2026, full: 2030}
                  clinker: {target: 1000, start: 2026, full: 2030}
                  coke: {target: 1000, start: 2026, full: 2030}
                  ferroalloy: {target: 1000, start: 2026, full: 2030}
                  carbide: {target: 1000, start: 2026, full: 2030}
                  coal_chemicals: {target: 1000, start: 2026, full: 2030}
                deep_processing:
                  steel: {target: 100, start: 2026, full: 2030}
                  aluminium: {target: 100, start: 2026, full: 2030}
                  coal_chemicals: {target: 100, start: 2026, full: 2030}
                capacity_replacement:
                  steel: {target: 5, start: 2026, full: 2030}
                  clinker: {target: 5, start: 2026, full: 2030}
                  aluminium: {target: 5, start: 2026, full: 2030}
                  coke: {target: 5, start: 2026, full: 2030}
                clinker_substitution: {target: 60, start: 2026, full: 2030}
                carbide_slag: {target: 100, start: 2026, full: 2030}
                cement_capacity_transfer: {target: 32.26, start: 2026, full: 2030}
                green_hydrogen: {target: 10, start: 2026, full: 2030}
                equipment_upgrade:
                  steel: {target: 100, start: 2026, full: 2030}
                efficiency_benchmark: {target: 100, start: 2026, full: 2030}
                green_entry: {target: 100, start: 2026, full: 2030}
                fly_ash_alumina: {target: 20, start: 2026, full: 2030}
              power:
                wind: {target: 1000, start: 2026, full: 2030}
                solar: {target: 1000, start: 2026, full: 2030}
                coal_heat_rate: {target: 250, start: 2026, full: 2030}
                coal_retirement: {target: 30, start: 2026, full: 2030}
                new_load: {target: 1000, start: 2026, full: 2030}
                storage: {target: 500, start: 2026, full: 2030}
                dedicated_export: {target: 1000, start: 2026, full: 2030}
              buildings:
                electrification: {target: 100, start: 2026, full: 2030}
              transport:
                electrification: {target: 100, start: 2026, full: 2030}
              removals:
                ccus: {target: 500, start: 2026, full: 2030}
                sinks: {target: 300, start: 2026, full: 2030}
            measures:
              ladder_pricing: {target: 0.5, start: 2026, full: 2030}
            """)
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["run", file, "--format", "json"]).out.utf8)) as? [String: Any]
        let scenario = try XCTUnwrap((json?["scenarios"] as? [[String: Any]])?.first)
        let indicators = try XCTUnwrap(scenario["indicators"] as? [String: Any]), years = try XCTUnwrap(scenario["years"] as? [Int])
        let net = try XCTUnwrap((scenario["series"] as? [String: Any])?["co2_net"] as? [Double])
        let cumulative = try XCTUnwrap(indicators["cumulative_co2"] as? Double)
        let sum = zip(years, net).filter { $0.0 >= 2020 }.map(\.1).reduce(0, +)
        XCTAssertGreaterThan(abs(sum - cumulative) / cumulative, 1e-4, "the case this test is about")
        let r = try cli.run(["run", file])
        XCTAssertEqual(r.status, 0, r.err)
        let line = try XCTUnwrap(r.out.split(separator: "\n").first { $0.contains("Cumulative net CO2") }, r.out)
        XCTAssertTrue(line.contains("the annual values add up to \(NumberFormat.value(sum)) Mt CO2 (\(NumberFormat.fixed(100 * (sum - cumulative) / cumulative, 2))%"), String(line))
        XCTAssertFalse(line.contains("0.01 %"), String(line))
        XCTAssertTrue(try cli.run(["run", file, "--lang", "zh"]).out.contains("逐年数值相加为 "))
    }

    /// A cap's margin carries its unit as the other rows carry pp and yr; a level held flat changes by 0, not by the
    /// integrator's rounding; the headline says the cumulative is the integral the annual values add up to.
    func testMarginsCarryUnitsAndFlatLevelsDoNotChange() throws {
        let file = try write("cap.yaml", """
            name: cap
            targets:
              energy_cap: {2030: 250}
            sector_plans:
              removals:
                ccus: {target: 5, start: 2027, full: 2030}
            """)
        let r = try cli.run(["run", file])
        XCTAssertEqual(r.status, 0, r.err)
        let cap = try XCTUnwrap(r.out.split(separator: "\n").first { $0.hasPrefix("Energy cap") }, r.out)
        XCTAssertNotNil(cap.firstMatch(of: /[+-][0-9.]+ Mtce +(PASS|FAIL)/), String(cap))
        XCTAssertTrue(r.out.contains("(2020-2060, integrated; the annual values add up to it within about 0.01 %)"), r.out)
        let zh = try cli.run(["run", file, "--lang", "zh"])
        XCTAssertNotNil(zh.out.split(separator: "\n").first { $0.contains("能耗") && $0.contains("万吨标准煤 ") && ($0.contains("达标") || $0.contains("未达标")) }, zh.out)
        let csv = try cli.run(["run", file, "--format", "csv"])
        let ccus = csv.out.split(separator: "\n").filter { $0.contains(",CCUS capacity,") && !$0.contains(",2025,") && !$0.contains(",2030,") }
        XCTAssertFalse(ccus.isEmpty, csv.out)
        for row in ccus { XCTAssertEqual(Double(row.split(separator: ",", omittingEmptySubsequences: false)[8]), 0, String(row)) }
    }

    /// An effect that is nothing up to rounding shows as 0, as an exact 0 does, not 0.00.
    func testNegligibleLMDIEffectsShowAsZero() throws {
        let r = try cli.run(["decompose", "--format", "markdown"])
        XCTAssertEqual(r.status, 0, r.err)
        for cell in r.out.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            XCTAssertFalse(["0.00", "-0.00", "0.0", "-0.0"].contains(cell), r.out)
        }
    }

    /// The gallery is the repository's: elsewhere it says what it needs instead of failing on the first file.
    func testTheGalleryOutsideTheRepositorySaysWhatItNeeds() throws {
        let r = try cli.run(["plot", "gallery", "--scenarios", scratch.directory.path, "--dir", scratch.path("plots")])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("does not exist: the gallery is drawn from the repository's scenario files"), r.err)
        XCTAssertTrue(r.err.contains("carbonsim plot trajectory FILE"), r.err)
    }

    /// A target no setting of the lever meets because it levels off (the 2030 non-fossil share under must-run coal and
    /// curtailment) says so, and that other levers must add to it.
    func testASolveThatLevelsOffSaysSo() throws {
        let r = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=55", "--scenario", "announced"])
        XCTAssertEqual(r.status, 4, r.err)
        XCTAssertTrue(r.err.contains("the closest is 1000.0 GW"), r.err)
        XCTAssertNotNil(r.err.firstMatch(of: /The target levels off with this lever: from 56[0-9.]+ to 1000.0 GW the margin moves by (only [0-9.]+|less than 0.001) pp, so other levers must add to it/), r.err)
        let zh = try cli.run(["solve", "--lever", "sector_plans.power.wind", "--target", "non_fossil_share:2030=55", "--scenario", "announced", "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("该目标随此措施趋于饱和"), zh.err)
    }
}
