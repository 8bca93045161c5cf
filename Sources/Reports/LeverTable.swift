import Simulator

/// The lever registry as a Markdown table: `carbonsim levers --markdown`, and the table in docs/model.md
/// (a test keeps the two the same).
public enum LeverTable {
    /// In Chinese (`--lang zh`) the headers, units, baselines and families are Chinese and the description
    /// replaces the label; the equations stay as docs/model.md writes them.
    public static func markdown(_ p: ModelParameters, language: Language = .en) -> String {
        let zh = language == .zh
        let header = zh ? ["措施路径", "单位", "范围", "基线", "名称", "说明", "类别", "装机类", "进入模型的方式"]
                        : ["lever", "unit", "range", "baseline", "中文", "family", "build-out", "enters the model"]
        var out = row(header) + "|" + String(repeating: "---|", count: header.count) + "\n"
        for l in LeverRegistry.all {
            let range = "\(number(l.range.lowerBound))-\(number(l.range.upperBound))"
            out += row(zh ? ["`\(l.path)`", l.unit.chinese, range, l.baselineDescription(p, chinese: true), l.labelZH, l.descriptionZH,
                             Labels.family(l.family, .zh), l.isBuildOut ? "是" : "", l.entersModel]
                          : ["`\(l.path)`", l.unit.rawValue, range, l.baselineDescription(p), l.labelZH, l.family,
                             l.isBuildOut ? "yes" : "", l.entersModel])
        }
        return out
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
}
