/// Annual outputs of one run: `values[year][series]`, plus exact integrals from the accumulator states.
public struct Trajectory: Sendable {
    public let years: [Int]
    public let names: [String]
    public let units: [String]
    /// Row-major: one row per year, one column per series.
    public let values: [Double]
    /// Cumulative net and gross CO2 over calendar years `cumulativeFrom`...`endYear` (Mt), integrated as states.
    public let cumulativeNetCO2: Double
    public let cumulativeGrossCO2: Double
    public let cumulativeFrom: Int
    /// Right-hand-side evaluations this run took.
    public let evaluations: Int

    private let index: [String: Int]

    init(years: [Int], names: [String], units: [String], values: [Double], cumulativeNetCO2: Double,
         cumulativeGrossCO2: Double, cumulativeFrom: Int, evaluations: Int) {
        self.years = years
        self.names = names
        self.units = units
        self.values = values
        self.cumulativeNetCO2 = cumulativeNetCO2
        self.cumulativeGrossCO2 = cumulativeGrossCO2
        self.cumulativeFrom = cumulativeFrom
        self.evaluations = evaluations
        index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
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
