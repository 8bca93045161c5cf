/// Energy "dual control", enforced: when the energy total exceeds the cap, a curtailment z of
/// energy-intensive output rises; below the cap it relaxes. dz/dt = k (E/cap - 1), z kept in [0, z_max].
/// Without enforcement the cap is only checked (z stays 0).
///
/// A cap binds from 1 January of its first year; before it there is no cap and nothing changes. Between
/// capped years the cap follows a straight line through the caps (a glide path), and it stays at the last cap.
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

    /// The cap switching on is a jump the integrator must restart at.
    var breakpoints: [Double] { capStart.isFinite ? [capStart] : [] }

    /// Step `dualControl`.
    func evaluate(_ ws: inout Workspace, y: UnsafePointer<Double>) {
        ws.dualControl.curtailment = p.enforce ? min(max(y[offset], 0), p.maxCurtailment) : 0
        ws.dualControl.energyCap = ws.t < capStart ? .infinity : p.cap.value(at: ws.t)
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
