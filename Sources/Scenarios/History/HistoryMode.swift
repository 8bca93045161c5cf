import Foundation
import Simulator

/// History mode: through the last observed year the model follows the observed exogenous drivers (real GDP
/// growth, electricity exports, wind and solar capacity) and is calibrated to the endogenous ones (the demand
/// paths of `PathCalibration`, the wind and solar capacity factors and their yearly hours, the energy statistics'
/// basis); levers act from the year after. It is an input transformation (docs/model.md, "History mode"): dataset entries and the
/// wind and solar lever settings are rewritten; the simulator is unchanged. Only figures compared with the model's
/// annual regional value are used (annual or year-end, whole region, not "at least"): a partial figure never
/// drives the model. Where two such figures give one quantity and year, the higher confidence, then the
/// earlier line, is used.
public struct HistoryMode: Sendable, Equatable {
    /// Where the observations came from (for notes), and their fingerprint (sweep identity).
    public let file: String
    public let checksum: String
    /// The dataset's base year: history starts the year after.
    public let baseYear: Int
    /// N: the last year with an observation the model follows; levers act from N + 1.
    public let lastObservedYear: Int
    /// Observed real GDP growth (share/yr) by year.
    public let gdpGrowth: [Int: Double]
    /// Observed electricity exports (TWh/yr) by year.
    public let exports: [Int: Double]
    /// Observed (or split, see `CapacityHistory`) year-end wind and solar capacity (GW) by year.
    public let capacities: CapacityHistory
    /// The lines of the observations file each used figure comes from, by quantity.
    public let sources: [String: [Int]]
    /// The scale fitted on the wind and solar capacity factors (`RenewableOutputFit`); nil when not fitted.
    public internal(set) var capacityFactorScale: Double? = nil
    /// The energy statistics' basis ratio fitted to observed energy levels (`EnergyBasisFit`); nil when not fitted.
    public internal(set) var energyBasisRatio: Double? = nil
    /// The observed level quantities a demand path was calibrated to (`PathCalibration`), with the years fitted.
    public internal(set) var calibrated: [String: [Int]] = [:]
    /// The fitted knots of each calibrated path (sweep identity).
    public internal(set) var calibratedKnots: [String: [Double]] = [:]

