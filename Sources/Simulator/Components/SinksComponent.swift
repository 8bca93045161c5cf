/// Forest, grassland and wetland sinks: uptake F (Mt CO2/yr) matures toward the baseline flux plus the
/// lever's extra uptake: dF/dt = (F0 + extra(t) - F) / tau.
public final class SinksComponent: Component {
    public let offset: Int
    public let states = [StateDeclaration("sink_flux", "Mt CO2/yr")]
    let p: SinkParameters
    let extra: CompiledSchedule

    init(parameters: SinkParameters, levers: LeverSettings, layout: inout StateLayout) {
        p = parameters
        extra = CompiledSchedule(levers[Levers.sinks])
        offset = layout.reserve(states)
    }

    deinit { extra.deallocate() }

    public func initialState(into y: UnsafeMutablePointer<Double>) { y[offset] = p.baseFlux }

    /// Step `sinks`.
    func evaluate(_ ws: inout Workspace, y: UnsafePointer<Double>) { ws.sinks.flux = y[offset] }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        dydt[offset] = (p.baseFlux + extra.value(at: ws.t) - ws.sinks.flux) / p.maturationTime
    }
}

/// What sinks write: the uptake, Mt CO2/yr.
public struct SinkFlows {
    public var flux = 0.0
}
