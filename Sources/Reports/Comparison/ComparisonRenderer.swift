import Foundation
import Simulator

/// Text, Markdown, CSV and JSON renderings of a scenario comparison. Each scenario has a column group
/// (value, change over the period); each scenario after the first also its difference from the first.
public enum ComparisonRenderer {
    public static func render(_ c: ScenarioComparison, format: OutputFormat, language: Language) throws -> String {
        switch format {
        case .json: return try json(c)
        case .csv: return csv(c, language: language)
        case .table, .markdown: return text(c, language: language, markdown: format == .markdown)
        }
    }

    // MARK: text and Markdown

    static func text(_ c: ScenarioComparison, language: Language, markdown: Bool) -> String {
        let renderer = TextRenderer(language: language, markdown: markdown)
        func t(_ key: String) -> String { Labels.text(key, language) }
        func x(_ key: String) -> String { Labels.comparison(key, language) }
        let names = c.names, first = names.first ?? ""
        var out = markdown ? "## \(x("comparison")): \(names.joined(separator: ", "))\n\n" : "\(x("comparison")): \(names.joined(separator: ", "))\n\n"

        var header = [t("indicator"), t("unit"), t("period")]
        for n in names { header += [n, "\(n): \(x("change_pct"))"] }
        for n in names.dropFirst() {
            header += [Labels.difference(n, from: first, language), Labels.relativeDifference(n, from: first, language)]
        }
        var rows: [[String]] = []
        for row in c.rows {
            for (k, p) in row.points.enumerated() {
                var cells = k == 0 ? [Labels.series(row.series, language), Labels.unit(row.unit, language)] : ["", ""]
                cells.append(Labels.point(p.period, year: p.year, language))
                for (v, ch) in zip(p.values, p.changes) { cells += [NumberFormat.value(v), p.period == nil ? "" : NumberFormat.change(ch)] }
                for (d, r) in zip(p.differences, p.relative) { cells += [signed(d), row.isShare ? "" : NumberFormat.change(r)] }
                rows.append(cells)
            }
        }
        out += renderer.table(header: header, rows: rows, rightAligned: { $0 >= 3 })
        let observed = c.reports.first?.history.map { " " + (language == .zh ? $0.summaryZH : $0.summary) + "." } ?? ""
        out += markdown ? "\n_\(x("difference_note")) \(x("share_note")) \(t("convention"))\(observed)_\n\n" : "\(x("difference_note")) \(x("share_note"))\n\(t("convention"))\(observed)\n\n"

        if !c.targets.isEmpty {
            out += markdown ? "### \(t("targets"))\n\n" : "\(t("targets"))\n"
            var header = [t("target"), t("period"), t("year")]
            for n in names { header += ["\(n): \(t("required"))", "\(n): \(t("achieved"))", "\(n): \(x("gap"))", "\(n): \(t("result"))"] }
            let rows = c.targets.map { row -> [String] in
                let p = row.period
                var cells = [Labels.target(row.kind.rawValue, language), Labels.period(p.number, start: p.startYear, end: p.endYear, language), String(row.year)]
                for check in row.checks {
                    guard let check else { cells += [x("not_set"), "", "", ""]; continue }
                    let show = { (v: Double) in row.isYear ? NumberFormat.fixed(v, 0) : NumberFormat.value(v) }
                    cells += [show(check.required), check.achieved.map(show) ?? t("never"), check.gap.map { row.isYear ? signedYears($0) : signed($0) } ?? "",
                              check.passed ? t("pass") : t("fail")]
                }
                return cells
            }
            out += renderer.table(header: header, rows: rows, rightAligned: { $0 >= 2 })
            out += markdown ? "\n_\(x("gap_note"))_\n\n" : "\(x("gap_note"))\n\n"
        }

        out += markdown ? "### \(t("headline"))\n\n" : "\(t("headline"))\n"
        var hHeader = [t("indicator"), t("unit")] + names
        for n in names.dropFirst() {
            hHeader += [Labels.difference(n, from: first, language), Labels.relativeDifference(n, from: first, language)]
        }
        let hRows = c.headline.map { h -> [String] in
            var cells = [x(h.key), headlineUnit(h, language)]
            cells += h.values.map { v in v.map { h.isYear ? NumberFormat.fixed($0, 0) : NumberFormat.value($0) } ?? t("never") }
            for (d, r) in zip(h.differences, h.relative) {
                cells += [d.map { h.isYear ? signedYears($0) : signed($0) } ?? "", r.map(NumberFormat.change) ?? ""]
            }
            return cells
        }
        out += renderer.table(header: hHeader, rows: hRows, rightAligned: { $0 >= 2 })
        return out
    }

    static func headlineUnit(_ h: ScenarioComparison.HeadlineRow, _ language: Language) -> String {
        h.unit == "year" ? Labels.comparison("year_unit", language) : h.unit == "10^8 yuan" ? Labels.money(language) : Labels.unit(h.unit, language)
    }

    static func signed(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        let s = NumberFormat.value(v)
        return v > 0 && s != "0" ? "+" + s : s
    }

    static func signedYears(_ v: Double) -> String { (v > 0 ? "+" : "") + NumberFormat.fixed(v, 0) }

    // MARK: CSV (long form, full precision)

    public static let csvHeader = "section,indicator,unit,period,year,scenario,value,change_pct,difference,difference_pct,required,achieved,gap,result"

