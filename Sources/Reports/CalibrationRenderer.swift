import Analysis
import Foundation
import Scenarios
import Simulator

/// Text, Markdown, CSV and JSON renderings of a history calibration.
public enum CalibrationRenderer {
    /// `language` translates the table and Markdown headings and the CSV header (which then starts with the
    /// UTF-8 BOM, or with `bom`); JSON keeps its keys. `units` converts the levels (L, K, RMSE and their errors)
    /// in the table, Markdown and CSV; JSON stays in the model's Mt CO2.
    /// `provinceZH` names the province in Chinese headings (the CEADs name otherwise).
    public static func render(_ c: HistoryCalibration, baseYear: Int, format: OutputFormat, language: Language = .en, bom: Bool = false,
                              units: UnitSystem = .model, provinceZH: String? = nil) -> String {
        switch format {
        case .table: return table(c, baseYear: baseYear, language: language, units: units, provinceZH: provinceZH)
        case .markdown: return markdown(c, baseYear: baseYear, language: language, units: units, provinceZH: provinceZH)
        case .csv: return (bom || language == .zh ? CSVRenderer.bom : "") + csv(c, baseYear: baseYear, language: language, units: units, provinceZH: provinceZH)
        case .json: return json(c, baseYear: baseYear)
        }
    }

    /// The unit the levels are shown in, and the digits a table gives them (万吨 are whole numbers).
    static func levelUnit(_ units: UnitSystem, _ l: Language) -> (shown: UnitSystem.Presented, label: String, digits: Int) {
        let shown = units.presented("Mt CO2")
        return (shown, Labels.unit(shown.unit, l), units == .cn ? 0 : 1)
    }

    /// A fitted series by name: its sector groups in Chinese under zh (ferrous_nonmetal: 黑色金属+非金属矿物).
    public static func seriesName(_ f: HistoryCalibration.SeriesFit, _ l: Language) -> String {
        l == .zh ? f.series.groups.map { Labels.sector($0.key, .zh) }.joined(separator: "+") : f.series.name
    }

    static func columns(_ f: HistoryCalibration.SeriesFit, baseYear: Int, language l: Language = .en, units: UnitSystem = .model) -> [String] {
        let t = f.fit.trend, se = f.fit.standardErrors, (shown, _, digits) = levelUnit(units, l)
        func pm(_ v: Double, _ s: Double, _ d: Int) -> String { NumberFormat.fixed(v, d) + " ± " + NumberFormat.fixed(s, d) }
        let share = f.fit.saturationAtBound ? (l == .zh ? "0（边界）" : "0 (bound)") : pm(t.saturationShare, se[2], 3)
        let saturation = t.saturation.isFinite ? NumberFormat.fixed(shown.value(t.saturation), 0) : (l == .zh ? "无" : "none")
        return [seriesName(f, l), pm(shown.value(t.level), shown.value(se[0]), digits), pm(t.rate, se[1], 3), share, saturation,
                NumberFormat.fixed(f.fit.rSquared, 3), NumberFormat.fixed(shown.value(f.fit.rmse), digits + 1),
                NumberFormat.fixed(100 * t.growthRate(at: Double(baseYear)), 1)]
    }

    static func header(_ c: HistoryCalibration, _ baseYear: Int, _ l: Language = .en, units: UnitSystem = .model) -> [String] {
        let u = levelUnit(units, l).label
        if l == .zh {
            return ["序列", "\(c.years.upperBound)年水平 L（\(u)/年）", "速率 k（1/年）", "饱和比例 φ", "K = L/φ（\(u)/年）", "R²", "RMSE（\(u)）",
                    "\(baseYear)年增速（%/年）"]
        }
        return ["series", "level \(c.years.upperBound) L (\(u)/yr)", "rate k (1/yr)", "saturation share φ", "K = L/φ (\(u)/yr)", "R²", "RMSE (\(u))",
         "growth \(baseYear) (%/yr)"]
    }

