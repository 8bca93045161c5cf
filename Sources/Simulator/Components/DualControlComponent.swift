/// Energy "dual control", enforced: when the energy total exceeds the cap, a curtailment z of
/// energy-intensive output rises; below the cap it relaxes. dz/dt = k (E/cap - 1), z kept in [0, z_max].
/// Without enforcement the cap is only checked (z stays 0).
///
/// A cap binds from 1 January of its first year; before it there is no cap and nothing changes. Between
/// capped years the cap follows a straight line through the caps (a glide path), and it stays at the last cap.
public final class DualControlComponent: Component {
    public let offset: Int
    let p: DualControlParameters
    /// 1 January of the first capped year (infinity: no cap).
    let capStart: Double

    init(offset: Int, parameters: DualControlParameters) {
        self.offset = offset
        p = parameters
        capStart = parameters.cap.isEmpty ? .infinity : (parameters.cap.x[0] - 0.5).rounded(.down)
    }

    public var states: [(name: String, unit: String)] { [("dual_control_curtailment", "1")] }
    public func initialState(into y: UnsafeMutablePointer<Double>) { y[offset] = 0 }

    /// The cap switching on is a jump the integrator must restart at.
    var breakpoints: [Double] { capStart.isFinite ? [capStart] : [] }

    func evaluate(_ ws: Workspace, y: UnsafePointer<Double>) {
        ws.curtailment = p.enforce ? min(max(y[offset], 0), p.maxCurtailment) : 0
        ws.energyCap = ws.t < capStart ? .infinity : p.cap.value(at: ws.t)
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        guard p.enforce, ws.energyCap.isFinite else { dydt[offset] = 0; return }
        let z = y[offset]
        let push = p.responseRate * (ws.energyDualControl / ws.energyCap - 1)
        dydt[offset] = push > 0 ? push * max(1 - z / p.maxCurtailment, 0) : push * max(z, 0) / (max(z, 0) + 0.01)
    }
}
