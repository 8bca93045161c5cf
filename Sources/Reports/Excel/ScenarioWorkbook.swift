import Foundation
import Scenarios
import Simulator

/// The workbook of `run` and `compare`: the plan-period table with the scenarios side by side (and, for a
/// comparison, each scenario's difference from the first), the targets, what cannot be honoured and the input
/// warnings (the text output's notices, which a report built from the workbook must not lose), the headline
/// indicators, the costs, one sheet of annual series per scenario (observed years marked), and the metadata. Numbers are stored as numbers with number
/// formats; units have their own column; headers are frozen. In `units` (Chinese statistical units by
/// default under zh: 万吨CO2, 万吨标准煤, 万千瓦, 亿千瓦时), as the zh tables show them; a share's
/// change and differences are in percentage points, with the number format saying so.
public enum ScenarioWorkbook {
    public static func build(_ results: [ScenarioResult], metadata: WorkbookMetadata, language: Language, units: UnitSystem? = nil,
                             differences: Bool, until: Int? = nil, from: Int? = nil) -> Spreadsheet {
        let units = units ?? .default(for: language)
        let provenance = Provenance(region: metadata.region, regionZH: metadata.regionZH, dataset: metadata.datasetFile)
        let comparison = ScenarioComparison(results, until: until, from: from, provenance: provenance)
        var names = Set<String>()
        func unique(_ name: String) -> String { sheetName(name, taken: &names) }
        var periods = planPeriods(comparison, language: language, units: units, differences: differences)
        periods.name = unique(periods.name)
        var targets = self.targets(comparison, language: language, units: units)
        targets.name = unique(targets.name)
        var notices = self.notices(results, language: language, units: units)
        notices.name = unique(notices.name)
        var headline = self.headline(comparison, language: language, units: units, differences: differences)
        headline.name = unique(headline.name)
        var costs = self.costs(results, language: language)
        costs.name = unique(costs.name)
        var sheets = [periods, targets, notices, headline, costs]
        for r in results {
            var sheet = annual(r, language: language, units: units)
            sheet.name = unique(sheet.name)
            sheets.append(sheet)
        }
        var meta = metadata.sheet(language, units: units)
        meta.name = unique(meta.name)
        sheets.append(meta)
        return Spreadsheet(sheets: sheets)
    }

    static func t(_ key: String, _ l: Language) -> String { Labels.text(key, l) }
    static func w(_ key: String, _ l: Language) -> String { Labels.workbook(key, l) }
    static func x(_ key: String, _ l: Language) -> String { Labels.comparison(key, l) }

    /// Indicator, unit, period, year; per scenario its value and change over the period; then differences.
    static func planPeriods(_ c: ScenarioComparison, language l: Language, units: UnitSystem, differences: Bool) -> Sheet {
        var sheet = Sheet(name: w("sheet_periods", l), frozenRows: 1, frozenColumns: 4)
        let names = ComparisonRenderer.shownNames(c, l), first = names.first ?? ""
        var header: [Cell] = [.heading(t("indicator", l)), .heading(t("unit", l)), .heading(t("period", l)), .heading(t("year", l))]
        for n in names { header += [.heading(n), .heading(ComparisonRenderer.columnOf(n, x("change_pct", l), l))] }
        if differences {
            for n in names.dropFirst() {
                header += [.heading(Labels.difference(n, from: first, l)), .heading(Labels.relativeDifference(n, from: first, l))]
            }
        }
        sheet.append(header)
        let points = ExcelNumberFormat.points(l)
        for row in c.rows {
            let shown = units.presented(row.unit)
            for (k, p) in row.points.enumerated() {
                var cells: [Cell] = [.text(Labels.series(row.series, l)), .text(Labels.unit(shown.unit, l)),
                                     .text(p.period == nil ? t("base", l) : Labels.point(p.period, year: p.year, l)),
                                     .value(Double(p.year), format: ExcelNumberFormat.integer)]
                for (s, (v, ch)) in zip(p.values, p.changes).enumerated() {
                    // A share changes by percentage points over the period, as the tables show it.
                    let change: Cell = p.period == nil ? .empty
                        : row.isShare ? .value(v - row.points[k - 1].values[s], format: points) : .value(ch, format: ExcelNumberFormat.change(ch))
                    cells += [.value(shown.value(v)), change]
                }
                if differences {
                    for (d, r) in zip(p.differences, p.relative) {
                        cells += row.isShare ? [.value(d, format: points), .empty]
                            : [.value(shown.value(d), format: ExcelNumberFormat.signed(shown.value(d))), .value(r, format: ExcelNumberFormat.change(r))]
                    }
                }
                sheet.append(cells)
            }
        }
        sheet.append([])
        sheet.append([.note(t("convention", l))])
        if let p = c.provenance { sheet.append([.note(p.line(l))]) }
        if let h = c.reports.first?.history { sheet.append([.note(l == .zh ? h.summaryZH : h.summary)]) }
        if differences { sheet.append([.note(x("difference_note", l) + (l == .zh ? "" : " ") + x("share_note", l))]) }
        return sheet
    }

