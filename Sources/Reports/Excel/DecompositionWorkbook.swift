import Simulator

/// The workbook of `decompose`: the additive LMDI effects by sector (Mt CO2) with their totals, the
/// multiplicative effects, the two ends compared, and the metadata.
public enum DecompositionWorkbook {
    /// `labels` name the two ends ("2020", "baseline 2030"); `start` and `end` are their gross CO2.
    public static func build(_ r: LMDI.Result, sectors: [String], labels: (String, String), start: Double, end: Double,
                             metadata: WorkbookMetadata, language l: Language) -> Spreadsheet {
        let effects = LMDI.Effect.allCases
        let total = Labels.workbook("total", l)
        var sheet = Sheet(name: Labels.workbook("sheet_lmdi", l), frozenRows: 1, frozenColumns: 1)
        sheet.append([.heading(Labels.workbook("sector", l))] + effects.map { .heading(Labels.effect($0, l)) } + [.heading(total)])
        for (i, s) in sectors.enumerated() {
            let v = effects.map { r.additive[$0]![i] }
            sheet.append([.text(Labels.sector(s, l))] + v.map(Cell.value) + [.value(v.reduce(0, +))])
        }
        sheet.append([.heading(total)] + effects.map { .value(r.total($0)) } + [.value(r.change)])
        let ratio = "0.0000"
        sheet.append([.heading(Labels.workbook("ratio", l))] + effects.map { .value(r.multiplicative[$0]!, format: ratio) }
                     + [.value(r.ratio, format: ratio)])
        sheet.append([])
        sheet.append([.note(Labels.workbook("decomposition", l))])
        let mt = Labels.unit("Mt CO2", l)
        sheet.append([.text(Labels.workbook("from", l)), .text(labels.0), .value(start), .text(mt)])
        sheet.append([.text(Labels.workbook("to", l)), .text(labels.1), .value(end), .text(mt)])
        var names: Set<String> = [sheet.name.lowercased()]
        var meta = metadata.sheet(l)
        meta.name = ScenarioWorkbook.sheetName(meta.name, taken: &names)
        return Spreadsheet(sheets: [sheet, meta])
    }
}
