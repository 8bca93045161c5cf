import Foundation
import Sweeps
import Simulator

/// Markdown, CSV and JSON renderings of a sweep summary. Percentiles are shown at the plan-period ends
/// (2025, 2030, 2035 …) unless other years are asked for; beside each target's probability, the
/// distribution of the shortfall (median and 90th percentile over all runs, 0 for a run that meets it).
public enum SweepSummaryRenderer {
    static let percentileNames = ["P5", "P25", "P50", "P75", "P95"]

    /// How a summary is presented: label language, units, the years of the percentile tables.
    public struct Options: Sendable {
        public var language: Language
        public var units: UnitSystem
        /// Years to show; nil: the plan-period ends within the sweep's years.
        public var years: [Int]?
        /// The region and dataset, when the dataset the sweep ran on is known.
        public var provenance: Provenance?

        public init(language: Language = .en, units: UnitSystem? = nil, years: [Int]? = nil, provenance: Provenance? = nil) {
            self.language = language
            self.units = units ?? .default(for: language)
            self.years = years
            self.provenance = provenance
        }
    }

    /// The plan-period ends (2025, 2030, …) among `years`.
    public static func planYears(_ years: [Int]) -> [Int] {
        guard let first = years.first, let last = years.last else { return [] }
        let ends = Set(PlanPeriod.covering(from: first, to: last).map(\.endYear))
        return years.filter(ends.contains)
    }

    /// Indices of the years a table shows.
    static func shownYears(_ band: SweepSummary.Band, _ o: Options) -> [Int] {
        let wanted = Set(o.years ?? planYears(band.years))
        return band.years.indices.filter { wanted.contains(band.years[$0]) }
    }

    /// A target's unit in `units` and the factor from the model's (Mt CO2 and Mtce for ceilings and caps).
    static func targetUnit(_ target: String, _ o: Options) -> UnitSystem.Presented {
        switch TargetCheck.Kind(rawValue: target) {
        case .peakCeiling: return o.units.presented("Mt CO2")
        case .energyCap: return o.units.presented("Mtce")
        case .peakYear, .neutralityYear: return UnitSystem.Presented(unit: "yr", factor: 1)
        default: return UnitSystem.Presented(unit: "pp", factor: 1)
        }
    }

    static func shortfall(_ v: Double, _ l: Language) -> String {
        v.isInfinite ? (l == .zh ? "未实现" : "never") : NumberFormat.value(v)
    }

