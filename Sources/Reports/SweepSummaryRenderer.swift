import Foundation
import Sweeps
import Simulator

/// Markdown, CSV and JSON renderings of a sweep summary.
public enum SweepSummaryRenderer {
    static let percentileNames = ["P5", "P25", "P50", "P75", "P95"]

    public static func markdown(_ s: SweepSummary, every step: Int = 5) -> String {
        var out = "# Sweep: \(s.name) (\(s.design))\n"
        for sc in s.scenarios {
            out += "\n## Scenario: \(sc.scenario) — \(sc.runs) runs, \(sc.failed) failed\n"
            for band in sc.bands {
                out += "\n### \(band.series): percentiles by year\n\n| year | " + percentileNames.joined(separator: " | ") + " |\n|---:|" + String(repeating: "---:|", count: 5) + "\n"
                for (i, y) in band.years.enumerated() where (y - band.years[0]) % step == 0 || i == band.years.count - 1 {
                    out += "| \(y) | " + band.values.map { NumberFormat.value($0[i]) }.joined(separator: " | ") + " |\n"
                }
            }
            if !sc.targets.isEmpty {
                out += "\n### Probability of meeting each target (95% Wilson interval)\n\n| target | year | required | probability | interval | runs |\n|---|---:|---:|---:|---|---:|\n"
                for t in sc.targets {
                    let p = t.probability
                    out += "| \(t.target) | \(t.year) | \(NumberFormat.value(t.required)) | \(NumberFormat.fixed(100 * p.estimate, 1))% | \(NumberFormat.fixed(100 * p.lower, 1))–\(NumberFormat.fixed(100 * p.upper, 1))% | \(p.trials) |\n"
                }
            }
            for sens in sc.sensitivity {
                if sens.method == .sobol {
                    out += "\n### Sobol indices of \(sens.output) (95% bootstrap interval)\n\n| factor | first order | total order |\n|---|---|---|\n"
                    for (i, f) in sens.factors.enumerated() {
                        out += "| \(f) | \(interval(sens.first[i])) | \(interval(sens.total[i])) |\n"
                    }
                } else {
                    out += "\n### Standardized regression coefficients of \(sens.output) (R² = \(NumberFormat.fixed(sens.rSquared ?? .nan, 3)))\n\n| factor | SRC |\n|---|---:|\n"
                    for (i, f) in sens.factors.enumerated() { out += "| \(f) | \(NumberFormat.fixed(sens.first[i].estimate, 3)) |\n" }
                }
            }
        }
        return out
    }

    static func interval(_ i: SobolIndices.Index) -> String {
        "\(NumberFormat.fixed(i.estimate, 3)) [\(NumberFormat.fixed(i.lower, 3)), \(NumberFormat.fixed(i.upper, 3))]"
    }

    public static func csv(_ s: SweepSummary) -> String {
        var lines = ["scenario,section,name,factor,year,statistic,value,lower,upper"]
        for sc in s.scenarios {
            for band in sc.bands {
                for (i, y) in band.years.enumerated() {
                    for (k, p) in percentileNames.enumerated() {
                        lines.append("\(sc.scenario),band,\(band.series),,\(y),\(p),\(NumberFormat.exact(band.values[k][i])),,")
                    }
                }
            }
            for t in sc.targets {
                let p = t.probability
                lines.append("\(sc.scenario),target,\(t.target),,\(t.year),probability,\(p.estimate),\(p.lower),\(p.upper)")
            }
            for sens in sc.sensitivity {
                for (i, f) in sens.factors.enumerated() {
                    let field = CSVRenderer.csv([f])
                    if sens.method == .sobol {
                        lines.append("\(sc.scenario),sobol,\(sens.output),\(field),,first,\(sens.first[i].estimate),\(sens.first[i].lower),\(sens.first[i].upper)")
                        lines.append("\(sc.scenario),sobol,\(sens.output),\(field),,total,\(sens.total[i].estimate),\(sens.total[i].lower),\(sens.total[i].upper)")
                    } else {
                        lines.append("\(sc.scenario),src,\(sens.output),\(field),,src,\(sens.first[i].estimate),,")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ s: SweepSummary) throws -> String {
        func n(_ v: Double?) -> Any { v.flatMap { $0.isFinite ? $0 : nil } ?? NSNull() }
        let scenarios: [[String: Any]] = s.scenarios.map { sc in
            [
                "scenario": sc.scenario, "runs": sc.runs, "failed": sc.failed,
                "bands": sc.bands.map { b in
                    ["series": b.series, "years": b.years,
                     "percentiles": Dictionary(uniqueKeysWithValues: percentileNames.enumerated().map { ($1, b.values[$0].map { n($0) }) })] as [String: Any]
                },
                "targets": sc.targets.map { t in
                    ["target": t.target, "year": t.year, "required": t.required, "probability": n(t.probability.estimate),
                     "lower": n(t.probability.lower), "upper": n(t.probability.upper), "runs": t.probability.trials] as [String: Any]
                },
                "sensitivity": sc.sensitivity.map { sens in
                    ["method": sens.method.rawValue, "output": sens.output, "r_squared": n(sens.rSquared),
                     "factors": sens.factors.enumerated().map { i, f in
                         var e: [String: Any] = ["factor": f, "first": n(sens.first[i].estimate)]
                         if sens.method == .sobol {
                             e["first_interval"] = [n(sens.first[i].lower), n(sens.first[i].upper)]
                             e["total"] = n(sens.total[i].estimate)
                             e["total_interval"] = [n(sens.total[i].lower), n(sens.total[i].upper)]
                         }
                         return e
                     }] as [String: Any]
                },
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: ["name": s.name, "design": s.design, "scenarios": scenarios],
                                              options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
