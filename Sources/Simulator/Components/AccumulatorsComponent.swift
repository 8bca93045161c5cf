/// Cumulative gross CO2, net CO2 (Mt) and energy (Mtce), integrated as states so that they are exact
/// integrals of the flows rather than sums of annual samples.
public final class AccumulatorsComponent: Component {
    public let offset: Int

    init(offset: Int) { self.offset = offset }

    public var states: [(name: String, unit: String)] {
        [("cumulative_co2_gross", "Mt CO2"), ("cumulative_co2_net", "Mt CO2"), ("cumulative_energy", "Mtce")]
    }

    public func initialState(into y: UnsafeMutablePointer<Double>) {
        y[offset] = 0; y[offset + 1] = 0; y[offset + 2] = 0
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        dydt[offset] = ws.grossCO2
        dydt[offset + 1] = ws.netCO2
        dydt[offset + 2] = ws.energyTotal
    }
}
