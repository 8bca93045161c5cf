/// The unit a lever is written in. Percent units are divided by 100 on the way into the core, and a value
/// in (0, 1] written for one is probably a fraction meant as a percentage.
public enum LeverUnit: String, Sendable, CaseIterable {
    case percent = "%"
    case percentPerYear = "%/yr"
    case percentOfGap = "% of gap"
    case gigawatts = "GW"
    case terawattHoursPerYear = "TWh/yr"
    case megatonnesPerYear = "Mt/yr"
    case megatonnesCO2PerYear = "Mt CO2/yr"
    case gramsCoalPerKWh = "gce/kWh"
    case yuanPerKWh = "yuan/kWh"
    /// Capacity retired per unit of new capacity (产能置换比例, 1.25 for 1.25:1).
    case replacementRatio = "retired per new"

    /// Factor from the file's unit to the core's.
    public var scale: Double { isPercent ? 0.01 : 1 }

    public var isPercent: Bool {
        switch self {
        case .percent, .percentPerYear, .percentOfGap: return true
        default: return false
        }
    }

    public var chinese: String {
        switch self {
        case .percent: return "%"
        case .percentPerYear: return "%/年"
        case .percentOfGap: return "%（差距）"
        case .gigawatts: return "吉瓦"
        case .terawattHoursPerYear: return "太瓦时/年"
        case .megatonnesPerYear: return "百万吨/年"
        case .megatonnesCO2PerYear: return "百万吨CO2/年"
        case .gramsCoalPerKWh: return "克标准煤/千瓦时"
        case .yuanPerKWh: return "元/千瓦时"
        case .replacementRatio: return "退出:新建"
        }
    }
}

extension LeverUnit: CustomStringConvertible {
    public var description: String { rawValue }
}
