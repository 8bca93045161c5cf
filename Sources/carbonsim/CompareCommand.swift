import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim compare`: scenarios side by side by plan period, each against the first.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios by plan period: differences against the first, target gaps, peak, cumulative CO2 and cost.",
        discussion: """
        The first file is the reference: every other scenario is shown as its difference from it, absolute \
        (in the indicator's unit; for shares, percentage points) and as % of the reference's value. With no \
        file, compares the embedded baseline and announced scenarios.

        --lang zh labels everything in Chinese and, by default, shows Chinese statistical units (--units cn: \
        万吨CO2, 万吨标准煤, 万千瓦, 亿千瓦时); a Chinese CSV starts with the UTF-8 byte-order mark. JSON stays \
        in the model's units (Mt CO2, Mtce, GW, TWh) whatever --units says.

        --format xlsx writes an Excel workbook (--output FILE.xlsx): the plan-period table with the scenarios \
        side by side and the differences, the targets with required, achieved, gap and result, the headline \
        indicators, the costs, the annual series of each scenario, and a metadata sheet.
        """
    )

    @Argument(help: "Scenario YAML files; the first is the reference.")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp(stringLiteral: ReportFormat.help))
    var format: ReportFormat = .table

    @Option(name: [.short, .long], help: "Write to this file instead of printing (required for xlsx).")
    var output: String?

    @Option(name: .long, help: "Show plan periods ending no later than this year (default: all, to the dataset's end).")
    var until: Int?

    @OptionGroup var table: PlanTableOptions

    @OptionGroup var presentation: PresentationOptions

    @OptionGroup var data: DatasetOptions

    var lang: Language { presentation.lang }

    /// `--until` between two period ends shows the periods ending before it; one before the first period's end
    /// would show none, and is refused with the years that show some.
    func checkUntil(_ until: Int, from: Int, dataset: Dataset) throws {
        let periods = PlanPeriod.covering(from: from, to: dataset.endYear)
        guard let first = periods.first else { return }
        let ends = periods.map(\.endYear)
        let list = ends.prefix(3).map(String.init).joined(separator: ", ") + (ends.count > 3 ? ", ..." : "")
        let zh = lang == .zh
        if until > dataset.endYear {
            throw InputError(file: "--until", keyPath: "until",
                             message: zh ? "\(until)年超出数据集的年份范围（至\(dataset.endYear)年）" : "\(until) is after the dataset's horizon, which ends in \(dataset.endYear)",
                             accepted: "\(first.endYear) to \(dataset.endYear)")
        }
        if until < first.endYear {
            throw InputError(file: "--until", keyPath: "until",
                             message: zh ? "\(from)年之后没有在\(until)年及以前结束的五年规划期：第一个是\(first.nameZH)（\(first.startYear)-\(first.endYear)年），于\(first.endYear)年结束"
                                         : "no plan period after \(from) ends by \(until): the first, the \(first.ordinal) plan (\(first.startYear)-\(first.endYear)), ends in \(first.endYear)",
                             accepted: zh ? "从\(first.endYear)年起某个五年规划期的最后一年（\(list.replacingOccurrences(of: ", ", with: "、"))），或更早的 --from"
                                          : "a plan period's last year from \(first.endYear) (\(list)), or an earlier --from")
        }
        if !ends.contains(until), let containing = periods.first(where: { $0.endYear > until }) {
            printLine(lang.describe(InputWarning(file: "--until", line: nil, keyPath: "until", message: zh
                ? "\(containing.nameZH)（\(containing.startYear)-\(containing.endYear)年）在\(until)年之后结束，未列出；--until \(containing.endYear) 可列出"
                : "the \(containing.ordinal) plan (\(containing.startYear)-\(containing.endYear)) ends after \(until) and is not shown; --until \(containing.endYear) shows it")))
        }
    }

    func run() throws {
        try reportingErrors(lang) {
            // Told like every input error (located, and in Chinese under zh), not as a usage error.
            // Only what is no year at all here; a year outside the plan periods shown is told by `checkUntil`, with the
            // years that show some (it knows the dataset and the first column).
            if let until, !(1000...9999).contains(until) {
                throw InputError(file: "--until", keyPath: "until", message: "\(until) is not a year", accepted: "a plan period's last year, for example 2030")
            }
            let workbook = try checkWorkbookOutput(format: format, output: output)
            if let output, workbook == nil { try checkOutputFile(output, option: "--output") }
            let dataset = try data.load()
            let from = try table.start(for: dataset, language: lang)
            // The default start is `PlanPeriodReport.defaultStart`'s: the last observed year, else the base year.
            if let until { try checkUntil(until, from: from ?? dataset.history?.lastObservedYear ?? dataset.baseYear, dataset: dataset) }
            var scenarios = try scenariosToRun(files, dataset: dataset, language: lang)
            for (i, name) in distinctNames(scenarios.map(\.name)).enumerated() { scenarios[i].name = name }
            let results = try scenarios.map { try PreparedScenario($0, dataset: dataset).run() }
            if let workbook {
                let metadata = WorkbookMetadata(dataset: dataset, scenarios: scenarios, embedded: files.isEmpty, command: commandLineForMetadata)
                let sheets = ScenarioWorkbook.build(results, metadata: metadata, language: lang, units: presentation.unitSystem,
                                                   differences: true, until: until, from: from)
                try writeWorkbook(sheets, to: workbook, title: "carbonsim compare: \(results.map(\.name).joined(separator: ", "))", language: lang)
                return
            }
            let comparison = ScenarioComparison(results, until: until, from: from, provenance: Provenance(dataset))
            let text = try ComparisonRenderer.render(comparison, format: format.text!, language: lang, units: presentation.unitSystem,
                                                     bom: format == .csv && presentation.csvBOM)
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    printError("cannot write \(output): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
