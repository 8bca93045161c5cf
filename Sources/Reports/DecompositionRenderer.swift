import Foundation
import Simulator

/// Text, Markdown, CSV and JSON renderings of an LMDI decomposition: additive effects by sector (Mt CO2)
/// with their totals, and the multiplicative effects.
public enum DecompositionRenderer {
    /// `labels` name the two ends ("2020", "baseline 2030"); `start` and `end` are their gross CO2.
    public static func render(_ r: LMDI.Result, sectors: [String], carriers: [String], labels: (String, String),
                              start: Double, end: Double, format: OutputFormat, language: Language = .en,
                              units: UnitSystem? = nil, bom: Bool = false, provenance: Provenance? = nil) -> String {
        let effects = LMDI.Effect.allCases
        switch format {
        case .json:
            var object: [String: Any] = [
                "from": labels.0, "to": labels.1, "start": start, "end": end, "change": r.change, "ratio": r.ratio,
                "carriers": carriers,
                "additive": Dictionary(uniqueKeysWithValues: effects.map { e in
                    (e.rawValue, Dictionary(uniqueKeysWithValues: zip(sectors, r.additive[e]!).map { ($0, $1) }))
                }),
                "multiplicative": Dictionary(uniqueKeysWithValues: effects.map { ($0.rawValue, r.multiplicative[$0]!) }),
            ]
            if let provenance {
                object["region"] = provenance.region
                object["region_zh"] = provenance.regionZH
                object["dataset"] = provenance.dataset
            }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            // In the units of the table (万吨CO2 by default under zh, as `run`'s CSV), at full precision; under zh the
            // header is Chinese and the file starts with the BOM. In English the last column is `total` in Mt CO2, as
            // scripts read it, and names its unit when --units asks for another. JSON stays in the model's Mt CO2.
            let zh = language == .zh
            let co2 = (units ?? .default(for: language)).presented("Mt CO2"), unit = Labels.unit(co2.unit, language)
            func exact(_ v: Double) -> String { NumberFormat.exact(co2.value(v)) }
            var lines = [zh ? (["部门"] + effects.map { Labels.effect($0, .zh) } + ["合计（\(unit)）"]).joined(separator: ",")
                            : "sector," + effects.map(\.rawValue).joined(separator: ",") + (co2.factor == 1 ? ",total" : ",total (\(unit))")]
            for (i, s) in sectors.enumerated() {
                let v = effects.map { r.additive[$0]![i] }
                lines.append("\(zh ? Labels.sector(s, .zh) : s)," + v.map(exact).joined(separator: ",") + ",\(exact(v.reduce(0, +)))")
            }
            lines.append((zh ? "合计," : "total,") + effects.map { exact(r.total($0)) }.joined(separator: ",") + ",\(exact(r.change))")
            lines.append((zh ? "乘法分解," : "multiplicative,") + effects.map { NumberFormat.exact(r.multiplicative[$0]!) }.joined(separator: ",")
                         + ",\(NumberFormat.exact(r.ratio))")
            return (bom || zh ? CSVRenderer.bom : "") + lines.joined(separator: "\n") + "\n"
        case .table, .markdown:
            let zh = language == .zh
            let header = [zh ? "部门" : "sector"] + effects.map { Labels.effect($0, language) } + [zh ? "合计" : "total"]
            let co2 = (units ?? .default(for: language)).presented("Mt CO2"), unit = Labels.unit(co2.unit, language)
            // One precision for the whole table (a column of 26118 beside -4.73 reads as two tables): 万吨 to one
            // decimal, Mt to two; an effect that is exactly nothing is 0.
            let digits = co2.factor >= 100 ? 1 : 2
            // An effect that is nothing up to rounding (an emission factor that does not change: 1e-11 Mt) is 0 too.
            let negligible = 1e-9 * max(abs(start), abs(end))
            func shown(_ v: Double) -> String { abs(v) <= negligible ? "0" : NumberFormat.fixed(co2.value(v), digits) }
            var rows: [[String]] = sectors.enumerated().map { i, s in
                let v = effects.map { r.additive[$0]![i] }
                return [Labels.sector(s, language)] + v.map(shown) + [shown(v.reduce(0, +))]
            }
            rows.append([zh ? "合计" : "total"] + effects.map { shown(r.total($0)) } + [shown(r.change)])
            rows.append([zh ? "比值" : "ratio"] + effects.map { NumberFormat.fixed(r.multiplicative[$0]!, 4) } + [NumberFormat.fixed(r.ratio, 4)])
            let title = zh
                ? "CO2排放总量变化的LMDI分解，\(labels.0) → \(labels.1)：\(shown(start)) → \(shown(end)) \(unit)"
                    + "（加法分解，单位\(unit)；末行为乘法分解）\n\n"
                : "LMDI decomposition of gross CO2, \(labels.0) → \(labels.1): \(shown(start)) → \(shown(end)) \(unit) "
                    + "(additive effects in \(unit); last row multiplicative)\n\n"
            let renderer = TextRenderer(language: language, markdown: format == .markdown)
            let region = provenance.map { $0.line(language) + "\n\n" } ?? ""
            return title + region + renderer.table(header: header, rows: rows, rightAligned: { $0 > 0 })
        }
    }
}
