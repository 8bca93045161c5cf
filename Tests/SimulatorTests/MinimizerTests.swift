import XCTest
@testable import Simulator

final class MinimizerTests: XCTestCase {
    func testRosenbrockMinimum() throws {
        let r = try Minimizer.nelderMead(start: [-1.2, 1], steps: [0.5, 0.5], tolerance: 1e-10, maxIterations: 5000) { x in
            100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2)
        }
        XCTAssertTrue(r.converged)
        XCTAssertEqual(r.x[0], 1, accuracy: 1e-4)
        XCTAssertEqual(r.x[1], 1, accuracy: 1e-4)
    }

    /// min (x - 3)^2 + (y - 2)^2 subject to x + y <= 3: optimum (2, 1), by a quadratic penalty.
    func testConstrainedProblemByPenalty() throws {
        var x = [0.0, 0.0]
        for mu in [10.0, 1e3, 1e5] {
            x = try Minimizer.nelderMead(start: x, steps: [0.3, 0.3], tolerance: 1e-10, maxIterations: 5000) { v in
                let violation = max(v[0] + v[1] - 3, 0)
                return pow(v[0] - 3, 2) + pow(v[1] - 2, 2) + mu * violation * violation
            }.x
        }
        XCTAssertEqual(x[0], 2, accuracy: 1e-3)
        XCTAssertEqual(x[1], 1, accuracy: 1e-3)
    }

    func testAnObjectiveErrorIsRethrownNotLost() {
        struct Boom: Error {}
        XCTAssertThrowsError(try Minimizer.nelderMead(start: [0], steps: [1]) { x in
            if x[0] > 0.5 { throw Boom() }
            return x[0] * x[0]
        }) { XCTAssertTrue($0 is Boom) }
    }
}
