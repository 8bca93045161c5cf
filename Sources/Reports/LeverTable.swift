import Simulator

/// The lever registry as a Markdown table: `carbonsim levers --markdown`, and the table in docs/model.md
/// (a test keeps the two the same).
public enum LeverTable {
    public static func markdown(_ p: ModelParameters) -> String {
        var out = "| lever | unit | range | baseline | 中文 | family | build-out | enters the model |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for l in LeverRegistry.all {
            let range = "\(number(l.range.lowerBound))-\(number(l.range.upperBound))"
            out += "| `\(l.path)` | \(l.unit.rawValue) | \(range) | \(l.baselineDescription(p)) | \(l.labelZH) | \(l.family) | "
                + "\(l.isBuildOut ? "yes" : "") | \(l.entersModel) |\n"
        }
        return out
    }

    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
}
