/// Energy "dual control", enforced: when the energy total exceeds the cap, a curtailment z of
/// energy-intensive output rises; below the cap it relaxes. dz/dt = k (E/cap - 1), z kept in [0, z_max].
/// Without enforcement the cap is only checked (z stays 0).
///
/// A cap binds from 1 January of its first year; before it there is no cap and nothing changes. A cap limits a
/// year's total, so it holds through its calendar year: a later cap never binds in an earlier year. Between capped
/// years each year's cap lies on the straight line through the caps (a glide path, year by year), and after the last
/// cap it stays there.
public final class DualControlComponent: Component {
    public let offset: Int
    public let states = [StateDeclaration("dual_control_curtailment", "1")]
    let p: DualControlParameters
    /// 1 January of the first capped year (infinity: no cap).
    let capStart: Double

    init(parameters: DualControlParameters, layout: inout StateLayout) {
        p = parameters
        capStart = parameters.cap.isEmpty ? .infinity : (parameters.cap.x[0] - 0.5).rounded(.down)
        offset = layout.reserve(states)
    }
    public func initialState(into y: UnsafeMutablePointer<Double>) { y[offset] = 0 }

    /// The cap of the year t falls in (its point is mid-year on the line through the caps).
    @inline(__always)
    func cap(at t: Double) -> Double { p.cap.value(at: t.rounded(.down) + 0.5) }

    /// The cap switching on, and every 1 January where the year's cap differs from the last year's, are jumps the
    /// integrator must restart at.
    var breakpoints: [Double] {
        guard capStart.isFinite else { return [] }
        let last = (p.cap.x[p.cap.x.count - 1] - 0.5).rounded(.down)
        return [capStart] + stride(from: capStart + 1, through: last, by: 1).filter { cap(at: $0) != cap(at: $0 - 1) }
    }

    /// Step `dualControl`.
    func evaluate(_ ws: inout Workspace, y: UnsafePointer<Double>) {
        ws.dualControl.curtailment = p.enforce ? min(max(y[offset], 0), p.maxCurtailment) : 0
        ws.dualControl.energyCap = ws.t < capStart ? .infinity : cap(at: ws.t)
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        guard p.enforce, ws.dualControl.energyCap.isFinite else { dydt[offset] = 0; return }
        let z = y[offset]
        let push = p.responseRate * (ws.accounting.energyDualControl / ws.dualControl.energyCap - 1)
        dydt[offset] = push > 0 ? push * max(1 - z / p.maxCurtailment, 0) : push * max(z, 0) / (max(z, 0) + 0.01)
    }
}

/// What dual control writes: the curtailment in force and the cap of the moment.
public struct DualControlFlows {
    /// Energy-intensive output curtailed by enforced dual control, share.
    public var curtailment = 0.0
    /// Energy cap at t, Mtce (infinity: none).
    public var energyCap = Double.infinity
}
