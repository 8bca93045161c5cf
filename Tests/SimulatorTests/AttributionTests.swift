import XCTest
@testable import Simulator

final class AttributionTests: XCTestCase {
    /// A game with interactions: v(S) = sum of weights in S + a bonus when groups 0 and 1 are both in.
    func game(_ mask: Int) -> [Double] {
        let weights = [3.0, -2, 5, 1]
        var v = 0.0
        for i in 0..<4 where mask & (1 << i) != 0 { v += weights[i] }
        if mask & 0b11 == 0b11 { v += 4 }
        return [v, 2 * v]
    }

    func testExactShapleyValuesSplitInteractionsEvenlyAndSumToTheTotal() {
        let phi = Shapley.values(groups: 4, length: 2) { game($0) }
        XCTAssertEqual(phi[0][0], 3 + 2, accuracy: 1e-12)
        XCTAssertEqual(phi[1][0], -2 + 2, accuracy: 1e-12)
        XCTAssertEqual(phi[2][0], 5, accuracy: 1e-12)
        XCTAssertEqual(phi[3][0], 1, accuracy: 1e-12)
        for t in 0..<2 {
            XCTAssertEqual(phi.map { $0[t] }.reduce(0, +), game(15)[t] - game(0)[t], accuracy: 1e-12)
        }
    }

    func testSampledShapleyValuesStillSumExactly() {
        // 10 groups: beyond the exact limit.
        let phi = Shapley.values(groups: 10, length: 1, samples: 200) { mask -> [Double] in
            [Double(mask.nonzeroBitCount * mask.nonzeroBitCount)]
        }
        XCTAssertEqual(phi.map { $0[0] }.reduce(0, +), 100, accuracy: 1e-9)
        // Symmetric groups get equal shares.
        for p in phi { XCTAssertEqual(p[0], 10, accuracy: 1e-9) }
    }

    func total(_ r: LMDI.Result) -> Double { LMDI.Effect.allCases.map { r.total($0) }.reduce(0, +) }
    func product(_ r: LMDI.Result) -> Double { LMDI.Effect.allCases.map { r.multiplicative[$0]! }.reduce(1, *) }

    /// Two sectors, two carriers (coal and non-fossil), process CO2 in the second sector. Hand-computed:
    /// sector 1 coal C 150 -> 129.6 (factor 2.5 -> 2.4), energy 60 + 20 -> 54 + 36; sector 2 coal 50 -> 87.5
    /// (20 -> 35 Mtce, factor 2.5), process 10 -> 15; E 100 -> 125, Q 100 -> 120. With w1 = L(129.6, 150),
    /// w2 = L(87.5, 50), wp = L(15, 10):
    ///   activity  = (w1 + w2 + wp) ln 1.2            intensity = (w1 + w2) ln(1.25 / 1.2)
    ///   structure = w1 ln(0.72 / 0.8) + w2 ln(0.28 / 0.2)
    ///   mix       = w1 ln(0.6 / 0.75)  (sector 2 is all coal at both ends: 0)
    ///   emission factor = w1 ln(2.4 / 2.5)          process = wp ln(0.125 / 0.1)
    func testLMDIKnownAnswerTwoSectorsTwoCarriers() {
        let s0 = LMDI.State(activity: 100, energy: [[60, 20], [20, 0]], co2: [[150, 0], [50, 0]], process: [0, 10])
        let s1 = LMDI.State(activity: 120, energy: [[54, 36], [35, 0]], co2: [[129.6, 0], [87.5, 0]], process: [0, 15])
        let r = LMDI.decompose(from: s0, to: s1)
        let expected: [LMDI.Effect: Double] = [
            .activity: 39.908977527344824, .intensity: 8.432266267075342, .structure: 7.843866150074506,
            .mix: -31.140034750151816, .emissionFactor: -5.696773760408924, .process: 2.751698566066044,
        ]
        for (e, v) in expected { XCTAssertEqual(r.total(e), v, accuracy: 1e-9, "\(e)") }
        let ratios: [LMDI.Effect: Double] = [
            .activity: 1.1980477680555908, .intensity: 1.038916395535711, .structure: 1.0361523410061222,
            .mix: 0.8684973188862718, .emissionFactor: 0.9745368710246125, .process: 1.0125366256705162,
        ]
        for (e, v) in ratios { XCTAssertEqual(r.multiplicative[e]!, v, accuracy: 1e-12, "\(e)") }
        XCTAssertEqual(r.additive[.mix]![1], 0, accuracy: 1e-12)
        XCTAssertEqual(r.additive[.emissionFactor]![1], 0, accuracy: 1e-12)
        XCTAssertEqual(r.additive[.process]![0], 0)
        XCTAssertEqual(r.change, 232.1 - 210, accuracy: 1e-12)
        XCTAssertEqual(r.ratio, 232.1 / 210, accuracy: 1e-15)
    }