    /// One row per scenario and target: required, achieved, the margin (+ met, − short) and the result.
    static func targets(_ c: ScenarioComparison, language l: Language, units: UnitSystem) -> Sheet {
        var sheet = Sheet(name: w("sheet_targets", l), frozenRows: 1, frozenColumns: 2)
        sheet.append([.heading(t("scenario", l)), .heading(t("target", l)), .heading(t("period", l)), .heading(t("year", l)),
                      .heading(t("required", l)), .heading(t("achieved", l)), .heading(x("gap_long", l)), .heading(x("gap_unit", l)),
                      .heading(t("result", l))])
        for (s, report) in c.reports.enumerated() {
            for row in c.targets {
                guard let check = row.checks[s] else { continue }
                let p = check.period, factor = units.targetFactor(row.kind)
                func number(_ v: Double?) -> Cell { row.isYear ? .value(v, format: ExcelNumberFormat.integer) : v.map { Cell.value($0 * factor) } ?? .empty }
                sheet.append([.text(Labels.scenario(report.scenario, l)), .text(Labels.target(row.kind.rawValue, l, units: units)),
                              .text(Labels.period(p.number, start: p.startYear, end: p.endYear, l)),
                              .value(Double(check.year), format: ExcelNumberFormat.integer), number(check.required),
                              check.achieved == nil ? .text(t("never", l)) : number(check.achieved), number(check.margin),
                              .text(Labels.unit(units.presented(row.kind.marginUnit).unit, l)), .text(check.passed ? t("pass", l) : t("fail", l))])
            }
        }
        // As under the text table: a target of an observed year is checked against the model's fit of that year.
        if let note = c.reports.lazy.compactMap({ TextRenderer.observedTargetsNote($0, l) }).first {
            sheet.append([])
            sheet.append([.note(note)])
        }
        return sheet
    }

    /// Per scenario, what it asked for that the model could not honour (lever, first and worst year, amount in the
    /// workbook's units, the message) and the warnings of its files (where, what). "None" when there is nothing, so
    /// that a reader knows the check was made.
    static func notices(_ results: [ScenarioResult], language l: Language, units: UnitSystem) -> Sheet {
        var sheet = Sheet(name: w("sheet_notices", l), frozenRows: 1, frozenColumns: 2)
        sheet.append([.heading(t("scenario", l)), .heading(w("notice_kind", l)), .heading(w("notice_key", l)),
                      .heading(w("first_year", l)), .heading(w("worst_year", l)), .heading(w("amount", l)), .heading(t("unit", l)),
                      .heading(w("notice_text", l)), .heading(w("location", l))])
        for r in results {
            let name = Cell.text(Labels.scenario(r.name, l))
            for f in r.shortfalls {
                let shown = units.presented(f.unit)
                sheet.append([name, .text(t("shortfalls", l)), .text(f.path),
                              .value(Double(f.firstYear), format: ExcelNumberFormat.integer), .value(Double(f.worstYear), format: ExcelNumberFormat.integer),
                              .value(shown.value(f.amount)), .text(Labels.unit(shown.unit, l)), .text(f.text(l, units: units)), .empty])
            }
            for warning in r.warnings {
                let text = l == .zh ? InputMessagesZH.message(warning.message) : warning.message
                let file = l == .zh ? InputMessagesZH.embedded(warning.file) : warning.file
                sheet.append([name, .text(w("warning", l)), .text(warning.keyPath), .empty, .empty, .empty, .empty, .text(text),
                              .text(warning.line.map { "\(file):\($0)" } ?? file)])
            }
            if r.shortfalls.isEmpty && r.warnings.isEmpty { sheet.append([name, .text(w("none", l))]) }
        }
        return sheet
    }

