import Scenarios
import Simulator

/// CSV renderings: the plan-period report in long form, and annual series in wide form.
///
/// Excel on Chinese Windows reads a CSV without a byte-order mark as GBK and garbles UTF-8 Chinese, so
/// Chinese CSVs start with the UTF-8 BOM (`CSVRenderer.bom`); `--bom` adds it to English ones too.
public enum CSVRenderer {
    /// The UTF-8 byte-order mark, EF BB BF.
    public static let bom = "\u{FEFF}"

    public static let reportColumns = ["scenario", "region", "section", "indicator", "unit", "period", "year", "value", "change_pct",
                                       "change_pp", "required", "achieved", "margin", "result"]
    static let reportColumnsZH = ["情景", "地区", "类别", "指标", "单位", "时期", "年份", "数值", "变化（%）", "变化（个百分点）",
                                  "要求", "实现", "差距（+超额，−不足）", "结果"]
    public static let reportHeader = reportColumns.joined(separator: ",")

    public static func reportHeader(_ l: Language) -> String { (l == .zh ? reportColumnsZH : reportColumns).joined(separator: ",") }

    /// Whether a CSV in this language starts with the BOM.
    public static func wantsBOM(_ l: Language, forced: Bool = false) -> Bool { forced || l == .zh }

    public static func report(_ reports: [PlanPeriodReport], language: Language, units: UnitSystem? = nil, bom: Bool = false) -> String {
        let units = units ?? .default(for: language), zh = language == .zh
        let section = zh ? ["period": "规划期", "target": "目标", "headline": "核心指标"] : ["period": "period", "target": "target", "headline": "headline"]
        var lines = [reportHeader(language)]
        for r in reports {
            let region = r.provenance?.regionName(language) ?? ""
            let scenario = Labels.scenario(r.scenario, language)
            for row in r.rows {
                let shown = units.presented(row.unit)
                let label = Labels.series(row.series, language), unit = Labels.unit(shown.unit, language)
                lines.append(csv([scenario, region, section["period"]!, label, unit, zh ? "基期" : "base", String(r.startYear),
                                  NumberFormat.exact(shown.value(row.start)), "", "", "", "", "", ""]))
                for (k, p) in r.periods.enumerated() {
                    let name = zh ? Labels.periodNameZH(p.number) : p.ordinal
                    lines.append(csv([scenario, region, section["period"]!, label, unit, name, String(p.endYear),
                                      // A share changes by points only: no % of a % (as the tables and workbooks).
                                      NumberFormat.exact(shown.value(row.ends[k])), row.points == nil ? NumberFormat.exact(row.changes[k]) : "",
                                      row.points.map { NumberFormat.exact($0[k]) } ?? "", "", "", "", ""]))
                }
            }
            for c in r.targets {
                let shown = TargetPresentation(c, units: units, language: language)
                let factor = units.targetFactor(c.kind)
                lines.append(csv([scenario, region, section["target"]!, Labels.target(c.kind.rawValue, language, units: units),
                                  Labels.unit(units.targetUnit(c.kind), language),
                                  zh ? Labels.periodNameZH(c.period.number) : c.period.ordinal, String(c.year), "", "", "",
                                  NumberFormat.exact(c.required * factor), c.achieved.map { NumberFormat.exact($0 * factor) } ?? "",
                                  shown.margin.map(NumberFormat.exact) ?? "",
                                  zh ? Labels.text(c.passed ? "pass" : "fail", language) : (c.passed ? "pass" : "fail")]))
            }
            let i = r.indicators
            let co2 = units.presented("Mt CO2"), total = units.largeTotal("Mt CO2")
            // Names and units as compare's CSV and the workbooks give them, so the two files join.
            let years = Labels.comparison("year_unit", language)
            let headline: [(String, String, Double?, Int?)] = [
                ("peak_value", Labels.unit(co2.unit, language), i.peak.value * co2.factor, i.peakYear),
                ("peak_year", years, i.peakYear.map(Double.init), i.peakYear),
                ("plateau_start", years, i.plateau.start, nil), ("plateau_end", years, i.plateau.end, nil),
                ("cumulative_co2", Labels.unit(total.unit, language), i.cumulativeNetCO2 * total.factor, i.cumulativeTo),
                ("neutrality_year", years, i.neutralityYear.map(Double.init), i.neutralityYear),
                ("total_cost", Labels.money(language), r.costs.totalDiscounted, nil),
            ]
            for (name, unit, value, year) in headline {
                lines.append(csv([scenario, region, section["headline"]!, zh ? headlineZH[name]! : name, unit, "",
                                  year.map(String.init) ?? "", value.map(NumberFormat.exact) ?? "", "", "", "", "", "", ""]))
            }
            // What the levers cannot do as written, as the tables' "Cannot be honoured": the lever, the worst year and amount,
            // the message in the result column.
            for row in shortfallRows(r.shortfalls, language: language, units: units) {
                lines.append(csv([scenario, region] + row))
            }
            // Which years follow observations: the first and last, the note in the indicator column.
            if let h = r.history {
                for (which, year) in observedYearRows(h, zh: zh) {
                    lines.append(csv([scenario, region, zh ? "观测年份" : "observed_years", zh ? h.summaryZH : h.summary, "",
                                      which, String(year), "", "", "", "", "", "", ""]))
                }
            }
        }
        lines.append(conventionRow(language, columns: reportColumns.count, sectionColumn: 2, textColumn: 3))
        return (bom ? Self.bom : "") + lines.joined(separator: "\n") + "\n"
    }

