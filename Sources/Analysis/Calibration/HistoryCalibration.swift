#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Scenarios
import Simulator

/// Trends fitted to a province's CEADs history, one per series, and the dataset they calibrate: each
/// fitted series replaces the baseline growth of the products (demand index) and activities (trend) of
/// its sector groups, relative to the base year, so the frozen-policy baseline continues history.
public struct HistoryCalibration: Sendable {
    public struct SeriesFit: Sendable {
        public let series: HistorySeries
        public let fit: TrendFit

        /// Why a fit is not carried into a dataset (its groups keep the dataset's own growth); nil when it is.
        public enum Exclusion: Equatable, Sendable {
            /// At the exponential bound and growing: history shows no saturation, so the trend grows without limit.
            case unboundedGrowth
            /// At the exponential bound and falling: history shows no floor, so the trend falls toward zero.
            case unboundedDecline
            /// The data do not determine the parameters (no finite standard error).
            case undetermined
            /// The growth to the range horizon is known only within these factors (2 standard errors): a sweep
            /// would scale the groups by them.
            case tooUncertain(low: Double, high: Double)
        }

        public func exclusion(base: Int, end: Int) -> Exclusion? {
            if fit.saturationAtBound { return fit.trend.rate > 0 ? .unboundedGrowth : .unboundedDecline }
            let se = growthStandardError(base: Double(base), end: Double(end))
            guard se.isFinite else { return .undetermined }
            let spread = exp(2 * se)
            return spread > HistoryCalibration.maximumSpread ? .tooUncertain(low: 1 / spread, high: spread) : nil
        }

        /// Standard error of the fitted growth from the base year over the range horizon; not finite when
        /// the data cannot determine the parameters (then there is no range to give, and it is not carried).
        func growthStandardError(base: Double, end: Double) -> Double {
            fit.logRatioStandardError(at: min(base + Double(HistoryCalibration.rangeHorizon), end), reference: base)
        }
    }

    public let province: String
    public let years: ClosedRange<Int>
    public let fits: [SeriesFit]
    /// Series whose trend could not be fitted (a small, erratic group), each with the best point reached:
    /// their groups keep the dataset's own growth. Only when no series fits is calibration an error.
    public let failures: [HistoryCalibrationError]

    /// The default window: from the 11th five-year plan to the last CEADs year.
    public static let defaultYears = 2005...2019

    public static func fit(history: CEADsHistory, province name: String, series: [HistorySeries] = HistorySeries.defaults,
                           years: ClosedRange<Int> = defaultYears) throws -> HistoryCalibration {
        let province = try history.province(named: name)
        guard history.years.contains(years.lowerBound), history.years.contains(years.upperBound), years.count >= 5 else {
            throw InputError(file: "command line", keyPath: "--from/--to", message: "\(years.lowerBound)-\(years.upperBound) is not a window of CEADs history",
                             accepted: "at least 5 years within \(history.years.lowerBound)-\(history.years.upperBound)")
        }
        let t = years.map(Double.init)
        var fits: [SeriesFit] = [], failures: [HistoryCalibrationError] = []
        for s in series {
            let values = try history.series(province, groups: s.groups, years: years)
            do {
                fits.append(SeriesFit(series: s, fit: try TrendFit.fit(years: t, values: values)))
            } catch let e as TrendFitError {
                failures.append(HistoryCalibrationError(province: province, series: s.name, years: years, reason: e))
            }
        }
        if fits.isEmpty, let first = failures.first { throw first }
        return HistoryCalibration(province: province, years: years, fits: fits, failures: failures)
    }

    /// Horizon of the growth uncertainty written as each trend's range: the fitted growth from the base
    /// year to base + 11 (2030 for 2019, the peak target year), +-2 standard errors.
    public static let rangeHorizon = 11

    /// The widest growth range a carried fit may have (x1/3 to x3 to the range horizon): beyond it the window says
    /// too little about the trend (a five-year window gave one of x0.002 to x550).
    public static let maximumSpread = 3.0

