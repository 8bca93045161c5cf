import Analysis
import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim calibrate`: trends fitted to a province's CEADs history, and the dataset they calibrate.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit sector-group trends to CEADs history (gsl_multifit_nlinear) and write a calibrated dataset.",
        discussion: """
        Each series (a sector group, or ferrous and nonmetal together) gets a logistic trend \
        E(t) = L / (φ + (1 - φ) exp(-k (t - 2019))) fitted by nonlinear least squares; the report gives the estimates \
        with standard errors, R² and RMSE. With --output, the dataset's baseline growth of those groups' products \
        (demand_index) and activities (trend) is replaced by the fitted trend relative to the base year, and the \
        result is written as a dataset file that `carbonsim run --dataset FILE` uses.

        Any of the 30 CEADs provinces can be fitted. The dataset calibrated is --dataset FILE if given, else the \
        embedded one for Inner Mongolia, else one derived from the province's CEADs 2019 inventory and national \
        values (docs/data.md): sector groups without products, each following its fitted trend. A series whose \
        trend does not converge is reported with its best point and left out.

        Examples: carbonsim calibrate --output inner-mongolia-calibrated.yaml
                  carbonsim calibrate --province Shanxi --output shanxi.yaml
        """
    )

    @Option(name: .long, help: "First year of the history window.") var from = HistoryCalibration.defaultYears.lowerBound
    @Option(name: .long, help: "Last year of the history window.") var to = HistoryCalibration.defaultYears.upperBound
    @Option(name: .long, parsing: .upToNextOption,
            help: "Series to fit (default: all): \(HistorySeries.defaults.map(\.name).joined(separator: ", ")).")
    var series: [String] = []
    @Option(name: .long, help: "Report format: table, markdown, csv or json.") var format: OutputFormat = .table
    @Option(name: .shortAndLong, help: "Write the calibrated dataset to this YAML file.") var output: String?
    @OptionGroup var presentation: PresentationOptions
    @OptionGroup var data: DatasetOptions

    var lang: Language { presentation.lang }

    func run() throws {
        try reportingErrors(lang) {
            if let output { try checkOutputFile(output, option: "--output") }
            let history = try CEADsHistory.embedded()
            let (dataset, derived) = try baseDataset(history: history)
            guard from <= to else {
                throw InputError(file: "command line", keyPath: "--from/--to", message: "--from \(from) is after --to \(to)")
            }
            let chosen = series.isEmpty ? HistorySeries.defaults
                : try HistorySeries.named(series.flatMap { $0.split(separator: ",").map(String.init) }.reduce(into: [String]()) { names, s in
                    if !names.contains(s) { names.append(s) }   // a series named twice is fitted once
                })
            let calibration: HistoryCalibration
            do {
                calibration = try HistoryCalibration.fit(history: history, province: province ?? dataset.region,
                                                         series: chosen, years: from...to)
            } catch let e as HistoryCalibrationError {
                printError(e.description, lang)
                throw ExitCode(3)
            }
            // The dataset's Chinese region name, when the fitted province is the dataset's region.
            let sameRegion = CEADsHistory.comparable(calibration.province) == CEADsHistory.comparable(dataset.region)
            let provinceZH = sameRegion && !dataset.regionZH.isEmpty ? dataset.regionZH : nil
            print(CalibrationRenderer.render(calibration, baseYear: dataset.baseYear, format: format, language: lang, bom: presentation.csvBOM,
                                             units: presentation.unitSystem, provinceZH: provinceZH), terminator: "")
            for e in calibration.failures {
                printLine(lang == .zh ? "注：\(e)；未拟合，其部门组沿用数据集自身的增长" : "note: \(e); not fitted, so its groups keep the dataset's own growth")
            }
            guard let output else { return }
            let applied = calibration.applied(base: dataset.baseYear, end: dataset.endYear)
            for f in calibration.fits {
                guard let exclusion = f.exclusion(base: dataset.baseYear, end: dataset.endYear) else { continue }
                let window = "\(calibration.years.lowerBound)-\(calibration.years.upperBound)"
                let horizon = dataset.baseYear + HistoryCalibration.rangeHorizon
                let zh = lang == .zh
                let why: String
                switch exclusion {
                case .unboundedGrowth:
                    why = zh ? "\(window)年呈指数增长、没有饱和迹象，其趋势会无限增长"
                             : "it grows exponentially with no sign of saturation in \(window), so its trend would grow without limit"
                case .unboundedDecline:
                    why = zh ? "\(window)年呈指数下降、没有见底迹象，其趋势会一直降向零"
                             : "it falls exponentially with no sign of a floor in \(window), so its trend would fall toward zero"
                case .undetermined:
                    why = zh ? "数据不足以确定其参数（标准误不是有限值）" : "its parameters are not determined by the data (no finite standard error)"
                case .tooUncertain(_, let high):
                    let factor = NumberFormat.value(high)
                    why = zh ? "\(window)年的数据对其趋势约束太弱：到\(horizon)年的增长只能确定在上下 \(factor) 倍之内（±2个标准误），可换更长的窗口"
                             : "\(window) says too little about its trend: its growth to \(horizon) is known only within a factor of \(factor) either way (2 standard errors); a longer window helps"
                }
                if zh {
                    let groups = f.series.groups.map { Labels.sector($0.key, .zh) }.joined(separator: "、")
                    printLine("注：\(CalibrationRenderer.seriesName(f, .zh))：\(why)；\(groups)沿用数据集自身的增长")
                } else {
                    printLine("note: \(f.series.name): \(why); the dataset keeps its own growth for \(f.series.groups.map(\.key).joined(separator: " and "))")
                }
            }
            if applied.isEmpty {
                printLine(lang == .zh ? "注：没有可采用的拟合：写出的数据集沿用其自身的增长（仅标注了来源）"
                                      : "note: no fit can be carried: the dataset written keeps its own growth everywhere")
            }
            // A trend that collapses is carried, but said: a short or early window extrapolates far.
            for f in applied {
                let t = f.fit.trend, base = Double(dataset.baseYear), end = Double(dataset.endYear)
                let growth = 100 * t.growthRate(at: base), left = 100 * t.value(at: end) / t.value(at: base)
                guard growth < -10 else { continue }
                printLine(lang == .zh
                    ? "注：\(CalibrationRenderer.seriesName(f, .zh)) 按 \(calibration.years.lowerBound)-\(calibration.years.upperBound) 年趋势在 \(dataset.baseYear) 年每年下降 \(NumberFormat.fixed(-growth, 1))%，到 \(dataset.endYear) 年只剩 \(dataset.baseYear) 年的 \(NumberFormat.value(left))%；远离基准年的拟合窗口外推很远（可用 --to \(dataset.baseYear) 检查）"
                    : "note: \(f.series.name) falls \(NumberFormat.fixed(-growth, 1)) %/yr at \(dataset.baseYear) by its \(calibration.years.lowerBound)-\(calibration.years.upperBound) trend, to \(NumberFormat.value(left)) % of its \(dataset.baseYear) level by \(dataset.endYear): a window that ends long before the base year extrapolates far (compare --to \(dataset.baseYear)); the dataset carries it")
            }
            let calibrated = try calibration.calibrating(dataset)
            let header = ["carbonsim dataset: \(dataset.region), calibrated to CEADs history by `carbonsim calibrate`",
                          "from \(dataset.file).", "Fitted series: "
                              + applied.map(\.series.name).joined(separator: ", ")
                              + " (\(calibration.years.lowerBound)-\(calibration.years.upperBound)).",
                          "Their groups' demand_index and activity trend entries carry the fits in their sources."]
                + (derived ? [""] + ProvinceDataset.summary : [])
            do {
                try calibrated.yaml(header: header).write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw InputError(file: output, message: "cannot write the calibrated dataset: \(error.localizedDescription)")
            }
            printLine(lang == .zh ? "已写出校准后的数据集：\(output)" : "calibrated dataset written to \(output)")
        }
    }

    /// The CEADs province fitted (default: the dataset's region).
    var province: String? { data.province }

    /// The dataset to calibrate: --dataset, the embedded one for its own region, or one derived from CEADs.
    func baseDataset(history: CEADsHistory) throws -> (dataset: Dataset, derived: Bool) { try data.loadWithOrigin(history: false) }
}
