import Analysis
import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim solve`: the smallest (or largest) setting of one lever that meets one target.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Find the smallest (or largest) setting of one lever that meets one target (Brent bracketing).",
        discussion: """
        Targets: peak_year=2028, peak_ceiling=900, neutrality_year=2060, energy_intensity_cut:14th=15, \
        co2_intensity_cut:15th=20, energy_cap:2030=250, non_fossil_share:2030=30.

        The --target is laid over the scenario's targets: it replaces the scenario's target of the same kind \
        (and year or plan period), and every other target of the scenario stays in the runs (so an enforced dual \
        control keeps its energy cap) and is reported, but only --target is solved for.

        The answer is the level the lever reaches at the end of its full-effect year. Where the scenario sets \
        the lever as a path, its earlier milestones stay; as a delta, the answer is still a level (the delta is \
        what it takes over the scenario it extends). A build-out lever (wind, solar, storage, CCUS, fly-ash alumina) is \
        searched from what is installed when its move starts.

        Example: carbonsim solve --lever sector_plans.power.wind --target peak_year=2028 --start 2021 --full 2030
        """
    )

    @Option(name: .long, help: "Lever path (see `carbonsim levers`).") var lever: String
    @Option(name: .long, help: "The target to meet, for example peak_year=2028.") var target: String
    @Option(name: .long, help: "Base scenario file (default: the embedded baseline).") var scenario: String?
    @Option(name: .long, help: "Lever start year (default: the scenario's, else 2021, or in history mode the first year after the observed ones, 2026).") var start: Int?
    @Option(name: .long, help: "Lever full-effect year (default: the scenario's; else the year a dated target is judged in, such as 2030 for non_fossil_share:2030 or co2_intensity_cut:15th, when later than the start; else the start year).") var full: Int?
    @Option(name: .long, help: "Ramp shape: step, linear or logistic.") var shape: String?
    @Flag(name: .long, help: "Find the largest setting that meets the target instead of the smallest.") var maximum = false
    @Option(name: .long, help: "Label language: en or zh.") var lang: Language = .en
    @OptionGroup var data: DatasetOptions

    func run() throws {
        try reportingErrors(lang) {
            let dataset = try data.load()
            guard let definition = LeverRegistry.lever(lever) else {
                throw InputError(file: "--lever", keyPath: lever, message: "unknown lever '\(lever)'",
                                 accepted: "a path listed by `carbonsim levers`", suggestion: didYouMean(lever, in: LeverRegistry.all.map(\.path)))
            }
            let base = try scenario.map { try loadScenario(ScenarioLoader(dataset: dataset), $0, language: lang) } ?? DefaultScenarios.load(dataset: dataset)[0]
            let targets = try TargetParser(dataset: dataset).parse(target)
            // Echoed as read: a full-width '：' or '＝' typed by a Chinese input method is shown in its ASCII form.
            let target = TargetParser.halfWidth(self.target)
            for w in targets.commandLineWarnings(file: "--target", parameters: try dataset.modelParameters()) { printLine(lang.describe(w)) }
            // A lever the scenario does not set starts after the observed years in history mode: before, the past is
            // what was observed (wind and solar are the observed capacities there), and a move then changes little or nothing.
            let firstFree = max(dataset.baseYear + 2, (dataset.history?.lastObservedYear ?? 0) + 1)
            var setting = base.levers[lever] ?? LeverSetting(target: 0, start: firstFree, full: firstFree, shape: .linear)
            if let start {
                // A path's start is its first move; its earlier milestones stay, so the start cannot pass them.
                if setting.milestones.count > 1, start > setting.milestones[0].year {
                    throw InputError(file: "--start", keyPath: "start",
                                     message: "\(base.name) sets \(lever) as a path with milestones \(setting.milestones.map { String($0.year) }.joined(separator: ", ")); a start of \(start) would come after its first milestone",
                                     accepted: "a start at or before \(setting.milestones[0].year), or no --start (the search moves the path's last milestone, \(setting.full))")
                }
                setting.start = start
            }
            if let full {
                setting.full = full
            } else if base.levers[lever] == nil {
                // A dated target (a 2030 share, a 15th-plan cut) is met by a lever reaching its level by that year, as plans
                // write it ("到2030年风电装机达到..."), not by a step in the start year; a whole-run target by the start year.
                setting.full = max(targets.judgedYears.last ?? setting.start, setting.start)
            }
            if let shape {
                guard let s = RampShape(rawValue: shape) else {
                    throw InputError(file: "--shape", keyPath: "shape", message: "unknown shape '\(shape)'", accepted: "step, linear, logistic",
                                     suggestion: didYouMean(shape, in: RampShape.allCases.map(\.rawValue)))
                }
                setting.shape = s
            }
            let horizon = dataset.baseYear + 1...dataset.endYear
            if let history = dataset.history, HistoryMode.followedPaths.contains(lever), setting.full <= history.lastObservedYear {
                throw InputError(file: "--full", keyPath: "full",
                                 message: "in history mode \(lever) is the observed capacity up to \(history.lastObservedYear): a move reached by the end of \(setting.full) changes nothing, so no level of it can meet a target",
                                 accepted: "a full-effect year from \(history.lastObservedYear + 1) (for example --start \(history.lastObservedYear + 1) --full 2030), or --no-history")
            }
            for (flag, year) in [("--start", setting.start), ("--full", setting.full)] where !horizon.contains(year) {
                throw InputError(file: flag, keyPath: String(flag.dropFirst(2)), message: "year \(year) is outside the model horizon",
                                 accepted: "\(horizon.lowerBound) to \(horizon.upperBound)")
            }
            guard setting.full >= setting.start else {
                throw InputError(file: "--full", keyPath: "full", message: "the full-effect year \(setting.full) is before the start year \(setting.start)",
                                 accepted: "\(setting.start) to \(horizon.upperBound)")
            }
            let solver = LeverSolver(base: base, dataset: dataset, lever: definition, setting: setting, targets: targets)
            let s = try solver.solve(direction: maximum ? .maximum : .minimum)
            let what = maximum ? "largest" : "smallest"
            let lowest = solver.lowest
            let zh = lang == .zh
            let unit = zh ? definition.unit.chinese : definition.unit.rawValue
            let range = "\(fmt(lowest))-\(fmt(definition.validRange(solver.baseParameters).upperBound))\(zh ? "" : " ")\(unit)"
            let name = zh ? "\(ScenarioCharts.factor(lever, .zh))（\(lever)）" : lever
            // In Chinese the target as a sentence says it; in English as it was typed.
            func said(_ check: TargetCheck?) -> String { zh ? check.map { TargetPresentation.phrase($0, .zh) } ?? target : target }
            guard let value = s.value else {
                // A peak or net zero not reached by the horizon even at the closest setting has no margin in years to
                // show (the solver's margin extrapolates past the horizon to stay continuous): said as not reached.
                func closest(_ l: Language) -> String {
                    if let c = s.check, c.achieved == nil, c.kind == .neutralityYear || c.kind == .peakYear {
                        let what = c.kind == .neutralityYear ? (l == .zh ? "碳中和" : "net zero") : (l == .zh ? "碳达峰" : "a peak")
                        return l == .zh ? "此时截至\(dataset.endYear)年仍未实现\(what)" : "\(what) not reached by \(dataset.endYear) even there"
                    }
                    return (l == .zh ? "余量" : "margin ") + NumberFormat.fixed(s.margin, 3) + (s.check.map { TargetPresentation.units($0.kind, l).margin } ?? "")
                }
                // Removals act on net CO2; CO2 intensity is on gross CO2 (CCUS's own energy even raises it).
                let why = lever.hasPrefix("sector_plans.removals.") && !targets.co2IntensityCut.isEmpty
                    ? (zh ? "（碳排放强度按总排放计算：碳汇与 CCUS 只减少净排放，CCUS 自身耗能还会增加总排放）"
                          : " (CO2 intensity is on gross CO2: sinks and CCUS lower net CO2 only, and CCUS's own energy raises gross CO2)")
                    : ""
                // A lever the target does not depend on: said as such, not as "the closest is the bottom of the range".
                let top = definition.validRange(solver.baseParameters).upperBound
                let low = try? solver.margin(at: lowest).margin, high = try? solver.margin(at: top).margin
                if let low, let high, abs(high - low) < 1e-9 {
                    // A peak in the observed years is history's, before any lever acts (a tester suspected a bug).
                    var why = why
                    if let h = dataset.history, let kind = s.check?.kind, kind == .peakCeiling || kind == .peakYear,
                       let r = try? PreparedScenario(solver.scenario(at: lowest), dataset: dataset).run(), let year = r.indicators.peakYear,
                       year <= h.lastObservedYear {
                        let value = NumberFormat.value(r.indicators.peak.value)
                        why += zh ? "（峰值\(value)百万吨CO2出现在\(year)年，属历史模式的观测年份，早于措施起作用的\(h.lastObservedYear + 1)年）"
                                  : " (the peak, \(value) Mt CO2 in \(year), is in the observed years of history mode, before the lever acts from \(h.lastObservedYear + 1))"
                    }
                    // A lever with nothing to act on in this dataset says why (a product lever on a CEADs-derived dataset).
                    if let subject = definition.actsOn, !subject.isPresent(solver.baseParameters) {
                        printLine(lang.describe(InputWarning(file: "--lever", line: nil, keyPath: lever, message: PreparedScenario.nothingToActOn(subject))))
                    }
                    printLine(zh ? "\(said(s.check))与\(name)无关：在\(range)范围内，余量始终为\(NumberFormat.fixed(low, 3))\(s.check.map { TargetPresentation.units($0.kind, .zh).margin } ?? "")\(why)"
                                 : "\(target) does not depend on \(lever): the margin is \(NumberFormat.fixed(low, 3))\(s.check.map { TargetPresentation.units($0.kind, .en).margin } ?? "") at every setting in \(range)\(why)")
                    throw ExitCode(4)
                }
                // A target that levels off with the lever (the non-fossil share under must-run coal and curtailment): the
                // upper half of the range moves the margin little, so more of this lever is not the way to it.
                var levelsOff = ""
                let middle = (lowest + top) / 2
                if let low, let high, let mid = try? solver.margin(at: middle).margin, abs(high - mid) < 0.1 * abs(high - low) {
                    // A change that rounds to 0.000 is said as less than the last digit, not as none.
                    let d = abs(high - mid), tiny = d < 0.0005
                    let moved = (tiny ? "0.001" : NumberFormat.fixed(d, 3)) + (s.check.map { TargetPresentation.units($0.kind, lang).margin } ?? "")
                    levelsOff = zh ? "。该目标随此措施趋于饱和：从\(fmt(middle))到\(fmt(top))\(unit)，余量\(tiny ? "变化不到" : "只变化")\(moved)，需要其他措施共同实现"
                                   : ". The target levels off with this lever: from \(fmt(middle)) to \(fmt(top)) \(unit) the margin moves by \(tiny ? "less than" : "only") \(moved), so other levers must add to it"
                }
                printLine(zh ? "\(name)在\(range)范围内没有能在\(Labels.underScenarioZH(base.name))实现\(said(s.check))的取值；最接近的是\(fmt(s.best))\(unit)（\(closest(.zh))）\(why)\(levelsOff)"
                             : "no setting of \(lever) in \(range) meets \(target) on \(base.name); the closest is \(fmt(s.best)) \(unit) (\(closest(.en)))\(why)\(levelsOff)")
                throw ExitCode(4)
            }
            // The answer as printed (three decimals, rounded toward meeting the target), checked as printed.
            let shown = maximum ? (value * 1000).rounded(.down) / 1000 : (value * 1000).rounded(.up) / 1000
            let atShown = try solver.margin(at: shown)
            let shownUnits = atShown.check.map { TargetPresentation.units($0.kind, lang) } ?? (achieved: "", margin: "")
            let achieved = atShown.check.flatMap(\.achieved).map { NumberFormat.value($0) + shownUnits.achieved } ?? "-"
            let margin = NumberFormat.fixed(atShown.margin, 4) + shownUnits.margin
            // At the near end of the search the lever is not what meets the target: say so rather than let the answer
            // read as what the target needs.
            let top = definition.validRange(solver.baseParameters).upperBound
            let atEnd = maximum ? value >= top : value <= lowest
            let installed = !maximum && lowest > definition.validRange(solver.baseParameters).lowerBound
            // Met at the near end: the lever is not needed only if the far end meets it too; else the lever works the
            // other way round (a lower heat rate is the stronger setting) and the other direction is the question.
            let metAtFarEnd = atEnd ? ((try? solver.margin(at: maximum ? lowest : top).margin) ?? -1) >= 0 : true
            // The setting at the answer as a scenario file writes it, in the form the scenario gives the lever (a path keeps
            // its earlier milestones; a delta is the change over what it extends): pasted back, `run` reproduces it.
            let answer = solver.scenario(at: shown)
            // Pasted into a file that `run` then runs in history mode, the answer would not meet the target: say so.
            let withoutHistory = data.noHistory && dataset.observations != nil
            let written = answer.levers[lever].map(ScenarioWriter.leverText) ?? ""
            // A delta is a change over the scenario its file extends: the line goes in place of the one in that file.
            let deltaFile = setting.form == .delta ? (base.leverSources[lever]?.file ?? base.file) : nil
            print(Provenance(dataset).line(lang))
            if zh {
                print("在\(Labels.underScenarioZH(base.name))实现\(said(atShown.check))所需的\(maximum ? "最大" : "最小")\(name)：\(setting.full)年末\(NumberFormat.fixed(shown, 3))\(unit)\(StatisticalUnit.equivalentZH(shown, leverUnit: definition.unit))")
                print("  情景文件写法：\(lever.split(separator: ".").last!): \(written)")
                if let deltaFile { print("  （替换 \(deltaFile) 中的这一行：delta 是相对于该文件所扩展情景的增量，写在扩展它的文件里则会再叠加一次）") }
                if withoutHistory { print("  （在 --no-history 下求得：用 carbonsim run 文件 --no-history 复现；默认的历史模式下同一设置结果不同）") }
                print("  此时：实现\(achieved)，余量\(margin)；模型运行\(s.runs + 1)次")
            } else {
                print("\(what) \(lever) meeting \(target) on \(base.name): \(NumberFormat.fixed(shown, 3)) \(unit) at the end of \(setting.full)")
                print("  as a scenario file writes it: \(lever.split(separator: ".").last!): \(written)")
                if let deltaFile { print("  (in place of the line in \(deltaFile): a delta is a change over the scenario that file extends; in a file extending it, it would be added again)") }
                if withoutHistory { print("  (found with --no-history: `carbonsim run FILE --no-history` reproduces it; in history mode, the default, the same setting gives other results)") }
                print("  at it: achieved \(achieved), margin \(margin); \(s.runs + 1) model runs")
            }
            if atEnd { print("  " + Self.atEndNote(maximum: maximum, metAtFarEnd: metAtFarEnd, installed: installed, lang)) }
            // A peak year that jumps just past the answer (two peaks of nearly one size, the later one growing with the
            // lever): the margin is no slack there, and a small change elsewhere moves the peak by years. Said.
            if !atEnd, let kind = atShown.check?.kind, kind == .peakYear || kind == .neutralityYear,
               let from = atShown.check?.achieved,
               let beyond = try? solver.margin(at: maximum ? shown + 0.001 : shown - 0.001),
               case let to = beyond.check?.achieved ?? .infinity, abs(to - from) >= 2 {
                let toShown = to.isFinite ? NumberFormat.value(to) : (zh ? "未实现" : "not reached")
                print(zh ? "  再\(maximum ? "高" : "低")0.001\(unit)，\(kind == .peakYear ? "峰值年份" : "碳中和年份")即从\(NumberFormat.value(from))年跳到\(toShown)\(to.isFinite ? "年" : "")：在此取值处余量是跳变的（两个高度相近的峰），并非宽裕，其他措施稍有变化即可使其移动数年"
                         : "  0.001 \(unit) \(maximum ? "more" : "less") moves the \(kind == .peakYear ? "peak" : "net-zero year") from \(NumberFormat.value(from)) to \(toShown): the margin jumps at this setting (two peaks of nearly one size) and is no slack; a small change of other levers can move it by years")
            }
            // An answer below what the scenario itself reaches by then (a trend's build-out, its own setting): the scenario
            // as it is already meets the target, and the answer is how far the lever could be lowered, not what to add. Also at
            // the search's near end (what is installed when the move starts), which freezes a trend's build-out.
            let own = definition.level(solver.baseParameters.resolvedLevers[definition], at: Double(setting.full + 1).nextDown, solver.baseParameters)
            if !maximum, definition.isBuildOut, shown < own - 1e-6 {
                let ownShown = NumberFormat.fixed(own, 3)
                print(zh ? "  低于\(Labels.scenario(base.name, .zh))自身\(setting.full)年末的水平\(ownShown)\(unit)\(StatisticalUnit.equivalentZH(own, leverUnit: definition.unit))：该情景本身已实现目标，此答案是该措施最多可降低到的水平，而非需要新增的量"
                         : "  below the scenario's own level at the end of \(setting.full), \(ownShown) \(unit): the scenario as it is already meets the target, and this is how far the lever could be lowered, not what it must add")
            }
            // The scenario's other targets, as `run` would check them at the answer.
            let r = try PreparedScenario(answer, dataset: dataset).run()
            let others = r.indicators.targetChecks.filter { !targets.contains($0) }
            if !others.isEmpty {
                let missed = others.filter { !$0.passed }.map { TargetPresentation.phrase($0, lang) }
                print(zh ? "  情景的其他目标：\(others.count)项中\(others.count - missed.count)项达标" + (missed.isEmpty ? "" : "；未达标：\(missed.joined(separator: "、"))")
                         : "  the scenario's other targets at it: \(others.count - missed.count) of \(others.count) met"
                      + (missed.isEmpty ? "" : "; missed: \(missed.joined(separator: ", "))"))
            }
            if base.enforceDualControl {
                let curtailed = r.trajectory.series("dual_control_curtailment").max() ?? 0
                print(zh ? "  按能耗总量上限实施能耗双控：高耗能产品最多限产\(NumberFormat.fixed(curtailed, 2))%"
                         : "  dual control enforced against the energy cap: up to \(NumberFormat.fixed(curtailed, 2))% of energy-intensive output curtailed")
            }
        }
    }

    /// An answer at the near end of the search: whether the lever is not needed, or works the other way round.
    static func atEndNote(maximum: Bool, metAtFarEnd: Bool, installed: Bool, _ l: Language) -> String {
        let zh = l == .zh
        switch (metAtFarEnd, maximum, installed) {
        case (false, true, _):
            return zh ? "取值范围的上限实现目标而下限不能：该措施取值越大越严格，--maximum 适用于取值越小越严格的措施（如供电煤耗）；不加 --maximum 可求实现目标的最小取值"
                      : "the top of the lever's range meets the target and the bottom does not: a higher setting is the stronger one here, and --maximum is for a lever whose lower setting is the stronger (as for a heat rate); without --maximum, solve finds the smallest setting that meets it"
        case (false, false, _):
            return zh ? "取值范围的下限实现目标而上限不能：该措施取值越小越严格（如供电煤耗），加 --maximum 可求仍实现目标的最大（最宽松）取值"
                      : "the bottom of the lever's range meets the target and the top does not: a lower setting is the stronger one here (as for a heat rate); --maximum finds the highest (least stringent) setting that still meets it"
        case (true, true, _):
            return zh ? "在该措施取值范围的上下限都实现目标：目标并不限制该措施" : "the target is met at both ends of the lever's range: it does not limit this lever"
        case (true, false, true):
            return zh ? "在搜索下限（措施开始时已有的装机或规模）即已实现目标：无需在此之上再增加"
                      : "the target is already met at the lowest setting searched (what is installed when the move starts): nothing more is needed for it"
        case (true, false, false):
            return zh ? "在该措施取值范围的上下限都实现目标：实现该目标不需要这项措施" : "the target is met at both ends of the lever's range: this lever is not needed for it"
        }
    }

    func fmt(_ v: Double) -> String { NumberFormat.fixed(v, abs(v) >= 100 ? 1 : 3) }
}
