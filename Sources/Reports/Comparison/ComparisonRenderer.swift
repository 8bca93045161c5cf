import Foundation
import Simulator

/// Text, Markdown, CSV and JSON renderings of a scenario comparison. Each scenario has a column group
/// (value, change over the period); each scenario after the first also its difference from the first.
public enum ComparisonRenderer {
    /// `units` defaults to the language's (Chinese statistical units under zh); `bom` starts a CSV with the
    /// UTF-8 byte-order mark. JSON stays in the model's units whatever `units` says, as `run`'s does.
    public static func render(_ c: ScenarioComparison, format: OutputFormat, language: Language,
                              units: UnitSystem? = nil, bom: Bool = false) throws -> String {
        let units = units ?? .default(for: language)
        switch format {
        case .json: return try json(c)
        case .csv: return (bom ? CSVRenderer.bom : "") + csv(c, language: language, units: units)
        case .table, .markdown: return text(c, language: language, markdown: format == .markdown, units: units)
        }
    }

    /// The scenarios as `run` names them: the shipped ones by their Chinese names under zh.
    static func shownNames(_ c: ScenarioComparison, _ l: Language) -> [String] { c.names.map { Labels.scenario($0, l) } }

    /// "baseline: change (%)" or "基准情景：变化（%）".
    static func columnOf(_ scenario: String, _ heading: String, _ l: Language) -> String {
        l == .zh ? "\(scenario)：\(heading)" : "\(scenario): \(heading)"
    }

    /// A share's change or difference, in percentage points: "+1.23 pp", "+1.23个百分点".
    static func pointsDelta(_ v: Double, _ l: Language) -> String {
        guard v.isFinite else { return "–" }
        return signed(v) + (l == .zh ? "个百分点" : " pp")
    }

    /// The unit a headline indicator is shown in: peak in the CO2 unit, cumulative CO2 as a large total
    /// (亿吨 under cn), years and money as they are.
    static func headlineUnit(_ h: ScenarioComparison.HeadlineRow, _ units: UnitSystem) -> UnitSystem.Presented {
        guard h.unit == "Mt CO2" else { return UnitSystem.Presented(unit: h.unit, factor: 1) }
        return h.key == "cumulative_co2" ? units.largeTotal(h.unit) : units.presented(h.unit)
    }

    // MARK: text and Markdown

