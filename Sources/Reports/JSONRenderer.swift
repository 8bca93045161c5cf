import Foundation
import Scenarios
import Simulator

/// JSON for scripts: per scenario, `name`, `years`, `series` keyed by variable, `units`, `indicators`
/// (peak_year, peak_value, cumulative_co2, neutrality_year, ...) and the plan-period `periods`.
public enum JSONRenderer {
    /// With `provenance`, the file and each scenario name the region and dataset they ran on.
    public static func render(_ results: [ScenarioResult], provenance: Provenance? = nil, from: Int? = nil) throws -> String {
        let scenarios = results.map { r -> [String: Any] in
            var s = scenario(r, from: from)
            if let provenance { s["region"] = provenance.region }
            return s
        }
        var top: [String: Any] = ["scenarios": scenarios, "conventions": conventions]
        if let p = provenance { top["region"] = p.region; top["region_zh"] = p.regionZH; top["dataset"] = p.dataset }
        let data = try JSONSerialization.data(withJSONObject: top,
                                              options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// How the annual values read, for scripts (the tables say it in a footnote).
    static let conventions: [String: String] = [
        "stocks": "capacities and stocks at year-end",
        "flows": "annual totals (Simpson's rule within each calendar year)",
        "ratios": "intensities and shares as ratios of annual totals",
        "base_year": "flows are the calibrated base-year values; stocks are the dataset's end-of-year values",
    ]

    static func number(_ v: Double?) -> Any { v.flatMap { $0.isFinite ? $0 : nil } ?? NSNull() }

    static func scenario(_ r: ScenarioResult, from: Int? = nil) -> [String: Any] {
        let t = r.trajectory
        var series: [String: Any] = [:], units: [String: Any] = [:]
        for name in t.names {
            series[name] = t.series(name).map { number($0) }
            units[name] = t.unit(name)
        }
        let i = r.indicators
        let targets: [[String: Any]] = i.targetChecks.map {
            ["target": $0.kind.rawValue, "year": $0.year, "period": $0.period.ordinal, "required": $0.required,
             "achieved": number($0.achieved), "passed": $0.passed, "at_or_before": $0.atOrBefore,
             "margin": number(TargetPresentation($0, units: .model, language: .en).margin)]
        }
        let indicators: [String: Any] = [
            "peak_year": i.peakYear.map { $0 as Any } ?? NSNull(), "peak_value": i.peak.value, "peak_time": i.peak.time,
            "still_rising": i.peak.stillRising, "peak_at_start": i.peak.atStart, "plateau_start": i.plateau.start, "plateau_end": i.plateau.end,
            "cumulative_co2": i.cumulativeNetCO2, "cumulative_from": i.cumulativeFrom, "cumulative_to": i.cumulativeTo,
            "neutrality_year": i.neutralityYear.map { $0 as Any } ?? NSNull(),
            "neutrality_time": number(i.neutralityTime), "targets": targets,
            "total_cost": r.costs.totalDiscounted, "discount_rate": r.costs.discountRate,
            "cost_by_family": Dictionary(uniqueKeysWithValues: CostModel.families.map { ($0, r.costs.discounted($0)) }),
        ]
        let report = PlanPeriodReport(r, from: from)
        let periods: [[String: Any]] = report.periods.enumerated().map { k, p in
            var values: [String: Any] = [:]
            for row in report.rows {
                var v: [String: Any] = ["end": number(row.ends[k]), "change_pct": number(row.changes[k])]
                if let points = row.points { v["change_pp"] = number(points[k]) }
                values[row.series] = v
            }
            return ["period": p.ordinal, "start_year": p.startYear, "end_year": p.endYear, "values": values]
        }
        let costs = Dictionary(uniqueKeysWithValues: CostModel.families.map { ($0, r.costs.annual[$0]!) })
        let shortfalls = r.shortfalls.map { ShortfallJSON($0).dictionary }
        let observed: Any = r.history.map {
            ["first": $0.observedYears.lowerBound, "last": $0.lastObservedYear, "file": $0.file, "note": $0.summary] as [String: Any]
        } ?? NSNull()
        return ["name": r.name, "description": r.description, "description_zh": r.descriptionZH, "years": t.years, "series": series, "units": units,
                "observed_years": observed,
                "shortfalls": shortfalls, "warnings": r.warnings.map(\.description),
                "indicators": indicators, "periods": periods, "annual_costs": costs]
    }
}
