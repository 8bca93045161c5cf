import Analysis
import Foundation
import Scenarios
import Simulator

/// Text, Markdown, CSV and JSON renderings of a hindcast: every observation with the model's value and the
/// error, then a summary per quantity and window. Each output says which model mode made the numbers.
public enum HindcastRenderer {
    public static func render(_ h: Hindcast, format: OutputFormat, language l: Language = .en) throws -> String {
        switch format {
        case .table: return text(h, markdown: false, l)
        case .markdown: return text(h, markdown: true, l)
        case .csv: return csv(h, l)
        case .json: return try json(h)
        }
    }

    static func t(_ key: String, _ l: Language) -> String {
        key == "compared row" && l == .en ? "compared" : HindcastLabels.text(key, l)
    }

    /// How a row is used, in a few words; the full reason is in the notes under the table.
    static func use(_ r: Hindcast.Row, _ l: Language) -> String {
        if r.model == nil { return t("shown only", l) }
        switch r.observation.use {
        case .compared(let conversion): return t("compared row", l) + (conversion == nil ? "" : " *")
        case .lowerBound: return t(r.boundMet == true ? "bound met" : "bound MISSED", l)
        case .excluded: return t("shown only", l)
        }
    }

    /// Why a row is used the way it is, beyond a plain comparison: conversions and exclusions.
    static func reason(_ r: Hindcast.Row, _ l: Language = .en) -> String? {
        if l == .zh { return HindcastLabels.reasonZH(r) }
        var parts: [String] = []
        if r.model == nil { parts.append("outside the model run") }
        switch r.observation.use {
        case .compared(let c): if let c { parts.append(c) }
        case .lowerBound(let why), .excluded(let why): parts.append(why)
        }
        if let u = r.observation.unitConversion { parts.append(u) }
        if let a = r.observation.quantity.approximation { parts.append("model: " + a) }
        // A held-back row's reason is its notes: say it where the row is.
        if r.observation.basis.heldBack, !r.observation.notes.isEmpty { parts.append("notes: " + r.observation.notes) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// What the tight bounds hold in history mode: the followed drivers and what this run calibrated.
    static func held(_ h: Hindcast, _ l: Language) -> String {
        let calibrated = h.history.map { Hindcast.calibratedNames($0, zh: l == .zh) } ?? []
        return ((l == .zh ? ["装机", "外送", "GDP"] : ["capacities", "exports", "GDP"]) + calibrated).joined(separator: l == .zh ? "、" : ", ")
    }

    static func number(_ v: Double?) -> String { v.map(NumberFormat.value) ?? "–" }

    static func signed(_ v: Double?, _ digits: Int? = nil) -> String {
        guard let v, v.isFinite else { return "–" }
        let s = digits.map { NumberFormat.fixed(v, $0) } ?? NumberFormat.value(v)
        return v > 0 ? "+" + s : s
    }

    static func text(_ h: Hindcast, markdown: Bool, _ l: Language) -> String {
        let table = TextRenderer(language: l, markdown: markdown)
        var out = markdown ? "## \(t("Hindcast", l))\n\n" : "\(t("Hindcast", l))\n\n"
        // A label's colon as the language writes it.
        let colon = l == .zh ? "：" : ": "
        out += (markdown ? "- **\(t("Mode", l))**\(colon)" : "\(t("Mode", l))\(colon)") + (l == .zh ? h.modeZH : h.mode) + "\n"
        guard let file = h.observationsFile else {
            return out + (markdown ? "- " : "") + t("no observations", l) + "\n"
        }
        out += (markdown ? "- **\(t("Observations", l))**\(colon)" : "\(t("Observations", l))\(colon)")
            + Provenance.datasetName(file, l)
        if let n = h.lastObservedYear {
            let (semicolon, comma) = l == .zh ? ("；", "，") : ("; ", ", ")
            out += h.history == nil ? "\(semicolon)N = \(n)\(colon)\(t("in-sample", l)) ≤ \(n - 2)\(comma)\(t("held-out", l)) \(n - 1)-\(n)"
                : "\(semicolon)N = \(n)\(colon)\(t("in-sample", l)) \(h.firstInSampleYear)-\(n)\(comma)\(t("held-out", l)) \(n - 1)-\(n)"
        }
        out += "\n\n"
        var notes: [String] = []
        let rows = h.rows.map { r -> [String] in
            let o = r.observation
            var use = use(r, l)
            if let why = reason(r, l) {
                if let i = notes.firstIndex(of: why) { use += " [\(i + 1)]" } else { notes.append(why); use += " [\(notes.count)]" }
            }
            // The window tells an in-sample row from the held-out one of the same figure (two model values).
            return [HindcastLabels.quantity(o.quantity, l), String(o.year), t(r.window.rawValue, l), number(r.observed), number(r.model),
                    signed(r.error), signed(r.relativeError, 1), o.quantity.modelUnit, HindcastLabels.basis(o.basis, l), use,
                    t(o.confidence.rawValue, l)]
        }
        let header = ["quantity", "year", "window", "observed", "model", "error", "error %", "unit", "basis", "use", "confidence"].map { t($0, l) }
        out += table.table(header: header, rows: rows, rightAligned: { $0 == 1 || (3...6).contains($0) })
        if !notes.isEmpty {
            out += "\n" + (markdown ? "" : "\(t("Notes", l)):\n")
            for (i, n) in notes.enumerated() { out += (markdown ? "\(i + 1). " : "[\(i + 1)] ") + n + "\n" }
        }
        out += markdown ? "\n### \(t("Summary", l))\n\n" : "\n\(t("Summary", l))\n\n"
        let summary = h.summaries.map { s -> [String] in
            let unit = s.quantity.measure == .growth ? "pp" : s.quantity.modelUnit
            return [HindcastLabels.quantity(s.quantity, l), t(s.window.rawValue, l), String(s.compared),
                    s.meanAbsoluteError.map { NumberFormat.value($0) + " " + unit } ?? "–",
                    s.meanAbsolutePercentError.map { NumberFormat.fixed($0, 1) } ?? "–",
                    String(s.boundsMet), String(s.boundsMissed), String(s.notCompared)]
        }
        out += table.table(header: ["quantity", "window", "compared", "mean abs error", "MAPE %", "bounds met", "bounds missed", "not compared"].map { t($0, l) },
                           rows: summary, rightAligned: { $0 >= 2 })
        let violations = HindcastBounds.violations(h)
        let energyBound = h.history?.energyBasisRatio != nil ? HindcastBounds.fittedEnergyPercent : HindcastBounds.energyPercent
        out += "\n" + (l == .zh ? "样本内误差界限（流量与比率 ≤ \(HindcastBounds.levelPercent) %，能源消费总量 ≤ \(energyBound) %，装机 ≤ \(HindcastBounds.stockPercent) %，增速 ≤ \(HindcastBounds.growthPoints) 个百分点，下限均满足" + (h.history == nil ? "" : "；历史模式跟随或校准的量（\(held(h, .zh))）≤ \(HindcastBounds.followedPercent) %，其增速 ≤ \(HindcastBounds.followedGrowthPoints) 个百分点") + "）："
                               : "In-sample bounds (mean absolute error of flows and ratios ≤ \(HindcastBounds.levelPercent) %, total energy ≤ \(energyBound) %, capacities ≤ \(HindcastBounds.stockPercent) %, growth rates ≤ \(HindcastBounds.growthPoints) pp; no lower bound missed"
                                 + (h.history == nil ? "" : "; followed or calibrated in history mode (\(held(h, .en))) ≤ \(HindcastBounds.followedPercent) %, their growth ≤ \(HindcastBounds.followedGrowthPoints) pp") + "): ")
        out += violations.isEmpty ? (l == .zh ? "满足\n" : "met\n") : (l == .zh ? "超出\n" : "EXCEEDED\n") + violations.map { "- " + $0 + "\n" }.joined()
        out += "\n" + (markdown ? "_" : "") + (l == .zh
            ? "误差 = 模型值 − 观测值（增速为百分点）；误差% 相对观测值。下限：部分年份或部分口径的数值，模型的全年全区值应不低于它，不计入误差统计。"
            : "error = model - observed (percentage points for growth rates); error % is relative to the observed level. "
              + "A bound is a partial-year or partial-coverage figure the model's annual regional value must reach; bounds are not in the error statistics.")
            + (markdown ? "_" : "") + "\n"
        return out
    }

    static let csvColumns = ["quantity", "year", "observed", "model", "error", "relative_error_pct", "unit", "basis", "use", "bound_met", "window",
                             "confidence", "observed_as_written", "unit_as_written", "source", "notes", "mode"]
    /// Chinese headers, as every CSV under zh has; the values stay the machine keys and model units a script reads.
    static let csvColumnsZH = ["指标", "年份", "观测值", "模型值", "误差", "相对误差（%）", "单位", "口径", "用法", "下限满足", "窗口",
                               "可信度", "观测值（原文）", "单位（原文）", "来源", "备注", "模式"]

    static func csv(_ h: Hindcast, _ l: Language = .en) -> String {
        var lines = [(l == .zh ? csvColumnsZH : csvColumns).joined(separator: ",")]
        for r in h.rows {
            let o = r.observation
            let useName: String
            switch o.use {
            case .compared: useName = r.model == nil ? "shown" : "compared"
            case .lowerBound: useName = "lower_bound"
            case .excluded: useName = "shown"
            }
            func n(_ v: Double?) -> String { v.map(NumberFormat.exact) ?? "" }
            lines.append(CSVRenderer.csv([o.quantity.name, String(o.year), n(r.observed), n(r.model), n(r.error), n(r.relativeError),
                                          o.quantity.modelUnit, o.basis.description, useName, r.boundMet.map(String.init) ?? "",
                                          r.window.rawValue, o.confidence.rawValue, NumberFormat.exact(o.value), o.unit, o.source,
                                          [reason(r, l), o.notes.isEmpty ? nil : o.notes].compactMap { $0 }.joined(separator: "; "), h.mode]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONReport: Encodable {
        struct Row: Encodable {
            let quantity: String, year: Int, observed: Double, model: Double?, error: Double?, relative_error_pct: Double?
            let unit: String, basis: String, use: String, reason: String?, bound_met: Bool?, window: String, confidence: String
            let observed_as_written: Double, unit_as_written: String, source: String, notes: String, line: Int

            enum CodingKeys: String, CodingKey {
                case quantity, year, observed, model, error, relative_error_pct, unit, basis, use, reason, bound_met, window
                case confidence, observed_as_written, unit_as_written, source, notes, line
            }

            /// Every key in every row: what is not known is null, not missing.
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(quantity, forKey: .quantity); try c.encode(year, forKey: .year); try c.encode(observed, forKey: .observed)
                try c.encode(model, forKey: .model); try c.encode(error, forKey: .error)
                try c.encode(relative_error_pct, forKey: .relative_error_pct); try c.encode(unit, forKey: .unit)
                try c.encode(basis, forKey: .basis); try c.encode(use, forKey: .use); try c.encode(reason, forKey: .reason)
                try c.encode(bound_met, forKey: .bound_met); try c.encode(window, forKey: .window)
                try c.encode(confidence, forKey: .confidence); try c.encode(observed_as_written, forKey: .observed_as_written)
                try c.encode(unit_as_written, forKey: .unit_as_written); try c.encode(source, forKey: .source)
                try c.encode(notes, forKey: .notes); try c.encode(line, forKey: .line)
            }
        }
        struct Summary: Encodable {
            let quantity: String, window: String, compared: Int, mean_absolute_error: Double?, mean_absolute_percent_error: Double?
            let error_unit: String, bounds_met: Int, bounds_missed: Int, not_compared: Int

            enum CodingKeys: String, CodingKey {
                case quantity, window, compared, mean_absolute_error, mean_absolute_percent_error, error_unit, bounds_met, bounds_missed, not_compared
            }

            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(quantity, forKey: .quantity); try c.encode(window, forKey: .window); try c.encode(compared, forKey: .compared)
                try c.encode(mean_absolute_error, forKey: .mean_absolute_error)
                try c.encode(mean_absolute_percent_error, forKey: .mean_absolute_percent_error)
                try c.encode(error_unit, forKey: .error_unit); try c.encode(bounds_met, forKey: .bounds_met)
                try c.encode(bounds_missed, forKey: .bounds_missed); try c.encode(not_compared, forKey: .not_compared)
            }
        }
        let mode: String, scenario: String, base_year: Int, observations_file: String?, last_observed_year: Int?
        let rows: [Row], summary: [Summary]
        let in_sample_bounds: Bounds
        struct Bounds: Encodable { let level_percent: Double, stock_percent: Double, growth_points: Double, violations: [String] }
    }

    static func json(_ h: Hindcast) throws -> String {
        func finite(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }
        let rows = h.rows.map { r -> JSONReport.Row in
            let o = r.observation
            let use: String
            switch o.use {
            case .compared: use = r.model == nil ? "shown" : "compared"
            case .lowerBound: use = "lower_bound"
            case .excluded: use = "shown"
            }
            return JSONReport.Row(quantity: o.quantity.name, year: o.year, observed: r.observed, model: finite(r.model), error: finite(r.error),
                                  relative_error_pct: finite(r.relativeError), unit: o.quantity.modelUnit, basis: o.basis.description,
                                  use: use, reason: reason(r), bound_met: r.boundMet, window: r.window.rawValue,
                                  confidence: o.confidence.rawValue, observed_as_written: o.value, unit_as_written: o.unit,
                                  source: o.source, notes: o.notes, line: o.line)
        }
        let summary = h.summaries.map { s in
            JSONReport.Summary(quantity: s.quantity.name, window: s.window.rawValue, compared: s.compared,
                               mean_absolute_error: finite(s.meanAbsoluteError), mean_absolute_percent_error: finite(s.meanAbsolutePercentError),
                               error_unit: s.quantity.measure == .growth ? "percentage points" : s.quantity.modelUnit,
                               bounds_met: s.boundsMet, bounds_missed: s.boundsMissed, not_compared: s.notCompared)
        }
        let report = JSONReport(mode: h.mode, scenario: h.scenario, base_year: h.baseYear, observations_file: h.observationsFile,
                                last_observed_year: h.lastObservedYear, rows: rows, summary: summary,
                                in_sample_bounds: .init(level_percent: HindcastBounds.levelPercent, stock_percent: HindcastBounds.stockPercent, growth_points: HindcastBounds.growthPoints,
                                                        violations: HindcastBounds.violations(h)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