    /// What the fits found, as text: sweeps store it with their results, so none resumes across a refit.
    var fitFingerprint: String {
        ([capacityFactorScale.map { "\($0)" } ?? "-", energyBasisRatio.map { "\($0)" } ?? "-"]
            + calibratedKnots.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }).joined(separator: " ")
    }

    /// The years the model follows observations: the base year's successor through N.
    public var observedYears: ClosedRange<Int> { (baseYear + 1)...lastObservedYear }

    /// History mode for `dataset` from `observations`, using figures up to `through` (nil: all of them; the
    /// hindcast's leave-last-years-out check passes N - 2). nil when nothing usable is observed.
    public static func from(_ observations: ObservationSet, dataset: Dataset, checksum: String,
                            through: Int? = nil) -> HistoryMode? {
        let limit = min(through ?? Int.max, dataset.endYear)
        var chosen: [String: [Int: Observation]] = [:]
        for o in observations.observations where o.year > dataset.baseYear && o.year <= limit && drives(o) {
            let name = o.quantity.name
            if let old = chosen[name]?[o.year], rank(old) <= rank(o) { continue }
            chosen[name, default: [:]][o.year] = o
        }
        func values(_ name: String, _ factor: Double = 1) -> [Int: Double] {
            (chosen[name] ?? [:]).mapValues { $0.modelUnitValue * factor }
        }
        let capacities = CapacityHistory(wind: values("capacity_wind"), solar: values("capacity_solar"),
                                         total: values("capacity_wind_solar"))
        let gdp = values("gdp_growth", 0.01), exports = values("electricity_exports")
        // N is the last year of anything history mode follows or fits (a file may hold consumption alone).
        let fitted = limit > dataset.baseYear ? observations.comparedAsTheyStand(calibrated(in: dataset), in: (dataset.baseYear + 1)...limit).map(\.year) : []
        let years = Array(gdp.keys) + Array(exports.keys) + capacities.years + fitted
        guard let last = years.max() else { return nil }
        return HistoryMode(file: observations.file, checksum: checksum, baseYear: dataset.baseYear, lastObservedYear: last,
                           gdpGrowth: gdp, exports: exports, capacities: capacities,
                           sources: chosen.mapValues { $0.values.map(\.line).sorted() })
    }

    /// The quantities history mode fits its calibrations to in `dataset` (the demand paths it has, capacity
    /// factors, the energy basis): a figure of a path the dataset lacks fits nothing and so does not move N.
    static func calibrated(in dataset: Dataset) -> Set<String> {
        PathCalibration.all.filter { dataset.entry($0.path) != nil }
            .reduce(RenewableOutputFit.quantities.union(EnergyBasisFit.quantities)) { $0.union($1.quantities) }
    }

    /// An observed year-end wind, solar or new-energy capacity below an earlier year's: history mode follows them with
    /// build-out levers, which cannot fall, so the merged lever would be refused at a scenario file that did nothing
    /// wrong. Told at the row (a typo such as 0.0001 for 45), nil when every series rises or holds.
    static func capacityFall(_ set: ObservationSet, dataset: Dataset, through: Int?) -> InputError? {
        let limit = min(through ?? Int.max, dataset.endYear)
        for name in ["capacity_wind", "capacity_solar", "capacity_wind_solar"] {
            var chosen: [Int: Observation] = [:]
            for o in set.observations where o.quantity.name == name && o.year > dataset.baseYear - 1 && o.year <= limit && drives(o) {
                if let old = chosen[o.year], rank(old) <= rank(o) { continue }
                chosen[o.year] = o
            }
            let series = chosen.values.sorted { $0.year < $1.year }
            for (before, after) in zip(series, series.dropFirst()) where after.modelUnitValue < before.modelUnitValue - 1e-9 {
                return InputError(file: set.file, line: after.line, keyPath: name,
                                  message: "the observed \(name) falls from \(format(before.modelUnitValue)) GW at the end of \(before.year) (line \(before.line)) to \(format(after.modelUnitValue)) GW at the end of \(after.year); history mode follows it with a build-out lever, which cannot fall",
                                  accepted: "year-end capacities that do not fall from one year to the next")
            }
        }
        return nil
    }

    /// The quantities history mode follows.
    public static let drivers: Set<String> = ["gdp_growth", "electricity_exports", "capacity_wind", "capacity_solar", "capacity_wind_solar"]

    /// Whether a figure drives the model: a driver, compared as it stands (annual or year-end, whole region).
    static func drives(_ o: Observation) -> Bool {
        guard drivers.contains(o.quantity.name), o.basis.isComplete, case .compared(conversion: nil) = o.use else { return false }
        return true
    }

    /// Sort key: higher confidence first, then file order.
    static func rank(_ o: Observation) -> (Int, Int) {
        (Observation.Confidence.allCases.firstIndex(of: o.confidence) ?? 9, o.line)
    }

    /// The dataset with its GDP growth and exports following the observations (`economy.growth`,
    /// `power.exports`); the lever settings follow in `PreparedScenario` (`mergingCapacities`).
    public func applied(to dataset: Dataset) throws -> Dataset {
        var changes: [(entry: DatasetEntry, after: String)] = []
        let tag = "history mode: observed \(observedYears.lowerBound)-\(lastObservedYear) from \(file)"
        if let e = dataset.entry("economy.growth"), case .series(let years, let values) = e.value, !gdpGrowth.isEmpty {
            let (y, v) = Self.growthSteps(years: years, values: values, observed: gdpGrowth)
            changes.append((DatasetEntry(path: e.path, value: .series(years: y, values: v), unit: e.unit,
                                         source: "\(tag) (real growth \(Self.span(gdpGrowth.keys))); later: \(e.source)",
                                         estimate: e.estimate, range: e.range, line: e.line), "economy"))
        }
        if let e = dataset.entry("power.exports"), case .series(let years, let values) = e.value, !exports.isEmpty {
            let (y, v) = Self.points(years: years, values: values, observed: exports)
            changes.append((DatasetEntry(path: e.path, value: .series(years: y, values: v), unit: e.unit,
                                         source: "\(tag) (exports \(Self.span(exports.keys))); other years: \(e.source)",
                                         estimate: e.estimate, range: e.range, line: e.line), "power"))
        }
        var out = changes.isEmpty ? dataset : try dataset.setting(changes)
        out.history = self
        out.checksum = dataset.checksum
        return out
    }

    /// Growth steps: a knot at year k holds the growth from mid-year k to mid-year k + 1 (the model's growth
    /// times are mid-year), so the observed growth of year Y sits at knot Y - 1. Knots from the base year to the
    /// last observed growth year; a year without an observation keeps the dataset's rate; then the dataset's
    /// own steps from that year on.
    public static func growthSteps(years: [Double], values: [Double], observed: [Int: Double]) -> ([Double], [Double]) {
        func rate(at year: Int) -> Double {
            var i = 0
            while i + 1 < values.count && Double(year) >= years[i + 1] { i += 1 }
            return values[i]
        }
        let first = Int(years[0]), last = observed.keys.max()!
        var ys: [Double] = [], vs: [Double] = []
        for k in first..<last {
            ys.append(Double(k))
            vs.append(observed[k + 1] ?? rate(at: k))
        }
        ys.append(Double(last))
        vs.append(rate(at: last))
        for (i, y) in years.enumerated() where y > Double(last) {
            ys.append(y)
            if i < values.count { vs.append(values[i]) }
        }
        return (ys, vs)
    }

    /// A point series: the dataset's points up to the base year and after the last observed year, the
    /// observed points between (annual values: the model samples a series at mid-year).
    static func points(years: [Double], values: [Double], observed: [Int: Double]) -> ([Double], [Double]) {
        let first = Double(observed.keys.min()!), last = Double(observed.keys.max()!)
        var merged: [(Double, Double)] = zip(years, values).filter { $0.0 < first || $0.0 > last }
        merged += observed.map { (Double($0.key), $0.value) }
        merged.sort { $0.0 < $1.0 }
        return (merged.map(\.0), merged.map(\.1))
    }

    /// "2020-2025" or "2021, 2023".
    static func span<S: Sequence>(_ years: S) -> String where S.Element == Int {
        let ys = years.sorted()
        guard let a = ys.first, let b = ys.last else { return "" }
        return ys.count == b - a + 1 ? (a == b ? "\(a)" : "\(a)-\(b)") : ys.map(String.init).joined(separator: ", ")
    }

    /// What history mode did, one line per driver, for notes and footnotes.
    public var summary: String {
        var parts: [String] = []
        if !gdpGrowth.isEmpty { parts.append("GDP growth \(Self.span(gdpGrowth.keys))") }
        if !exports.isEmpty { parts.append("exports \(Self.span(exports.keys))") }
        if !capacities.years.isEmpty {
            // A year observed only as the new-energy total is split: said, so that no one quotes the split as observed.
            let split = capacities.totalOnlyYears
            parts.append("wind and solar capacity \(Self.span(capacities.years))"
                         + (split.isEmpty ? "" : " (\(Self.span(split)) observed as their total, split by "
                            + (capacities.shareYears.isEmpty ? "the base year's shares)" : "\(Self.span(capacities.shareYears))'s shares, the last observed)")))
        }
        parts += fitted(PathCalibration.beforeCapacityFactors) { "\($0.what) \(Self.span($1))" }
        if let s = capacityFactorScale { parts.append("wind and solar capacity factors x \(format((s * 1e4).rounded() / 1e4)) fitted to generation") }
        parts += fitted(PathCalibration.afterCapacityFactors) { "\($0.what) \(Self.span($1))" }
        if let k = energyBasisRatio.map({ format(($0 * 1e4).rounded() / 1e4) }) {
            parts.append("energy on the energy statistics' basis (x \(k) of CEADs-implied, fitted to the observed totals; CO2 stays on the CEADs inventory, so CO2 per tce shown is the emission factor divided by \(k))")
        }
        return "\(observedYears.lowerBound)-\(lastObservedYear) observed (history mode, \(file)): " + parts.joined(separator: "; ")
            + "; wind and solar levers act from \(lastObservedYear + 1), other levers in their own years (so the observed years' other values are the model's, and can differ between scenarios)"
    }

    /// One part per calibration of `calibrations` that fitted something, with the years it fitted.
    private func fitted(_ calibrations: [PathCalibration], _ part: (PathCalibration, [Int]) -> String) -> [String] {
        calibrations.compactMap { c in calibrated[c.quantity].map { part(c, $0) } }
    }

    public var summaryZH: String {
        func spanZH<S: Sequence>(_ years: S) -> String where S.Element == Int { Self.span(years).replacingOccurrences(of: ", ", with: "、") }
        var parts: [String] = []
        if !gdpGrowth.isEmpty { parts.append("GDP增速\(spanZH(gdpGrowth.keys))年") }
        if !exports.isEmpty { parts.append("外送电量\(spanZH(exports.keys))年") }
        if !capacities.years.isEmpty {
            let split = capacities.totalOnlyYears
            parts.append("风电光伏装机\(spanZH(capacities.years))年" + (split.isEmpty ? "" : "（其中\(spanZH(split))年仅观测到合计，按"
                + (capacities.shareYears.isEmpty ? "基年比例" : "最近观测的\(spanZH(capacities.shareYears))年比例") + "拆分）"))
        }
        parts += fitted(PathCalibration.beforeCapacityFactors) { "\($0.whatZH)（\(spanZH($1))年）" }
        if let s = capacityFactorScale { parts.append("风电光伏容量系数按发电量拟合（×\(format((s * 1e4).rounded() / 1e4))）") }
        parts += fitted(PathCalibration.afterCapacityFactors) { "\($0.whatZH)（\(spanZH($1))年）" }
        if let k = energyBasisRatio.map({ format(($0 * 1e4).rounded() / 1e4) }) {
            parts.append("能源消费按能源统计口径（CEADs折算值×\(k)，按观测总量拟合；CO2仍按CEADs清单核算，故所示每吨标准煤的CO2为排放因子除以\(k)）")
        }
        let source = file.replacingOccurrences(of: " (embedded)", with: "（内置）")
        return "\(observedYears.lowerBound)-\(lastObservedYear)年跟随观测值（历史模式，\(source)）：" + parts.joined(separator: "；")
            + "；风电光伏措施自\(lastObservedYear + 1)年起作用，其他措施按各自年份（因此这些年份的其余数值为模型计算值，各情景之间可能不同）"
    }
}

