import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator
import Sweeps

extension Language: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension UnitSystem: ExpressibleByArgument {}

/// Options every command that reads scenarios shares.
struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset YAML file (default: the embedded Inner Mongolia dataset).")
    var dataset: String?

    @Option(name: .long, help: "CEADs province, for example Shanxi or 山西: its embedded dataset, or one derived from its CEADs 2019 inventory.")
    var province: String?

    @Flag(name: .long, help: "Run from the base year without following the dataset's observations (history mode is on when the dataset names an observations file).")
    var noHistory = false

    /// The dataset, in history mode (following its observations through the last observed year) unless
    /// --no-history or it has no observations file.
    func load() throws -> Dataset { try loadWithOrigin().dataset }

    /// The region a sweep database ran on: stored in it by the sweep (given --province or --dataset, they must be its);
    /// for a database of an older version, the dataset named here when its checksum matches.
    func provenance(of store: ResultStore) throws -> Provenance? {
        let region = try store.meta("region"), regionZH = try store.meta("region_zh") ?? "", file = try store.meta("dataset_file")
        let named = dataset != nil || province != nil
        if let region, let file, !named { return Provenance(region: region, regionZH: regionZH, dataset: file) }
        let loaded = try loadWithoutHistory()
        let stored = try store.identity().dataset
        if stored == loaded.checksum || stored.hasPrefix(loaded.checksum + " ") { return Provenance(loaded) }
        if let region, let file {
            throw InputError(file: store.path, keyPath: dataset != nil ? "--dataset" : "--province",
                             message: "the sweep ran on \(region) (\(file)), not on \(loaded.region) (\(Provenance(loaded).dataset))",
                             accepted: "no --province or --dataset (the database names its region), or the ones the sweep ran with")
        }
        return nil
    }

    /// The dataset as written in its file (or embedded, or derived), without history mode.
    func loadWithoutHistory() throws -> Dataset { try loadWithOrigin(history: false).dataset }

    /// The dataset, and whether it was derived from a province's CEADs inventory (not a file, not embedded).
    func loadWithOrigin(history: Bool = true) throws -> (dataset: Dataset, derived: Bool) {
        let (plain, derived) = try loadAsWritten()
        return (history && !noHistory ? try plain.inHistoryMode(datasetPath: dataset) : plain, derived)
    }

    private func loadAsWritten() throws -> (dataset: Dataset, derived: Bool) {
        if let path = dataset {
            let loaded = try Dataset.load(url: URL(fileURLWithPath: path), displayName: path)
            // The file sets the region: a province that is not the file's would be ignored silently.
            if let province, CEADsHistory.comparable(province) != CEADsHistory.comparable(loaded.region) {
                throw InputError(file: "--province", keyPath: "province",
                                 message: "--province \(province) with --dataset \(path), a dataset of \(loaded.region): the dataset file sets the region",
                                 accepted: "--dataset FILE or --province NAME, not both (or a --dataset of \(province))")
            }
            return (loaded, false)
        }
        let embedded = try Dataset.innerMongolia()
        guard let province else { return (embedded, false) }
        let history = try CEADsHistory.embedded()
        let name = try history.province(named: province)
        if CEADsHistory.comparable(name) == CEADsHistory.comparable(embedded.region) { return (embedded, false) }
        return (try ProvinceDataset.make(province: name, history: history), true)
    }
}

/// How a command presents its results: the label language, the units and, for CSV, the byte-order mark.
struct PresentationOptions: ParsableArguments {
    @Option(name: .long, help: "Label language: en or zh.")
    var lang: Language = .en

    @Option(name: .long, help: "Units: model (Mt CO2, Mtce, GW, TWh) or cn (万吨, 万吨标准煤, 万千瓦, 亿千瓦时; the default under --lang zh).")
    var units: UnitSystem?

    @Flag(name: .long, help: "Start CSV output with the UTF-8 byte-order mark (always under --lang zh, so Excel reads Chinese correctly).")
    var bom = false

    var unitSystem: UnitSystem { units ?? .default(for: lang) }
    var csvBOM: Bool { CSVRenderer.wantsBOM(lang, forced: bom) }
}

