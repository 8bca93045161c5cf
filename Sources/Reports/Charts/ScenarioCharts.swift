import Analysis
import Scenarios
import Simulator
import Sweeps

/// Charts of scenario results and sweeps, with labels, units and source lines filled in.
public enum ScenarioCharts {
    public static let source = "Source: carbonsim; base year CEADs 2019 (Shan et al. 2016, 2018, 2020; Guan et al. 2021); Inner Mongolia dataset"
    static let sourceZH = "来源：carbonsim；基年CEADs 2019（Shan等2016、2018、2020；Guan等2021）；内蒙古数据集"

    static func source(_ l: Language) -> String { l == .zh ? sourceZH : source }

    static func axis(_ series: String, unit: String, _ l: Language) -> String {
        "\(Labels.series(series, l)) (\(Labels.unit(unit, l)))"
    }

    /// One series for several scenarios, with peaks (for CO2) and the scenarios' targets marked.
    public static func trajectories(_ results: [ScenarioResult], series: String, language l: Language = .en) throws -> String {
        guard let first = results.first else { throw ChartError(message: "nothing to draw: no scenario") }
        guard first.trajectory.has(series) else {
            throw ChartError(message: "no series '\(series)'" + (didYouMean(series, in: first.trajectory.names).map { "; did you mean '\($0)'?" } ?? ""))
        }
        let co2 = series == "co2_gross"
        let lines = results.map { r in
            ChartSeries(label: r.name, years: r.trajectory.years, values: r.trajectory.series(series),
                        peak: co2 && !r.indicators.peak.stillRising ? (r.indicators.peak.time, r.indicators.peak.value) : nil)
        }
        var markers: [ChartMarker] = []
        for r in results {
            for c in r.indicators.targetChecks {
                switch c.kind {
                case .peakYear where co2: markers.append(ChartMarker(label: "\(Labels.target(c.kind.rawValue, l)) \(c.year)", year: Double(c.year) + 0.5, value: nil))
                case .peakCeiling where co2: markers.append(ChartMarker(label: "\(Labels.target(c.kind.rawValue, l)) \(NumberFormat.value(c.required))", year: Double(c.year) + 0.5, value: c.required))
                case .nonFossilShare where series == "non_fossil_share",
                     .energyCap where series == "energy_dual_control":
                    markers.append(ChartMarker(label: "\(r.name) \(c.year)", year: Double(c.year), value: c.required))
                default: break
                }
            }
        }
        // The same target in several scenarios is marked once.
        var seen = Set<String>()
        markers = markers.filter { seen.insert("\($0.label)|\($0.year)|\($0.value ?? .nan)").inserted }
        let unit = first.trajectory.unit(series) ?? ""
        let title = (l == .zh ? "情景比较：" : "Scenarios: ") + Labels.series(series, l)
        return try Charts.trajectories(lines, title: title, yLabel: axis(series, unit: unit, l), source: source(l), markers: markers, language: l)
    }

    /// Gross emissions stacked by CEADs sector group, or by fuel group (with process CO2).
    public static func stacked(_ r: ScenarioResult, by grouping: String, language l: Language = .en) throws -> String {
        let t = r.trajectory
        let layers: [ChartSeries]
        switch grouping {
        case "sector":
            layers = SectorGroup.allCases.map { ChartSeries(label: sectorLabel($0.key, l), years: t.years, values: t.series("co2_sector_\($0.key)")) }
        case "fuel":
            layers = Fuel.allCases.map { ChartSeries(label: fuelLabel($0.key, l), years: t.years, values: t.series("co2_fuel_\($0.key)")) }
                + [ChartSeries(label: l == .zh ? "工业过程" : "process", years: t.years, values: t.series("co2_process"))]
        default:
            throw ChartError(message: "unknown grouping '\(grouping)'; accepted: sector, fuel")
        }
        let title = (l == .zh ? "\(r.name)：分\(grouping == "sector" ? "部门" : "燃料")CO2排放" : "\(r.name): CO2 by \(grouping)")
        return try Charts.stacked(layers, title: title, yLabel: l == .zh ? "百万吨CO2" : "Mt CO2", source: source(l), language: l)
    }

    public static func wedges(_ w: WedgeAnalysis, language l: Language = .en) throws -> String {
        let title = l == .zh ? "减排楔形：\(w.baseline) → \(w.policy)（Shapley分解）" : "Abatement wedges: \(w.baseline) → \(w.policy) (Shapley)"
        let unit = "Mt CO2"
        return try Charts.wedges(w, title: title, yLabel: axis(w.series, unit: unit, l), source: source(l) + (w.sampled ? "; sampled orders" : ""), language: l)
    }

    public static func fan(_ s: SweepSummary, series: String, scenario: String?, language l: Language = .en) throws -> String {
        let summary = try pick(s, scenario)
        guard summary.runs > summary.failed else { throw ChartError(message: "every run of '\(summary.scenario)' failed: nothing to draw") }
        guard let band = summary.bands.first(where: { $0.series == series }) else {
            throw ChartError(message: "the sweep kept no series '\(series)'; it kept \(summary.bands.map(\.series).joined(separator: ", "))")
        }
        let title = (l == .zh ? "\(s.name)：\(Labels.series(series, l))的分布（\(summary.scenario)，\(summary.runs)次运行）"
                              : "\(s.name): \(Labels.series(series, l)), \(summary.scenario), \(summary.runs) runs")
        return try Charts.fan(band, title: title, yLabel: axis(series, unit: OutputCatalog.shared.unit(of: series) ?? "", l),
                              source: source(l), language: l)
    }

    public static func tornado(_ s: SweepSummary, output: String, scenario: String?, language l: Language = .en) throws -> String {
        let summary = try pick(s, scenario)
        guard summary.runs > summary.failed else { throw ChartError(message: "every run of '\(summary.scenario)' failed: nothing to draw") }
        guard let sens = summary.sensitivity.first(where: { $0.output == output }) else {
            throw ChartError(message: "no sensitivity of '\(output)'; accepted: \(SweepSummary.sensitivityOutputs.joined(separator: ", "))")
        }
        let title = l == .zh ? "\(s.name)：\(output)的敏感性（\(summary.scenario)）" : "\(s.name): what drives \(output) (\(summary.scenario))"
        return try Charts.tornado(sens, title: title, source: source(l), language: l)
    }

    /// The named base scenario of a sweep, or its first.
    static func pick(_ s: SweepSummary, _ name: String?) throws -> SweepSummary.ScenarioSummary {
        let found = name.map { n in s.scenarios.first { $0.scenario == n } } ?? s.scenarios.first
        guard let summary = found else {
            throw ChartError(message: "no scenario '\(name ?? "")' in the sweep; it has \(s.scenarios.map(\.scenario).joined(separator: ", "))")
        }
        return summary
    }

    static func sectorLabel(_ key: String, _ l: Language) -> String {
        guard l == .zh else { return key.replacingOccurrences(of: "_", with: " ") }
        return ["power": "电力热力", "ferrous": "黑色金属", "nonferrous": "有色金属", "nonmetal": "非金属矿物", "petro_coking": "石油焦化",
                "chemicals": "化工", "transport": "交通", "other": "其他"][key] ?? key
    }

    static func fuelLabel(_ key: String, _ l: Language) -> String {
        guard l == .zh else { return key }
        return ["coal": "煤", "coke": "焦炭及焦炉煤气", "oil": "油品", "gas": "天然气"][key] ?? key
    }
}
