/// A part of the model: it declares its states (names and units), gets its slice of the state vector from the
/// model's `StateLayout`, sets their initial values, computes its flows in its evaluation steps
/// (`EvaluationStep`: what it reads and writes) and writes its states' derivatives.
public protocol Component: AnyObject {
    /// Offset of this component's first state in the model's state vector.
    var offset: Int { get }
    /// State names and units, in state-vector order.
    var states: [StateDeclaration] { get }
    func initialState(into y: UnsafeMutablePointer<Double>)
    func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>)
}

extension Component {
    public func initialState(into y: UnsafeMutablePointer<Double>) {}
    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {}
}
