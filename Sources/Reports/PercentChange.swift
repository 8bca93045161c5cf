/// A change in percent of the earlier value's size, so that its sign is the change's also below zero: net CO2 from
/// -48.7 to -101.9 Mt is a fall of 109.3 %, not "+109.3 %". Equal to `100 * (to / from - 1)` where `from` is positive.
enum PercentChange {
    static func of(_ to: Double, from: Double) -> Double {
        100 * (to / from - 1) * (from < 0 ? -1 : 1)
    }
}
