@preconcurrency import CGSL

/// The Sobol low-discrepancy sequence of `gsl_qrng_sobol` (up to 40 dimensions).
/// Points are produced in order; `point(at:)` skips forward, so a worker can start anywhere.
public final class SobolSequence {
    public static let maxDimension = 40
    public let dimension: Int
    private let generator: OpaquePointer
    /// Index of the next point `next` returns.
    public private(set) var index = 0

    public init(dimension: Int) throws {
        GSLErrorHandler.ensureDisabled()
        guard (1...Self.maxDimension).contains(dimension) else {
            throw GSLError(status: Int32(GSL_EINVAL), function: "gsl_qrng_alloc",
                           context: "Sobol sequences have 1 to \(Self.maxDimension) dimensions, not \(dimension)")
        }
        guard let g = gsl_qrng_alloc(gsl_qrng_sobol, UInt32(dimension)) else {
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_qrng_alloc", context: "\(dimension) dimensions")
        }
        self.dimension = dimension
        generator = OpaquePointer(g)
    }

    deinit { gsl_qrng_free(UnsafeMutablePointer(generator)) }

    public func next(into x: UnsafeMutablePointer<Double>) throws {
        try check(gsl_qrng_get(UnsafeMutablePointer(generator), x), "gsl_qrng_get", "Sobol point \(index)")
        index += 1
    }

    /// Point number `k` (0-based): restarts or skips forward as needed.
    public func point(at k: Int, into x: UnsafeMutablePointer<Double>) throws {
        if k < index {
            gsl_qrng_init(UnsafeMutablePointer(generator))
            index = 0
        }
        while index < k { try next(into: x) }
        try next(into: x)
    }
}