/// Prints a user error cleanly (file, line, key, what is accepted; in Chinese under `--lang zh`) and exits
/// non-zero; nothing crashes.
func reportingErrors<T>(_ language: Language = .en, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as InputError {
        printInputError(e, language)
        throw ExitCode(2)
    } catch let e as GSLError {
        printError(language == .zh ? "数值计算失败：\(e)" : "numerical failure: \(e)", language)
        throw ExitCode(3)
    } catch let e as BaseYearError {
        printError(e.description, language)
        throw ExitCode(3)
    } catch let e as NonFiniteOutputError {
        printError(e.description, language)
        throw ExitCode(3)
    } catch let e as ChartError {
        // Nothing to draw (every run of a sweep failed): the input's, not the program's.
        printError(e.message, language)
        throw ExitCode(2)
    }
}

/// An input error on standard error with the warnings found in the same reading, as a reader meets them: file by file
/// (in the order the files first come up), line by line, a warning before an error on its line.
func printInputError(_ e: InputError, _ language: Language) {
    let errors = ([e] + e.others).map { error -> InputError in
        var one = error
        one.others = []
        return one
    }
    var files: [String: Int] = [:]
    for file in errors.map(\.file) + e.warnings.map(\.file) where files[file] == nil { files[file] = files.count }
    let told = e.warnings.enumerated().map { (files[$1.file]!, $1.line ?? Int.max, 0, $0, language.describe($1)) }
        + errors.enumerated().map { (files[$1.file]!, $1.line ?? Int.max, 1, $0, language.describe($1)) }
    for item in told.sorted(by: { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }) { printLine(item.4) }
}

func printError(_ message: String, _ language: Language = .en) {
    printLine((language == .zh ? "错误：" : "error: ") + message)
}

/// One line to standard error.
func printLine(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Loads a scenario file and prints its warnings (a fraction typed for a percentage) on standard error.
/// The scenarios `run` and `compare` take: the files given, else the embedded defaults. The embedded
/// "announced" is Inner Mongolia's published plan, so for another region only the baseline is a default.
func scenariosToRun(_ files: [String], dataset: Dataset, language: Language) throws -> [Scenario] {
    guard files.isEmpty else {
        // Every file is read, so that the errors of all of them are told at once, not one file per try.
        let loader = ScenarioLoader(dataset: dataset)
        var scenarios: [Scenario] = [], errors: [InputError] = []
        let told = ToldOnce()
        for file in files {
            do { scenarios.append(try loadScenario(loader, file, language: language, told: told)) } catch let e as InputError { errors.append(e) }
        }
        if let e = InputError.inFileOrder(errors) { throw e }
        return scenarios
    }
    let defaults = try DefaultScenarios.load(dataset: dataset)
    guard !DefaultScenarios.isHomeRegion(dataset) else { return defaults }
    printLine(language == .zh
              ? "注：\(Provenance(dataset).regionName(.zh))：只用基准情景（内置的已公布政策情景是内蒙古的规划）；可给出情景文件"
              : "note: \(dataset.region): the baseline only (the embedded 'announced' scenario is Inner Mongolia's plan); name scenario files to run others")
    return Array(defaults.prefix(1))
}

func loadScenario(_ loader: ScenarioLoader, _ path: String, language: Language, told: ToldOnce = ToldOnce()) throws -> Scenario {
    let s = try DefaultScenarios.load(path, with: loader)
    printWarnings(s, dataset: loader.dataset, language: language, told: told)
    return s
}

/// Lines on standard error, each told once in a command: two files that extend announced.yaml both carry its
/// notes, which its reader cannot act on twice.
final class ToldOnce {
    private var told: Set<String> = []
    func print(_ line: String) {
        if told.insert(line).inserted { printLine(line) }
    }
}

/// A scenario file's warnings on standard error, in file order: the reading's, and what preparing it finds, not only
/// in JSON: what history mode does to its wind and solar milestones (superseded, raised), and levers with nothing to
/// act on in the dataset. A scenario that cannot be prepared fails with its error where the command prepares it.
func printWarnings(_ s: Scenario, dataset: Dataset, language: Language, told: ToldOnce = ToldOnce()) {
    for w in InputWarning.inFileOrder(s.warnings + preparationWarnings(s, dataset: dataset)) { told.print(language.describe(w)) }
}

/// Only what preparing a scenario finds, for a command whose spec told the scenario's reading warnings already
/// (optimize).
func printPreparationWarnings(_ s: Scenario, dataset: Dataset, language: Language) {
    for w in InputWarning.inFileOrder(preparationWarnings(s, dataset: dataset)) { printLine(language.describe(w)) }
}

/// What preparing `s` finds that a report tells (`PreparedScenario.toldPreparationWarnings`); none when it cannot be
/// prepared (the command that prepares it fails there with the error).
private func preparationWarnings(_ s: Scenario, dataset: Dataset) -> [InputWarning] {
    guard dataset.history != nil || !s.levers.isEmpty, let prepared = try? PreparedScenario(s, dataset: dataset) else { return [] }
    return prepared.toldPreparationWarnings
}

/// Checks, before any computation, that a file can be written at `path`: not empty, not a folder, in an
/// existing folder that is writable. `option` names where the path came from (`--db`, `--csv`, `-o`).
/// `namedOnCommandLine`: the path was typed (not a default the command made up); `replacesDatabase`: the output is
/// itself a database that may take an existing one's place (`sweep --db`, `merge --output`).
func checkOutputFile(_ path: String, option: String, namedOnCommandLine: Bool = true, replacesDatabase: Bool = false) throws {
    guard !path.isEmpty else {
        throw InputError(file: option, message: "the path is empty", accepted: "a file name, for example \(option == "--db" ? "sweep.sqlite" : "out.csv")")
    }
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        // The example keeps the extension the command wants (a workbook's .xlsx).
        let ext = URL(fileURLWithPath: path).pathExtension
        throw InputError(file: path, keyPath: option, message: "this is a folder, not a file",
                         accepted: "a file path, for example \(path)/out\(ext.isEmpty ? "" : "." + ext)")
    }
    try checkFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path, for: path, option: option)
    try checkNotAnInput(path, option: option, namedOnCommandLine: namedOnCommandLine)
    if !replacesDatabase, isSQLiteDatabase(path) {
        throw InputError(file: path, keyPath: option, message: "this is a SQLite database (a sweep's results?); writing \(option) here would replace it",
                         accepted: "another file name for \(option) (the database stays as it is)")
    }
}

