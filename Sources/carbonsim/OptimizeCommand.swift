import Analysis
import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim optimize`: the least-cost lever mix that meets the "1" targets.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Find the least-cost lever mix that meets the targets (gsl_multimin simplex, augmented Lagrangian, multi-start).",
        discussion: """
        Targets: the base scenario's targets with the spec's laid over them. A spec entry replaces the same kind \
        (and the same year or plan period); every other target of the base scenario stays a constraint, so an \
        enforced dual control keeps its energy cap. `none` drops one of the base's targets: \
        neutrality_year: none, energy_intensity_cut: none, energy_cap: {2035: none}.

        Variables: for the lever a variable declares, the spec's start, full and shape win; what the spec leaves \
        out comes from the base scenario's setting of that lever, else start = base year + 2, full = start, linear.

        Writes the optimum as a standalone scenario file, in the same schema as scenario files (levers under \
        sector_plans or measures by their path, dual control under measures), that `carbonsim run` reproduces: \
        the base's levers, measures, assumptions and accounting, the variables at the optimum, and the targets above.
        """
    )

    @Argument(help: "Optimisation spec YAML.") var spec: String
    @Option(name: .shortAndLong, help: "Scenario file to write the optimum to (default: <spec name>-optimum.yaml).") var output: String?
    @Option(name: .long, help: "Starts (overrides the spec).") var starts: Int?
    @Option(name: .long, help: "Label language: en or zh.") var lang: Language = .en
    @OptionGroup var data: DatasetOptions

    func run() throws {
        try reportingErrors(lang) {
            let dataset = try data.load()
            var s = try OptimizeSpecLoader(dataset: dataset).load(path: spec)
            for w in s.warnings { printLine(lang.describe(w)) }
            printPreparationWarnings(s.base, dataset: dataset, language: lang)
            if let starts {
                guard (1...OptimizeSpec.maximumStarts).contains(starts) else {
                    throw InputError(file: "--starts", message: "\(starts) starts", accepted: "1 to \(OptimizeSpec.maximumStarts)")
                }
                s.starts = starts
            }
            let path = output ?? safeFileName(s.name) + "-optimum.yaml"
            try checkOutputFile(path, option: "--output", namedOnCommandLine: output != nil)
            // Nor a file the base scenario is read from: the optimum may extend it, and it would be lost.
            let written = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if s.base.sources.contains(where: { $0.path == written }) {
                throw InputError(file: "--output", message: "\(path) is a file the base scenario is read from; writing the optimum there would replace it",
                                 accepted: "another file name for the optimum")
            }
            let optimizer = LeastCostOptimizer(spec: s, dataset: dataset)
            let r: LeastCostOptimizer.Result
            do {
                r = try optimizer.optimize()
            } catch let e as InputError where e.message.hasPrefix(LeastCostOptimizer.noMixMeetsTheTargets) {
                // The input is fine; the targets are out of the variables' reach: exit status 4, as solve's.
                printInputError(e, lang)
                throw ExitCode(4)
            }
            let zh = lang == .zh
            if zh {
                let objective = s.objective == "total_cost" ? "措施总成本（2020-2060年）" : Labels.series(s.objective, .zh)
                print("\(Labels.underScenarioZH(s.base.name))\(objective)的\(s.maximize ? "最大" : "最小")值：\(NumberFormat.value(r.best.objective))"
                      + (s.objective == "total_cost" ? "亿元" : ""))
            } else {
                print("optimum of \(s.objective) (\(s.maximize ? "max" : "min")) on \(s.base.name): \(NumberFormat.value(r.best.objective))"
                      + (s.objective == "total_cost" ? " x 10^8 yuan" : ""))
            }
            for (v, x) in zip(s.variables, r.best.x) {
                print(zh ? "  \(ScenarioCharts.factor(v.lever.path, .zh))（\(v.lever.path)）= \(NumberFormat.fixed(x, 3))\(v.lever.unit.chinese)\(StatisticalUnit.equivalentZH(x, leverUnit: v.lever.unit))（范围\(NumberFormat.trimmed(v.lower))-\(NumberFormat.trimmed(v.upper))）"
                         : "  \(v.lever.path) = \(NumberFormat.fixed(x, 3)) \(v.lever.unit)   (bounds \(v.lower)-\(v.upper))")
            }
            print(zh ? "目标（余量为正即达标）：" : "targets (margin: positive = met):")
            for m in r.best.margins {
                let bind = r.binding.contains(m.name) ? (zh ? "  紧约束" : "  binding") : ""
                let unit = TargetPresentation.units(m.kind, lang).margin, costUnit = s.objective == "total_cost" ? (zh ? "亿元" : " x 10^8 yuan") : ""
                // A derivative, measured over a small step: not the cost of tightening by a whole unit, which may not be feasible.
                let step = NumberFormat.trimmed(LeastCostOptimizer.tighteningStep(m.kind))
                let cost = r.marginalCosts[m.name].map { zh ? "；边际成本：每收紧1\(unit)约\(NumberFormat.value($0))\(costUnit)（按收紧\(step)\(unit)测算）"
                                                            : "; marginal cost \(NumberFormat.value($0))\(costUnit) per \(unit.trimmingCharacters(in: .whitespaces)) (measured over a \(step)\(unit) tightening)" }
                    ?? (r.cannotTighten.contains(m.name) ? (zh ? "；目标收紧\(step)\(unit)后，从最优解出发未找到可行点" : "; no feasible point found with the target tightened by \(step)\(unit)") : "")
                // As `run` reports it: a peak or neutrality year's margin in whole years (the search uses the refined time).
                let margin = m.reported.map { m.kind.marginUnit == "yr" ? NumberFormat.trimmed($0) : NumberFormat.fixed($0, 4) }
                    ?? NumberFormat.fixed(m.margin + LeastCostOptimizer.safety * LeastCostOptimizer.scale(m.kind), 4)
                print(zh ? "  \(TargetPresentation.name(m.kind, year: m.year, .zh))：余量\(margin)\(unit)\(bind)\(cost)"
                         : "  \(m.name): margin \(margin)\(unit)\(bind)\(cost)")
            }
            for m in r.best.fixed {
                let unit = TargetPresentation.units(m.kind, lang).margin
                let margin = NumberFormat.fixed(m.margin, 4), n = dataset.history?.lastObservedYear ?? m.year
                print(zh ? "  \(TargetPresentation.name(m.kind, year: m.year, .zh))：余量\(margin)\(unit)（不作约束：\(m.year)年属历史模式的观测年份（至\(n)年），各变量均未在此前起作用，无论取值如何都不变）"
                         : "  \(m.name): margin \(margin)\(unit) (not a constraint: \(m.year) is in history mode's observed years, through \(n), before any variable acts, so no mix moves it)")
            }
            if let note = try exportRuleNote(optimizer, r, zh: zh) { print(note) }
            if !r.converged { print(zh ? "注：单纯形法达到迭代上限，所示为找到的最优点" : "note: the simplex stopped at its iteration limit; the point shown is the best found") }
            let text = try optimizer.scenarioFile(r.best.x, name: "\(s.name)-optimum", writtenTo: path)
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw InputError(file: path, message: "cannot write the optimum: \(error.localizedDescription)")
            }
            print(zh ? "已写出\(path)（模型运行\(r.runs)次）" : "wrote \(path) (\(r.runs) model runs)")
            // Found without history mode, the optimum reproduces only without it.
            if dataset.history == nil && data.noHistory {
                print(zh ? "注：此最优解在不含历史模式下求得，请用 carbonsim run \(path) --no-history 复现"
                         : "note: found without history mode: reproduce it with carbonsim run \(path) --no-history")
            }
        }
    }
}

extension OptimizeCommand {
    /// Where a binding non-fossil share target's year has net exports beyond coal generation, the coal-first export
    /// rule books every extra TWh of coal power as exported and leaves the region more non-fossil electricity: load met
    /// by coal (CCUS's energy, new load) then raises the share, and an optimum may buy it toward the target. Said, so
    /// that such an optimum is read for what it is.
    func exportRuleNote(_ optimizer: LeastCostOptimizer, _ r: LeastCostOptimizer.Result, zh: Bool) throws -> String? {
        let years = r.best.margins.filter { $0.kind == .nonFossilShare && r.binding.contains($0.name) }.map(\.year)
        let optimum = optimizer.scenario(r.best.x)
        guard !years.isEmpty, optimum.accounting.deductElectricityExports else { return nil }
        let t = try PreparedScenario(optimum, dataset: optimizer.dataset).run().trajectory
        // Electricity as the language's tables write it (亿千瓦时 in Chinese).
        let twh = UnitSystem.default(for: zh ? .zh : .en).presented("TWh"), unit = Labels.unit(twh.unit, zh ? .zh : .en)
        for year in years {
            guard let exports = t.value("electricity_exports", year: year), let imports = t.value("electricity_imports", year: year),
                  let bases = t.value("generation_dedicated_export", year: year), let coal = t.value("generation_coal", year: year),
                  exports - imports - bases > coal else { continue }
            let net = NumberFormat.value(twh.value(exports - imports - bases)) + (zh ? "" : " ") + unit
            let coalText = NumberFormat.value(twh.value(coal)) + (zh ? "" : " ") + unit
            return zh ? "注：\(year)年净外送电量（\(net)）超过煤电发电量（\(coalText)）。按外送电量先从煤电扣除的口径，区内由煤电满足的用电（如CCUS耗能、新增负荷）会提高非化石能源消费比重，最优解可能借此满足该目标"
                      : "note: in \(year) net exports (\(net)) exceed coal generation (\(coalText)): under the coal-first export rule, load in the region met by coal (CCUS's energy, new load) raises the non-fossil share, and the optimum may use it toward this target"
        }
        return nil
    }
}
