import Analysis
import Scenarios
import Simulator
import Sweeps

/// Charts of scenario results and sweeps, with labels, units and source lines filled in.
public enum ScenarioCharts {
    static let sourceEN = "Source: carbonsim; base year CEADs 2019 (Shan et al. 2016, 2018, 2020; Guan et al. 2021)"
    static let sourceZH = "来源：carbonsim；基年CEADs 2019（Shan等2016、2018、2020；Guan等2021）"

    /// The source line: the model and inventory, and the region and dataset actually used (when known).
    public static func source(_ l: Language, _ provenance: Provenance? = nil) -> String {
        let base = l == .zh ? sourceZH : sourceEN
        guard let p = provenance else { return base }
        return base + (l == .zh ? "；" : "; ") + p.line(l)
    }

    static func axis(_ series: String, unit: String, _ l: Language) -> String {
        l == .zh ? "\(Labels.series(series, l))（\(Labels.unit(unit, l))）" : "\(Labels.series(series, l)) (\(Labels.unit(unit, l)))"
    }

    /// A sensitivity output (SweepSummary.sensitivityOutputs) by its key.
    public static func output(_ key: String, _ l: Language) -> String {
        guard l == .zh else { return key }
        return ["peak_value": Labels.comparison("peak_value", .zh), "cumulative_co2": "累计净排放", "co2_gross_2030": "2030年CO2排放总量"][key] ?? Labels.series(key, l)
    }

    /// A sensitivity output as an English chart title names it.
    static let outputEN = ["peak_value": "the peak of gross CO2", "cumulative_co2": "cumulative net CO2", "co2_gross_2030": "gross CO2 in 2030"]

    /// A sweep factor path as a chart label: the lever's name (under zh its description up to the first bracket;
    /// in English its label) with what of it varies, else (a dataset parameter) the path without `sector_plans.`.
    public static func factor(_ path: String, _ l: Language) -> String {
        // A sweep varies a lever's level, its change over the base scenario, or the years of its move.
        let fields = l == .zh ? [("target", ""), ("delta", "（增量）"), ("start", "（起始年）"), ("full", "（达效年）")]
            : [("target", ""), ("delta", " (delta)"), ("start", " (start year)"), ("full", " (full-effect year)")]
        let (lever, qualifier) = fields.lazy.compactMap { field, zh in
            path.hasSuffix(".\(field)") ? (String(path.dropLast(field.count + 1)), zh) : nil
        }.first ?? (path, "")
        guard l == .zh else { return LeverRegistry.lever(lever).map { $0.label + qualifier } ?? Charts.shortFactor(path) }
        guard let d = LeverRegistry.lever(lever)?.descriptionZH, !d.isEmpty else {
            return DatasetLabels.zh(path) ?? Charts.shortFactor(path)
        }
        return String(d.prefix { !"（(：:".contains($0) }) + qualifier
    }

    /// One series for several scenarios, with peaks (for CO2) and the scenarios' targets marked.
    public static func trajectories(_ results: [ScenarioResult], series: String, language l: Language = .en,
                                    units: UnitSystem? = nil, provenance: Provenance? = nil) throws -> String {
        guard let first = results.first else { throw ChartError(message: "nothing to draw: no scenario") }
        guard first.trajectory.has(series) else {
            throw InputError(file: "--series", keyPath: "series", message: "no series '\(series)'",
                             accepted: "a series of the annual table, for example co2_gross, co2_net, energy_total, non_fossil_share (the columns of the annual CSV files carbonsim run --output DIR writes)",
                             suggestion: didYouMean(series, in: first.trajectory.names))
        }
        let co2 = series == "co2_gross"
        let unit = first.trajectory.unit(series) ?? ""
        let shown = (units ?? .default(for: l)).presented(unit), f = shown.factor
        let ceiling = (units ?? .default(for: l)).presented("Mt CO2"), cap = (units ?? .default(for: l)).presented("Mtce")
        let lines = results.map { r in
            ChartSeries(label: Labels.scenario(r.name, l), years: r.trajectory.years, values: r.trajectory.series(series).map { $0 * f },
                        peak: co2 && !r.indicators.peak.stillRising ? (Double(r.indicators.peak.year) + 0.5, r.indicators.peak.value * f) : nil)
        }
        var markers: [ChartMarker] = []
        for r in results {
            for c in r.indicators.targetChecks {
                switch c.kind {
                case .peakYear where co2: markers.append(ChartMarker(label: "\(Labels.target(c.kind.rawValue, l)) \(c.year)", year: Double(c.year) + 0.5, value: nil))
                case .peakCeiling where co2:
                    markers.append(ChartMarker(label: "\(Labels.target(c.kind.rawValue, l, units: units ?? .default(for: l))) \(NumberFormat.value(ceiling.value(c.required)))",
                                               year: Double(c.year) + 0.5, value: ceiling.value(c.required)))
                case .nonFossilShare where series == "non_fossil_share":
                    markers.append(ChartMarker(label: "\(Labels.scenario(r.name, l)) \(c.year)", year: Double(c.year), value: c.required))
                case .energyCap where series == "energy_dual_control":
                    markers.append(ChartMarker(label: "\(Labels.scenario(r.name, l)) \(c.year)", year: Double(c.year), value: cap.value(c.required)))
                default: break
                }
            }
        }
        // The same target in several scenarios is marked once.
        var seen = Set<String>()
        markers = markers.filter { seen.insert("\($0.label)|\($0.year)|\($0.value ?? .nan)").inserted }
        let title = (l == .zh ? "情景比较：" : "Scenarios: ") + Labels.series(series, l) + regionSuffix(provenance, l)
        return try Charts.trajectories(lines, title: title, yLabel: axis(series, unit: shown.unit, l), source: source(l, provenance), markers: markers, language: l)
    }

