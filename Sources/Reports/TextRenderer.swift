import Scenarios
import Simulator

/// Plain-text and Markdown renderings of plan-period reports.
public struct TextRenderer {
    public let language: Language
    public let markdown: Bool
    public let units: UnitSystem

    /// `units` defaults to the language's: Chinese statistical units under zh, the model's under en.
    public init(language: Language, markdown: Bool, units: UnitSystem? = nil) {
        self.language = language
        self.markdown = markdown
        self.units = units ?? .default(for: language)
    }

    func t(_ key: String) -> String { Labels.text(key, language) }

    public func render(_ report: PlanPeriodReport) -> String {
        let colon = language == .zh ? "：" : ": "
        var out = markdown ? "## \(t("scenario"))\(colon)\(Labels.scenario(report.scenario, language))\n\n"
            : "\(t("scenario"))\(colon)\(Labels.scenario(report.scenario, language))\n"
        let description = language == .zh && !report.descriptionZH.isEmpty ? report.descriptionZH : report.description
        if !description.isEmpty { out += markdown ? "\(description)\n\n" : "\(description)\n" }
        if let p = report.provenance { out += markdown ? "\(p.line(language))\n\n" : "\(p.line(language))\n" }
        if !markdown { out += "\n" }

        var header = [t("indicator"), t("unit"), "\(report.startYear)"]
        header += report.periods.map { Labels.period($0.number, start: $0.startYear, end: $0.endYear, language) }
        var rows: [[String]] = []
        for row in report.rows {
            let shown = units.presented(row.unit)
            var cells = [Labels.series(row.series, language), Labels.unit(shown.unit, language), NumberFormat.value(shown.value(row.start))]
            for (k, (end, change)) in zip(row.ends, row.changes).enumerated() {
                // Shares change by percentage points (个百分点), everything else by per cent.
                let delta = row.points.map { NumberFormat.points($0[k], language) } ?? NumberFormat.change(change)
                cells.append(language == .zh ? "\(NumberFormat.value(shown.value(end)))（\(delta)）" : "\(NumberFormat.value(shown.value(end))) (\(delta))")
            }
            rows.append(cells)
        }
        out += table(header: header, rows: rows, rightAligned: { $0 >= 2 })
        let observed = report.history.map { language == .zh ? $0.summaryZH + "。" : " " + $0.summary + "." } ?? ""
        // What the brackets hold is this table's own (compare and the workbooks give changes a column of their own).
        let note = t("brackets") + (language == .zh ? "" : " ") + t("convention")
        out += markdown ? "\n_\(note)\(observed)_\n\n" : "\(note)\(observed)\n\n"

        if !report.targets.isEmpty {
            out += markdown ? "### \(t("targets"))\n\n" : "\(t("targets"))\n"
            let header = [t("target"), t("period"), t("year"), t("required"), t("achieved"), t("gap"), t("result")]
            let rows = report.targets.map { c -> [String] in
                let p = c.period
                let shown = TargetPresentation(c, units: units, language: language)
                return [Labels.target(c.kind.rawValue, language, units: units), Labels.period(p.number, start: p.startYear, end: p.endYear, language),
                        String(c.year), shown.required, shown.achieved ?? t("never"), shown.gap ?? "–", c.passed ? t("pass") : t("fail")]
            }
            out += table(header: header, rows: rows, rightAligned: { (2...5).contains($0) }) + "\n"
            if let note = Self.observedTargetsNote(report, language) { out += (markdown ? "_\(note)_" : note) + "\n\n" }
        }

        if !report.shortfalls.isEmpty {
            out += markdown ? "### \(t("shortfalls"))\n\n" : "\(t("shortfalls"))\n"
            for f in report.shortfalls {
                out += (markdown ? "- `\(f.path)`: " : "  \(f.path): ") + f.text(language, units: units) + "\n"
            }
            out += "\n"
        }

        out += markdown ? "### \(t("headline"))\n\n" : "\(t("headline"))\n"
        for (label, value) in headline(report) {
            out += markdown ? "- **\(label)**\(colon)\(value)\n" : "  \(label)\(colon)\(value)\n"
        }
        return out
    }

    /// In history mode a target of an observed year is met or missed by the model's fit of that year: said, so that a
    /// 14th-plan check is not read as the statistics' verdict.
    public static func observedTargetsNote(_ report: PlanPeriodReport, _ l: Language) -> String? {
        guard let h = report.history, report.targets.contains(where: { $0.earliestYearJudged <= h.lastObservedYear }) else { return nil }
        let n = h.lastObservedYear
        return l == .zh ? "\(n)年及以前（历史模式的观测年份）的目标，以及落在这些年份的达峰年份，按模型对这些年份的拟合值检验，并非统计公布值的结论。"
                        : "Targets of \(n) or earlier (the observed years, history mode), and a peak year that falls in them, are checked against the model's fit of those years, not against the published statistics."
    }

