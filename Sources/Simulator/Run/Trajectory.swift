/// Annual outputs of one run: `values[year][series]`, plus exact integrals from the accumulator states.
public struct Trajectory: Sendable {
    public let years: [Int]
    let catalog: OutputCatalog
    public var names: [String] { catalog.names }
    public var units: [String] { catalog.units }
    /// Row-major: one row per year, one column per series.
    public let values: [Double]
    /// Cumulative net and gross CO2 over calendar years `cumulativeFrom`...`endYear` (Mt), integrated as states.
    public let cumulativeNetCO2: Double
    public let cumulativeGrossCO2: Double
    public let cumulativeFrom: Int
    /// Right-hand-side evaluations this run took.
    public let evaluations: Int
    /// Integrator restarts at breakpoints this run took.
    public let restarts: Int

    private var index: [String: Int] { catalog.index }

    init(years: [Int], catalog: OutputCatalog, values: [Double], cumulativeNetCO2: Double,
         cumulativeGrossCO2: Double, cumulativeFrom: Int, evaluations: Int, restarts: Int = 0) {
        self.years = years
        self.catalog = catalog
        self.values = values
        self.cumulativeNetCO2 = cumulativeNetCO2
        self.cumulativeGrossCO2 = cumulativeGrossCO2
        self.cumulativeFrom = cumulativeFrom
        self.evaluations = evaluations
        self.restarts = restarts
    }

    public func has(_ name: String) -> Bool { index[name] != nil }

    public func unit(_ name: String) -> String? { index[name].map { units[$0] } }

    /// The annual series of one output; an unknown name is a programming error in the caller.
    public func series(_ name: String) -> [Double] {
        guard let j = index[name] else { preconditionFailure("no output named \(name)") }
        let n = names.count
        return years.indices.map { values[$0 * n + j] }
    }

    public func value(_ name: String, year: Int) -> Double? {
        guard let j = index[name], let i = years.firstIndex(of: year) else { return nil }
        return values[i * names.count + j]
    }
}
