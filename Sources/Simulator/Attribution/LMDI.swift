/// Log-mean Divisia index (LMDI-I, Ang 2005) decomposition of a change in CO2, sector i by energy carrier j:
///
///   C = sum_ij Q (E/Q) (E_i/E) (E_ij/E_i) (C_ij/E_ij) + sum_i Q (P_i/Q)
///
/// into activity (Q = GDP), energy intensity (E/Q), sector structure (E_i/E), energy mix (E_ij/E_i, each
/// carrier's share of its sector's energy), emission factor (C_ij/E_ij) and process (P_i/Q, process CO2 per
/// unit of GDP) effects. Carriers with no CO2 (non-fossil electricity) belong in E and E_i: their terms are
/// zero, but their growth lowers the shares of the fossil carriers, which is the mix effect.
///
/// Process CO2 has no energy, so it is a term of its own, P_i = Q (P_i/Q): its change splits into activity
/// and the process effect.
///
/// The additive effects sum exactly to C_T - C_0, sector by sector; the multiplicative ones multiply exactly
/// to C_T / C_0.
///
/// Zeros (Ang and Liu 2007): a term whose CO2 is zero at both ends contributes nothing. A term zero at one end
/// only takes the limit of the small-value strategy, L(x, δ) ln(y/δ) -> x as δ -> 0: the whole change of the
/// term goes to the factor that is zero, and none to the others. That factor is the outermost zero: the
/// sector's share (a sector that appears or disappears: structure), else the carrier's share (a carrier that
/// appears in or leaves a sector: mix), else the emission factor (energy without CO2 at one end); for
/// process CO2, the process effect.
public enum LMDI {
    public enum Effect: String, CaseIterable, Sendable {
        case activity, intensity, structure, mix, emissionFactor = "emission_factor", process
    }

    /// One end of the comparison: GDP and, per sector and carrier, energy and CO2, and per sector process CO2.
    /// Values are non-negative, and CO2 is positive only where its energy is.
    public struct State: Sendable {
        public let activity: Double
        /// Energy by sector and carrier: `energy[sector][carrier]`.
        public let energy: [[Double]]
        /// Combustion CO2 by sector and carrier: `co2[sector][carrier]`.
        public let co2: [[Double]]
        /// Process CO2 by sector.
        public let process: [Double]

        public init(activity: Double, energy: [[Double]], co2: [[Double]], process: [Double]) {
            precondition(energy.count == co2.count && process.count == co2.count, "LMDI.State: one row per sector")
            precondition(zip(energy, co2).allSatisfy { $0.count == $1.count }, "LMDI.State: one column per carrier")
            precondition(activity > 0, "LMDI.State: activity must be positive")
            for (e, c) in zip(energy.joined(), co2.joined()) {
                precondition(e >= 0 && c >= 0 && (c == 0 || e > 0), "LMDI.State: energy and CO2 must be non-negative, CO2 only with energy")
            }
            precondition(process.allSatisfy { $0 >= 0 }, "LMDI.State: process CO2 must be non-negative")
            self.activity = activity
            self.energy = energy
            self.co2 = co2
            self.process = process
        }

        public var sectorEnergy: [Double] { energy.map { $0.reduce(0, +) } }
        public var totalEnergy: Double { sectorEnergy.reduce(0, +) }
        /// Combustion and process CO2 of each sector.
        public var sectorCO2: [Double] { zip(co2, process).map { $0.reduce(0, +) + $1 } }
        public var totalCO2: Double { sectorCO2.reduce(0, +) }
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

    /// Logarithmic mean; L(x, x) = x, and zero where either side is zero (the limit L(x, 0) = 0).
    static func logMean(_ a: Double, _ b: Double) -> Double {
        if a <= 0 || b <= 0 { return 0 }
        if abs(a - b) <= 1e-12 * max(a, b) { return a }
        return (a - b) / (log(a) - log(b))
    }

    public static func decompose(from s0: State, to s1: State) -> Result {
        let n = s0.co2.count
        precondition(s1.co2.count == n && zip(s0.co2, s1.co2).allSatisfy { $0.count == $1.count },
                     "LMDI: both ends need the same sectors and carriers")
        let q0 = s0.activity, q1 = s1.activity
        let e0 = s0.totalEnergy, e1 = s1.totalEnergy
        let ei0 = s0.sectorEnergy, ei1 = s1.sectorEnergy
        var additive: [Effect: [Double]] = [:]
        for e in Effect.allCases { additive[e] = Array(repeating: 0, count: n) }
        func add(_ e: Effect, _ i: Int, _ v: Double) { additive[e]![i] += v }

        for i in 0..<n {
            for j in s0.co2[i].indices {
                let c0 = s0.co2[i][j], c1 = s1.co2[i][j]
                if c0 == 0 && c1 == 0 { continue }
                if c0 == 0 || c1 == 0 {
                    // The zero end's outermost zero factor takes the whole change (Ang and Liu 2007).
                    let zero = c0 == 0 ? s0 : s1
                    let ezero = c0 == 0 ? ei0[i] : ei1[i]
                    let effect: Effect = ezero == 0 ? .structure : zero.energy[i][j] == 0 ? .mix : .emissionFactor
                    add(effect, i, c1 - c0)
                    continue
                }
                let w = logMean(c1, c0)
                let eij0 = s0.energy[i][j], eij1 = s1.energy[i][j]
                add(.activity, i, w * log(q1 / q0))
                add(.intensity, i, w * log((e1 / q1) / (e0 / q0)))
                add(.structure, i, w * log((ei1[i] / e1) / (ei0[i] / e0)))
                add(.mix, i, w * log((eij1 / ei1[i]) / (eij0 / ei0[i])))
                add(.emissionFactor, i, w * log((c1 / eij1) / (c0 / eij0)))
            }
            let p0 = s0.process[i], p1 = s1.process[i]
            if p0 == 0 && p1 == 0 { continue }
            if p0 == 0 || p1 == 0 {
                add(.process, i, p1 - p0)
                continue
            }
            let w = logMean(p1, p0)
            add(.activity, i, w * log(q1 / q0))
            add(.process, i, w * log((p1 / q1) / (p0 / q0)))
        }
        let c0 = s0.totalCO2, c1 = s1.totalCO2
        // Multiplicative from additive (Ang 2005: D_x = exp(dC_x / L(C_T, C_0))), exact as a product.
        let wTotal = logMean(c1, c0)
        var multiplicative: [Effect: Double] = [:]
        for e in Effect.allCases { multiplicative[e] = wTotal > 0 ? exp(additive[e]!.reduce(0, +) / wTotal) : .nan }
        return Result(additive: additive, multiplicative: multiplicative, change: c1 - c0, ratio: c1 / c0)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