    static func text(_ c: ScenarioComparison, language: Language, markdown: Bool, units: UnitSystem) -> String {
        let renderer = TextRenderer(language: language, markdown: markdown, units: units)
        func t(_ key: String) -> String { Labels.text(key, language) }
        func x(_ key: String) -> String { Labels.comparison(key, language) }
        let names = shownNames(c, language), first = names.first ?? ""
        let list = names.joined(separator: language == .zh ? "、" : ", "), colon = language == .zh ? "：" : ": "
        var out = markdown ? "## \(x("comparison"))\(colon)\(list)\n\n" : "\(x("comparison"))\(colon)\(list)\n"
        if let p = c.provenance { out += markdown ? "\(p.line(language))\n\n" : "\(p.line(language))\n" }
        if !markdown { out += "\n" }

        var header = [t("indicator"), t("unit"), t("period")]
        for n in names { header += [n, columnOf(n, x("change_pct"), language)] }
        for n in names.dropFirst() {
            header += [Labels.difference(n, from: first, language), Labels.relativeDifference(n, from: first, language)]
        }
        var rows: [[String]] = []
        for row in c.rows {
            let shown = units.presented(row.unit)
            for (k, p) in row.points.enumerated() {
                var cells = k == 0 ? [Labels.series(row.series, language), Labels.unit(shown.unit, language)] : ["", ""]
                cells.append(Labels.point(p.period, year: p.year, language))
                for (s, (v, ch)) in zip(p.values, p.changes).enumerated() {
                    // A share changes by percentage points over the period, as `run` shows it.
                    let change = p.period == nil ? "" : row.isShare ? pointsDelta(v - row.points[k - 1].values[s], language) : NumberFormat.change(ch)
                    cells += [NumberFormat.value(shown.value(v)), change]
                }
                for (d, r) in zip(p.differences, p.relative) {
                    cells += row.isShare ? [pointsDelta(d, language), ""] : [signed(shown.value(d)), NumberFormat.change(r)]
                }
                rows.append(cells)
            }
        }
        out += renderer.table(header: header, rows: rows, rightAligned: { $0 >= 3 })
        let observed = c.reports.first?.history.map { language == .zh ? $0.summaryZH + "。" : " " + $0.summary + "." } ?? ""
        // Chinese sentences follow each other without a space.
        let gap = language == .zh ? "" : " "
        out += markdown ? "\n_\(x("difference_note"))\(gap)\(x("share_note"))\(gap)\(t("convention"))\(observed)_\n\n" : "\(x("difference_note"))\(gap)\(x("share_note"))\n\(t("convention"))\(observed)\n\n"

        if !c.targets.isEmpty {
            out += markdown ? "### \(t("targets"))\n\n" : "\(t("targets"))\n"
            var header = [t("target"), t("period"), t("year")]
            for n in names {
                header += [columnOf(n, t("required"), language), columnOf(n, t("achieved"), language), columnOf(n, x("gap"), language),
                           columnOf(n, t("result"), language)]
            }
            let rows = c.targets.map { row -> [String] in
                // A peak, ceiling or neutrality row holds each scenario's own year: every distinct one is shown.
                let years = row.years
                let periods = years.map(PlanPeriod.containing).map { Labels.period($0.number, start: $0.startYear, end: $0.endYear, language) }
                var cells = [Labels.target(row.kind.rawValue, language, units: units), firstSeen(periods).joined(separator: " / "),
                             years.map(String.init).joined(separator: " / ")]
                for check in row.checks {
                    guard let check else { cells += [x("not_set"), "", "", ""]; continue }
                    // The same cells as `run` and the what-if page show for the target.
                    let shown = TargetPresentation(check, units: units, language: language)
                    cells += [shown.required, shown.achieved ?? t("never"), shown.gap ?? "–", check.passed ? t("pass") : t("fail")]
                }
                return cells
            }
            out += renderer.table(header: header, rows: rows, rightAligned: { $0 >= 2 })
            out += markdown ? "\n_\(x("gap_note"))_\n\n" : "\(x("gap_note"))\n\n"
        }

        // What a scenario's levers cannot do as written, as `run` tells it, under the scenario's name.
        if c.reports.contains(where: { !$0.shortfalls.isEmpty }) {
            out += markdown ? "### \(t("shortfalls"))\n\n" : "\(t("shortfalls"))\n"
            for (report, name) in zip(c.reports, names) {
                for f in report.shortfalls {
                    let text = f.text(language, units: units)
                    out += markdown ? "- \(name)\(colon)`\(f.path)`: \(text)\n" : "  \(name)\(colon)\(f.path): \(text)\n"
                }
            }
            out += "\n"
        }

        out += markdown ? "### \(t("headline"))\n\n" : "\(t("headline"))\n"
        var hHeader = [t("indicator"), t("unit")] + names
        for n in names.dropFirst() {
            hHeader += [Labels.difference(n, from: first, language), Labels.relativeDifference(n, from: first, language)]
        }
        let hRows = c.headline.map { h -> [String] in
            let shown = headlineUnit(h, units)
            var cells = [h.label(language), headlineUnitLabel(h, shown, language)]
            cells += h.values.map { v in v.map { h.isYear ? NumberFormat.fixed($0, 0) : NumberFormat.value(shown.value($0)) } ?? t("never") }
            for (d, r) in zip(h.differences, h.relative) {
                cells += [d.map { h.isYear ? signedYears($0) : signed(shown.value($0)) } ?? "", r.map(NumberFormat.change) ?? ""]
            }
            return cells
        }
        out += renderer.table(header: hHeader, rows: hRows, rightAligned: { $0 >= 2 })
        return out
    }

    /// A headline indicator's unit as a table names it: 年, 亿元, or the shown unit's label.
    static func headlineUnitLabel(_ h: ScenarioComparison.HeadlineRow, _ shown: UnitSystem.Presented, _ language: Language) -> String {
        h.unit == "year" ? Labels.comparison("year_unit", language) : h.unit == "10^8 yuan" ? Labels.money(language) : Labels.unit(shown.unit, language)
    }

    static func signed(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        let s = NumberFormat.value(v)
        if NumberFormat.isZero(s) { return s.hasPrefix("-") ? String(s.dropFirst()) : s }
        return v > 0 ? "+" + s : s
    }

