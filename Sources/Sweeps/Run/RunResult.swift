import Simulator

/// What one sweep run produced: headline indicators, target checks and the kept series, or its error.
public struct RunResult: Sendable {
    public let run: Int
    public let scenario: String
    public var factors: [Double]
    /// nil when the run succeeded.
    public var error: String?
    public var peakYear: Int?
    public var peakValue: Double?
    public var cumulativeCO2: Double?
    public var neutralityYear: Int?
    /// Gross CO2 in the headline years, net CO2 in the last year.
    public var co2: [Double?] = []
    public var targets: [TargetCheck] = []
    /// Kept series, one array of years per series, in the spec's `keep` order.
    public var series: [[Double]] = []

    /// Years whose gross CO2 is stored with every run.
    public static let headlineYears = [2025, 2030, 2035, 2060]
}