    /// The fits a calibrated dataset with base year `base` and end year `end` carries: not at the exponential bound,
    /// with a growth uncertainty that is finite and within `maximumSpread`.
    public func applied(base: Int, end: Int) -> [SeriesFit] {
        fits.filter { $0.exclusion(base: base, end: end) == nil }
    }

    /// `dataset` with the fitted trends it can carry (`applied`) in place of its baseline growth. The dataset must be the
    /// province's: a trend fitted to one province's history says nothing about another's base year.
    public func calibrating(_ dataset: Dataset) throws -> Dataset {
        guard CEADsHistory.comparable(dataset.region) == CEADsHistory.comparable(province) else {
            throw InputError(file: dataset.file, keyPath: "region",
                             message: "the dataset is for \(dataset.region), the history for \(province); calibrate with a dataset of \(province) (--dataset FILE)")
        }
        let p = try dataset.modelParameters()
        let base = Double(dataset.baseYear), end = Double(dataset.endYear)
        var changes: [(entry: DatasetEntry, after: String)] = []
        for f in applied(base: dataset.baseYear, end: dataset.endYear) {
            let trend = f.fit.trend
            // One knot past the end year: the last year's annual total needs the trend to its 31 December.
            let knots = Array(stride(from: base, through: end + 1, by: 1))
            let ratios = knots.map { trend.value(at: $0) / trend.value(at: base) }
            let spread = exp(2 * f.growthStandardError(base: base, end: end))
            let range = (1 / spread)...spread
            let source = "carbonsim calibrate: \(describe(f)), relative to \(dataset.baseYear)"
            for q in p.products where q.isPresent && f.series.groups.contains(q.group) && q.product != .alumina {
                let path = "products.\(q.product.key).demand_index"
                changes.append((DatasetEntry(path: path, value: .series(years: knots, values: ratios), unit: "\(dataset.baseYear) = 1",
                                             source: source, estimate: true, range: range, line: nil), "products.\(q.product.key)"))
            }
            for a in p.activities where f.series.groups.contains(a.group) {
                let path = "activities.\(a.key).trend"
                changes.append((DatasetEntry(path: path, value: .series(years: knots, values: ratios), unit: "\(dataset.baseYear) = 1",
                                             source: source, estimate: true, range: range, line: nil), "activities.\(a.key)"))
            }
        }
        return try dataset.setting(changes)
    }

    /// One line of provenance: what was fitted to which data, with the estimates and their standard errors.
    public func describe(_ f: SeriesFit) -> String {
        let t = f.fit.trend, se = f.fit.standardErrors
        func pm(_ v: Double, _ s: Double, _ digits: Int) -> String {
            let fmt = { (x: Double) in x.isFinite ? String(format: "%.\(digits)f", x) : "n/a" }
            return "\(fmt(v)) +- \(fmt(s))"
        }
        let bound = f.fit.saturationAtBound ? " at its bound: exponential" : ""
        return "logistic trend fitted to CEADs \(province) \(f.series.name) \(years.lowerBound)-\(years.upperBound) "
            + "(level \(Int(t.reference)) \(pm(t.level, se[0], 1)) Mt, rate \(pm(t.rate, se[1], 4)) /yr, "
            + "saturation share \(pm(t.saturationShare, se[2], 3))\(bound); "
            + "R2 \(String(format: "%.3f", f.fit.rSquared)), RMSE \(String(format: "%.2f", f.fit.rmse)) Mt)"
    }
}

/// A series whose trend could not be fitted, with the best point the fit reached.
public struct HistoryCalibrationError: Error, CustomStringConvertible {
    public let province: String
    public let series: String
    public let years: ClosedRange<Int>
    public let reason: TrendFitError

    public var description: String {
        "calibration of \(province) \(series) \(years.lowerBound)-\(years.upperBound): \(reason)"
    }
}
