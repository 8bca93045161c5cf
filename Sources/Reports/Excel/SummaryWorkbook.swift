import Foundation
import Simulator
import Sweeps

/// The workbook of `summarize`: percentile bands year by year, the probability of meeting each target and the
/// distribution of its shortfall,
/// the sensitivities (Sobol indices with intervals, or standardized regression coefficients), and the
/// metadata of the sweep. Bands and required values are in `units` (Chinese statistical units by default
/// under zh), as the zh tables show them.
public enum SummaryWorkbook {
    public static func build(_ s: SweepSummary, metadata: WorkbookMetadata, language l: Language, units: UnitSystem? = nil) -> Spreadsheet {
        let options = SweepSummaryRenderer.Options(language: l, units: units)
        func w(_ key: String) -> String { Labels.workbook(key, l) }
        func t(_ key: String) -> String { Labels.text(key, l) }
        let percent = ExcelNumberFormat.oneDecimal, index = "0.000"

        var bands = Sheet(name: w("sheet_bands"), frozenRows: 1, frozenColumns: 3)
        bands.append([.heading(t("scenario")), .heading(t("indicator")), .heading(t("year"))]
                     + SweepSummaryRenderer.percentileNames.map { .heading($0) } + [.heading(t("unit"))])
        for sc in s.scenarios {
            for band in sc.bands {
                let shown = options.units.presented(OutputCatalog.shared.unit(of: band.series) ?? "")
                for (i, y) in band.years.enumerated() {
                    bands.append([.text(Labels.scenario(sc.scenario, l)), .text(Labels.series(band.series, l)), .value(Double(y), format: ExcelNumberFormat.integer)]
                                 + band.values.map { Cell.value(shown.value($0[i])) } + [.text(Labels.unit(shown.unit, l))])
                }
            }
        }

        var targets = Sheet(name: w("sheet_probabilities"), frozenRows: 1, frozenColumns: 2)
        targets.append([.heading(t("scenario")), .heading(t("target")), .heading(t("year")), .heading(t("required")),
                        .heading(w("probability")), .heading(w("lower")), .heading(w("upper")), .heading(w("runs")),
                        .heading(w("shortfall_median")), .heading(w("shortfall_p90")), .heading(t("unit"))])
        for sc in s.scenarios {
            for target in sc.targets {
                let p = target.probability
                let kind = TargetCheck.Kind(rawValue: target.target), isYear = kind == .peakYear || kind == .neutralityYear
                let factor = kind.map(options.units.targetFactor) ?? 1
                let unit = SweepSummaryRenderer.targetUnit(target.target, options)
                targets.append([.text(Labels.scenario(sc.scenario, l)), .text(Labels.target(target.target, l, units: options.units)),
                                // A required year is a year (2028), not a thousands number (2,028).
                                target.lastYear == target.year ? .value(Double(target.year), format: ExcelNumberFormat.integer) : .text(target.yearText),
                                isYear ? .value(target.required, format: ExcelNumberFormat.integer) : .value(factor * target.required),
                                .value(100 * p.estimate, format: percent), .value(100 * p.lower, format: percent),
                                .value(100 * p.upper, format: percent), .value(Double(p.trials), format: ExcelNumberFormat.integer)]
                               // The shortfall over all runs (0 for a run that meets the target), in the target's unit; a
                               // quantile that falls on runs never peaking or never reaching net zero is "never" (未实现).
                               + [target.shortfallMedian, target.shortfallP90].map { v in
                                   v.isInfinite ? .text(SweepSummaryRenderer.shortfall(v, l)) : .value(unit.value(v))
                               } + [.text(Labels.unit(unit.unit, l))])
            }
        }

        var sensitivity = Sheet(name: w("sheet_sensitivity"), frozenRows: 1, frozenColumns: 4)
        sensitivity.append([.heading(t("scenario")), .heading(w("output")), .heading(w("method")), .heading(w("factor")),
                            .heading(w("first")), .heading(w("lower")), .heading(w("upper")),
                            .heading(w("total_order")), .heading(w("lower")), .heading(w("upper")), .heading("R²"), .heading(w("note"))])
        for sc in s.scenarios {
            for sens in sc.sensitivity {
                let outside = Set(sens.outsideUnitInterval.map(\.factor))
                for (i, f) in sens.factors.enumerated() {
                    let first = sens.first[i]
                    // Under zh the Chinese names, the keys scripts use in brackets.
                    let zh = l == .zh
                    let output = zh ? "\(ScenarioCharts.output(sens.output, .zh))（\(sens.output)）" : sens.output
                    let method = zh ? (sens.method == .sobol ? "Sobol指数" : "标准化回归系数") : sens.method.rawValue
                    let factor = zh ? "\(ScenarioCharts.factor(f, .zh))（\(f)）" : f
                    var row: [Cell] = [.text(Labels.scenario(sc.scenario, l)), .text(output), .text(method), .text(factor),
                                       .value(first.estimate, format: index)]
                    if sens.method == .sobol {
                        let total = sens.total[i]
                        row += [.value(first.lower, format: index), .value(first.upper, format: index), .value(total.estimate, format: index),
                                .value(total.lower, format: index), .value(total.upper, format: index), .empty]
                    } else {
                        row += [.value(first.lower, format: index), .value(first.upper, format: index), .empty, .empty, .empty, .value(sens.rSquared, format: index)]
                    }
                    let noise = sens.method != .sobol && first.lower <= 0 && first.upper >= 0 && first.estimate != 0
                    row.append(sens.doesNotVary ? .text(w("note_constant")) : outside.contains(f) ? .text(w("note_outside"))
                               : noise ? .text(w("note_noise")) : .empty)
                    sensitivity.append(row)
                }
            }
        }
        let runs = runsSheet(s, language: l)
        var names: Set<String> = [bands.name.lowercased(), targets.name.lowercased(), sensitivity.name.lowercased(), runs.name.lowercased()]
        var meta = metadata.sheet(l, units: options.units)
        meta.name = ScenarioWorkbook.sheetName(meta.name, taken: &names)
        return Spreadsheet(sheets: [bands, targets, sensitivity, runs, meta])
    }

