import Simulator

/// Reads one target from the command line: `peak_year=2028`, `non_fossil_share:2030=25`,
/// `energy_intensity_cut:14th=15`, with the same checks as scenario files.
public struct TargetParser {
    public let dataset: Dataset

    public init(dataset: Dataset) { self.dataset = dataset }

    public func parse(_ typed: String) throws -> Targets {
        // A Chinese input method's full-width '：', '＝', digits and point read as their ASCII forms.
        let text = Self.halfWidth(typed)
        let kinds = TargetCheck.Kind.allCases.map(\.rawValue)
        let sides = text.split(separator: "=", maxSplits: 1).map(String.init)
        let error = { (message: String) in
            InputError(file: "--target", keyPath: text, message: message,
                       accepted: "peak_year=Y, peak_ceiling=Mt, neutrality_year=Y, energy_intensity_cut:14th=%, co2_intensity_cut:14th=%, energy_cap:Y=Mtce, non_fossil_share:Y=%")
        }
        guard sides.count == 2, let value = Double(sides[1]), value.isFinite else { throw error("expected kind[:year or period]=value (a finite number)") }
        let left = sides[0].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let kind = TargetCheck.Kind(rawValue: left[0]) else {
            throw InputError(file: "--target", keyPath: left[0], message: "unknown target '\(left[0])'", accepted: kinds.joined(separator: ", "),
                             suggestion: didYouMean(left[0], in: kinds))
        }
        let horizon = dataset.baseYear + 1...dataset.endYear
        var t = Targets()
        /// A year given as the value: a whole number inside the horizon (1e20 or 2030.5 is not a year).
        func year(_ v: Double) throws -> Int {
            guard v == v.rounded(), let y = Int(exactly: v) else { throw error("needs a year in \(horizon.lowerBound)-\(horizon.upperBound)") }
            return try year(String(y))
        }
        func year(_ s: String?) throws -> Int {
            guard let s, let y = Int(s), horizon.contains(y) else { throw error("needs a year in \(horizon.lowerBound)-\(horizon.upperBound)") }
            return y
        }
        func period(_ s: String?) throws -> Int {
            let periods = PlanPeriod.covering(from: dataset.baseYear, to: dataset.endYear)
            guard let s, let p = PlanPeriod.named(s, among: periods) else {
                throw error("needs a plan period inside the horizon (\(periods.map(\.ordinal).joined(separator: ", ")), or 15, 十五五)")
            }
            return p.number
        }
        // The ranges of scenario files (ScenarioLoader.readTargets).
        func within(_ range: ClosedRange<Double>, _ unit: String) throws -> Double {
            guard range.contains(value) else {
                throw InputError(file: "--target", keyPath: text, message: "\(format(value)) is out of range",
                                 accepted: "\(format(range.lowerBound)) to \(format(range.upperBound)) \(unit)")
            }
            return value
        }
        switch kind {
        case .peakYear: t.peakYear = try year(value)
        case .peakCeiling: t.peakCeiling = try within(1...100_000, "Mt CO2")
        case .neutralityYear: t.neutralityYear = try year(value)
        case .energyIntensityCut: t.energyIntensityCut[try period(left.count > 1 ? left[1] : nil)] = try within(-100...100, "%")
        case .co2IntensityCut: t.co2IntensityCut[try period(left.count > 1 ? left[1] : nil)] = try within(-100...100, "%")
        case .energyCap: t.energyCap[try year(left.count > 1 ? left[1] : nil)] = try within(1...100_000, "Mtce")
        case .nonFossilShare: t.nonFossilShare[try year(left.count > 1 ? left[1] : nil)] = try within(0...100, "%")
        }
        return t
    }

    /// Full-width ASCII (U+FF01 to U+FF5E, what a Chinese input method types for ':', '=', digits) as ASCII; a full-width
    /// space as a space and the ideographic full stop (typed for a decimal point) as '.'.
    public static func halfWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { u in
            if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0)! }
            return u.value == 0x3000 ? " " : u.value == 0x3002 ? "." : u
        }))
    }
}