    static func csv(_ c: ScenarioComparison, language: Language) -> String {
        var lines = [csvHeader]
        let e = NumberFormat.exact
        for row in c.rows {
            let label = Labels.series(row.series, language), unit = Labels.unit(row.unit, language)
            for p in row.points {
                let period = p.period?.ordinal ?? "base"
                for (s, name) in c.names.enumerated() {
                    let d = s > 0 ? e(p.differences[s - 1]) : "", r = s > 0 && !row.isShare ? e(p.relative[s - 1]) : ""
                    lines.append(CSVRenderer.csv(["period", label, unit, period, String(p.year), name, e(p.values[s]),
                                                  p.period == nil ? "" : e(p.changes[s]), d, r, "", "", "", ""]))
                }
            }
        }
        for row in c.targets {
            for (check, name) in zip(row.checks, c.names) {
                guard let check else { continue }
                lines.append(CSVRenderer.csv(["target", Labels.target(row.kind.rawValue, language), "", check.period.ordinal, String(check.year), name,
                                              "", "", "", "", e(check.required), check.achieved.map(e) ?? "", check.gap.map(e) ?? "",
                                              check.passed ? "pass" : "fail"]))
            }
        }
        for h in c.headline {
            for (s, name) in c.names.enumerated() {
                let d = s > 0 ? h.differences[s - 1].map(e) ?? "" : "", r = s > 0 ? h.relative[s - 1].map(e) ?? "" : ""
                lines.append(CSVRenderer.csv(["headline", h.key, h.unit, "", "", name, h.values[s].map(e) ?? "", "", d, r, "", "", "", ""]))
            }
        }
        // Which years follow observations (history mode): the first and last, the note in the indicator column.
        if let h = c.reports.first?.history {
            lines.append(CSVRenderer.csv(["observed_years", h.summary, "", "first", String(h.observedYears.lowerBound), "", "", "", "", "", "", "", "", ""]))
            lines.append(CSVRenderer.csv(["observed_years", h.summary, "", "last", String(h.lastObservedYear), "", "", "", "", "", "", "", "", ""]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    static func json(_ c: ScenarioComparison) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(ComparisonJSON(c)), as: UTF8.self) + "\n"
    }
}

/// The comparison as JSON: arrays follow `scenarios`; `difference` and `difference_pct` follow
/// `scenarios[1...]`. Missing numbers (not reached, a share's relative difference) are null.
struct ComparisonJSON: Encodable {
    struct Period: Encodable { let period: String, start_year: Int, end_year: Int }
    struct Point: Encodable {
        let period: String?, year: Int
        let values: [Double?], change_pct: [Double?], difference: [Double?], difference_pct: [Double?]

        enum CodingKeys: CodingKey { case period, year, values, change_pct, difference, difference_pct }
        // The start year's period is written as null, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(year, forKey: .year)
            try c.encode(values, forKey: .values)
            try c.encode(change_pct, forKey: .change_pct)
            try c.encode(difference, forKey: .difference)
            try c.encode(difference_pct, forKey: .difference_pct)
        }
    }
    struct Indicator: Encodable { let series: String, unit: String, points: [Point] }
    struct Check: Encodable {
        let year: Int, required: Double, achieved: Double?, gap: Double?, passed: Bool

        enum CodingKeys: CodingKey { case year, required, achieved, gap, passed }
        // Never achieved is null, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(required, forKey: .required)
            try c.encode(achieved, forKey: .achieved)
            try c.encode(gap, forKey: .gap)
            try c.encode(passed, forKey: .passed)
        }
    }
    /// `year` and `period` are the first scenario's; each check has its own year (peak, ceiling, neutrality).
    struct Target: Encodable { let target: String, year: Int, period: String, checks: [Check?] }
    struct Headline: Encodable { let indicator: String, unit: String, values: [Double?], difference: [Double?], difference_pct: [Double?] }

    let scenarios: [String]
    let start_year: Int
    let periods: [Period]
    let indicators: [Indicator]
    let targets: [Target]
    let headline: [Headline]
    let conventions: [String: String]

    init(_ c: ScenarioComparison) {
        func n(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }
        scenarios = c.names
        start_year = c.startYear
        periods = c.periods.map { Period(period: $0.ordinal, start_year: $0.startYear, end_year: $0.endYear) }
        indicators = c.rows.map { row in
            Indicator(series: row.series, unit: row.unit, points: row.points.map { p in
                Point(period: p.period?.ordinal, year: p.year, values: p.values.map(n), change_pct: p.changes.map(n),
                      difference: p.differences.map(n), difference_pct: p.relative.map(n))
            })
        }
        targets = c.targets.map { row in
            Target(target: row.kind.rawValue, year: row.year, period: row.period.ordinal, checks: row.checks.map { check in
                check.map { Check(year: $0.year, required: $0.required, achieved: n($0.achieved), gap: n($0.gap), passed: $0.passed) }
            })
        }
        headline = c.headline.map { Headline(indicator: $0.key, unit: $0.unit, values: $0.values.map(n), difference: $0.differences.map(n),
                                             difference_pct: $0.relative.map(n)) }
        var conventions = JSONRenderer.conventions
        conventions["difference"] = "each scenario minus the first (scenarios[0]); difference_pct is that as % of the first's value"
        conventions["shares"] = "for shares (unit %) the difference is in percentage points and difference_pct is null"
        if let h = c.reports.first?.history { conventions["observed_years"] = h.summary }
        self.conventions = conventions
    }
}
