import Scenarios
import Simulator

/// CSV renderings: the plan-period report in long form, and annual series in wide form.
public enum CSVRenderer {
    public static let reportHeader = "scenario,section,indicator,unit,period,year,value,change_pct,required,achieved,result"

    public static func report(_ reports: [PlanPeriodReport], language: Language) -> String {
        var lines = [reportHeader]
        for r in reports {
            for row in r.rows {
                let label = Labels.series(row.series, language), unit = Labels.unit(row.unit, language)
                lines.append(csv([r.scenario, "period", label, unit, "base", String(r.startYear), NumberFormat.exact(row.start), "", "", "", ""]))
                for (p, (end, change)) in zip(r.periods, zip(row.ends, row.changes)) {
                    lines.append(csv([r.scenario, "period", label, unit, p.ordinal, String(p.endYear), NumberFormat.exact(end),
                                      NumberFormat.exact(change), "", "", ""]))
                }
            }
            for c in r.targets {
                lines.append(csv([r.scenario, "target", Labels.target(c.kind.rawValue, language), "", c.period.ordinal, String(c.year),
                                  "", "", NumberFormat.exact(c.required), c.achieved.map(NumberFormat.exact) ?? "",
                                  c.passed ? "pass" : "fail"]))
            }
            let i = r.indicators
            let headline: [(String, Double?, Int?)] = [
                ("peak_value", i.peak.value, i.peakYear), ("peak_year", i.peakYear.map(Double.init), i.peakYear),
                ("plateau_start", i.plateau.start, nil), ("plateau_end", i.plateau.end, nil),
                ("cumulative_co2", i.cumulativeNetCO2, i.cumulativeTo),
                ("neutrality_year", i.neutralityYear.map(Double.init), i.neutralityYear),
            ]
            for (name, value, year) in headline {
                lines.append(csv([r.scenario, "headline", name, "", "", year.map(String.init) ?? "", value.map(NumberFormat.exact) ?? "",
                                  "", "", "", ""]))
            }
            // Which years follow observations: the first and last, the note in the indicator column.
            if let h = r.history {
                lines.append(csv([r.scenario, "observed_years", h.summary, "", "first", String(h.observedYears.lowerBound), "", "", "", "", ""]))
                lines.append(csv([r.scenario, "observed_years", h.summary, "", "last", String(h.lastObservedYear), "", "", "", "", ""]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per year, one column per series.
    /// With `observed` (history mode's observed years), a last column `observed`: 1 in those years, else 0.
    public static func annual(_ t: Trajectory, observed: ClosedRange<Int>? = nil) -> String {
        var lines = [(["year"] + t.names + (observed == nil ? [] : ["observed"])).joined(separator: ",")]
        let n = t.names.count
        for (i, year) in t.years.enumerated() {
            let flag = observed.map { [$0.contains(year) ? "1" : "0"] } ?? []
            lines.append(([String(year)] + (0..<n).map { NumberFormat.exact(t.values[i * n + $0]) } + flag).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}

#if canImport(Foundation)
import Foundation
#endif
