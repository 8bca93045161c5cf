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

    func testLMDIEffectsSumExactlyToTheChange() {
        let s0 = LMDI.State(activity: 100, energy: [50, 30, 20], co2: [130, 60, 10])
        let s1 = LMDI.State(activity: 150, energy: [55, 40, 35], co2: [120, 85, 30])
        let r = LMDI.decompose(from: s0, to: s1)
        let additive = LMDI.Effect.allCases.map { r.total($0) }.reduce(0, +)
        XCTAssertEqual(additive, 235 - 200, accuracy: 1e-10)
        let multiplicative = LMDI.Effect.allCases.map { r.multiplicative[$0]! }.reduce(1, *)
        XCTAssertEqual(multiplicative, 235.0 / 200, accuracy: 1e-12)
        // Activity: every sector's weight times ln(150/100).
        XCTAssertEqual(r.total(.activity), (0..<3).map { LMDI.logMean(s1.co2[$0], s0.co2[$0]) }.reduce(0, +) * log(1.5), accuracy: 1e-10)
        // Per sector, the effects add up to the sector's change.
        for i in 0..<3 {
            let sum = LMDI.Effect.allCases.map { r.additive[$0]![i] }.reduce(0, +)
            XCTAssertEqual(sum, s1.co2[i] - s0.co2[i], accuracy: 1e-10)
        }
    }

    func testLMDIWithASectorThatAppears() {
        let s0 = LMDI.State(activity: 100, energy: [50, 0], co2: [130, 0])
        let s1 = LMDI.State(activity: 110, energy: [50, 5], co2: [120, 12])
        let r = LMDI.decompose(from: s0, to: s1)
        XCTAssertEqual(LMDI.Effect.allCases.map { r.total($0) }.reduce(0, +), 2, accuracy: 1e-10)
    }
}
