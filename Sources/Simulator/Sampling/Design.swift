/// How a sweep chooses its points. Every design maps a run index to a point by itself, so run i depends
/// only on the design and i, whatever the number of workers or the order they run in.
public enum DesignKind: String, CaseIterable, Sendable {
    case grid, random, lhs, sobol, saltelli

    /// The smallest sensible `n`.
    public var minimumN: Int {
        switch self {
        case .grid: return 1
        case .random: return 1
        case .lhs: return 2
        case .sobol: return 2
        case .saltelli: return 8
        }
    }
}

public struct Design: Sendable {
    public let kind: DesignKind
    public let factors: [Distribution]
    /// Points (random, lhs, sobol) or base samples (saltelli); ignored by grid.
    public let n: Int
    public let seed: UInt64

    public init(kind: DesignKind, factors: [Distribution], n: Int, seed: UInt64) {
        self.kind = kind
        self.factors = factors
        self.n = n
        self.seed = seed
    }

    /// Points in the design: for Saltelli n (d + 2) (matrices A, B and A with column i from B).
    public var pointCount: Int {
        switch kind {
        case .grid:
            return factors.reduce(1) { c, f in
                if case .levels(let v) = f { return c * v.count }
                return c
            }
        case .random, .lhs, .sobol: return n
        case .saltelli: return n * (factors.count + 2)
        }
    }

    /// Per-worker state: a Sobol generator and a random generator.
    public final class Cursor {
        let design: Design
        let sobol: SobolSequence?
        let rng = RandomGenerator()
        let permutations: [KeyedPermutation]
        var unit: [Double]

        init(_ design: Design) throws {
            self.design = design
            let d = design.factors.count
            switch design.kind {
            case .sobol: sobol = try SobolSequence(dimension: d)
            case .saltelli: sobol = try SobolSequence(dimension: 2 * d)
            default: sobol = nil
            }
            permutations = design.kind == .lhs
                ? (0..<d).map { KeyedPermutation(n: design.n, key: RandomGenerator.seed(design.seed, run: -1, stream: $0)) } : []
            unit = Array(repeating: 0, count: max(2 * d, 1))
        }

        /// The factor values of point `j`.
        public func point(_ j: Int, into x: inout [Double]) throws {
            let f = design.factors, d = f.count
            switch design.kind {
            case .grid:
                var rest = j
                for k in (0..<d).reversed() {
                    guard case .levels(let v) = f[k] else { continue }
                    x[k] = v[rest % v.count]
                    rest /= v.count
                }
            case .random:
                rng.reseed(RandomGenerator.seed(design.seed, run: j))
                for k in 0..<d { x[k] = f[k].sample(rng) }
            case .lhs:
                rng.reseed(RandomGenerator.seed(design.seed, run: j))
                for k in 0..<d {
                    let stratum = permutations[k](j)
                    x[k] = f[k].quantile((Double(stratum) + rng.uniformPositive()) / Double(design.n))
                }
            case .sobol:
                try unit.withUnsafeMutableBufferPointer { try sobol!.point(at: j + 1, into: $0.baseAddress!) }
                for k in 0..<d { x[k] = f[k].quantile(unit[k]) }
            case .saltelli:
                let block = j / design.n, row = j % design.n
                try unit.withUnsafeMutableBufferPointer { try sobol!.point(at: row + 1, into: $0.baseAddress!) }
                for k in 0..<d {
                    // Block 0: A; block 1: B; block 2 + i: A with column i taken from B.
                    let fromB = block == 1 || block == 2 + k
                    x[k] = f[k].quantile(unit[fromB ? d + k : k])
                }
            }
        }
    }

    public func cursor() throws -> Cursor { try Cursor(self) }
}
