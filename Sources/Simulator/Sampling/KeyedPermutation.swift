/// A pseudo-random permutation of 0..<n computed on demand (a Feistel network over the next power of
/// two, cycle-walked into range): Latin hypercube strata without holding n indices in memory.
public struct KeyedPermutation: Sendable {
    public let n: Int
    let key: UInt64
    let halfBits: Int
    let mask: UInt64

    public init(n: Int, key: UInt64) {
        self.n = n
        self.key = key
        var bits = 2
        while (1 << bits) < n { bits += 1 }
        if bits % 2 == 1 { bits += 1 }
        halfBits = bits / 2
        mask = (1 << UInt64(halfBits)) - 1
    }

    @inline(__always)
    func round(_ x: UInt64, _ r: UInt64) -> UInt64 {
        RandomGenerator.splitmix(x ^ key ^ (r &* 0xD6E8_FEB8_6659_FD93)) & mask
    }

    func feistel(_ x: UInt64) -> UInt64 {
        var l = x >> UInt64(halfBits), r = x & mask
        for k in 0..<4 {
            let t = l ^ round(r, UInt64(k))
            l = r
            r = t
        }
        return (l << UInt64(halfBits)) | r
    }

    /// The image of `i` (0 <= i < n); distinct inputs give distinct outputs.
    public func callAsFunction(_ i: Int) -> Int {
        var x = feistel(UInt64(i))
        while x >= UInt64(n) { x = feistel(x) }
        return Int(x)
    }
}
