import XCTest
@testable import Simulator

final class NonlinearLeastSquaresTests: XCTestCase {
    /// GSL's documentation example, y = A exp(-lambda t) + b, without noise: the fit lands on the truth.
    func testRecoversAnExponentialExactly() throws {
        let t = (0..<40).map { Double($0) * 0.25 }
        let y = t.map { 5 * exp(-1.5 * $0) + 1 }
        let r = try NonlinearLeastSquares.fit(n: t.count, start: [1, 1, 0], residuals: { x, res in
            for i in t.indices { res[i] = x[0] * exp(-x[1] * t[i]) + x[2] - y[i] }
        }, jacobian: { x, j in
            for i in t.indices {
                let e = exp(-x[1] * t[i])
                j[i] = [e, -t[i] * x[0] * e, 1]
            }
        })
        XCTAssertTrue(r.converged)
        XCTAssertEqual(r.x[0], 5, accuracy: 1e-8)
        XCTAssertEqual(r.x[1], 1.5, accuracy: 1e-8)
        XCTAssertEqual(r.x[2], 1, accuracy: 1e-8)
        XCTAssertLessThan(r.chiSquared, 1e-16)
    }

    /// Without a Jacobian GSL differences the residuals; a straight line's covariance is the textbook one.
    func testFiniteDifferenceJacobianAndLinearCovariance() throws {
        let x = (0..<10).map(Double.init)
        let noise = [0.3, -0.2, 0.1, 0.4, -0.5, 0.2, -0.1, 0.0, 0.3, -0.4]
        let y = x.indices.map { 2 + 0.5 * x[$0] + noise[$0] }
        let r = try NonlinearLeastSquares.fit(n: x.count, start: [0, 0]) { p, res in
            for i in x.indices { res[i] = p[0] + p[1] * x[i] - y[i] }
        }
        // Ordinary least squares by hand.
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
        let intercept = my - slope * mx
        XCTAssertEqual(r.x[1], slope, accuracy: 1e-6)
        XCTAssertEqual(r.x[0], intercept, accuracy: 1e-6)
        let s2 = r.chiSquared / (n - 2)
        XCTAssertEqual(r.standardErrors[1], (s2 / sxx).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(r.standardErrors[0], (s2 * (1 / n + mx * mx / sxx)).squareRoot(), accuracy: 1e-6)
    }

    func testResidualErrorsAreRethrown() {
        struct Boom: Error {}
        XCTAssertThrowsError(try NonlinearLeastSquares.fit(n: 3, start: [1]) { _, _ in throw Boom() }) { error in
            XCTAssertTrue(error is Boom)
        }
    }

    func testTooFewObservationsIsAnError() {
        XCTAssertThrowsError(try NonlinearLeastSquares.fit(n: 1, start: [1, 2]) { _, r in r[0] = 0 })
    }

    func testIterationLimitReturnsTheBestPointUnconverged() throws {
        let t = (0..<20).map(Double.init)
        let r = try NonlinearLeastSquares.fit(n: t.count, start: [1, 0.01], maxIterations: 1) { x, res in
            for i in t.indices { res[i] = x[0] * exp(x[1] * t[i]) - 3 * exp(0.2 * t[i]) }
        }
        XCTAssertFalse(r.converged)
        XCTAssertNotNil(r.failure)
        XCTAssertEqual(r.x.count, 2)
    }
}
