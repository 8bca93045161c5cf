import Scenarios
import Simulator

/// Observed against model, per quantity and year: the error where a figure is comparable with the model's
/// annual regional value, the check where it is only a lower bound, and the figure alone where it is neither.
/// In history mode the in-sample rows compare every observation with the fit through N (the last observed
/// year), and the held-out rows compare N - 1 and N with history mode fitted through N - 2 (leave-last-years-out).
/// For a projection (no history mode), years through N - 2 are in-sample and N - 1, N held out.
public struct Hindcast: Sendable {
    public enum Window: String, Sendable, CaseIterable {
        case inSample = "in-sample"
        case heldOut = "held-out"
    }

    public struct Row: Sendable {
        public let observation: Observation
        /// The model's value in the quantity's model unit; nil outside the run.
        public let model: Double?
        /// Model minus observed, in the model unit (percentage points for a growth rate); nil unless compared.
        public let error: Double?
        /// The error relative to the observed level, %; nil for growth rates and uncompared rows.
        public let relativeError: Double?
        /// For a lower bound: whether the model is at or above it.
        public let boundMet: Bool?
        public let window: Window

        public var observed: Double { observation.modelUnitValue }
        public var isCompared: Bool { error != nil }
    }

    public struct Summary: Sendable {
        public let quantity: ObservedQuantity
        public let window: Window
        public let compared: Int
        /// Mean absolute error in the model unit (percentage points for a growth rate); nil if nothing compared.
        public let meanAbsoluteError: Double?
        /// Mean absolute percentage error of the levels; nil for growth rates or if nothing compared.
        public let meanAbsolutePercentError: Double?
        public let boundsMet: Int
        public let boundsMissed: Int
        public let notCompared: Int
    }

    /// Scenario run as "the model", and where the observations came from.
    public let scenario: String
    public let observationsFile: String?
    public let baseYear: Int
    /// N: the last year with an observation; nil without observations.
    public let lastObservedYear: Int?
    /// By quantity (in catalogue order), then year, then file order.
    public let rows: [Row]

    /// The first year of the in-sample window in history mode: the year after the base year, or the base year itself
    /// when an observation of it is compared (2019's energy total, which the energy-basis fit uses).
    public var firstInSampleYear: Int {
        max(baseYear, min(baseYear + 1, rows.filter { $0.window == .inSample && $0.isCompared }.map(\.observation.year).min() ?? baseYear + 1))
    }

    /// History mode through N (the fit) when the model followed the observations; nil for a projection.
    public let history: HistoryMode?
    /// The year the held-out check's history mode ends (N - 2); nil without a check.
    public let checkThrough: Int?

    /// How the model's values were made, said plainly in every output (in Chinese: `modeZH`).
    public var modeZH: String {
        if let history {
            return "历史模式：情景“\(scenario)”\(followedZH(history))至\(history.lastObservedYear)年，样本内为拟合；"
                + "留出检验仅遵循至\(checkThrough.map(String.init) ?? "–")年的观测，预测其后两年"
        }
        return "预测：情景“\(scenario)”自\(baseYear)基年起运行；模型未按这些观测值拟合（历史模式未开启：使用了 --no-history，或数据集未指定观测文件），样本内与留出窗口只是年份不同"
    }

    /// The drivers history mode followed, from what the file gave, named in English or Chinese.
    static func driverNames(_ h: HistoryMode, zh: Bool) -> [String] {
        [(!h.gdpGrowth.isEmpty, "GDP growth", "GDP增速"), (!h.exports.isEmpty, "exports", "外送电量"),
         (!h.capacities.years.isEmpty, "wind and solar capacity", "风光装机")].filter(\.0).map { zh ? $0.2 : $0.1 }
    }

    /// The observed quantities the demand paths were calibrated to (`HistoryMode.calibrated`), named.
    public static func calibratedNames(_ h: HistoryMode, zh: Bool) -> [String] {
        h.calibrated.keys.sorted().map { q in
            switch q {
            case "electricity_consumption": return zh ? "全社会用电量" : "electricity consumption"
            case "generation": return zh ? "发电量" : "total generation"
            case "generation_wind_solar": return zh ? "风光发电量" : "wind and solar generation"
            default:
                let product = Product.allCases.first { "output_\($0.key)" == q }
                return zh ? product.map { $0.nameZH + "产量" } ?? q
                          : product.map { $0.key.replacingOccurrences(of: "_", with: " ") + " output" } ?? q
            }
        }
    }

    /// Everything history mode fitted: the paths, then the capacity factors and the energy basis.
    static func fittedNames(_ h: HistoryMode, zh: Bool) -> [String] {
        // The yearly hours and the capacity factors' scale fit the same generation: named once.
        calibratedNames(h, zh: zh) + (h.capacityFactorScale == nil || h.calibrated["generation_wind_solar"] != nil ? []
                                      : [zh ? "风光发电量" : "wind and solar generation"])
            + (h.energyBasisRatio == nil ? [] : [zh ? "能源消费总量" : "energy totals"])
    }

    /// " follows the observed drivers (...) and is calibrated to the observed ...", as history mode did.
    func followed(_ h: HistoryMode) -> String {
        let drivers = Self.driverNames(h, zh: false)
        var fitted = Self.fittedNames(h, zh: false)
        let head = drivers.isEmpty ? "follows no observed driver (the file gives none)"
            : "follows the observed drivers (" + drivers.joined(separator: ", ") + ")"
        guard let last = fitted.popLast() else { return head }
        return head + " and is calibrated to the observed " + (fitted.isEmpty ? last : fitted.joined(separator: ", ") + " and " + last)
    }

