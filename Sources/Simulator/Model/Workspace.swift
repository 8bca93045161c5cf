/// The flows of one evaluation of the model at time `t`, grouped by the component that writes them: each
/// component writes only its own group and reads the groups it declares (`EvaluationStep`), so the data
/// flow is visible in the types. A plain struct the model keeps behind a pointer: evaluations neither
/// allocate nor count references nor check exclusivity. Per-product and per-activity flows are raw buffers
/// the model allocates once and frees with `deallocate()`.
public struct Workspace {
    public var t = 0.0
    public var dualControl = DualControlFlows()
    public var flyAsh = FlyAshFlows()
    public var industry: IndustryFlows
    public var economy = EconomyFlows()
    public var activities: ActivityFlows
    public var ccus = CCUSFlows()
    public var power = PowerFlows()
    public var sinks = SinkFlows()
    public var accounting: AccountingFlows
    /// What the measures do, for their costs: filled only when a year is recorded.
    public var measures = MeasureFlows()

    init(products: Int, activities: Int) {
        industry = IndustryFlows(products: products)
        self.activities = ActivityFlows(activities: activities)
        accounting = AccountingFlows()
    }

    func deallocate() {
        industry.deallocate()
        activities.deallocate()
        accounting.deallocate()
    }
}

/// A buffer of `n` copies of `value`, for the workspace's per-product, per-activity and per-group flows.
func zeroBuffer<T>(_ n: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
    let b = UnsafeMutableBufferPointer<T>.allocate(capacity: n)
    b.initialize(repeating: value)
    return b
}