    public static func markdown(_ s: SweepSummary, options o: Options = Options()) -> String {
        let zh = o.language == .zh
        func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
        var out = t("# Sweep: \(s.name) (\(s.design))\n", "# 参数扫描：\(s.name)（\(s.design)）\n")
        if let p = o.provenance { out += "\n" + p.line(o.language) + "\n" }
        if s.storedRuns < s.plannedRuns {
            out += t("\n**Incomplete: \(s.storedRuns) of \(s.plannedRuns) runs stored** (an interrupted sweep, `--resume` it, or shards not yet merged); every figure below is of the stored runs.\n",
                     "\n**不完整：已存储\(s.plannedRuns)次运行中的\(s.storedRuns)次**（扫描中断，可用 `--resume` 续算；或分片尚未全部合并）；以下数字均只基于已存储的运行。\n")
        }
        for sc in s.scenarios {
            out += t("\n## Scenario: \(sc.scenario) — \(sc.runs) runs, \(sc.failed) failed\n",
                     "\n## 情景：\(Labels.scenario(sc.scenario, .zh))——运行\(sc.runs)次，失败\(sc.failed)次\n")
            if !sc.failures.isEmpty {
                out += t("\nWhy runs failed (figures below are of the runs that succeeded):\n\n", "\n运行失败的原因（以下数字只基于成功的运行）：\n\n")
                for f in sc.failures.prefix(5) { out += t("- \(f.runs) runs, for example: \(f.example)\n", "- \(f.runs)次，例如：\(InputMessagesZH.line(f.example))\n") }
            }
            for band in sc.bands {
                let shown = o.units.presented(OutputCatalog.shared.unit(of: band.series) ?? "")
                let name = zh ? Labels.series(band.series, .zh) : band.series
                let unit = Labels.unit(shown.unit, o.language)
                out += t("\n### \(name) (\(unit)): percentiles by year\n\n| year | ", "\n### \(name)（\(unit)）：各年份分位数\n\n| 年份 | ")
                    + percentileNames.joined(separator: " | ") + " |\n|---:|" + String(repeating: "---:|", count: 5) + "\n"
                for i in shownYears(band, o) {
                    out += "| \(band.years[i]) | " + band.values.map { NumberFormat.value(shown.value($0[i])) }.joined(separator: " | ") + " |\n"
                }
            }
            if !sc.targets.isEmpty {
                out += t("\n### Probability of meeting each target (95% Wilson interval) and the shortfall\n\n| target | year | required | probability | interval | shortfall median | shortfall P90 | unit | runs |\n",
                         "\n### 各目标实现概率（95% Wilson区间）与差距分布\n\n| 目标 | 年份 | 要求 | 概率 | 区间 | 差距中位数 | 差距P90 | 单位 | 运行次数 |\n")
                out += "|---|---:|---:|---:|---|---:|---:|---|---:|\n"
                for tp in sc.targets {
                    let p = tp.probability, u = targetUnit(tp.target, o)
                    let label = zh ? Labels.target(tp.target, .zh, units: o.units) : tp.target
                    out += "| \(label) | \(tp.yearText) | \(NumberFormat.value(u.value(tp.required))) | \(NumberFormat.fixed(100 * p.estimate, 1))% | "
                        + "\(NumberFormat.fixed(100 * p.lower, 1))–\(NumberFormat.fixed(100 * p.upper, 1))% | "
                        + "\(shortfall(u.value(tp.shortfallMedian), o.language)) | \(shortfall(u.value(tp.shortfallP90), o.language)) | "
                        + "\(Labels.unit(u.unit, o.language)) | \(p.trials) |\n"
                }
            }
            for sens in sc.sensitivity {
                let output = ScenarioCharts.output(sens.output, o.language)
                func factor(_ f: String) -> String { zh ? "\(ScenarioCharts.factor(f, .zh))（`\(f)`）" : f }
                if sens.method == .sobol {
                    out += t("\n### Sobol indices of \(output) (95% bootstrap interval)\n\n| factor | first order | total order |\n|---|---|---|\n",
                             "\n### \(output)的Sobol指数（95% bootstrap区间）\n\n| 因素 | 一阶 | 总效应 |\n|---|---|---|\n")
                    for (i, f) in sens.factors.enumerated() {
                        out += "| \(factor(f)) | \(interval(sens.first[i])) | \(interval(sens.total[i])) |\n"
                    }
                    if let note = unitIntervalNote(sens, o.language) { out += "\n" + note + "\n" }
                    if let note = incompleteSobolNote(sens, o.language) { out += "\n" + note + "\n" }
                    else if sens.doesNotVary { out += "\n" + constantNote(sens, succeeded: sc.runs - sc.failed, o.language) + "\n" }
                } else {
                    let r2 = NumberFormat.fixed(sens.rSquared ?? .nan, 3)
                    out += t("\n### Standardized regression coefficients of \(output) (R² = \(r2); 95% interval)\n\n| factor | SRC |\n|---|---:|\n",
                             "\n### \(output)的标准化回归系数（R² = \(r2)；95%置信区间）\n\n| 因素 | 标准化回归系数 |\n|---|---:|\n")
                    for (i, f) in sens.factors.enumerated() { out += "| \(factor(f)) | \(interval(sens.first[i])) |\n" }
                    if let note = noiseNote(sens, o.language) { out += "\n" + note + "\n" }
                    if sens.doesNotVary { out += "\n" + constantNote(sens, succeeded: sc.runs - sc.failed, o.language) + "\n" }
                }
            }
        }
        return out
    }

