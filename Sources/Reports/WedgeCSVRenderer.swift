import Analysis
import Simulator

/// The wedges of `plot wedges` as numbers for a report table (the chart alone gives them only as drawing
/// coordinates): one row a year with the baseline, the policy, each lever family's wedge and their sum, policy minus
/// baseline, in the chart's units. English headers are the scripts' names with the unit in brackets; Chinese ones
/// the labels the chart uses, with the statistics' unit.
public enum WedgeCSVRenderer {
    public static func render(_ w: WedgeAnalysis, language l: Language, units: UnitSystem? = nil, bom: Bool = false) -> String {
        let shown = (units ?? .default(for: l)).presented(OutputCatalog.shared.unit(of: w.series) ?? "Mt CO2")
        let unit = Labels.unit(shown.unit, l)
        func column(_ name: String) -> String {
            unit.isEmpty ? name : (l == .zh ? "\(name)（\(unit)）" : "\(name) [\(shown.unit)]")
        }
        let header = [l == .zh ? "年份" : "year",
                      column(l == .zh ? "基准：\(Labels.scenario(w.baseline, l))" : "baseline: \(w.baseline)"),
                      column(l == .zh ? "政策：\(Labels.scenario(w.policy, l))" : "policy: \(w.policy)")]
            + w.groups.map { column(l == .zh ? "楔形：\(Labels.family($0, l))" : "wedge: \($0)") }
            + [column(l == .zh ? "政策减基准" : "policy minus baseline")]
        var lines = [CSVRenderer.csv(header)]
        for (i, year) in w.years.enumerated() {
            let wedges = w.wedges.map { shown.value($0[i]) }
            let row = [String(year), NumberFormat.exact(shown.value(w.baselineValues[i])), NumberFormat.exact(shown.value(w.policyValues[i]))]
                + wedges.map(NumberFormat.exact)
                + [NumberFormat.exact(shown.value(w.policyValues[i] - w.baselineValues[i]))]
            lines.append(row.joined(separator: ","))
        }
        return (bom ? CSVRenderer.bom : "") + lines.joined(separator: "\n") + "\n"
    }
}
