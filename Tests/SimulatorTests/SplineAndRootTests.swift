import XCTest
@testable import Simulator
@preconcurrency import CGSL

final class SplineAndRootTests: XCTestCase {
    func testLinearSplineIsExactOnLines() throws {
        let s = try Spline(x: [0, 1, 3], y: [1, 3, 7], kind: .linear)
        XCTAssertEqual(s.value(at: 2), 5, accuracy: 1e-14)
        XCTAssertEqual(s.derivative(at: 0.5), 2, accuracy: 1e-14)
    }

    func testSplineHoldsEndValuesOutsideItsKnots() throws {
        let s = try Spline(x: [2019, 2030, 2060], y: [1, 2, 1.5], kind: .steffen)
        XCTAssertEqual(s.value(at: 1990), 1)
        XCTAssertEqual(s.value(at: 2100), 1.5)
        XCTAssertEqual(s.derivative(at: 2100), 0)
    }

    func testSteffenSplineStaysMonotoneBetweenMonotoneKnots() throws {
        let s = try Spline(x: [0, 1, 2, 3], y: [0, 0, 1, 1], kind: .steffen)
        var previous = -Double.infinity
        for x in stride(from: 0.0, through: 3, by: 0.01) {
            let v = s.value(at: x)
            XCTAssertGreaterThanOrEqual(v, previous - 1e-15)
            XCTAssertTrue((0...1).contains(v))
            previous = v
        }
    }

    func testBadSplineInputIsAnError() {
        XCTAssertThrowsError(try Spline(x: [0, 0, 1], y: [1, 2, 3])) { error in
            XCTAssertEqual((error as? GSLError)?.status, Int32(GSL_EINVAL))
        }
        XCTAssertThrowsError(try Spline(x: [0, 1], y: [1, 2], kind: .cubic))
        XCTAssertThrowsError(try Spline(x: [0, 1, 2], y: [1, 2], kind: .linear))
    }

    func testBrentFindsSquareRootOfTwo() throws {
        let root = try RootFinder.brent(in: 0, 2, tolerance: 1e-12) { $0 * $0 - 2 }
        XCTAssertEqual(root, 2.0.squareRoot(), accuracy: 1e-11)
    }

    func testBrentWithoutASignChangeIsAnError() {
        XCTAssertThrowsError(try RootFinder.brent(in: 0, 1, context: "test bracket") { $0 * $0 + 1 }) { error in
            let e = error as? GSLError
            XCTAssertEqual(e?.status, Int32(GSL_EINVAL))
            XCTAssertTrue(e?.context.contains("test bracket") ?? false)
        }
    }
}
