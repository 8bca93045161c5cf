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
            XCTAssertTrue(e.context.contains("step limit"), e.context)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
