import Analysis
import Foundation
import Scenarios
import Simulator

/// Text, Markdown, CSV and JSON renderings of a history calibration.
public enum CalibrationRenderer {
    public static func render(_ c: HistoryCalibration, baseYear: Int, format: OutputFormat) -> String {
        switch format {
        case .table: return table(c, baseYear: baseYear)
        case .markdown: return markdown(c, baseYear: baseYear)
        case .csv: return csv(c, baseYear: baseYear)
        case .json: return json(c, baseYear: baseYear)
        }
    }

    static func columns(_ f: HistoryCalibration.SeriesFit, baseYear: Int) -> [String] {
        let t = f.fit.trend, se = f.fit.standardErrors
        func pm(_ v: Double, _ s: Double, _ d: Int) -> String { NumberFormat.fixed(v, d) + " ± " + NumberFormat.fixed(s, d) }
        let share = f.fit.saturationAtBound ? "0 (bound)" : pm(t.saturationShare, se[2], 3)
        let saturation = t.saturation.isFinite ? NumberFormat.fixed(t.saturation, 0) : "none"
        return [f.series.name, pm(t.level, se[0], 1), pm(t.rate, se[1], 3), share, saturation,
                NumberFormat.fixed(f.fit.rSquared, 3), NumberFormat.fixed(f.fit.rmse, 2),
                NumberFormat.fixed(100 * t.growthRate(at: Double(baseYear)), 1)]
    }

    static func header(_ c: HistoryCalibration, _ baseYear: Int) -> [String] {
        ["series", "level \(c.years.upperBound) L (Mt)", "rate k (1/yr)", "saturation share φ", "K = L/φ (Mt)", "R²", "RMSE (Mt)",
         "growth \(baseYear) (%/yr)"]
    }

    public static func table(_ c: HistoryCalibration, baseYear: Int) -> String {
        let rows = [header(c, baseYear)] + c.fits.map { columns($0, baseYear: baseYear) }
        let widths = (0..<rows[0].count).map { j in rows.map { $0[j].count }.max()! }
        var out = "Trends fitted to CEADs \(c.province) \(c.years.lowerBound)-\(c.years.upperBound): "
            + "E(t) = L / (φ + (1 - φ) exp(-k (t - \(c.years.upperBound)))),\n"
            + "nonlinear least squares (gsl_multifit_nlinear, trust region); ± one standard error.\n\n"
        for (i, r) in rows.enumerated() {
            out += r.enumerated().map { j, s in j == 0 ? s.padding(toLength: widths[j], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[j] - s.count) + s }.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    public static func markdown(_ c: HistoryCalibration, baseYear: Int) -> String {
        var out = "# Trends fitted to CEADs \(c.province) \(c.years.lowerBound)-\(c.years.upperBound)\n\n"
        out += "| " + header(c, baseYear).joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: 6) + "\n"
        for f in c.fits { out += "| " + columns(f, baseYear: baseYear).joined(separator: " | ") + " |\n" }
        return out
    }

    public static func csv(_ c: HistoryCalibration, baseYear: Int) -> String {
        var out = "province,series,groups,from,to,reference,level,level_se,rate,rate_se,saturation_share,saturation_share_se,share_at_bound,r_squared,rmse,growth_\(baseYear)\n"
        for f in c.fits {
            let t = f.fit.trend, se = f.fit.standardErrors
            out += ([c.province, f.series.name, f.series.groups.map(\.key).joined(separator: "+"),
                     "\(c.years.lowerBound)", "\(c.years.upperBound)", "\(Int(t.reference))"]
                    + [t.level, se[0], t.rate, se[1], t.saturationShare, se[2]].map(NumberFormat.exact)
                    + ["\(f.fit.saturationAtBound)"]
                    + [f.fit.rSquared, f.fit.rmse, t.growthRate(at: Double(baseYear))].map(NumberFormat.exact)).joined(separator: ",") + "\n"
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