/// Refuses an output path that the command also reads: `sweep spec.yaml --db s.sqlite --csv s.sqlite`, `summarize
/// s.sqlite -o s.sqlite` and `optimize spec.yaml -o spec.yaml` would overwrite their own input before or while reading it.
/// An input is any existing file named on the command line; the output's own option names it once.
private func checkNotAnInput(_ path: String, option: String, namedOnCommandLine: Bool) throws {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return }
    func canonical(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
    let target = canonical(path)
    let arguments = CommandLine.arguments.dropFirst().flatMap { a -> [String] in
        // --option=value names its value too.
        a.hasPrefix("-") && a.contains("=") ? [String(a[a.index(after: a.firstIndex(of: "=")!)...])] : [a]
    }
    let named = arguments.filter { fm.fileExists(atPath: $0) && canonical($0) == target }.count
    guard named > (namedOnCommandLine ? 1 : 0) else { return }
    throw InputError(file: path, keyPath: option, message: "this file is also an input of the command; writing \(option) here would replace what the command reads",
                     accepted: "another file name for \(option)")
}

/// Whether `path` is a SQLite database file (its 16-byte header).
func isSQLiteDatabase(_ path: String) -> Bool {
    guard let h = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? h.close() }
    return (try? h.read(upToCount: 16)) == Data("SQLite format 3\u{0}".utf8)
}

/// Checks that a folder to write into exists (or can be created, for `--output` folders) and is writable.
/// `fileAdvice`: what to write instead when the path looks like a file's (table.csv), from the command that knows.
func checkOutputFolder(_ path: String, option: String, fileAdvice: String) throws {
    guard !path.isEmpty else { throw InputError(file: option, message: "the path is empty", accepted: "a folder name, for example results") }
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw InputError(file: path, keyPath: option, message: "this is a file, not a folder", accepted: "a folder (it is created if missing)") }
        guard fm.isWritableFile(atPath: path) else {
            throw InputError(file: path, keyPath: option, message: "the folder is not writable", accepted: "a folder you can write to")
        }
        return
    }
    // A folder to be created with a file's extension (results.csv) is a file meant as the folder: told, not created.
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    if ["csv", "md", "json", "txt", "tsv", "xlsx", "xls", "svg"].contains(ext) {
        throw InputError(file: path, keyPath: option, message: "\(option) names a folder, and '\(URL(fileURLWithPath: path).lastPathComponent)' looks like a file name",
                         accepted: fileAdvice)
    }
    // Created later, in a folder that exists (as every other output path): a typo in a parent folder is told, not
    // built into a new tree.
    try checkFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path, for: path, option: option)
}

