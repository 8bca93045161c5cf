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

    /// 十四五, 十五五 … 十九五, then 第二十个五年 …: from the 20th on, "二十五" would read as the number 25.
    public var nameZH: String {
        if (10...19).contains(number) { return Self.chineseNumber(number) + "五" }
        return "第\(Self.chineseNumber(number))个五年"
    }

    /// A period as analysts write it: `15`, `15th`, `十五五` or `第二十个五年` (nil for anything else, `15x` or `2030`
    /// included), among the periods `covering` a horizon.
    public static func named(_ key: String, among periods: [PlanPeriod]) -> PlanPeriod? {
        let key = String(key.filter { !" \"'“”‘’".contains($0) })
        return periods.first { key == String($0.number) || key == $0.ordinal || key == $0.nameZH }
    }

    /// 1-99 in Chinese numerals: 十四, 二十, 二十一.
    static func chineseNumber(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...99).contains(n) else { return String(n) }
        let tens = n / 10, ones = n % 10
        if tens == 0 { return digits[ones] }
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[ones]
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