    /// A shortfall's fields from `section` to `result` in run's column order: section, the lever path, the amount's unit,
    /// the first year (in the period column), the worst year and the amount, the message in the result column.
    static func shortfallRows(_ shortfalls: [Shortfall], language l: Language, units: UnitSystem) -> [[String]] {
        shortfalls.map { f in
            let shown = units.presented(f.unit)
            return [l == .zh ? "无法按设定实现" : "shortfall", f.path, Labels.unit(shown.unit, l), String(f.firstYear), String(f.worstYear),
                    NumberFormat.exact(shown.value(f.amount)), "", "", "", "", "", f.text(l, units: units)]
        }
    }

    /// How the values read (stocks at year-end, flows annual totals), the tables' footnote, as the CSV's last row: section
    /// `convention` (统计口径), the text in the indicator column, so a CSV opened alone still says it.
    static func conventionRow(_ l: Language, columns: Int, sectionColumn: Int, textColumn: Int) -> String {
        var row = Array(repeating: "", count: columns)
        row[sectionColumn] = l == .zh ? "统计口径" : "convention"
        row[textColumn] = Labels.text("convention", l)
        return csv(row)
    }

    /// The first and last observed years as the report CSVs (run's, compare's) label them.
    static func observedYearRows(_ h: HistoryMode, zh: Bool) -> [(label: String, year: Int)] {
        [(zh ? "首年" : "first", h.observedYears.lowerBound), (zh ? "末年" : "last", h.lastObservedYear)]
    }

    static let headlineZH = [
        "peak_value": Labels.comparison("peak_value", .zh), "peak_year": Labels.comparison("peak_year", .zh),
        "plateau_start": "平台期起", "plateau_end": "平台期止", "cumulative_co2": Labels.comparison("cumulative_co2", .zh),
        "neutrality_year": Labels.comparison("neutrality_year", .zh), "total_cost": Labels.comparison("total_cost", .zh),
    ]

    /// One row per year, one column per series, then the annual cost of each measure family (10^8 yuan,
    /// undiscounted). English headers are the series names scripts use, in the model's units; Chinese
    /// headers are the series' Chinese names with their unit, in `units`.
    /// With `observed` (history mode's observed years), a last column `observed` (观测年): 1 in those years, else 0.
    public static func annual(_ t: Trajectory, costs: CostModel? = nil, observed: ClosedRange<Int>? = nil, language: Language = .en,
                              units: UnitSystem? = nil, bom: Bool = false) -> String {
        let units = units ?? .default(for: language)
        let n = t.names.count
        let shown = t.names.map { units.presented(t.unit($0) ?? "") }
        var header: [String]
        if language == .zh {
            header = ["年份"] + zip(t.names, shown).map { name, p in
                let unit = Labels.unit(p.unit, .zh)
                return unit.isEmpty ? Labels.series(name, .zh) : "\(Labels.series(name, .zh))（\(unit)）"
            }
        } else {
            header = ["year"] + zip(t.names, shown).map { name, p in units == .model ? name : "\(name) [\(p.unit)]" }
        }
        let families = costs.map { _ in CostModel.families } ?? []
        header += families.map { Labels.costColumn($0, language) + (language == .zh ? "（亿元）" : "") }
        if observed != nil { header.append(language == .zh ? "观测年" : "observed") }
        var lines = [csv(header)]
        for (i, year) in t.years.enumerated() {
            var row = [String(year)] + (0..<n).map { NumberFormat.exact(shown[$0].value(t.values[i * n + $0])) }
            if let costs {
                let k = costs.years.firstIndex(of: year)
                row += families.map { f in k.flatMap { costs.annual[f]?[$0] }.map(NumberFormat.exact) ?? "" }
            }
            if let observed { row.append(observed.contains(year) ? "1" : "0") }
            lines.append(row.joined(separator: ","))
        }
        return (bom ? Self.bom : "") + lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}