    /// Gross emissions stacked by CEADs sector group, or by fuel group (with process CO2).
    public static func stacked(_ r: ScenarioResult, by grouping: String, language l: Language = .en,
                               units: UnitSystem? = nil, provenance: Provenance? = nil) throws -> String {
        let t = r.trajectory
        let co2 = (units ?? .default(for: l)).presented("Mt CO2")
        let layers: [ChartSeries]
        switch grouping {
        case "sector":
            layers = SectorGroup.allCases.map { ChartSeries(label: sectorLabel($0.key, l), years: t.years, values: t.series("co2_sector_\($0.key)").map(co2.value)) }
        case "fuel":
            layers = Fuel.allCases.map { ChartSeries(label: fuelLabel($0.key, l), years: t.years, values: t.series("co2_fuel_\($0.key)").map(co2.value)) }
                + [ChartSeries(label: l == .zh ? "工业过程" : "process", years: t.years, values: t.series("co2_process").map(co2.value))]
        default:
            throw InputError(file: "--by", keyPath: "by", message: "unknown grouping '\(grouping)'", accepted: "sector, fuel",
                             suggestion: didYouMean(grouping, in: ["sector", "fuel"]))
        }
        let title = (l == .zh ? "\(Labels.scenario(r.name, l))：分\(grouping == "sector" ? "部门" : "燃料")CO2排放" : "\(r.name): CO2 by \(grouping)") + regionSuffix(provenance, l)
        return try Charts.stacked(layers, title: title, yLabel: Labels.unit(co2.unit, l), source: source(l, provenance), language: l)
    }

    public static func wedges(_ w: WedgeAnalysis, language l: Language = .en, units: UnitSystem? = nil, provenance: Provenance? = nil) throws -> String {
        // Abatement is of CO2; the wedges of a share, energy or GDP are the change of that series.
        let emissions = w.series.hasPrefix("co2")
        let title = (emissions
            ? (l == .zh ? "减排楔形：\(Labels.scenario(w.baseline, l)) → \(Labels.scenario(w.policy, l))（Shapley分解）" : "Abatement wedges: \(w.baseline) → \(w.policy) (Shapley)")
            : (l == .zh ? "\(Labels.series(w.series, l))变化的楔形分解：\(Labels.scenario(w.baseline, l)) → \(Labels.scenario(w.policy, l))（Shapley分解）"
                        : "\(Labels.series(w.series, l)) wedges: \(w.baseline) → \(w.policy) (Shapley)"))
            + regionSuffix(provenance, l)
        // The attributed series' own unit: wedges of a share or of GDP are not in Mt CO2.
        let shown = (units ?? .default(for: l)).presented(OutputCatalog.shared.unit(of: w.series) ?? "Mt CO2")
        let sampled = w.sampled ? (l == .zh ? "；抽样排列" : "; sampled orders") : ""
        return try Charts.wedges(w, title: title, yLabel: axis(w.series, unit: shown.unit, l), source: source(l, provenance) + sampled, language: l,
                                 scale: shown.factor, emissions: emissions)
    }

    /// " (Shanxi)" or "（山西）" after a chart title, when the region is known.
    static func regionSuffix(_ p: Provenance?, _ l: Language) -> String {
        guard let p else { return "" }
        return l == .zh ? "（\(p.regionName(l))）" : " (\(p.region))"
    }

    /// The series a fan chart draws when none is asked for: net CO2 if the sweep kept it, else the first it kept.
    public static func fanSeries(kept: [String]) -> String? {
        kept.contains("co2_net") ? "co2_net" : kept.first
    }

