/// A part of the model that owns a slice of the state vector.
///
/// Each component declares its states (names and units, for outputs and error messages), sets their
/// initial values, and writes their derivatives from the flows in the workspace. Flows themselves are
/// computed by the component's `evaluate`, called by `CarbonModel` in dependency order.
public protocol Component {
    /// Offset of this component's first state in the model's state vector.
    var offset: Int { get }
    /// State names and units, in state-vector order.
    var states: [(name: String, unit: String)] { get }
    func initialState(into y: UnsafeMutablePointer<Double>)
    func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>)
}