    static func signedYears(_ v: Double) -> String { (v > 0 ? "+" : "") + NumberFormat.fixed(v, 0) }

    // MARK: CSV (long form, full precision)

    public static let csvColumns = ["section", "region", "indicator", "unit", "period", "year", "scenario", "value", "change_pct", "change_pp",
                                    "difference", "difference_pct", "required", "achieved", "margin", "result"]
    static let csvColumnsZH = ["类别", "地区", "指标", "单位", "时期", "年份", "情景", "数值", "变化（%）", "变化（个百分点）",
                               "差值", "差值（%）", "要求", "实现", "差距（+超额，−不足）", "结果"]
    public static let csvHeader = csvColumns.joined(separator: ",")

    public static func csvHeader(_ l: Language) -> String { (l == .zh ? csvColumnsZH : csvColumns).joined(separator: ",") }

    /// Values, differences, required and achieved in `units`; a share's difference and change_pp in
    /// percentage points; under zh every label (sections, periods, scenarios, results) in Chinese.
    static func csv(_ c: ScenarioComparison, language: Language, units: UnitSystem) -> String {
        let zh = language == .zh
        var lines = [csvHeader(language)]
        let e = NumberFormat.exact
        let region = c.provenance?.regionName(language) ?? ""
        let names = shownNames(c, language)
        let section = zh ? ["period": "规划期", "target": "目标", "headline": "核心指标"] : ["period": "period", "target": "target", "headline": "headline"]
        func periodName(_ p: PlanPeriod?) -> String { p.map { zh ? Labels.periodNameZH($0.number) : $0.ordinal } ?? (zh ? "基期" : "base") }
        for row in c.rows {
            let shown = units.presented(row.unit)
            let label = Labels.series(row.series, language), unit = Labels.unit(shown.unit, language)
            for (k, p) in row.points.enumerated() {
                for (s, name) in names.enumerated() {
                    let d = s > 0 ? e(shown.value(p.differences[s - 1])) : "", r = s > 0 && !row.isShare ? e(p.relative[s - 1]) : ""
                    let pp = row.isShare && p.period != nil ? e(p.values[s] - row.points[k - 1].values[s]) : ""
                    lines.append(CSVRenderer.csv([section["period"]!, region, label, unit, periodName(p.period), String(p.year), name, e(shown.value(p.values[s])),
                                                  p.period == nil || row.isShare ? "" : e(p.changes[s]), pp, d, r, "", "", "", ""]))
                }
            }
        }
        for row in c.targets {
            let factor = units.targetFactor(row.kind)
            for (check, name) in zip(row.checks, names) {
                guard let check else { continue }
                let result = zh ? Labels.text(check.passed ? "pass" : "fail", language) : (check.passed ? "pass" : "fail")
                lines.append(CSVRenderer.csv([section["target"]!, region, Labels.target(row.kind.rawValue, language, units: units),
                                              Labels.unit(units.targetUnit(row.kind), language), periodName(check.period), String(check.year), name, "", "", "", "", "",
                                              e(check.required * factor), check.achieved.map { e($0 * factor) } ?? "",
                                              check.margin.map { e($0 * factor) } ?? "", result]))
            }
        }
        for h in c.headline {
            let shown = headlineUnit(h, units)
            let label = zh ? Labels.comparison(h.key, language) : h.key
            let unit = zh ? headlineUnitLabel(h, shown, language) : shown.unit
            for (s, name) in names.enumerated() {
                let d = s > 0 ? h.differences[s - 1].map { e(shown.value($0)) } ?? "" : "", r = s > 0 ? h.relative[s - 1].map(e) ?? "" : ""
                // A total's years go where a period's name goes.
                lines.append(CSVRenderer.csv([section["headline"]!, region, label, unit, h.span.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "", "", name, h.values[s].map { e(shown.value($0)) } ?? "",
                                              "", "", d, r, "", "", "", ""]))
            }
        }
        // What each scenario's levers cannot do as written, as run's CSV has it, under the scenario's name.
        for (report, name) in zip(c.reports, names) {
            for r in CSVRenderer.shortfallRows(report.shortfalls, language: language, units: units) {
                lines.append(CSVRenderer.csv([r[0], region, r[1], r[2], r[3], r[4], name, r[5], "", "", "", "", "", "", "", r[11]]))
            }
        }
        // Which years follow observations (history mode): the first and last in the period and year columns, the note in
        // the indicator column, as `run`'s CSV has them.
        if let h = c.reports.first?.history {
            for (which, year) in CSVRenderer.observedYearRows(h, zh: zh) {
                let row = [zh ? "观测年份" : "observed_years", region, zh ? h.summaryZH : h.summary, "", which, String(year)]
                lines.append(CSVRenderer.csv(row + Array(repeating: "", count: csvColumns.count - row.count)))
            }
        }
        lines.append(CSVRenderer.conventionRow(language, columns: csvColumns.count, sectionColumn: 0, textColumn: 2))
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
        let values: [Double?], change_pct: [Double?], change_pp: [Double?], difference: [Double?], difference_pct: [Double?]

        enum CodingKeys: CodingKey { case period, year, values, change_pct, change_pp, difference, difference_pct }
        // The start year's period is written as null, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(year, forKey: .year)
            try c.encode(values, forKey: .values)
            try c.encode(change_pct, forKey: .change_pct)
            try c.encode(change_pp, forKey: .change_pp)
            try c.encode(difference, forKey: .difference)
            try c.encode(difference_pct, forKey: .difference_pct)
        }
    }
    struct Indicator: Encodable { let series: String, unit: String, points: [Point] }
    struct Check: Encodable {
        let year: Int, required: Double, achieved: Double?, margin: Double?, passed: Bool

        enum CodingKeys: CodingKey { case year, required, achieved, margin, passed }
        // Never achieved is null, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(required, forKey: .required)
            try c.encode(achieved, forKey: .achieved)
            try c.encode(margin, forKey: .margin)
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
    /// Per scenario, as `run`'s JSON gives them: what its levers cannot do as written, and what loaded but is probably
    /// not what was meant.
    let shortfalls: [[ShortfallJSON]]
    let warnings: [[String]]
    let conventions: [String: String]
    /// The region and dataset the scenarios ran on (absent when the caller named none).
    let region: String?
    let region_zh: String?
    let dataset: String?

    init(_ c: ScenarioComparison) {
        region = c.provenance?.region
        region_zh = c.provenance?.regionZH
        dataset = c.provenance?.dataset
        func n(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }
        scenarios = c.names
        start_year = c.startYear
        periods = c.periods.map { Period(period: $0.ordinal, start_year: $0.startYear, end_year: $0.endYear) }
        indicators = c.rows.map { row in
            Indicator(series: row.series, unit: row.unit, points: row.points.enumerated().map { k, p in
                // A share's change over a period in percentage points, beside the relative change, as `run`'s JSON gives it.
                let points: [Double?] = p.values.indices.map { s in
                    row.isShare && k > 0 && p.period != nil ? n(p.values[s] - row.points[k - 1].values[s]) : nil
                }
                return Point(period: p.period?.ordinal, year: p.year, values: p.values.map(n),
                             change_pct: p.changes.map(n), change_pp: points,
                             difference: p.differences.map(n), difference_pct: p.relative.map(n))
            })
        }
        targets = c.targets.map { row in
            Target(target: row.kind.rawValue, year: row.year, period: row.period.ordinal, checks: row.checks.map { check in
                check.map { Check(year: $0.year, required: $0.required, achieved: n($0.achieved), margin: n($0.margin), passed: $0.passed) }
            })
        }
        headline = c.headline.map { Headline(indicator: $0.key, unit: $0.unit, values: $0.values.map(n), difference: $0.differences.map(n),
                                             difference_pct: $0.relative.map(n)) }
        shortfalls = c.reports.map { $0.shortfalls.map(ShortfallJSON.init) }
        warnings = c.reports.map { $0.warnings.map(\.description) }
        var conventions = JSONRenderer.conventions
        conventions["difference"] = "each scenario minus the first (scenarios[0]); difference_pct is that as % of the first's value"
        conventions["shares"] = "for shares (unit %) the difference is in percentage points and difference_pct is null; change_pp is a share's change over the period in percentage points (null for other units), change_pct the relative change, as in run's JSON"
        conventions["shortfalls"] = "shortfalls and warnings follow scenarios: per scenario, what its levers cannot do as written and what loaded but is probably not what was meant, as in run's JSON"
        if let h = c.reports.first?.history { conventions["observed_years"] = h.summary }
        self.conventions = conventions
    }
}