private func checkFolder(_ folder: String, for path: String, option: String) throws {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
        throw InputError(file: path, keyPath: option, message: "the folder \(folder) does not exist",
                         accepted: "a path in an existing folder (create it first: mkdir -p \(folder))")
    }
    guard isDirectory.boolValue else {
        throw InputError(file: path, keyPath: option, message: "\(folder) is a file, not a folder", accepted: "a path in an existing folder")
    }
    guard fm.isWritableFile(atPath: folder) else {
        throw InputError(file: path, keyPath: option, message: "the folder \(folder) is not writable", accepted: "a folder you can write to, or another path")
    }
}

/// A name made safe as one file name: path separators, control characters and characters Windows refuses
/// become '_'; leading dots become '_' (a hidden file is a lost file); an empty or dot-only name becomes "scenario".
func safeFileName(_ name: String) -> String {
    let bad = Set("/\\:*?\"<>|")
    var s = String(name.map { bad.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) ? "_" : $0 })
    s = s.trimmingCharacters(in: .whitespaces)
    if s.isEmpty || s.allSatisfy({ $0 == "." }) { s = "scenario" }
    let dots = s.prefix { $0 == "." }.count
    return String(repeating: "_", count: dots) + s.dropFirst(dots)
}

/// File names for `names`, made safe (`safeFileName`) and distinct: a repeated name gets -2, -3, ...
/// so that two scenarios never overwrite each other's files.
func uniqueFileNames(_ names: [String]) -> [String] { distinctNames(names.map(safeFileName)) }

/// `names` with a repeated one (ignoring case) given -2, -3, ...: two scenarios of one name in a comparison would
/// give columns no one can tell apart.
func distinctNames(_ names: [String]) -> [String] {
    var used = Set<String>()
    return names.map { base in
        var candidate = base, k = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base)-\(k)"
            k += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

/// Where the plan-period tables start (run, compare).
struct PlanTableOptions: ParsableArguments {
    @Option(name: .long, help: "First column of the plan-period table, a year: the periods shown start after it. Default: the last observed year in history mode (the 15th plan leads, from the 2025 data), otherwise the end of the plan period the base year falls in (2020 for a 2019 base year, the 14th plan leading); --from 2020 shows the 14th plan in history mode too.")
    var from: Int?

    /// `from`, checked against the dataset: a year from its base year to five years before its end. A year inside a
    /// plan period starts the table at that period's end (the columns are period ends): told, with the year to give.
    func start(for dataset: Dataset, language: Language = .en) throws -> Int? {
        guard let from else { return nil }
        let last = dataset.endYear - 5
        guard (dataset.baseYear...last).contains(from) else {
            throw InputError(file: "--from", message: "expected a year from \(dataset.baseYear) (the dataset's base year) to \(last) (a plan period before its end \(dataset.endYear)); got \(from)")
        }
        if let first = PlanPeriod.covering(from: from, to: dataset.endYear).first, first.baseYear != from {
            let inside = PlanPeriod.containing(from)
            let period = Labels.period(inside.number, start: inside.startYear, end: inside.endYear, language)
            // The base year's own plan starts before the data: there is no earlier --from that shows it.
            let shows = inside.baseYear >= dataset.baseYear
            printLine(language == .zh
                      ? "注：--from \(from) 在\(period)之内：表格从其末年 \(first.baseYear) 开始；" + (shows ? "要显示该规划期，请用 --from \(inside.baseYear)" : "该规划期始于数据集基年 \(dataset.baseYear) 之前，无法显示")
                      : "note: --from \(from) is inside the \(period) plan: the table starts at its end, \(first.baseYear); " + (shows ? "--from \(inside.baseYear) shows that plan" : "that plan begins before the dataset's base year, \(dataset.baseYear), and cannot be shown"))
        }
        return from
    }
}
