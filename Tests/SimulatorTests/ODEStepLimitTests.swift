import XCTest
@testable import Simulator
@preconcurrency import CGSL

/// dy/dt = -k y with a huge k: an explicit stepper needs ~k steps per unit time (stiff).
final class Stiff: ODESystem {
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        dydt[0] = -1e9 * (y[0] - cos(t))
        return true
    }
}

/// Issue 13: the driver had no step limit, so a stiff input hung a run. Now it is a GSLError within seconds.
final class ODEStepLimitTests: XCTestCase {
    func testStiffSystemFailsWithAStepLimitErrorQuickly() throws {
        let integrator = try ODEIntegrator(system: Stiff(), method: .rkck, absoluteTolerance: 1e-6, relativeTolerance: 1e-6)
        var y = [1.0]
        var t = 0.0
        let started = Date()
        XCTAssertThrowsError(try y.withUnsafeMutableBufferPointer { try integrator.advance(&t, to: 40, y: $0.baseAddress!) }) { error in
            guard let e = error as? GSLError else { return XCTFail("expected GSLError, got \(error)") }
            XCTAssertEqual(e.status, Int32(GSL_EMAXITER))
            // Whichever bound binds first: the steps of one interval, or the run's evaluations.
            XCTAssertTrue(e.context.contains("step limit") || e.context.contains("right-hand-side evaluations"), e.context)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}

/// Moderately stiff: under the step limit in each short interval, but a run of many intervals adds up.
final class SlowStiff: ODESystem {
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        dydt[0] = -1e5 * (y[0] - cos(t))
        return true
    }
}

extension ODEStepLimitTests {
    /// Found with assumptions {power.heat_rate_relaxation_time: 1e-12}: 16 s for one run, each interval under
    /// the step limit. A run now has an evaluation budget.
    func testARunHasAnEvaluationBudget() throws {
        let integrator = try ODEIntegrator(system: SlowStiff(), method: .rkck, absoluteTolerance: 1e-8, relativeTolerance: 1e-8)
        integrator.resetCounters()
        var y = [1.0]
        var t = 0.0
        XCTAssertThrowsError(try y.withUnsafeMutableBufferPointer { buffer in
            for k in 1...400 { try integrator.advance(&t, to: Double(k) * 0.1, y: buffer.baseAddress!) }
        }) { error in
            guard let e = error as? GSLError else { return XCTFail("expected GSLError, got \(error)") }
            XCTAssertEqual(e.status, Int32(GSL_EMAXITER))
            XCTAssertTrue(e.context.contains("100000 right-hand-side evaluations"), e.context)
        }
        // After a reset the next run starts with a full budget.
        integrator.resetCounters()
        var z = [1.0]
        var t2 = 0.0
        let easy = try ODEIntegrator(system: Decay(k: 1))
        XCTAssertNoThrow(try z.withUnsafeMutableBufferPointer { try easy.advance(&t2, to: 1, y: $0.baseAddress!) })
    }
}