    public static func table(_ c: HistoryCalibration, baseYear: Int, language l: Language = .en, units: UnitSystem = .model,
                             provinceZH: String? = nil) -> String {
        let province = l == .zh ? provinceZH ?? c.province : c.province
        let rows = [header(c, baseYear, l, units: units)] + c.fits.map { columns($0, baseYear: baseYear, language: l, units: units) }
        let widths = (0..<rows[0].count).map { j in rows.map { displayWidth($0[j]) }.max()! }
        var out = l == .zh
            ? "CEADs \(province) \(c.years.lowerBound)-\(c.years.upperBound)年历史排放的趋势拟合："
                + "E(t) = L / (φ + (1 - φ) exp(-k (t - \(c.years.upperBound))))，\n"
                + "非线性最小二乘（gsl_multifit_nlinear，信赖域法）；± 一个标准误。\n\n"
            : "Trends fitted to CEADs \(c.province) \(c.years.lowerBound)-\(c.years.upperBound): "
                + "E(t) = L / (φ + (1 - φ) exp(-k (t - \(c.years.upperBound)))),\n"
                + "nonlinear least squares (gsl_multifit_nlinear, trust region); ± one standard error.\n\n"
        for (i, r) in rows.enumerated() {
            out += r.enumerated().map { j, s in
                let fill = String(repeating: " ", count: widths[j] - displayWidth(s))
                return j == 0 ? s + fill : fill + s
            }.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    public static func markdown(_ c: HistoryCalibration, baseYear: Int, language l: Language = .en, units: UnitSystem = .model,
                                provinceZH: String? = nil) -> String {
        var out = l == .zh ? "# CEADs \(provinceZH ?? c.province) \(c.years.lowerBound)-\(c.years.upperBound)年历史排放的趋势拟合\n\n"
            : "# Trends fitted to CEADs \(c.province) \(c.years.lowerBound)-\(c.years.upperBound)\n\n"
        out += "| " + header(c, baseYear, l, units: units).joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: 7) + "\n"
        for f in c.fits { out += "| " + columns(f, baseYear: baseYear, language: l, units: units).joined(separator: " | ") + " |\n" }
        return out
    }

    public static func csv(_ c: HistoryCalibration, baseYear: Int, language l: Language = .en, units: UnitSystem = .model,
                           provinceZH: String? = nil) -> String {
        let (shown, u, _) = levelUnit(units, l)
        // The English header keeps its column names; a unit other than the model's is said in the level's and RMSE's.
        let suffix = units == .model ? "" : "_" + shown.unit.replacingOccurrences(of: " ", with: "_")
        var out = l == .zh
            ? "省份,序列,部门组,起始年,终止年,参照年,水平（\(u)/年）,水平标准误,速率（1/年）,速率标准误,饱和比例,饱和比例标准误,饱和比例在边界,R²,RMSE（\(u)）,\(baseYear)年增速\n"
            : "province,series,groups,from,to,reference,level\(suffix),level_se,rate,rate_se,saturation_share,saturation_share_se,share_at_bound,r_squared,rmse\(suffix),growth_\(baseYear)\n"
        for f in c.fits {
            let t = f.fit.trend, se = f.fit.standardErrors
            out += ([l == .zh ? provinceZH ?? c.province : c.province, seriesName(f, l), f.series.groups.map(\.key).joined(separator: "+"),
                     "\(c.years.lowerBound)", "\(c.years.upperBound)", "\(Int(t.reference))"]
                    + [shown.value(t.level), shown.value(se[0]), t.rate, se[1], t.saturationShare, se[2]].map(NumberFormat.exact)
                    + ["\(f.fit.saturationAtBound)"]
                    + [f.fit.rSquared, shown.value(f.fit.rmse), t.growthRate(at: Double(baseYear))].map(NumberFormat.exact)).joined(separator: ",") + "\n"
        }
        return out
    }

    public static func json(_ c: HistoryCalibration, baseYear: Int) -> String {
        func num(_ v: Double) -> String { v.isFinite ? NumberFormat.exact(v) : "null" }
        let series = c.fits.map { f -> String in
            let t = f.fit.trend, se = f.fit.standardErrors
            let history = zip(f.fit.years, f.fit.observed).map { "{\"year\": \(Int($0)), \"observed\": \(num($1)), \"fitted\": \(num(t.value(at: $0)))}" }
            return """
                {"series": "\(f.series.name)", "groups": [\(f.series.groups.map { "\"\($0.key)\"" }.joined(separator: ", "))],
                 "reference_year": \(Int(t.reference)),
                 "level": {"estimate": \(num(t.level)), "se": \(num(se[0])), "unit": "Mt CO2/yr"},
                 "rate": {"estimate": \(num(t.rate)), "se": \(num(se[1])), "unit": "1/yr"},
                 "saturation_share": {"estimate": \(num(t.saturationShare)), "se": \(num(se[2])), "at_bound": \(f.fit.saturationAtBound)},
                 "saturation": \(num(t.saturation)), "growth_\(baseYear)": \(num(t.growthRate(at: Double(baseYear)))),
                 "r_squared": \(num(f.fit.rSquared)), "rmse": \(num(f.fit.rmse)), "iterations": \(f.fit.iterations),
                 "history": [\(history.joined(separator: ", "))]}
            """
        }
        return "{\"province\": \"\(c.province)\", \"from\": \(c.years.lowerBound), \"to\": \(c.years.upperBound), "
            + "\"model\": \"E(t) = L / (phi + (1 - phi) exp(-k (t - reference)))\",\n \"series\": [\n" + series.joined(separator: ",\n") + "\n]}\n"
    }
}
