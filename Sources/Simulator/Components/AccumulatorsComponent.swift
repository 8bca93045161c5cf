/// Cumulative gross CO2, net CO2 (Mt) and energy (Mtce), integrated as states so that they are exact
/// integrals of the flows rather than sums of annual samples.
public final class AccumulatorsComponent: Component {
    public let offset: Int
    public let states = [StateDeclaration("cumulative_co2_gross", "Mt CO2"), StateDeclaration("cumulative_co2_net", "Mt CO2"),
                         StateDeclaration("cumulative_energy", "Mtce")]

    init(layout: inout StateLayout) { offset = layout.reserve(states) }

    public func initialState(into y: UnsafeMutablePointer<Double>) {
        y[offset] = 0; y[offset + 1] = 0; y[offset + 2] = 0
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        dydt[offset] = ws.accounting.grossCO2
        dydt[offset + 1] = ws.accounting.netCO2
        dydt[offset + 2] = ws.accounting.energyTotal
    }
}
