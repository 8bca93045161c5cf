/// The "N" and "X" levers of one scenario, as schedules. Each starts from its baseline level
/// (`from`), so a scenario that says nothing leaves the baseline untouched.
public struct LeverSettings: Sendable {
    /// Extra elimination of backward capacity, share per year, per product.
    public var capacityCut: [Schedule]
    /// Total capacity cap, Mt/yr, per product (nil: no cap). Active from the schedule's start.
    public var capacityCap: [Schedule?]
    /// Share of the gap to the benchmark that compliant capacity closes, 0...1.
    public var efficiencyBenchmark: Schedule
    /// Share of the gap between baseline entry and benchmark that new capacity must close, 0...1.
    public var greenEntry: Schedule
    /// Deep-processing ratio, per product, 0...1.
    public var deepProcessing: [Schedule]
    /// Fly-ash alumina capacity target, Mt/yr.
    public var flyAshAlumina: Schedule
    /// Wind and solar capacity targets in the full-effect year, GW (constant: baseline trend).
    public var wind: Schedule
    public var solar: Schedule
    /// Coal fleet heat-rate target, gce/kWh.
    public var coalHeatRate: Schedule
    /// Extra early retirement of coal capacity, share per year.
    public var coalRetirement: Schedule
    /// Share of fossil final energy switched to electricity.
    public var buildingsElectrification: Schedule
    public var transportElectrification: Schedule
    /// CCUS capture capacity, Mt CO2/yr.
    public var ccus: Schedule
    /// Extra sink uptake at maturity, Mt CO2/yr.
    public var sinks: Schedule
    /// Ladder electricity price surcharge on electricity-intensive products, yuan/kWh.
    public var ladderPricing: Schedule

    /// Levers at their baseline levels for the given parameters.
    public init(baselineFor p: ModelParameters) {
        let n = Product.allCases.count
        capacityCut = Array(repeating: .constant(0), count: n)
        capacityCap = Array(repeating: nil, count: n)
        efficiencyBenchmark = .constant(0)
        greenEntry = .constant(0)
        deepProcessing = p.products.map { .constant($0.deepProcessingBase) }
        flyAshAlumina = .constant(p.flyAsh.baseCapacity)
        wind = .constant(0)
        solar = .constant(0)
        coalHeatRate = .constant(p.power.baseHeatRate)
        coalRetirement = .constant(0)
        buildingsElectrification = .constant(0)
        transportElectrification = .constant(0)
        ccus = .constant(0)
        sinks = .constant(0)
        ladderPricing = .constant(0)
    }

    /// Every time at which some lever has a kink or jump.
    public var breakpoints: [Double] {
        var all: [Schedule] = capacityCut + deepProcessing + capacityCap.compactMap { $0 }
        all += [efficiencyBenchmark, greenEntry, flyAshAlumina, wind, solar, coalHeatRate, coalRetirement,
                buildingsElectrification, transportElectrification, ccus, sinks, ladderPricing]
        var times = all.flatMap(\.breakpoints)
        // A cap switches on at its start even when its level does not move.
        times += capacityCap.compactMap { $0.map { Double($0.start) } }
        return Array(Set(times)).sorted()
    }
}
