#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An S-shaped trend for a sector group's emissions, written around a reference year r:
///
///     E(t) = L / (phi + (1 - phi) exp(-k (t - r)))
///
/// L is the level in year r, k the growth rate while the level is small, phi = L/K the share of the
/// saturation level K already reached in year r. phi = 0 is plain exponential growth, 0 < phi < 1 a
/// logistic slowing towards K = L/phi (k < 0: a decline from K), phi = 1 a flat line. Growth that slows as
/// a sector matures is the pattern of most provincial CEADs series 2005-2019. Unlike the textbook form
/// K / (1 + exp(-k (t - m))), this one stays finite when a series has not begun to saturate (phi -> 0 instead
/// of K, m -> infinity), so the fit and its standard errors stay well defined.
public struct LogisticTrend: Sendable, Equatable {
    /// L, Mt CO2/yr in the reference year.
    public var level: Double
    /// k, 1/yr.
    public var rate: Double
    /// phi = L / K.
    public var saturationShare: Double
    /// r, calendar year.
    public var reference: Double

    public static let parameterNames = ["level", "rate", "saturation_share"]

    public init(level: Double, rate: Double, saturationShare: Double, reference: Double) {
        self.level = level
        self.rate = rate
        self.saturationShare = saturationShare
        self.reference = reference
    }

    public init(_ parameters: [Double], reference: Double) {
        self.init(level: parameters[0], rate: parameters[1], saturationShare: parameters[2], reference: reference)
    }

    public var parameters: [Double] { [level, rate, saturationShare] }

    /// K = L / phi, the level the trend tends to (infinite for exponential growth).
    public var saturation: Double { saturationShare > 0 ? level / saturationShare : .infinity }

    @inline(__always)
    func denominator(at year: Double) -> (d: Double, u: Double) {
        let u = exp(-rate * (year - reference))
        return (saturationShare + (1 - saturationShare) * u, u)
    }

    public func value(at year: Double) -> Double { level / denominator(at: year).d }

    /// Growth rate of the trend, d ln E / dt = k (1 - phi) u / D.
    public func growthRate(at year: Double) -> Double {
        let (d, u) = denominator(at: year)
        return rate * (1 - saturationShare) * u / d
    }

    /// dE/d(L, k, phi) at `year`.
    public func gradient(at year: Double) -> [Double] {
        let (d, u) = denominator(at: year)
        return [1 / d, level * (1 - saturationShare) * u * (year - reference) / (d * d), -level * (1 - u) / (d * d)]
    }
}
