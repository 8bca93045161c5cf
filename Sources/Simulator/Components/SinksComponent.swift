/// Forest, grassland and wetland sinks: uptake F (Mt CO2/yr) matures toward the baseline flux plus the
/// lever's extra uptake: dF/dt = (F0 + extra(t) - F) / tau.
public final class SinksComponent: Component {
    public let offset: Int
    let p: SinkParameters
    let extra: Schedule

    init(offset: Int, parameters: SinkParameters, levers: LeverSettings) {
        self.offset = offset
        p = parameters
        extra = levers[Levers.sinks]
    }

    public var states: [(name: String, unit: String)] { [("sink_flux", "Mt CO2/yr")] }
    public func initialState(into y: UnsafeMutablePointer<Double>) { y[offset] = p.baseFlux }

    func evaluate(_ ws: Workspace, y: UnsafePointer<Double>) { ws.sinkFlux = y[offset] }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        dydt[offset] = (p.baseFlux + extra.value(at: ws.t) - ws.sinkFlux) / p.maturationTime
    }
}