    public static func fan(_ s: SweepSummary, series: String, scenario: String?, language l: Language = .en,
                           units: UnitSystem? = nil, provenance: Provenance? = nil) throws -> String {
        let summary = try pick(s, scenario)
        guard summary.runs > summary.failed else { throw ChartError(message: l == .zh ? "'\(summary.scenario)' 的每次运行都失败了：没有可画的内容" : "every run of '\(summary.scenario)' failed: nothing to draw") }
        guard let band = summary.bands.first(where: { $0.series == series }) else {
            throw InputError(file: "--series", keyPath: "series", message: "the sweep kept no series '\(series)'",
                             accepted: summary.bands.map(\.series).joined(separator: ", "), suggestion: didYouMean(series, in: summary.bands.map(\.series)))
        }
        // The bands are of the runs that ran: a failed run has no series.
        let ran = summary.runs - summary.failed
        let runs = l == .zh ? (summary.failed > 0 ? "\(ran)次成功运行，另有\(summary.failed)次失败" : "\(ran)次运行")
                            : (summary.failed > 0 ? "\(ran) runs (\(summary.failed) failed)" : "\(ran) runs")
        let title = (l == .zh ? "\(s.name)：\(Labels.series(series, l))的分布（\(Labels.scenario(summary.scenario, l))，\(runs)）"
                              : "\(s.name): \(Labels.series(series, l)), \(summary.scenario), \(runs)")
        let shown = (units ?? .default(for: l)).presented(OutputCatalog.shared.unit(of: series) ?? "")
        return try Charts.fan(band, title: title, yLabel: axis(series, unit: shown.unit, l), source: source(l, provenance), language: l,
                              scale: shown.factor)
    }

    public static func tornado(_ s: SweepSummary, output: String, scenario: String?, language l: Language = .en,
                               provenance: Provenance? = nil) throws -> String {
        let summary = try pick(s, scenario)
        guard summary.runs > summary.failed else { throw ChartError(message: l == .zh ? "'\(summary.scenario)' 的每次运行都失败了：没有可画的内容" : "every run of '\(summary.scenario)' failed: nothing to draw") }
        guard SweepSummary.sensitivityOutputs.contains(output) else {
            throw InputError(file: "--of", keyPath: "of", message: "no sensitivity of '\(output)'",
                             accepted: SweepSummary.sensitivityOutputs.joined(separator: ", "), suggestion: didYouMean(output, in: SweepSummary.sensitivityOutputs))
        }
        guard let sens = summary.sensitivity.first(where: { $0.output == output }) else {
            throw ChartError(message: l == .zh
                ? "该参数扫描没有 '\(output)' 的敏感性：成功运行 \(summary.runs - summary.failed) 次，敏感性需要多次运行且因子有变化"
                : "the sweep gives no sensitivity of '\(output)': \(summary.runs - summary.failed) of its runs ran, and sensitivities need several runs whose factors vary")
        }
        let title = l == .zh ? "\(s.name)：\(Self.output(output, l))的敏感性（\(Labels.scenario(summary.scenario, l))）" : "\(s.name): what drives \(Self.outputEN[output] ?? output) (\(summary.scenario))"
        return try Charts.tornado(sens, title: title, source: source(l, provenance) + tornadoNote(sens, l), language: l, factorLabel: { factor($0, l) })
    }

    /// Estimates beyond [0, 1] are drawn as estimated and said, under the chart, to be sampling error (as the summaries
    /// say); empty when every estimate is within.
    static func tornadoNote(_ sens: SweepSummary.Sensitivity, _ l: Language) -> String {
        let outside = sens.outsideUnitInterval.map { f, order, v in
            l == .zh ? "\(factor(f, l))\(order == "first" ? "一阶" : "总效应") \(NumberFormat.fixed(v, 3))" : "\(factor(f, l)) \(order) \(NumberFormat.fixed(v, 3))"
        }
        guard !outside.isEmpty else { return "" }
        return l == .zh ? "；超出0-1的Sobol估计是抽样误差（\(outside.joined(separator: "；"))），可增大 n"
                        : "; Sobol estimates beyond 0-1 are sampling error (\(outside.joined(separator: "; "))): a larger n narrows them"
    }

    /// The named base scenario of a sweep, or its first.
    public static func pick(_ s: SweepSummary, _ name: String?) throws -> SweepSummary.ScenarioSummary {
        let found = name.map { n in s.scenarios.first { $0.scenario == n } } ?? s.scenarios.first
        guard let summary = found else {
            throw InputError(file: "--scenario", keyPath: "scenario", message: "no scenario '\(name ?? "")' in the sweep",
                             accepted: s.scenarios.map(\.scenario).joined(separator: ", "))
        }
        return summary
    }

    static func sectorLabel(_ key: String, _ l: Language) -> String {
        guard l == .zh else { return key.replacingOccurrences(of: "_", with: " ") }
        return Labels.sector(key, l)
    }

    static func fuelLabel(_ key: String, _ l: Language) -> String {
        guard l == .zh else { return key }
        return ["coal": "煤", "coke": "焦炭及焦炉煤气", "oil": "油品", "gas": "天然气"][key] ?? key
    }
}