    /// Names the SRCs whose 95 % interval holds 0: at this number of runs they are not told apart from no effect (a
    /// tester read +0.145 for a steel cut that only lowers CO2 as a sensitivity). nil when there is none.
    public static func noiseNote(_ sens: SweepSummary.Sensitivity, _ l: Language) -> String? {
        guard sens.method != .sobol, !sens.doesNotVary else { return nil }
        let within = sens.factors.indices.filter { sens.first[$0].lower <= 0 && sens.first[$0].upper >= 0 && sens.first[$0].estimate != 0 }
        guard !within.isEmpty else { return nil }
        let zh = l == .zh
        let names = within.map { zh ? ScenarioCharts.factor(sens.factors[$0], .zh) : sens.factors[$0] }
        return zh ? "\(names.joined(separator: "、"))的95%置信区间包含0：以当前运行次数，无法与\u{201C}没有影响\u{201D}区分（符号也不可信）；增加运行次数可缩小区间"
                  : names.count == 1
                    ? "The 95% interval of \(names[0]) holds 0: at this number of runs it is not told apart from no effect (nor is its sign); more runs narrow the interval."
                    : "The 95% intervals of \(names.dropLast().joined(separator: ", ")) and \(names.last!) hold 0: at this number of runs they are not told apart from no effect (nor are their signs); more runs narrow the intervals."
    }

    /// Says that Sobol estimates outside [0, 1] are sampling error, and what to do about it; nil when all are within.
    public static func unitIntervalNote(_ sens: SweepSummary.Sensitivity, _ l: Language) -> String? {
        let outside = sens.outsideUnitInterval
        guard !outside.isEmpty else { return nil }
        let zh = l == .zh
        let listed = outside.map { f, order, v in
            zh ? "\(ScenarioCharts.factor(f, .zh))的\(order == "first" ? "一阶" : "总效应")指数 \(NumberFormat.fixed(v, 3))"
               : "\(order) order of \(f): \(NumberFormat.fixed(v, 3))"
        }.joined(separator: zh ? "；" : "; ")
        return zh
            ? "_注：Sobol指数是方差份额，应在0到1之间；这些估计值超出此范围（\(listed)），超出部分是当前样本量下估计量的抽样误差。请参阅区间，或增大扫描文件中的 `n` 后重新扫描。_"
            : "_Note: a Sobol index is a share of variance, between 0 and 1; these estimates fall outside it (\(listed)). What lies beyond is the estimators' sampling error at this sweep's size: read the intervals, or rerun the sweep with a larger `n`._"
    }

    /// Sobol indices of a sweep with base samples missing (interrupted, or one shard): how many the indices come from,
    /// or that none is complete, instead of numbers or dashes read as the sweep's. Nil when every base sample is there.
    public static func incompleteSobolNote(_ sens: SweepSummary.Sensitivity, _ l: Language) -> String? {
        guard let (complete, planned) = sens.baseSamples, complete < planned else { return nil }
        let zh = l == .zh
        // Every run stored, some failed: resuming reruns nothing, the failures are the settings'.
        if sens.missingRuns == 0 {
            let head = zh ? "_注：部分运行失败（原因见上），Sobol指数需要完整的Saltelli样本块（同一基样本的A、B及每个AB_i运行）"
                          : "_Note: some runs failed (why is listed above), and Sobol indices need complete Saltelli blocks (the A, B and every AB_i run of a base sample)"
            let found = complete < 2
                ? (zh ? "；\(planned)个基样本中运行全部成功的只有\(complete)个，无法估计。" : "; \(complete) of the \(planned) base samples ran in full, so none can be estimated.")
                : (zh ? "；以上指数仅来自\(planned)个基样本中运行全部成功的\(complete)个，区间相应更宽。" : "; these indices come from the \(complete) of \(planned) base samples that ran in full, with intervals to match.")
            return head + found + (zh ? "续算（--resume）不会重跑失败的运行：请把因素范围限制在能运行的取值内后重新扫描。_"
                                      : " Resuming does not rerun failed runs: narrow the factors' ranges to settings that run, and sweep again._")
        }
        if complete < 2 {
            return zh ? "_注：Sobol指数需要完整的Saltelli样本块（同一基样本的A、B及每个AB_i运行）；\(planned)个基样本中完整的只有\(complete)个，无法估计。请用 --resume 完成扫描，或合并全部分片后再汇总。_"
                      : "_Note: Sobol indices need complete Saltelli blocks (the A, B and every AB_i run of a base sample); \(complete) of the \(planned) base samples are complete, so none can be estimated. Finish the sweep (--resume) or merge every shard, then summarize._"
        }
        return zh ? "_注：扫描不完整：以上指数仅来自\(planned)个基样本中完整的\(complete)个，区间相应更宽，并非本扫描设计的结果。请用 --resume 完成扫描，或合并全部分片。_"
                  : "_Note: the sweep is incomplete: these indices come from the \(complete) of \(planned) base samples that are complete, with intervals to match, not from the sweep's design. Finish it (--resume) or merge every shard._"
    }

