import Simulator

/// Input that loads but is probably not what was meant (0.3 typed for 30 %), told like an error: which file,
/// which line, which key, and the likely intended value. Commands print warnings and go on.
public struct InputWarning: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        located(file: file, line: line, keyPath: keyPath, kind: "warning") + ": \(message)"
    }

    /// Warnings as a reader meets them: file by file (in the order the files first come up), line by line within a
    /// file; found in different passes (reading, history mode), they come out of them in no such order.
    public static func inFileOrder(_ warnings: [InputWarning]) -> [InputWarning] {
        var files: [String: Int] = [:]
        for w in warnings where files[w.file] == nil { files[w.file] = files.count }
        return warnings.enumerated().sorted { a, b in
            let fa = files[a.element.file]!, fb = files[b.element.file]!
            if fa != fb { return fa < fb }
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }
}

extension YAMLNode {
    /// A warning for an assumption outside the plausible range the dataset gives its estimate (a series' range is
    /// of the factor that scales it: 0.05 on `economy.growth` is 5 % of the growth path, not 5 %/yr).
    func assumptionWarning(_ value: Double, entry: DatasetEntry) -> InputWarning? {
        guard let range = entry.range, !range.contains(value) else { return nil }
        let plausible = "\(format(range.lowerBound))-\(format(range.upperBound))"
        if case .series = entry.value {
            return InputWarning(file: file, line: line, keyPath: keyPath,
                                message: "\(format(value)) scales the series (a factor: 1 is the dataset's path, \(format(value)) is \(asPercent(value)) % of it), outside the factor's plausible range \(plausible); a rate such as 5 %/yr is not written here")
        }
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "\(format(value)) \(entry.unit) is outside the plausible range of this estimate, \(plausible) \(entry.unit)")
    }

    /// A warning for a level above what a lever that only lowers its quantity starts from (`Lever.onlyLowers`): a target
    /// there does nothing. `level` is the setting's highest milestone level or a sweep's highest draw; a level computed from a schedule
    /// (399.99999999999994 for 400) is told as typed.
    /// `drawn` for a sweep's highest draw, `over` the base scenario a drawn delta adds to.
    func onlyLowersWarning(_ lever: Lever, _ level: Double, _ p: ModelParameters, drawn: Bool = false, over: String? = nil) -> InputWarning? {
        guard let down = lever.onlyLowers, case let x = (level * 1e6).rounded() / 1e6, case let from = down.level(p), x > from else { return nil }
        let unit = lever.unit.rawValue
        return InputWarning(file: file, line: line, keyPath: keyPath, message: drawn
            ? "levels up to \(format(x)) \(unit) are drawn\(over.map { " (a change over '\($0)')" } ?? ""), above the \(down.what) in \(p.baseYear) (\(format(from)) \(unit)): this lever only lowers it and never raises it, so the runs drawn above it are the same as at it"
            : "\(format(x)) \(unit) is above the \(down.what) in \(p.baseYear) (\(format(from)) \(unit)): this lever only lowers it and never raises it, so a target above it does nothing (the run is as if the lever were not set); a target below it acts")
    }

    /// The same for an unbounded distribution (normal, lognormal) of a lever's level: how often a draw lands above.
    func onlyLowersWarning(_ lever: Lever, _ distribution: Distribution, _ p: ModelParameters) -> InputWarning? {
        guard let down = lever.onlyLowers, case let from = down.level(p),
              case let above = distribution.probabilityOutside(-Double.infinity...from), above > 1e-3 else { return nil }
        let unit = lever.unit.rawValue
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "about \(format((above * 1000).rounded() / 10)) % of the draws are above the \(down.what) in \(p.baseYear) (\(format(from)) \(unit)): this lever only lowers it and never raises it, so those runs are the same as at it")
    }

    /// A warning for a value in (0, 1] written for a field in percent: probably a fraction. Not for a value that
    /// would be out of the field's range as a percentage (0.5 %/yr of a lever capped at 30), nor for one below
    /// 1e-6 (an optimiser's zero written out, not something typed).
    func percentWarning(_ value: Double, unit: String, range: ClosedRange<Double>) -> InputWarning? {
        guard value >= 1e-6, value <= 1, range.contains(value * 100) else { return nil }
        let meant = asPercent(value)
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "\(format(value)) \(unit) looks like a fraction: this field is in percent, so if you meant \(meant) \(unit), write \(meant)")
    }

    /// The same for the values a sweep factor takes: a warning when all lie within [-1, 1], one is not 0, and all
    /// would be in range as percentages.
    func percentWarning(_ values: [Double], unit: String, range: ClosedRange<Double>) -> InputWarning? {
        guard let largest = values.map(abs).max(), largest >= 1e-6, largest <= 1,
              values.allSatisfy({ range.contains($0 * 100) }) else { return nil }
        let shown = values.map(format).joined(separator: ", "), meant = values.map(asPercent).joined(separator: ", ")
        return InputWarning(file: file, line: line, keyPath: keyPath,
                            message: "\(shown) \(unit) look like fractions: this field is in percent, so if you meant \(meant) \(unit), write \(meant)")
    }
}

