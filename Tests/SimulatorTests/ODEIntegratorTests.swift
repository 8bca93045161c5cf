import XCTest
@testable import Simulator
@preconcurrency import CGSL

/// dy/dt = -k y, y(0) = 1: y(t) = exp(-k t).
final class Decay: ODESystem {
    let k: Double
    init(k: Double) { self.k = k }
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        dydt[0] = -k * y[0]
        return true
    }
}

/// y'' = -w^2 y as a first-order system: y = cos(w t), y' = -w sin(w t).
final class Oscillator: ODESystem {
    let w: Double
    init(w: Double) { self.w = w }
    var dimension: Int { 2 }
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        dydt[0] = y[1]
        dydt[1] = -w * w * y[0]
        return true
    }
}

/// A right-hand side that becomes non-finite after t = 1.
final class BlowsUp: ODESystem {
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        dydt[0] = t > 1 ? .nan : 1
        return dydt[0].isFinite
    }
}

final class ODEIntegratorTests: XCTestCase {
    func testExponentialDecayMatchesAnalyticSolutionForEveryMethod() throws {
        for method in ODEMethod.allCases {
            let system = Decay(k: 0.7)
            let integrator = try ODEIntegrator(system: system, method: method, absoluteTolerance: 1e-12, relativeTolerance: 1e-10)
            var y = [1.0]
            var t = 0.0
            for target in stride(from: 0.5, through: 10, by: 0.5) {
                try y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: target, y: $0.baseAddress!) }
                XCTAssertEqual(t, target)
                XCTAssertEqual(y[0], exp(-0.7 * target), accuracy: 1e-7 * exp(-0.7 * target) + 1e-11, "\(method) at t = \(target)")
            }
            XCTAssertGreaterThan(integrator.evaluations, 0)
        }
    }

    func testHarmonicOscillatorKeepsPhaseOverTenPeriods() throws {
        let w = 2 * Double.pi
        let integrator = try ODEIntegrator(system: Oscillator(w: w), method: .rk8pd, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)
        var y = [1.0, 0.0]
        var t = 0.0
        try y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: 10.25, y: $0.baseAddress!) }
        XCTAssertEqual(y[0], cos(w * 10.25), accuracy: 1e-8)
        XCTAssertEqual(y[1], -w * sin(w * 10.25), accuracy: 1e-7)
    }

    func testResetAfterADiscontinuityKeepsAccuracy() throws {
        let integrator = try ODEIntegrator(system: Decay(k: 1), relativeTolerance: 1e-10)
        var y = [1.0]
        var t = 0.0
        try y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: 1, y: $0.baseAddress!) }
        y[0] = 2  // an imposed jump, as at a step lever
        try integrator.reset()
        try y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: 2, y: $0.baseAddress!) }
        XCTAssertEqual(y[0], 2 * exp(-1), accuracy: 1e-8)
    }

    func testNonFiniteRightHandSideBecomesAnErrorNotACrash() throws {
        let integrator = try ODEIntegrator(system: BlowsUp())
        var y = [0.0]
        var t = 0.0
        XCTAssertThrowsError(try y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: 3, y: $0.baseAddress!) }) { error in
            guard let e = error as? GSLError else { return XCTFail("expected GSLError, got \(error)") }
            XCTAssertEqual(e.status, Int32(GSL_EBADFUNC))
            XCTAssertEqual(e.function, "gsl_odeiv2_driver_apply")
            XCTAssertTrue(e.context.contains("not finite"), e.context)
            XCTAssertTrue(e.description.contains("GSL"), e.description)
        }
    }

    func testIntegratingBackwardsIsAGSLError() throws {
        let integrator = try ODEIntegrator(system: Decay(k: 1))
        var y = [1.0]
        var t = 1.0
        _ = try? y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: 2, y: $0.baseAddress!) }
        var back = 2.0
        XCTAssertThrowsError(try y.withUnsafeMutableBufferPointer { try integrator.advance(&back, to: 1, y: $0.baseAddress!) }) {
            XCTAssertTrue($0 is GSLError)
        }
    }
}
