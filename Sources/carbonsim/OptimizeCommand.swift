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
            try checkOutputFile(output ?? safeFileName(s.name) + "-optimum.yaml", option: "--output", namedOnCommandLine: output != nil)
            let optimizer = LeastCostOptimizer(spec: s, dataset: dataset)
            let r = try optimizer.optimize()
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
                let cost = r.marginalCosts[m.name].map { zh ? "；每收紧1\(unit)成本增加\(NumberFormat.value($0))\(costUnit)"
                                                            : "; tightening by 1\(unit) costs \(NumberFormat.value($0))\(costUnit)" } ?? ""
                let margin = m.margin + LeastCostOptimizer.safety * LeastCostOptimizer.scale(m.kind)
                print(zh ? "  \(TargetPresentation.name(m.kind, year: m.year, .zh))：余量\(NumberFormat.fixed(margin, 4))\(unit)\(bind)\(cost)"
                         : "  \(m.name): margin \(NumberFormat.fixed(margin, 4))\(unit)\(bind)\(cost)")
            }
            if !r.converged { print(zh ? "注：单纯形法达到迭代上限，所示为找到的最优点" : "note: the simplex stopped at its iteration limit; the point shown is the best found") }
            let path = output ?? safeFileName(s.name) + "-optimum.yaml"
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