/// A fraction as the percentage it likely meant, without the binary noise of x 100 (0.14 -> 14, not 14.000000000000002).
func asPercent(_ fraction: Double) -> String {
    format((fraction * 100 * 1e9).rounded() / 1e9)
}

extension Targets {
    /// Targets in percent written as fractions (0.3 for 30 %), as warnings on `file` (for targets given on
    /// the command line or laid over a file's, where no line is known).
    public func percentWarnings(file: String) -> [InputWarning] {
        var warnings: [InputWarning] = []
        func check(_ key: String, _ values: [Int: Double], label: (Int) -> String) {
            for (k, v) in values.sorted(by: { $0.key < $1.key }) where v >= 1e-6 && v <= 1 {
                warnings.append(InputWarning(file: file, line: nil, keyPath: "\(key).\(label(k))",
                                             message: "\(format(v)) % looks like a fraction: this target is in percent, so if you meant \(asPercent(v)) %, write \(asPercent(v))"))
            }
        }
        check("non_fossil_share", nonFossilShare) { String($0) }
        check("energy_intensity_cut", energyIntensityCut) { PlanPeriod(number: $0).ordinal }
        check("co2_intensity_cut", co2IntensityCut) { PlanPeriod(number: $0).ordinal }
        return warnings
    }
}

extension YAMLNode {
    /// A warning for a value far from the region's level that is near it in a Chinese statistical unit: an energy
    /// cap of 20000 Mtce for a region that burned 250 Mtce is 20000 万吨标准煤 typed into a field in Mtce, and a cap
    /// of 2 Mtce is 2 亿吨标准煤. Above `above` times the level (or below `below` times it) the likely value is said.
    func statisticalUnitWarning(_ value: Double, unit: String, level: Double, what: String,
                                above: Double, below: Double? = nil) -> InputWarning? {
        statisticalUnitMessage(value, unit: unit, level: level, what: what, above: above, below: below)
            .map { InputWarning(file: file, line: line, keyPath: keyPath, message: $0) }
    }
}

/// The message of `statisticalUnitWarning`, wherever the value was typed (a file's line, `--target`).
func statisticalUnitMessage(_ value: Double, unit: String, level: Double, what: String, above: Double, below: Double?) -> String? {
    guard level > 0, value > 0, let u = StatisticalUnit.of(unit) else { return nil }
    // A level computed from a schedule (499.9999999999716 for 500): as typed.
    let value = (value * 1e6).rounded() / 1e6
    func message(_ relation: String, _ meant: String, _ write: Double) -> String {
        "\(format(value)) \(unit) is \(relation) \(what) (\(format((level * 10).rounded() / 10)) \(unit)): if you meant \(format(value)) \(meant), as Chinese statistics write it, write \(format(write))"
    }
    if value > above * level {
        let ratio = value / level
        return message(ratio >= 2 ? "\(format(ratio.rounded())) times" : "\(format((ratio * 100).rounded())) % of", "\(u.chinese) (\(u.symbol))", value / u.factor)
    }
    if let below, value < below * level, let large = StatisticalUnit.large(of: unit) {
        return message("\(format((value / level * 1000).rounded() / 10)) % of", "\(large.chinese) (\(large.symbol))", value / large.factor)
    }
    return nil
}

extension Targets {
    /// The region's base-year level a cap or ceiling in `unit` (Mtce, Mt CO2) is told against when it looks like a
    /// Chinese statistical unit typed for the model's: fossil energy on the energy statistics' basis the tables show
    /// (history mode fits it to the observed totals), or CO2.
    /// Above `unitAbove` times the region's level, or below `unitBelow` times it, a cap or ceiling is told as a probable
    /// statistical unit (in files and on the command line alike).
    static let unitAbove = 10.0, unitBelow = 0.05

    static func regionLevel(_ unit: String, _ p: ModelParameters) -> (level: Double, what: String) {
        unit == "Mtce" ? (p.ceads.fossilEnergy(p.factors) * p.energyStatisticsRatio, "the region's \(p.baseYear) fossil energy")
                       : (p.ceads.total, "the region's \(p.baseYear) CO2")
    }

    /// What `percentWarnings` tells, and caps or ceilings that look like 万吨 (or 亿吨) typed for Mt, as a scenario file
    /// is told: for targets typed on the command line.
    public func commandLineWarnings(file: String, parameters p: ModelParameters) -> [InputWarning] {
        var warnings = percentWarnings(file: file)
        func check(_ key: String, _ value: Double, _ unit: String) {
            let region = Self.regionLevel(unit, p)
            if let m = statisticalUnitMessage(value, unit: unit, level: region.level, what: region.what, above: Self.unitAbove, below: Self.unitBelow) {
                warnings.append(InputWarning(file: file, line: nil, keyPath: key, message: m))
            }
        }
        if let c = peakCeiling { check("peak_ceiling", c, "Mt CO2") }
        for (year, cap) in energyCap.sorted(by: { $0.key < $1.key }) { check("energy_cap.\(year)", cap, "Mtce") }
        return warnings
    }
}
