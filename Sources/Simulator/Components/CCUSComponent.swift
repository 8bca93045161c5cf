/// Carbon capture, utilisation and storage on coal power and coal chemicals.
///
/// Capture capacity K(t) (Mt CO2/yr) follows the lever's path: what the plan builds is in place at the end
/// of each milestone year. No states. Captured = min(u K, max share x capturable CO2). The capture plant's electricity use (capacity-based,
/// so the balance has no algebraic loop) is added to in-region demand.
public final class CCUSComponent: Component {
    public let offset: Int
    let p: CCUSParameters
    let target: Schedule

    init(offset: Int, parameters: CCUSParameters, levers: LeverSettings) {
        self.offset = offset
        p = parameters
        target = levers[Levers.ccus]
    }

    public var states: [(name: String, unit: String)] { [] }
    public func initialState(into y: UnsafeMutablePointer<Double>) {}

    func evaluateCapacity(_ ws: Workspace) {
        ws.ccusCapacity = max(target.value(at: ws.t), 0)
        ws.ccusElectricity = ws.ccusCapacity * p.utilisation * p.electricityPerTonne
    }

    func evaluateCapture(_ ws: Workspace, capturable: Double) {
        let possible = p.maxCaptureShare * capturable
        ws.ccusCaptured = ws.ccusCapacity > 0
            ? Smooth.min(p.utilisation * ws.ccusCapacity, possible, width: 0.01) : 0
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {}
}