    func followedZH(_ h: HistoryMode) -> String {
        let drivers = Self.driverNames(h, zh: true), fitted = Self.fittedNames(h, zh: true)
        return (drivers.isEmpty ? "无观测驱动因素可遵循" : "遵循观测驱动因素（" + drivers.joined(separator: "、") + "）")
            + (fitted.isEmpty ? "" : "并按观测的" + fitted.joined(separator: "、") + "校准")
    }

    public var mode: String {
        if let history {
            return "history mode: scenario '\(scenario)' \(followed(history)) through "
                + "\(history.lastObservedYear); in-sample rows are that fit, every observed year; held-out rows follow the observations only through "
                + "\(checkThrough.map(String.init) ?? "–") and project the last two years (the leave-last-years-out check)"
        }
        return "projection: scenario '\(scenario)' run from the \(baseYear) base year; the model is not fitted to these observations "
            + "(history mode is off: --no-history, or the dataset names no observations file), so the in-sample and held-out windows differ only in the years they cover"
    }

    /// History mode: in-sample rows compare every observation with `fit` (history mode through N); held-out
    /// rows compare the observations of N - 1 and N with `check` (history mode through N - 2).
    public init(observations: ObservationSet?, fit: Trajectory, history: HistoryMode, check: Trajectory?, checkThrough: Int?,
                scenario: String, baseYear: Int) {
        // A held-back row is shown, never compared: it does not move the windows.
        let last = observations?.lastYear()
        let inSample = Hindcast(observations: observations, trajectory: fit, scenario: scenario, baseYear: baseYear)
        var rows = inSample.rows.map { Row(observation: $0.observation, model: $0.model, error: $0.error, relativeError: $0.relativeError,
                                          boundMet: $0.boundMet, window: .inSample) }
        if let check, let last {
            let held = Hindcast(observations: observations, trajectory: check, scenario: scenario, baseYear: baseYear)
            rows += held.rows.filter { $0.observation.year >= last - 1 }
        }
        self.init(scenario: scenario, observationsFile: observations?.file, baseYear: baseYear, lastObservedYear: last,
                  rows: rows, history: history, checkThrough: check == nil ? nil : checkThrough)
    }

    init(scenario: String, observationsFile: String?, baseYear: Int, lastObservedYear: Int?, rows: [Row],
         history: HistoryMode?, checkThrough: Int?) {
        self.scenario = scenario
        self.observationsFile = observationsFile
        self.baseYear = baseYear
        self.lastObservedYear = lastObservedYear
        self.rows = rows
        self.history = history
        self.checkThrough = checkThrough
    }

    /// A projection from the base year: years through N - 2 are in-sample, N - 1 and N held out.
    public init(observations: ObservationSet?, trajectory: Trajectory, scenario: String, baseYear: Int) {
        history = nil
        checkThrough = nil
        self.scenario = scenario
        self.observationsFile = observations?.file
        self.baseYear = baseYear
        let list = observations?.observations ?? []
        let last = observations?.lastYear()
        lastObservedYear = last
        let order = Dictionary(uniqueKeysWithValues: ObservedQuantity.all.enumerated().map { ($1.name, $0) })
        let sorted = list.sorted { a, b in
            (order[a.quantity.name] ?? 0, a.year, a.line) < (order[b.quantity.name] ?? 0, b.year, b.line)
        }
        rows = sorted.map { o in
            let model = o.quantity.modelValue(year: o.year) { trajectory.value($0, year: $1) }
            let window: Window = o.year <= (last ?? o.year) - 2 ? .inSample : .heldOut
            var error: Double?, relative: Double?, met: Bool?
            if let model {
                switch o.use {
                case .compared:
                    error = model - o.modelUnitValue
                    if o.quantity.measure == .level, o.modelUnitValue != 0 { relative = 100 * error! / abs(o.modelUnitValue) }
                case .lowerBound:
                    met = model >= o.modelUnitValue
                case .excluded:
                    break
                }
            }
            return Row(observation: o, model: model, error: error, relativeError: relative, boundMet: met, window: window)
        }
    }

    /// One summary per quantity (in catalogue order) and window, for the quantities observed in that window.
    public var summaries: [Summary] {
        var out: [Summary] = []
        for q in ObservedQuantity.all {
            for window in Window.allCases {
                let mine = rows.filter { $0.observation.quantity == q && $0.window == window }
                guard !mine.isEmpty else { continue }
                let compared = mine.filter(\.isCompared)
                let mae = compared.isEmpty ? nil : compared.map { abs($0.error!) }.reduce(0, +) / Double(compared.count)
                let relative = compared.compactMap(\.relativeError)
                let mape = q.measure == .level && !relative.isEmpty ? relative.map(abs).reduce(0, +) / Double(relative.count) : nil
                out.append(Summary(quantity: q, window: window, compared: compared.count, meanAbsoluteError: mae,
                                   meanAbsolutePercentError: mape,
                                   boundsMet: mine.filter { $0.boundMet == true }.count,
                                   boundsMissed: mine.filter { $0.boundMet == false }.count,
                                   notCompared: mine.filter { !$0.isCompared && $0.boundMet == nil }.count))
            }
        }
        return out
    }
}