    /// Why a sensitivity table is all dashes: no run (or one) succeeded, or the output is the same in every run but for
    /// the integration's accuracy (as the peak is in history mode when every run peaks in an observed year).
    static func constantNote(_ sens: SweepSummary.Sensitivity, succeeded: Int, _ l: Language) -> String {
        if succeeded < 2 {
            return l == .zh ? "_注：仅有\(succeeded)次运行成功，无法估计敏感性（失败原因见上）。_"
                            : "_Note: \(succeeded == 0 ? "no run" : "only one run") succeeded: no sensitivity can be estimated (why runs failed is listed above)._"
        }
        let digits = Int((-log10(SweepSummary.outputResolution)).rounded())
        return l == .zh ? "_注：\(ScenarioCharts.output(sens.output, .zh))在各次运行中相同（差异小于积分精度，相对1e-\(digits)），没有可归因的方差。_"
                        : "_Note: \(sens.output) is the same in every run (it differs by less than the integration's accuracy, 1e-\(digits) relative): there is no variance to attribute._"
    }

    static func interval(_ i: SobolIndices.Index) -> String {
        "\(NumberFormat.fixed(i.estimate, 3)) [\(NumberFormat.fixed(i.lower, 3)), \(NumberFormat.fixed(i.upper, 3))]"
    }

    static let csvColumns = ["scenario", "section", "name", "factor", "year", "statistic", "value", "lower", "upper", "unit"]
    static let csvColumnsZH = ["情景", "类别", "名称", "因素", "年份", "统计量", "数值", "下限", "上限", "单位"]

