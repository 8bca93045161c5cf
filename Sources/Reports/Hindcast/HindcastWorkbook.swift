import Analysis
import Foundation
import Scenarios
import Simulator

/// The workbook of `hindcast`: one row per quantity and year (observed, model, error, error %, unit,
/// basis, use, confidence, window, why), the summary per quantity and window, and the metadata sheet naming
/// the observations file and the model's mode. Levels, stocks and errors are in `units` (Chinese
/// statistical units by default under zh), as the zh tables show them; growth rates stay in % and their
/// errors in percentage points; error % is unit-free.
public enum HindcastWorkbook {
    public static func build(_ h: Hindcast, metadata: WorkbookMetadata, language l: Language, units: UnitSystem? = nil) -> Spreadsheet {
        let units = units ?? .default(for: l)
        var meta = metadata
        meta.extraRows.append((HindcastLabels.text("Mode", l), l == .zh ? h.modeZH : h.mode))
        meta.extraRows.append((Labels.workbook("observations_file", l), h.observationsFile ?? HindcastLabels.text("no observations", l)))
        if let n = h.lastObservedYear {
            // As the report says it: in history mode the in-sample rows are the fit of every observed year.
            let inSample = h.history == nil ? "≤ \(n - 2)" : "\(h.firstInSampleYear)-\(n)"
            meta.extraRows.append((Labels.workbook("windows", l),
                                   "\(HindcastLabels.text("in-sample", l)) \(inSample), \(HindcastLabels.text("held-out", l)) \(n - 1)-\(n)"))
        }
        return Spreadsheet(sheets: [rows(h, l, units), summary(h, l, units), meta.sheet(l, units: units)])
    }

    static func t(_ key: String, _ l: Language) -> String { HindcastRenderer.t(key, l) }

    /// The unit a quantity is shown in: its model unit converted (万吨标准煤, 亿千瓦时, 万千瓦 under cn).
    static func shown(_ q: ObservedQuantity, _ units: UnitSystem) -> UnitSystem.Presented { units.presented(q.modelUnit) }

    static func rows(_ h: Hindcast, _ l: Language, _ units: UnitSystem) -> Sheet {
        var sheet = Sheet(name: t("Hindcast", l), frozenRows: 1, frozenColumns: 2)
        let header = ["quantity", "year", "observed", "model", "error", "error %", "unit", "basis", "use", "confidence", "window"].map { t($0, l) }
        sheet.append(header.map(Cell.heading) + [.heading(Labels.workbook("reason", l))])
        for r in h.rows {
            let o = r.observation, p = shown(o.quantity, units)
            sheet.append([.text(HindcastLabels.quantity(o.quantity, l)), .value(Double(o.year), format: ExcelNumberFormat.integer),
                          .value(p.value(r.observed)), r.model.map { .value(p.value($0)) } ?? .empty, r.error.map { .value(p.value($0)) } ?? .empty,
                          .value(r.relativeError, format: ExcelNumberFormat.oneDecimal), .text(Labels.unit(p.unit, l)),
                          .text(HindcastLabels.basis(o.basis, l)), .text(HindcastRenderer.use(r, l)), .text(t(o.confidence.rawValue, l)),
                          .text(t(r.window.rawValue, l)), .text(HindcastRenderer.reason(r, l) ?? "")])
        }
        sheet.append([])
        sheet.append([.note(l == .zh ? "误差 = 模型值 − 观测值（增速为百分点）；误差% 相对观测值。下限：部分年份或部分口径的数值，不计入误差统计。"
                                  : "error = model - observed (percentage points for growth rates); error % is relative to the observed level. Bounds are not in the error statistics.")])
        return sheet
    }

    static func summary(_ h: Hindcast, _ l: Language, _ units: UnitSystem) -> Sheet {
        var sheet = Sheet(name: t("Summary", l), frozenRows: 1, frozenColumns: 2)
        let header = ["quantity", "window", "compared", "mean abs error", "unit", "MAPE %", "bounds met", "bounds missed", "not compared"]
        sheet.append(header.map { .heading(t($0, l)) })
        for s in h.summaries {
            let growth = s.quantity.measure == .growth
            let p = growth ? UnitSystem.Presented(unit: "pp", factor: 1) : shown(s.quantity, units)
            func count(_ n: Int) -> Cell { .value(Double(n), format: ExcelNumberFormat.integer) }
            sheet.append([.text(HindcastLabels.quantity(s.quantity, l)), .text(t(s.window.rawValue, l)), count(s.compared),
                          s.meanAbsoluteError.map { .value(p.value($0)) } ?? .empty, .text(Labels.unit(p.unit, l)),
                          .value(s.meanAbsolutePercentError, format: ExcelNumberFormat.oneDecimal),
                          count(s.boundsMet), count(s.boundsMissed), count(s.notCompared)])
        }
        return sheet
    }
}
