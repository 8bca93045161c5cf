/// Order-independent attribution of a difference to groups (Shapley values).
///
/// `value(S)` is the outcome (a vector, e.g. annual emissions) with the groups in S switched on. Group i's
/// Shapley value is its marginal contribution averaged over all orders of switching groups on. The values
/// sum exactly to value(all) - value(none): exactly when enumerated (up to `exactLimit` groups, 2^k outcomes),
/// and also when sampled, because every sampled order telescopes to the same total.
public enum Shapley {
    public static let exactLimit = 8

    /// Shapley values, one vector per group. `value` receives a bit mask of the groups switched on.
    public static func values(groups k: Int, length: Int, samples: Int = 2000, seed: UInt64 = 1,
                              value: (Int) throws -> [Double]) rethrows -> [[Double]] {
        var cache: [Int: [Double]] = [:]
        func v(_ mask: Int) throws -> [Double] {
            if let c = cache[mask] { return c }
            let r = try value(mask)
            cache[mask] = r
            return r
        }
        var phi = Array(repeating: [Double](repeating: 0, count: length), count: k)
        if k <= exactLimit {
            // phi_i = sum over S not containing i of |S|! (k - |S| - 1)! / k! (v(S + i) - v(S))
            var factorial = [1.0]
            for n in 1...max(k, 1) { factorial.append(factorial[n - 1] * Double(n)) }
            for mask in 0..<(1 << k) {
                let size = mask.nonzeroBitCount
                for i in 0..<k where mask & (1 << i) == 0 {
                    let weight = factorial[size] * factorial[k - size - 1] / factorial[k]
                    let with = try v(mask | (1 << i)), without = try v(mask)
                    for t in 0..<length { phi[i][t] += weight * (with[t] - without[t]) }
                }
            }
            return phi
        }
        // Sampled orders (antithetic pairs halve the variance); a fixed seed keeps runs reproducible.
        let rng = RandomGenerator(seed: seed)
        let orders = max(samples / 2, 1)
        for _ in 0..<orders {
            var order = Array(0..<k)
            for j in stride(from: k - 1, to: 0, by: -1) { order.swapAt(j, rng.index(below: j + 1)) }
            for sequence in [order, order.reversed()] {
                var mask = 0
                var previous = try v(0)
                for i in sequence {
                    mask |= 1 << i
                    let next = try v(mask)
                    for t in 0..<length { phi[i][t] += (next[t] - previous[t]) / Double(2 * orders) }
                    previous = next
                }
            }
        }
        return phi
    }
}
