/// Carbon capture, utilisation and storage on coal power and coal chemicals.
///
/// Capture capacity K(t) (Mt CO2/yr) follows the lever's path: what the plan builds is in place at the end
/// of each milestone year. No states. Captured = min(u K, max share x capturable CO2). The capture plant's electricity use (capacity-based,
/// so the balance has no algebraic loop) is added to in-region demand.
public final class CCUSComponent: Component {
    public let offset: Int
    let p: CCUSParameters
    let target: CompiledSchedule

    public let states: [StateDeclaration] = []
    /// Where CO2 can be captured: activities in the power-and-heat group (CHP), and coal chemicals.
    let heatActivities: [Int]
    let factors: FuelVector
    /// The power group's accounting residual per tce of coal burnt for power (coal of the same plants).
    let powerCoalResidual: BaseValue<Double>

    init(parameters: CCUSParameters, levers: LeverSettings, activities: [ActivityParameters], factors: FuelVector,
         powerCoalResidual: BaseValue<Double>, layout: inout StateLayout) {
        p = parameters
        self.powerCoalResidual = powerCoalResidual
        target = CompiledSchedule(levers[Levers.ccus])
        heatActivities = activities.indices.filter { activities[$0].group == .power }
        self.factors = factors
        offset = layout.reserve(states)
    }

    deinit { target.deallocate() }

    /// Step `ccusCapacity`.
    func evaluateCapacity(_ ws: inout Workspace) {
        ws.ccus.capacity = max(target.value(at: ws.t), 0)
        ws.ccus.electricity = ws.ccus.capacity * p.utilisation * p.electricityPerTonne
    }

    /// CO2 that CCUS can reach: coal power, combined heat and power, and coal chemicals.
    func capturable(_ ws: Workspace) -> Double {
        var heatCoal = 0.0
        for i in heatActivities { heatCoal += ws.activities.fuel[i].coal }
        return (ws.power.thermalFuel * (1 + powerCoalResidual.value) + heatCoal) * factors.coal + ws.industry.fuel[Product.coalChemicals.rawValue].emissions(factors)
    }

    /// Step `ccusCapture`.
    func evaluateCapture(_ ws: inout Workspace) {
        let possible = p.maxCaptureShare * capturable(ws)
        ws.ccus.potential = p.utilisation * ws.ccus.capacity
        ws.ccus.captured = ws.ccus.capacity > 0
            ? Smooth.min(p.utilisation * ws.ccus.capacity, possible, width: 0.01) : 0
    }


}

/// What CCUS writes: capacity (Mt CO2/yr), CO2 captured (Mt) and the capture plants' electricity (TWh).
public struct CCUSFlows {
    public var capacity = 0.0, captured = 0.0, electricity = 0.0
    /// What the capacity could capture at its utilisation (Mt CO2/yr): above `captured` when there is too
    /// little CO2 within reach.
    public var potential = 0.0
}