    /// What the figures of the other sheets stand on, as the text summary tells it: the runs stored of those planned
    /// (an interrupted sweep, unmerged shards), each scenario's runs and failures with why they failed, and Sobol indices
    /// estimated from fewer complete base samples than the design's.
    static func runsSheet(_ s: SweepSummary, language l: Language) -> Sheet {
        func w(_ key: String) -> String { Labels.workbook(key, l) }
        func t(_ key: String) -> String { Labels.text(key, l) }
        let zh = l == .zh
        func count(_ n: Int) -> Cell { .value(Double(n), format: ExcelNumberFormat.integer) }
        var sheet = Sheet(name: w("sheet_runs"), frozenRows: 1, frozenColumns: 2)
        sheet.append([.heading(t("scenario")), .heading(w("runs_item")), .heading(w("runs_count")), .heading(w("note"))])
        let incomplete = s.storedRuns < s.plannedRuns
        sheet.append([.text(w("runs_all")), .text(w("runs_stored")), count(s.storedRuns),
                      incomplete ? .text(w("runs_incomplete")) : .empty])
        sheet.append([.text(w("runs_all")), .text(w("runs_planned")), count(s.plannedRuns), .empty])
        for sc in s.scenarios {
            let name = Cell.text(Labels.scenario(sc.scenario, l))
            sheet.append([name, .text(w("runs")), count(sc.runs), .empty])
            sheet.append([name, .text(w("runs_failed")), count(sc.failed), sc.failed > 0 ? .text(w("runs_failed_note")) : .empty])
            for f in sc.failures {
                sheet.append([name, .text(w("runs_failure")), count(f.runs), .text(zh ? InputMessagesZH.line(f.example) : f.example)])
            }
            for sens in sc.sensitivity {
                guard let (complete, planned) = sens.baseSamples, complete < planned,
                      let note = SweepSummaryRenderer.incompleteSobolNote(sens, l) else { continue }
                let output = zh ? "\(ScenarioCharts.output(sens.output, .zh))（\(sens.output)）" : sens.output
                // The note without the Markdown emphasis the text summary gives it.
                sheet.append([name, .text(w("runs_base_samples") + output), count(complete),
                              .text(note.trimmingCharacters(in: CharacterSet(charactersIn: "_")))])
            }
        }
        return sheet
    }
}

extension WorkbookMetadata {
    /// A sweep's metadata, from its database: the dataset checksum, the tool that ran it, the scenario
    /// files with their checksums, the sweep's name, design and spec file. The dataset itself is not
    /// stored, so region and sources are left out.
    public init(sweep store: ResultStore, command: String, date: Date = Date()) throws {
        self.init(region: "", regionZH: "", datasetFile: "", datasetChecksum: try store.meta("dataset_checksum") ?? "",
                  scenarioFiles: [], toolVersion: ResultStore.toolVersion, date: Self.iso(date), command: command, sources: [])
        // "fingerprint  name  path" a line (SweepIdentity.scenarioFiles).
        scenarioFiles = (try store.meta("scenario_files") ?? "").split(separator: "\n").compactMap { line in
            let parts = line.components(separatedBy: "  ")
            return parts.count >= 3 ? ScenarioFile(scenario: parts[1], path: ScenarioFile.shown(parts[2...].joined(separator: "  ")), checksum: parts[0]) : nil
        }
        for key in ["name", "design", "spec_file", "run_count", "tool_version"] {
            if let v = try store.meta(key), !v.isEmpty { sweep.append((key, v)) }
        }
    }
}
