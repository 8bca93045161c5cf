/// A schedule laid out in memory its component owns (and frees with `deallocate()`), so the right-hand side
/// reads it without reference counting.
struct CompiledSchedule {
    let from: Double
    let ramps: UnsafeMutableBufferPointer<Ramp>

    init(_ s: Schedule) {
        from = s.from
        ramps = .allocate(capacity: s.ramps.count)
        _ = ramps.initialize(from: s.ramps)
    }

    var isSet: Bool { !ramps.isEmpty }

    @inline(__always)
    func value(at t: Double) -> Double {
        var v = from
        for r in ramps { v += r.amount * r.progress(at: t) }
        return v
    }

    func deallocate() { ramps.deallocate() }
}

/// Compiled schedules, one per product or activity, freed together.
struct CompiledSchedules {
    let all: UnsafeMutableBufferPointer<CompiledSchedule>

    init(_ schedules: [Schedule]) {
        all = .allocate(capacity: schedules.count)
        _ = all.initialize(from: schedules.map(CompiledSchedule.init))
    }

    @inline(__always) subscript(i: Int) -> CompiledSchedule { all[i] }

    func deallocate() {
        for s in all { s.deallocate() }
        all.deallocate()
    }
}
