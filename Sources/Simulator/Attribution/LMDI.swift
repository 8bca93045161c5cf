/// Log-mean Divisia index (LMDI-I, Ang 2005) decomposition of a change in CO2,
///   C = sum_i Q (E/Q) (E_i/E) (C_i/E_i),
/// into activity (Q = GDP), energy intensity (E/Q), structure (sector shares of energy E_i/E) and emission
/// factor (C_i/E_i, fuel mix and process CO2) effects, sector by sector. The additive effects sum exactly to
/// C_T - C_0; the multiplicative ones multiply exactly to C_T / C_0.
public enum LMDI {
    public enum Effect: String, CaseIterable, Sendable {
        case activity, intensity, structure, emissionFactor = "emission_factor"
    }

    /// One end of the comparison: GDP and, per sector, energy and CO2.
    public struct State: Sendable {
        public let activity: Double
        public let energy: [Double]
        public let co2: [Double]

        public init(activity: Double, energy: [Double], co2: [Double]) {
            self.activity = activity
            self.energy = energy
            self.co2 = co2
        }

        var totalEnergy: Double { energy.reduce(0, +) }
        var totalCO2: Double { co2.reduce(0, +) }
    }

    public struct Result: Sendable {
        /// Additive effects by sector (Mt CO2): `additive[effect][sector]`.
        public let additive: [Effect: [Double]]
        /// Multiplicative effects (ratios); their product is C_T / C_0.
        public let multiplicative: [Effect: Double]
        public let change: Double
        public let ratio: Double

        public func total(_ e: Effect) -> Double { additive[e]!.reduce(0, +) }
    }

    /// Logarithmic mean; L(x, x) = x, and zero where either side is zero (the sector then contributes
    /// through its own change only, Ang 2005's limit).
    static func logMean(_ a: Double, _ b: Double) -> Double {
        if a <= 0 || b <= 0 { return 0 }
        if abs(a - b) <= 1e-12 * max(a, b) { return a }
        return (a - b) / (log(a) - log(b))
    }

    static func ln(_ x: Double, _ y: Double) -> Double { (x > 0 && y > 0) ? log(x / y) : 0 }

    public static func decompose(from s0: State, to s1: State) -> Result {
        let n = s0.co2.count
        let q0 = s0.activity, q1 = s1.activity, e0 = s0.totalEnergy, e1 = s1.totalEnergy
        var additive: [Effect: [Double]] = [:]
        for e in Effect.allCases { additive[e] = Array(repeating: 0, count: n) }
        for i in 0..<n {
            let c0 = s0.co2[i], c1 = s1.co2[i]
            let w = logMean(c1, c0)
            // A sector that starts or ends at zero is attributed wholly to its structure change.
            if w == 0 {
                additive[.structure]![i] = c1 - c0
                continue
            }
            additive[.activity]![i] = w * ln(q1, q0)
            additive[.intensity]![i] = w * ln(e1 / q1, e0 / q0)
            additive[.structure]![i] = w * ln(s1.energy[i] / e1, s0.energy[i] / e0)
            additive[.emissionFactor]![i] = w * ln(c1 / s1.energy[i], c0 / s0.energy[i])
        }
        let change = s1.totalCO2 - s0.totalCO2
        let ratio = s1.totalCO2 / s0.totalCO2
        // Multiplicative from additive (Ang 2005: D_x = exp(dC_x / L(C_T, C_0))), exact as a product.
        let wTotal = logMean(s1.totalCO2, s0.totalCO2)
        var multiplicative: [Effect: Double] = [:]
        for e in Effect.allCases { multiplicative[e] = wTotal > 0 ? exp(additive[e]!.reduce(0, +) / wTotal) : .nan }
        return Result(additive: additive, multiplicative: multiplicative, change: change, ratio: ratio)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
