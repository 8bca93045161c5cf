/// Carbon capture, utilisation and storage on coal power and coal chemicals.
///
/// State: capture capacity K (Mt CO2/yr), built toward the lever target: dK/dt = (K_target(t) - K)/T.
/// Captured = min(u K, max share x capturable CO2). The capture plant's electricity use (capacity-based,
/// so the balance has no algebraic loop) is added to in-region demand.
public final class CCUSComponent: Component {
    public let offset: Int
    let p: CCUSParameters
    let target: Schedule

    init(offset: Int, parameters: CCUSParameters, levers: LeverSettings) {
        self.offset = offset
        p = parameters
        target = levers.ccus
    }

    public var states: [(name: String, unit: String)] { [("ccus_capacity", "Mt CO2/yr")] }
    public func initialState(into y: UnsafeMutablePointer<Double>) { y[offset] = target.from }

    func evaluateCapacity(_ ws: Workspace, y: UnsafePointer<Double>) {
        ws.ccusCapacity = max(y[offset], 0)
        ws.ccusElectricity = ws.ccusCapacity * p.utilisation * p.electricityPerTonne
    }

    func evaluateCapture(_ ws: Workspace, capturable: Double) {
        let possible = p.maxCaptureShare * capturable
        ws.ccusCaptured = ws.ccusCapacity > 0
            ? Smooth.min(p.utilisation * ws.ccusCapacity, possible, width: 0.01) : 0
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        dydt[offset] = (target.value(at: ws.t) - ws.ccusCapacity) / p.buildTime
    }
}