extension Dataset {
    /// The dataset in history mode: with its observations file (or `override`), when it has one and it holds
    /// something to follow; the dataset unchanged otherwise (a region without observations runs as before).
    public func inHistoryMode(datasetPath: String?, override: String? = nil, through: Int? = nil) throws -> Dataset {
        guard observations != nil || override != nil else { return self }
        guard let set = try ObservationSet.forDataset(self, datasetPath: datasetPath, override: override,
                                                      years: ObservationSet.years(for: self)) else { return self }
        return try inHistoryMode(set, through: through)
    }

    /// The dataset following `set` (through `through`, nil: all of it).
    public func inHistoryMode(_ set: ObservationSet, through: Int? = nil) throws -> Dataset {
        let text = set.observations.map { "\($0.quantity.name),\($0.year),\($0.value),\($0.unit),\($0.basis),\($0.line)" }.joined(separator: "\n")
        guard var mode = HistoryMode.from(set, dataset: self, checksum: fingerprint(text), through: through) else { return self }
        if let fall = HistoryMode.capacityFall(set, dataset: self, through: through) { throw fall }
        var drivers: Dataset
        do { drivers = try mode.applied(to: self) } catch let e as InputError {
            // An observed figure out of the dataset's range is the observations file's error, at its rows.
            guard let quantity = ["economy.growth": "gdp_growth", "power.exports": "electricity_exports"][e.keyPath],
                  let lines = mode.sources[quantity], let first = lines.first else { throw e }
            throw InputError(file: set.file, line: first, keyPath: quantity,
                             message: "the observed \(quantity) (line\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", "))) puts the dataset's \(e.keyPath) out of its range: \(e.message)",
                             accepted: e.accepted)
        }
        func calibrate(_ calibrations: [PathCalibration]) throws {
            for calibration in calibrations {
                let (d, fit) = try calibration.fitted(drivers, observations: set, through: mode.lastObservedYear)
                guard let fit else { continue }
                mode.calibrated[calibration.quantity] = Array(Set(fit.used.map(\.year))).sorted()
                mode.calibratedKnots[calibration.quantity] = fit.values
                drivers = d
                drivers.history = mode
            }
        }
        // Demand first: the capacity-factor fit then dispatches the observed demand.
        try calibrate(PathCalibration.beforeCapacityFactors)
        (drivers, mode.capacityFactorScale) = try RenewableOutputFit.fitted(drivers, observations: set, through: mode.lastObservedYear)
        drivers.history = mode
        try calibrate(PathCalibration.afterCapacityFactors)
        // After the capacity factors and hours: the energy fit runs the model with them, and the observed capacities,
        // in place (a dataset read back from its entries has no history mode of its own).
        drivers.history = mode
        var (fitted, ratio) = try EnergyBasisFit.fitted(drivers, observations: set, through: mode.lastObservedYear)
        mode.energyBasisRatio = ratio
        fitted.history = mode
        fitted.checksum = checksum
        return fitted
    }
}
