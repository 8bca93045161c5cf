import Simulator

/// Headings of comparisons and workbooks, in English and Chinese. Series, units, targets and periods come
/// from `Labels` (Language.swift), so a change there shows here too.
extension Labels {
    static let comparisonEN: [String: String] = [
        "comparison": "Comparison of scenarios", "against": "differences against", "change_pct": "change (%)",
        "difference": "difference", "difference_pct": "difference (%)", "gap": "Margin", "gap_long": "Margin (+ met, − short)", "gap_unit": "Margin unit", "gap_note": "Margin: by how much a target is met (+) or missed (−), in its unit: years early for peak and net zero, room under a ceiling or cap, points above a cut or share.",
        "headline_short": "Headline", "start": "start",
        "peak_year": "Peak year of gross CO2", "peak_value": "Peak of gross CO2", "cumulative_co2": "Cumulative net CO2",
        "neutrality_year": "Net-zero year", "total_cost": "Cost of the measures, discounted", "year_unit": "year",
        "not_set": "not set", "share_note": "Shares (%) differ in percentage points; no % of a % is given.",
        "difference_note": "Differences are each scenario minus the first, absolute and as % of the first's value.",
    ]
    static let comparisonZH: [String: String] = [
        "comparison": "情景对比", "against": "差值相对于", "change_pct": "变化（%）",
        "difference": "差值", "difference_pct": "差值（%）", "gap": "差距", "gap_long": "差距（+超额，−不足）", "gap_unit": "差距单位", "gap_note": "差距：目标超额完成（+）或未完成（−）的幅度，单位同目标：达峰、碳中和为提前的年数，峰值上限、能耗总量为余量，下降率、比重为百分点。",
        "headline_short": "核心指标", "start": "基期",
        "peak_year": "CO2排放达峰年份", "peak_value": "CO2排放峰值", "cumulative_co2": "累计净排放",
        "neutrality_year": "碳中和年份", "total_cost": "措施成本（贴现）", "year_unit": "年",
        "not_set": "未设定", "share_note": "比重（%）之差为百分点；不计算比重的相对差。",
        "difference_note": "差值为各情景减去第一个情景，给出绝对差和相对第一个情景的百分比。",
    ]

    /// A heading of the comparison (and of workbooks), or the key itself if it has none.
    public static func comparison(_ key: String, _ lang: Language) -> String {
        (lang == .zh ? comparisonZH[key] : comparisonEN[key]) ?? key
    }

    /// "b − a" and "b vs a (%)" headings of difference columns ("b − a" reads the same in Chinese).
    public static func difference(_ scenario: String, from first: String, _ lang: Language) -> String {
        "\(scenario) − \(first)"
    }

    public static func relativeDifference(_ scenario: String, from first: String, _ lang: Language) -> String {
        lang == .zh ? "\(scenario)较\(first)变化（%）" : "\(scenario) vs \(first) (%)"
    }

    /// The label of a point of a comparison row: the start year, or the plan period.
    public static func point(_ plan: PlanPeriod?, year: Int, _ lang: Language) -> String {
        guard let p = plan else { return "\(year)" }
        return period(p.number, start: p.startYear, end: p.endYear, lang)
    }
}