    /// The headline indicators as (label, value) pairs: the table's closing block, also shown by `carbonsim serve`.
    public func headline(_ report: PlanPeriodReport) -> [(String, String)] {
        let i = report.indicators
        let co2 = units.presented("Mt CO2"), total = units.largeTotal("Mt CO2")
        let mt = Labels.unit(co2.unit, language), large = Labels.unit(total.unit, language), yr = language == .zh ? "年" : "yr"
        // Brackets as the language writes them: (…) in English, （…） in Chinese.
        func paren(_ s: String) -> String { language == .zh ? "（\(s)）" : " (\(s))" }
        let peak = i.peak.stillRising
            ? (language == .zh ? "截至\(i.cumulativeTo)年未达峰" : "\(t("not_peaked")) \(i.cumulativeTo)") + paren("\(NumberFormat.value(co2.value(i.peak.value))) \(mt)")
            : i.peak.atStart
            // Falling from the first year: the peak is at or before it, and so is the plateau's start.
            ? (language == .zh ? "不晚于\(i.peak.year)年（自首年起下降），" : "\(i.peak.year) or before (falling from the first year), ")
                + "\(NumberFormat.value(co2.value(i.peak.value))) \(mt)"
            : (language == .zh ? "\(i.peak.year)年，" : "\(i.peak.year), ") + "\(NumberFormat.value(co2.value(i.peak.value))) \(mt)"
                // A peak in the observed years (history mode) is the model's fit of them: no CO2 inventory is observed.
                + (report.history.map { i.peak.year <= $0.lastObservedYear } == true
                   ? paren(language == .zh ? "在观测年份内：为模型拟合值，并非观测的排放清单" : "in the observed years: the model's fit, not an observed inventory") : "")
        // Still rising at the horizon: no peak, so no plateau around one; only since when it is near the last value.
        let plateau = i.peak.stillRising
            ? (language == .zh ? "截至\(i.cumulativeTo)年未达峰：自\(NumberFormat.fixed(i.plateau.start, 1))年起在\(i.cumulativeTo)年数值的2%以内"
                               : "none, \(t("not_peaked")) \(i.cumulativeTo): within 2% of the \(i.cumulativeTo) value from \(NumberFormat.fixed(i.plateau.start, 1))")
            : (i.peak.atStart ? "≤" : "") + "\(NumberFormat.fixed(i.plateau.start, 1)) – \(NumberFormat.fixed(i.plateau.end, 1))"
                + paren((i.peak.atStart ? "≥" : "") + "\(NumberFormat.fixed(i.plateau.years, 1)) \(yr)")
        // Integrated with the states; the annual totals are Simpson's rule a year, so a reader adding them up gets within
        // about 0.01 % of it (docs/model.md): said, so the difference is not taken for an error, and where sharp changes
        // put them further apart (0.25 % with every lever at its maximum), what they add up to.
        let gap = (i.annualNetCO2Sum - i.cumulativeNetCO2) / Swift.max(abs(i.cumulativeNetCO2), 1)
        let sum = "\(NumberFormat.value(total.value(i.annualNetCO2Sum))) \(large)", apart = NumberFormat.fixed(100 * gap, 2) + "%"
        let cumulative = "\(NumberFormat.value(total.value(i.cumulativeNetCO2))) \(large)"
            + paren(abs(gap) <= 1e-4
                    ? (language == .zh ? "\(i.cumulativeFrom)-\(i.cumulativeTo)年，按连续积分；逐年数值相加与其相差不超过约0.01%"
                                       : "\(i.cumulativeFrom)-\(i.cumulativeTo), integrated; the annual values add up to it within about 0.01 %")
                    : (language == .zh ? "\(i.cumulativeFrom)-\(i.cumulativeTo)年，按连续积分；逐年数值相加为 \(sum)（相差\(apart)：年度合计按年内采样点计算，急剧变化处与积分略有出入）"
                                       : "\(i.cumulativeFrom)-\(i.cumulativeTo), integrated; the annual values add up to \(sum) (\(apart): each year's total is from samples within the year, which sharp changes put a little apart from the integral)"))
        let neutral = i.neutralityYear.map { language == .zh ? "\($0)年" : String($0) } ?? (language == .zh ? "截至\(i.cumulativeTo)年未实现" : "\(t("not_reached")) \(i.cumulativeTo)")
        let money = Labels.unit("10^8 yuan", language)
        let cost = "\(NumberFormat.value(report.costs.totalDiscounted)) \(money)"
            + paren("\(language == .zh ? "贴现率" : "discounted at") \(NumberFormat.fixed(100 * report.costs.discountRate, 1))%")
        return [(t("peak"), peak), (t("plateau"), plateau), (t("cumulative"), cumulative), (t("neutrality"), neutral), (t("cost"), cost)]
    }

    /// An aligned table (text) or a pipe table (Markdown); `right` says which columns align right.
    func table(header: [String], rows: [[String]], rightAligned right: (Int) -> Bool) -> String {
        // A '|' in a cell (a scenario named "A|B") would end the cell in Markdown: escaped.
        let (header, rows) = markdown ? (header.map(Self.markdownCell), rows.map { $0.map(Self.markdownCell) }) : (header, rows)
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { displayWidth($0[c]) }.max()! }
        func pad(_ s: String, _ c: Int) -> String {
            let fill = String(repeating: " ", count: widths[c] - displayWidth(s))
            return right(c) ? fill + s : s + fill
        }
        if markdown {
            var out = "| " + header.indices.map { pad(header[$0], $0) }.joined(separator: " | ") + " |\n"
            out += "|" + header.indices.map { c in
                let dashes = String(repeating: "-", count: max(widths[c], 3))
                return right(c) ? "-" + dashes.dropLast() + ":|" : ":" + dashes.dropFirst() + "-|"
            }.joined() + "\n"
            for row in rows { out += "| " + row.indices.map { pad(row[$0], $0) }.joined(separator: " | ") + " |\n" }
            return out
        }
        var out = header.indices.map { pad(header[$0], $0) }.joined(separator: "  ") + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += row.indices.map { pad(row[$0], $0) }.joined(separator: "  ") + "\n" }
        return out
    }
}

extension TextRenderer {
    static func markdownCell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

/// Terminal columns a string takes: CJK and full-width characters take two.
public func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { w, u in
        let v = u.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return w + (wide ? 2 : 1)
    }
}
