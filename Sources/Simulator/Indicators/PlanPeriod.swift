/// China's five-year plan periods: the 14th runs 2021-2025, each next one five years later.
public struct PlanPeriod: Sendable, Equatable, Hashable {
    public let number: Int

    public init(number: Int) { self.number = number }

    public var startYear: Int { 2021 + 5 * (number - 14) }
    public var endYear: Int { startYear + 4 }
    /// The year before the period, against which its changes are measured.
    public var baseYear: Int { startYear - 1 }

    /// "14th", "15th", ...
    public var ordinal: String {
        let suffix: String
        switch number % 100 {
        case 11, 12, 13: suffix = "th"
        default:
            switch number % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(number)\(suffix)"
    }

    /// The periods whose years lie within `from...to`.
    public static func covering(from: Int, to: Int) -> [PlanPeriod] {
        (14...40).map(PlanPeriod.init).filter { $0.baseYear >= from && $0.endYear <= to }
    }

    /// The period containing a calendar year.
    public static func containing(_ year: Int) -> PlanPeriod {
        PlanPeriod(number: 14 + Int((Double(year - 2021) / 5).rounded(.down)))
    }
}