    /// Peak year and value, cumulative net CO2, net-zero year and discounted cost, per scenario.
    static func headline(_ c: ScenarioComparison, language l: Language, units: UnitSystem, differences: Bool) -> Sheet {
        var sheet = Sheet(name: w("sheet_headline", l), frozenRows: 1, frozenColumns: 2)
        let names = ComparisonRenderer.shownNames(c, l), first = names.first ?? ""
        var header: [Cell] = [.heading(t("indicator", l)), .heading(t("unit", l))] + names.map { .heading($0) }
        if differences {
            for n in names.dropFirst() {
                header += [.heading(Labels.difference(n, from: first, l)), .heading(Labels.relativeDifference(n, from: first, l))]
            }
        }
        sheet.append(header)
        for h in c.headline {
            let shown = ComparisonRenderer.headlineUnit(h, units)
            func number(_ v: Double?) -> Cell { h.isYear ? .value(v, format: ExcelNumberFormat.integer) : v.map { Cell.value(shown.value($0)) } ?? .empty }
            func difference(_ d: Double?) -> Cell {
                guard let d else { return .empty }
                return h.isYear ? .value(d, format: ExcelNumberFormat.signedYears) : .value(shown.value(d), format: ExcelNumberFormat.signed(shown.value(d)))
            }
            var cells: [Cell] = [.text(h.label(l)), .text(ComparisonRenderer.headlineUnitLabel(h, shown, l))]
            cells += h.values.map { $0 == nil ? .text(t("never", l)) : number($0) }
            if differences {
                for (d, r) in zip(h.differences, h.relative) { cells += [difference(d), r.map { .value($0, format: ExcelNumberFormat.change($0)) } ?? .empty] }
            }
            sheet.append(cells)
        }
        return sheet
    }

    /// Each cost family discounted to 2020, per scenario, the total and the discount rate.
    static func costs(_ results: [ScenarioResult], language l: Language) -> Sheet {
        var sheet = Sheet(name: w("sheet_costs", l), frozenRows: 1, frozenColumns: 2)
        sheet.append([.heading(w("cost_family", l)), .heading(t("unit", l))] + results.map { .heading(Labels.scenario($0.name, l)) })
        let unit = l == .zh ? "\(Labels.money(l))，\(w("discounted", l))" : "\(Labels.money(l)), \(w("discounted", l))"
        for family in CostModel.families {
            sheet.append([.text(Labels.costFamily(family, l)), .text(unit)] + results.map { .value($0.costs.discounted(family)) })
        }
        sheet.append([.heading(w("total", l)), .text(unit)] + results.map { .value($0.costs.totalDiscounted) })
        sheet.append([.text(w("discount_rate", l)), .text("%")] + results.map { .value(100 * $0.costs.discountRate, format: ExcelNumberFormat.oneDecimal) })
        return sheet
    }

    /// Year by year: the year and whether it is observed (history mode), every series (label, unit and key in three
    /// header rows), then each annual cost. The history note closes the sheet: in an observed year the model follows
    /// the observations it was given; its other values are still the model's.
    static func annual(_ r: ScenarioResult, language l: Language, units: UnitSystem) -> Sheet {
        var sheet = Sheet(name: "\(w("sheet_annual", l)) \(Labels.scenario(r.name, l))", frozenRows: 3, frozenColumns: 2)
        let t = r.trajectory, families = CostModel.families
        let shown = t.names.map { units.presented(t.unit($0) ?? "") }
        sheet.append([.heading(self.t("year", l)), .heading(w("year_basis", l))] + t.names.map { .heading(Labels.series($0, l)) }
                     + families.map { .heading(w("cost_prefix", l) + Labels.costFamily($0, l)) })
        sheet.append([.text(self.t("unit", l)), .empty] + shown.map { .text(Labels.unit($0.unit, l)) }
                     + families.map { _ in .text(Labels.money(l)) })
        sheet.append([.text(w("series_key", l)), .text("year_basis")] + t.names.map { .text($0) } + families.map { .text("cost_" + $0) })
        let n = t.names.count, lastObserved = r.history?.lastObservedYear
        for (i, year) in t.years.enumerated() {
            let costIndex = r.costs.years.firstIndex(of: year)
            // The first year is the dataset's base year (its flows calibrated, its stocks the dataset's year-end values).
            let basis = i == 0 ? w("base_year", l) : year <= (lastObserved ?? year - 1) ? w("observed", l) : w("projected", l)
            sheet.append([.value(Double(year), format: ExcelNumberFormat.integer), .text(basis)]
                         + (0..<n).map { .value(shown[$0].value(t.values[i * n + $0])) }
                         + families.map { f in costIndex.map { Cell.value(r.costs.annual[f]![$0]) } ?? .empty })
        }
        sheet.append([])
        sheet.append([.note(w("balances", l))])
        if let h = r.history { sheet.append([.note(l == .zh ? h.summaryZH : h.summary)]) }
        return sheet
    }

    /// A valid, unused sheet name: without []:*?/\, not starting or ending with ', at most 31 characters,
    /// made distinct with " 2", " 3", ...
    public static func sheetName(_ wanted: String, taken: inout Set<String>) -> String {
        let bad = Set("[]:*?/\\")
        var base = String(wanted.map { bad.contains($0) || $0.isNewline ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Sheet" }
        var candidate = String(base.prefix(31)), k = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " \(k)"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            k += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