    /// Long-form CSV; under zh with translated headers, names and units, and the UTF-8 BOM when `bom`.
    public static func csv(_ s: SweepSummary, options o: Options = Options(), bom: Bool = false) -> String {
        let zh = o.language == .zh
        var lines = [(zh ? csvColumnsZH : csvColumns).joined(separator: ",")]
        func row(_ fields: [String]) { lines.append(CSVRenderer.csv(fields)) }
        let section = zh ? ["band": "分位数", "target": "目标", "sobol": "Sobol指数", "src": "标准化回归系数"]
                         : ["band": "band", "target": "target", "sobol": "sobol", "src": "src"]
        for sc in s.scenarios {
            for band in sc.bands {
                let shown = o.units.presented(OutputCatalog.shared.unit(of: band.series) ?? "")
                let name = zh ? Labels.series(band.series, .zh) : band.series
                for i in shownYears(band, o) {
                    for (k, p) in percentileNames.enumerated() {
                        row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["band"]!, name, "", String(band.years[i]), p, NumberFormat.exact(shown.value(band.values[k][i])), "", "",
                             Labels.unit(shown.unit, o.language)])
                    }
                }
            }
            for tp in sc.targets {
                let p = tp.probability, u = targetUnit(tp.target, o)
                let name = zh ? Labels.target(tp.target, .zh, units: o.units) : tp.target
                let y = tp.yearText, unit = Labels.unit(u.unit, o.language)
                row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["target"]!, name, "", y, zh ? "概率" : "probability", NumberFormat.exact(p.estimate), NumberFormat.exact(p.lower), NumberFormat.exact(p.upper),
                     // A share of the runs, 0 to 1 (the markdown and the workbook show it in per cent).
                     zh ? "比例（0-1）" : "fraction (0-1)"])
                row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["target"]!, name, "", y, zh ? "要求" : "required", NumberFormat.exact(u.value(tp.required)), "", "", unit])
                // A shortfall that falls on runs never reaching the target is written "never" (未实现), not a number.
                for (stat, v) in [(zh ? "差距中位数" : "shortfall_median", tp.shortfallMedian), (zh ? "差距P90" : "shortfall_p90", tp.shortfallP90)] {
                    row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["target"]!, name, "", y, stat, v.isInfinite ? shortfall(v, o.language) : NumberFormat.exact(u.value(v)), "", "", unit])
                }
            }
            for sens in sc.sensitivity {
                let output = zh ? ScenarioCharts.output(sens.output, .zh) : sens.output
                for (i, f) in sens.factors.enumerated() {
                    let factor = zh ? "\(ScenarioCharts.factor(f, .zh))（\(f)）" : f
                    if sens.method == .sobol {
                        row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["sobol"]!, output, factor, "", zh ? "一阶" : "first", NumberFormat.exact(sens.first[i].estimate), NumberFormat.exact(sens.first[i].lower), NumberFormat.exact(sens.first[i].upper), ""])
                        row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["sobol"]!, output, factor, "", zh ? "总效应" : "total", NumberFormat.exact(sens.total[i].estimate), NumberFormat.exact(sens.total[i].lower), NumberFormat.exact(sens.total[i].upper), ""])
                    } else {
                        row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["src"]!, output, factor, "", zh ? "标准化回归系数" : "src", NumberFormat.exact(sens.first[i].estimate), NumberFormat.exact(sens.first[i].lower), NumberFormat.exact(sens.first[i].upper), ""])
                    }
                }
                // How much of the output's variance the linear fit explains: how far the SRCs can be trusted.
                if sens.method != .sobol, let r2 = sens.rSquared {
                    row([zh ? Labels.scenario(sc.scenario, .zh) : sc.scenario, section["src"]!, output, "", "", zh ? "决定系数R²" : "r_squared", NumberFormat.exact(r2), "", "", ""])
                }
            }
        }
        return (bom ? CSVRenderer.bom : "") + lines.joined(separator: "\n") + "\n"
    }

    /// JSON for scripts: model units and keys, every year the sweep kept (`years` in options restricts them).
    public static func json(_ s: SweepSummary, years: [Int]? = nil, provenance: Provenance? = nil) throws -> String {
        func n(_ v: Double?) -> Any { v.flatMap { $0.isFinite ? $0 : nil } ?? NSNull() }
        let scenarios: [[String: Any]] = s.scenarios.map { sc in
            [
                "scenario": sc.scenario, "runs": sc.runs, "failed": sc.failed,
                "failures": sc.failures.map { ["runs": $0.runs, "example": $0.example] as [String: Any] },
                "bands": sc.bands.map { b in
                    let shown = years.map { y in b.years.indices.filter { y.contains(b.years[$0]) } } ?? Array(b.years.indices)
                    return ["series": b.series, "years": shown.map { b.years[$0] },
                            "percentiles": Dictionary(uniqueKeysWithValues: percentileNames.enumerated().map { k, p in (p, shown.map { n(b.values[k][$0]) }) })] as [String: Any]
                },
                "targets": sc.targets.map { t in
                    ["target": t.target, "year": t.year, "year_last": t.lastYear, "required": t.required, "probability": n(t.probability.estimate),
                     "lower": n(t.probability.lower), "upper": n(t.probability.upper), "runs": t.probability.trials,
                     // null: the quantile falls on runs that never peak or never reach net zero.
                     "shortfall_median": n(t.shortfallMedian), "shortfall_p90": n(t.shortfallP90)] as [String: Any]
                },
                "sensitivity": sc.sensitivity.map { sens in
                    ["method": sens.method.rawValue, "output": sens.output, "r_squared": n(sens.rSquared),
                     // Sobol: the complete base samples the indices come from, and the sweep's n.
                     "base_samples": sens.baseSamples.map { ["complete": $0.complete, "planned": $0.planned] as Any } ?? NSNull(),
                     "factors": sens.factors.enumerated().map { i, f in
                         var e: [String: Any] = ["factor": f, "first": n(sens.first[i].estimate)]
                         e["first_interval"] = [n(sens.first[i].lower), n(sens.first[i].upper)]
                         if sens.method == .sobol {
                             e["total"] = n(sens.total[i].estimate)
                             e["total_interval"] = [n(sens.total[i].lower), n(sens.total[i].upper)]
                         }
                         return e
                     },
                     // Estimates outside [0, 1]: sampling error, told in the markdown too.
                     "outside_unit_interval": sens.outsideUnitInterval.map { ["factor": $0.factor, "order": $0.order, "estimate": $0.estimate] as [String: Any] },
                    ] as [String: Any]
                },
            ]
        }
        var top: [String: Any] = ["name": s.name, "design": s.design, "scenarios": scenarios,
                                  "runs_stored": s.storedRuns, "runs_planned": s.plannedRuns]
        if let p = provenance { top["region"] = p.region; top["dataset"] = p.dataset }
        let data = try JSONSerialization.data(withJSONObject: top,
                                              options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
