/// The unit Chinese statistics write a model quantity in: 1 Mt = 100 万吨, 1 Mtce = 100 万吨标准煤, 1 GW = 100 万千瓦,
/// 1 TWh = 10 亿千瓦时. Reports convert with it (`UnitSystem.cn`), and input checks use it to recognise a number
/// copied from a statistical table or a Chinese report into a file that is in the model's units.
public struct StatisticalUnit: Sendable, Equatable {
    /// The unit's key, for labels: "10^4 kW".
    public let symbol: String
    /// As Chinese reports write it: "万千瓦".
    public let chinese: String
    /// Statistical units per model unit.
    public let factor: Double

    /// The statistical unit of a model unit; nil for units Chinese statistics write as the model does (%, 10^8 yuan,
    /// intensities per 10^4 yuan).
    public static func of(_ modelUnit: String) -> StatisticalUnit? { table[modelUnit] }

    public static let table: [String: StatisticalUnit] = [
        "Mt CO2": StatisticalUnit(symbol: "10^4 t CO2", chinese: "万吨", factor: 100),
        "Mt CO2/yr": StatisticalUnit(symbol: "10^4 t CO2/yr", chinese: "万吨/年", factor: 100),
        "Mtce": StatisticalUnit(symbol: "10^4 tce", chinese: "万吨标准煤", factor: 100),
        "GW": StatisticalUnit(symbol: "10^4 kW", chinese: "万千瓦", factor: 100),
        "GW/yr": StatisticalUnit(symbol: "10^4 kW/yr", chinese: "万千瓦/年", factor: 100),
        "TWh": StatisticalUnit(symbol: "10^8 kWh", chinese: "亿千瓦时", factor: 10),
        "TWh/yr": StatisticalUnit(symbol: "10^8 kWh/yr", chinese: "亿千瓦时/年", factor: 10),
        "Mt/yr": StatisticalUnit(symbol: "10^4 t/yr", chinese: "万吨/年", factor: 100),
        "Mt": StatisticalUnit(symbol: "10^4 t", chinese: "万吨", factor: 100),
        "Mt/yr per yr": StatisticalUnit(symbol: "10^4 t/yr per yr", chinese: "万吨/年（每年）", factor: 100),
        "Mtce/yr per yr": StatisticalUnit(symbol: "10^4 tce/yr per yr", chinese: "万吨标准煤/年（每年）", factor: 100),
        "GW gce/kWh per yr": StatisticalUnit(symbol: "10^4 kW gce/kWh per yr", chinese: "万千瓦·克标准煤/千瓦时（每年）", factor: 100),
    ]

    /// The 亿 unit of a total (亿吨, 亿吨标准煤): how provincial totals are also quoted.
    public static func large(of modelUnit: String) -> StatisticalUnit? {
        switch modelUnit {
        case "Mt CO2": return StatisticalUnit(symbol: "10^8 t CO2", chinese: "亿吨", factor: 0.01)
        case "Mtce": return StatisticalUnit(symbol: "10^8 tce", chinese: "亿吨标准煤", factor: 0.01)
        default: return nil
        }
    }

    /// What `value`, out of `range` in `modelUnit`, would be if it was typed in the statistical unit, when that is in
    /// range: " (in 万千瓦 (10^4 kW), the unit of Chinese statistics, it would be 280 GW)"; empty otherwise.
    public static func hint(_ value: Double, range: ClosedRange<Double>, modelUnit: String) -> String {
        guard let u = of(modelUnit), value != 0, range.contains(value / u.factor), !range.contains(value) else { return "" }
        return " (in \(u.chinese) (\(u.symbol)), the unit of Chinese statistics, it would be \(format(value / u.factor)) \(modelUnit))"
    }
}