    func testLMDIAdditiveEffectsSumExactlyAndMultiplicativeOnesMultiplyToTheRatio() {
        // Three sectors, five carriers (the last without CO2), process CO2 in two sectors.
        let f = [2.66, 3.0, 2.1, 1.6, 0]
        func co2(_ e: [[Double]], drift: Double) -> [[Double]] { e.map { row in row.indices.map { row[$0] * f[$0] * (1 + drift * Double($0)) } } }
        let e0: [[Double]] = [[300, 0, 2, 5, 40], [60, 25, 10, 8, 0], [20, 1, 90, 30, 0]]
        let e1: [[Double]] = [[280, 0, 1, 12, 140], [55, 20, 9, 15, 0], [25, 1, 110, 45, 0]]
        let s0 = LMDI.State(activity: 17_000, energy: e0, co2: co2(e0, drift: 0), process: [0, 40, 3])
        let s1 = LMDI.State(activity: 26_000, energy: e1, co2: co2(e1, drift: 0.01), process: [0, 33, 5])
        let r = LMDI.decompose(from: s0, to: s1)
        XCTAssertEqual(total(r), s1.totalCO2 - s0.totalCO2, accuracy: 1e-10 * s0.totalCO2)
        XCTAssertEqual(product(r), s1.totalCO2 / s0.totalCO2, accuracy: 1e-13)
        // Per sector, the effects add up to the sector's change.
        for i in 0..<3 {
            let sum = LMDI.Effect.allCases.map { r.additive[$0]![i] }.reduce(0, +)
            XCTAssertEqual(sum, s1.sectorCO2[i] - s0.sectorCO2[i], accuracy: 1e-10 * s0.totalCO2)
        }
        // Activity: every term's weight times ln(Q1/Q0).
        var weights = 0.0
        for i in 0..<3 {
            for j in 0..<5 { weights += LMDI.logMean(s1.co2[i][j], s0.co2[i][j]) }
            weights += LMDI.logMean(s1.process[i], s0.process[i])
        }
        XCTAssertEqual(r.total(.activity), weights * log(26.0 / 17), accuracy: 1e-9)
        // More non-fossil energy in sector 0 lowers its fossil shares: a negative mix effect there.
        XCTAssertLessThan(r.additive[.mix]![0], 0)
    }

    /// A carrier that appears (gas in sector 0) or leaves (coke in sector 0), a sector that appears (1, with
    /// process CO2 that appears), and energy without CO2 at one end (gas in sector 2): the limit of Ang and
    /// Liu (2007) gives the whole term to the factor that is zero. Hand-computed (see the doc comment of
    /// `LMDI`): mix in sector 0 is -30 + 19.2 plus the coal term's w ln((45/72) / (50/65)).
    func zeroStates(_ d: Double) -> (LMDI.State, LMDI.State) {
        (LMDI.State(activity: 100, energy: [[50, 10, d, 5], [d, 0, 0, 0], [20, 0, 5, 0]],
                    co2: [[125, 30, 1.6 * d, 0], [2.5 * d, 0, 0, 0], [50, 0, d, 0]], process: [0, d, 0]),
         LMDI.State(activity: 110, energy: [[45, d, 12, 15], [8, 0, 0, 0], [22, 0, 5, 0]],
                    co2: [[112.5, 3 * d, 19.2, 0], [20, 0, 0, 0], [55, 0, 8, 0]], process: [0, 3, 0]))
    }

    func testLMDIZeroValuesTakeTheLimitOfTheSmallValueStrategy() {
        let (s0, s1) = zeroStates(0)
        let r = LMDI.decompose(from: s0, to: s1)
        let expected: [LMDI.Effect: [Double]] = [
            .activity: [11.307625443133064, 0, 4.999999999999986],
            .intensity: [9.219414863591698, 0, 4.0766361204466985],
            .structure: [-8.392650056042127, 20, -5.0392373192833775],
            .mix: [-35.43439025068257, 0, 0.9626011988366696],
            .emissionFactor: [0, 0, 8],
            .process: [0, 3, 0],
        ]
        for (e, v) in expected {
            for i in 0..<3 { XCTAssertEqual(r.additive[e]![i], v[i], accuracy: 1e-9, "\(e) sector \(i)") }
        }
        XCTAssertEqual(total(r), 217.7 - 205, accuracy: 1e-10)
        XCTAssertEqual(product(r), 217.7 / 205, accuracy: 1e-13)
        for e in LMDI.Effect.allCases { XCTAssertTrue(r.multiplicative[e]!.isFinite) }

        // Replacing the zeros by a small δ (same emission factors) converges to the limit, slowly (1/|ln δ|).
        var errors: [Double] = []
        for d in [1e-25, 1e-100, 1e-250] {
            let (a, b) = zeroStates(d)
            let rd = LMDI.decompose(from: a, to: b)
            errors.append(LMDI.Effect.allCases.flatMap { e in (0..<3).map { abs(rd.additive[e]![$0] - r.additive[e]![$0]) } }.max()!)
        }
        XCTAssertLessThan(errors[1], errors[0])
        XCTAssertLessThan(errors[2], errors[1])
        XCTAssertLessThan(errors[2], 0.02)
    }

    func testLMDIWithoutChangeHasNoEffects() {
        let s = LMDI.State(activity: 100, energy: [[50, 10], [0, 0]], co2: [[130, 0], [0, 0]], process: [5, 0])
        let r = LMDI.decompose(from: s, to: s)
        for e in LMDI.Effect.allCases {
            XCTAssertEqual(r.total(e), 0, accuracy: 1e-12)
            XCTAssertEqual(r.multiplicative[e]!, 1, accuracy: 1e-15)
        }
    }
}
