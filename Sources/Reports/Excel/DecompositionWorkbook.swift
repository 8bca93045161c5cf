import Simulator

/// The workbook of `decompose`: the additive LMDI effects by sector (in `units`: 万吨CO2 by default under
/// zh, Mt CO2 under en) with their totals, the multiplicative effects, the two ends compared, and the metadata.
public enum DecompositionWorkbook {
    /// `labels` name the two ends ("2020", "baseline 2030"); `start` and `end` are their gross CO2.
    public static func build(_ r: LMDI.Result, sectors: [String], labels: (String, String), start: Double, end: Double,
                             metadata: WorkbookMetadata, language l: Language, units: UnitSystem? = nil) -> Spreadsheet {
        let units = units ?? .default(for: l)
        let co2 = units.presented("Mt CO2")
        let effects = LMDI.Effect.allCases
        let total = Labels.workbook("total", l)
        var sheet = Sheet(name: Labels.workbook("sheet_lmdi", l), frozenRows: 1, frozenColumns: 1)
        sheet.append([.heading(Labels.workbook("sector", l))] + effects.map { .heading(Labels.effect($0, l)) } + [.heading(total)])
        // Rounding noise of the logarithmic means (-4e-12 for an effect that is nil) is written as 0, as the text
        // table shows it, not as a -0.000 in Excel.
        let noise = 1e-9 * max(abs(start), abs(end), 1)
        func cell(_ v: Double) -> Cell { .value(co2.value(abs(v) < noise ? 0 : v)) }
        for (i, s) in sectors.enumerated() {
            let v = effects.map { r.additive[$0]![i] }
            sheet.append([.text(Labels.sector(s, l))] + v.map(cell) + [cell(v.reduce(0, +))])
        }
        sheet.append([.heading(total)] + effects.map { cell(r.total($0)) } + [cell(r.change)])
        let ratio = "0.0000"
        sheet.append([.heading(Labels.workbook("ratio", l))] + effects.map { .value(r.multiplicative[$0]!, format: ratio) }
                     + [.value(r.ratio, format: ratio)])
        sheet.append([])
        let mt = Labels.unit(co2.unit, l)
        sheet.append([.note(Labels.workbook("decomposition", l).replacingOccurrences(of: Labels.unit("Mt CO2", l), with: mt))])
        sheet.append([.text(Labels.workbook("from", l)), .text(labels.0), .value(co2.value(start)), .text(mt)])
        sheet.append([.text(Labels.workbook("to", l)), .text(labels.1), .value(co2.value(end)), .text(mt)])
        var names: Set<String> = [sheet.name.lowercased()]
        var meta = metadata.sheet(l, units: units)
        meta.name = ScenarioWorkbook.sheetName(meta.name, taken: &names)
        return Spreadsheet(sheets: [sheet, meta])
    }
}
