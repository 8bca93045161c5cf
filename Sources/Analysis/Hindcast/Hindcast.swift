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

    /// History mode through N (the fit) when the model followed the observations; nil for a projection.
    public let history: HistoryMode?
    /// The year the held-out check's history mode ends (N - 2); nil without a check.
    public let checkThrough: Int?

    /// How the model's values were made, said plainly in every output (in Chinese: `modeZH`).
    public var modeZH: String {
        if let history {
            return "历史模式：情景“\(scenario)”\(driversZH(history))\(calibratedZH(history))至\(history.lastObservedYear)年，样本内为拟合；"
                + "留出检验仅遵循至\(checkThrough.map(String.init) ?? "–")年的观测，预测其后两年"
        }
        return "预测：情景“\(scenario)”自\(baseYear)基年起运行；模型未按这些观测值拟合（--no-history），样本内与留出窗口只是年份不同"
    }

    /// What history mode followed, from what the file gave: "follows the observed drivers (GDP growth, ...)".
    func drivers(_ h: HistoryMode) -> String {
        var what: [String] = []
        if !h.gdpGrowth.isEmpty { what.append("GDP growth") }
        if !h.exports.isEmpty { what.append("exports") }
        if !h.capacities.years.isEmpty { what.append("wind and solar capacity") }
        return what.isEmpty ? "follows no observed driver (the file gives none)" : "follows the observed drivers (" + what.joined(separator: ", ") + ")"
    }

    func driversZH(_ h: HistoryMode) -> String {
        var what: [String] = []
        if !h.gdpGrowth.isEmpty { what.append("GDP增速") }
        if !h.exports.isEmpty { what.append("外送电量") }
        if !h.capacities.years.isEmpty { what.append("风光装机") }
        return what.isEmpty ? "无观测驱动因素可遵循" : "遵循观测驱动因素（" + what.joined(separator: "、") + "）"
    }

    /// What history mode calibrated, from what it did: " and is calibrated to the observed ...", or nothing.
    func calibrated(_ h: HistoryMode) -> String {
        var what = h.calibrated.keys.sorted().map { q in
            q == "generation" ? "total generation"
                : q.replacingOccurrences(of: "output_", with: "").replacingOccurrences(of: "_", with: " ") + (q.hasPrefix("output_") ? " output" : "")
        }
        if h.capacityFactorScale != nil { what.append("wind and solar generation") }
        if h.energyBasisRatio != nil { what.append("energy totals") }
        guard let last = what.popLast() else { return "" }
        return " and is calibrated to the observed " + (what.isEmpty ? last : what.joined(separator: ", ") + " and " + last)
    }

    func calibratedZH(_ h: HistoryMode) -> String {
        var what = h.calibrated.keys.sorted().map { q in
            q == "electricity_consumption" ? "全社会用电量" : q == "generation" ? "发电量"
                : (Product.allCases.first { "output_\($0.key)" == q }.map { $0.nameZH + "产量" } ?? q)
        }
        if h.capacityFactorScale != nil { what.append("风光发电量") }
        if h.energyBasisRatio != nil { what.append("能源消费总量") }
        return what.isEmpty ? "" : "并按观测的" + what.joined(separator: "、") + "校准"
    }

    public var mode: String {
        if let history {
            return "history mode: scenario '\(scenario)' \(drivers(history))\(calibrated(history)) through "
                + "\(history.lastObservedYear); in-sample rows are that fit, every observed year; held-out rows follow the observations only through "
                + "\(checkThrough.map(String.init) ?? "–") and project the last two years (the leave-last-years-out check)"
        }
        return "projection: scenario '\(scenario)' run from the \(baseYear) base year; the model is not fitted to these observations "
            + "(--no-history), so the in-sample and held-out windows differ only in the years they cover"
    }

    /// History mode: in-sample rows compare every observation with `fit` (history mode through N); held-out
    /// rows compare the observations of N - 1 and N with `check` (history mode through N - 2).
    public init(observations: ObservationSet?, fit: Trajectory, history: HistoryMode, check: Trajectory?, checkThrough: Int?,
                scenario: String, baseYear: Int) {
        // A held-back row is shown, never compared: it does not move the windows.
        let last = observations?.observations.filter { !$0.basis.heldBack }.map(\.year).max()
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
        let last = list.filter { !$0.basis.heldBack }.map(\.year).max()
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
