/// The provincial model: components assembled from their declarations and run in a checked order, with the
/// CEADs base year split among products and activities.
///
/// The components declare their states (`StateLayout` gives each its offset) and the evaluation steps
/// declare the flows they read and write (`EvaluationStep`); assembly refuses an order in which a step reads
/// a flow no earlier step wrote. The same evaluation feeds the derivatives and the recorded outputs, so they
/// never disagree. The workspace lives behind a pointer, so the right-hand side neither allocates nor counts
/// references nor checks exclusivity.
public final class CarbonModel: ODESystem {
    public let parameters: ModelParameters
    public let levers: LeverSettings
    public let dimension: Int
    public let startTime: Double
    /// Names and units of every state, in state-vector order.
    public let stateNames: [StateDeclaration]
    /// End of the current integration segment (the next breakpoint). The right-hand side is evaluated as its
    /// left limit there: a Runge-Kutta stage that lands exactly on a breakpoint must not see the jump that
    /// starts the next segment, or the error control rejects step after step.
    public var segmentEnd: Double {
        get { segment.value }
        set { segment.value = newValue }
    }

    /// The default order of an evaluation.
    public static let evaluationOrder: [EvaluationStep.ID] = [
        .dualControl, .flyAshOutput, .industry, .economy, .activities, .ccusCapacity, .power, .sinks,
        .flyAshGeneration, .accounting, .ccusCapture, .netEmissions,
    ]

    let industry: IndustryComponent
    let flyAsh: FlyAshComponent
    let power: PowerComponent
    let activities: ActivitiesComponent
    let economy: EconomyComponent
    let ccus: CCUSComponent
    let sinks: SinksComponent
    let dualControl: DualControlComponent
    let accumulators: AccumulatorsComponent
    let accounting: Accounting
    let store: UnsafeMutablePointer<Workspace>
    let order: UnsafeMutableBufferPointer<EvaluationStep.ID>
    let segment = BaseValue(Double.infinity)
    /// The power group's accounting residual per tce of coal burnt for power, set by the base-year split; read by
    /// accounting, fly-ash generation and CCUS.
    let powerCoalResidual = BaseValue(0.0)

    /// What the base-year split found, for reports and tests.
    public private(set) var baseYearSplit = BaseYearSplit()

    public struct BaseYearSplit: Sendable {
        /// Heat supply and residual coal use in the power-and-heat group, Mt CO2.
        public var powerGroupResidualCO2 = 0.0
        /// Of that, heat supply (Mt CO2), and the residual's coal per tce of coal burnt for power.
        public var heatSupplyCO2 = 0.0, powerCoalResidualRatio = 0.0
        /// Electricity of the activity that takes the in-region remainder, TWh.
        public var residualElectricity = 0.0
        public var baseRenewableShare = 0.0
        /// Renewable electricity consumed in the region in 2020, TWh: the base of the official energy basis.
        public var renewableReference = 0.0
    }

    /// The flows of the last evaluation.
    public var workspace: Workspace { store.pointee }

    public init(parameters p: ModelParameters, order: [EvaluationStep.ID] = CarbonModel.evaluationOrder) throws {
        try EvaluationStep.check(order)
        parameters = p
        let levers = p.resolvedLevers
        self.levers = levers
        startTime = Double(p.baseYear) + 0.5
        var layout = StateLayout()
        industry = try IndustryComponent(parameters: p, levers: levers, layout: &layout)
        flyAsh = FlyAshComponent(parameters: p.flyAsh, levers: levers, activities: p.activities, powerCoalResidual: powerCoalResidual,
                                 layout: &layout)
        power = try PowerComponent(parameters: p.power, levers: levers, trendAnchor: Lever.trendAnchor(p), layout: &layout)
        ccus = CCUSComponent(parameters: p.ccus, levers: levers, activities: p.activities, factors: p.factors.perTce,
                             powerCoalResidual: powerCoalResidual, layout: &layout)
        sinks = SinksComponent(parameters: p.sinks, levers: levers, layout: &layout)
        dualControl = DualControlComponent(parameters: p.dualControl, layout: &layout)
        accumulators = AccumulatorsComponent(layout: &layout)
        economy = EconomyComponent(parameters: p.economy, products: p.products, layout: &layout)
        activities = try ActivitiesComponent(activities: p.activities, factors: p.factors.perTce, levers: levers,
                                             economy: p.economy, baseYear: startTime, layout: &layout)
        dimension = layout.count
        stateNames = layout.states
        accounting = Accounting(factors: p.factors.perTce, switches: p.accounting, statisticsRatio: p.energyStatisticsRatio,
                                productGroups: p.products.map(\.group), activityGroups: p.activities.map(\.group),
                                powerCoalResidual: powerCoalResidual)
        store = .allocate(capacity: 1)
        store.initialize(to: Workspace(products: p.products.count, activities: p.activities.count))
        self.order = zeroBuffer(order.count, EvaluationStep.ID.dualControl)
        _ = self.order.initialize(from: order)
        try splitBaseYear()
    }

    deinit {
        store.pointee.deallocate()
        store.deinitialize(count: 1)
        store.deallocate()
        order.deallocate()
        segment.deallocate()
        powerCoalResidual.deallocate()
        accounting.renewableReference.deallocate()
    }

    var components: [any Component] {
        [industry, flyAsh, power, ccus, sinks, dualControl, accumulators, economy, activities]
    }

    /// Every time the right-hand side jumps or kinks: lever moves and a cap switching on.
    public var breakpoints: [Double] {
        Array(Set(levers.breakpoints + dualControl.breakpoints)).sorted()
    }

    public func initialState() -> [Double] {
        var y = [Double](repeating: 0, count: dimension)
        y.withUnsafeMutableBufferPointer { b in
            for c in components { c.initialState(into: b.baseAddress!) }
        }
        return y
    }

    /// Fills the workspace with every flow at time t, step by step in the checked order.
    public func evaluate(t: Double, y: UnsafePointer<Double>) {
        store.pointee.t = t
        for step in order {
            switch step {
            case .dualControl: dualControl.evaluate(&store.pointee, y: y)
            case .flyAshOutput: flyAsh.evaluateOutput(&store.pointee, y: y)
            case .industry: industry.evaluate(&store.pointee, y: y)
            case .economy: economy.evaluate(&store.pointee)
            case .activities: activities.evaluate(&store.pointee)
            case .ccusCapacity: ccus.evaluateCapacity(&store.pointee)
            case .power: power.evaluate(&store.pointee, y: y)
            case .sinks: sinks.evaluate(&store.pointee, y: y)
            case .flyAshGeneration: flyAsh.evaluateGeneration(&store.pointee)
            case .accounting: accounting.account(&store.pointee)
            case .ccusCapture: ccus.evaluateCapture(&store.pointee)
            case .netEmissions: accounting.net(&store.pointee)
            }
        }
    }

    /// Fills what only recorded points need after `evaluate`: the breakdown by sector group and fuel, and the
    /// measure quantities (for costs).
    func recordMeasures(y: UnsafePointer<Double>) {
        accounting.breakdown(&store.pointee)
        industry.recordMeasures(&store.pointee, y: y)
        store.pointee.measures.electrifiedFossil = activities.electrified(store.pointee)
        power.recordMeasures(&store.pointee)
    }

    public func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        let end = segment.value
        return derivatives(exactlyAt: t < end ? t : end.nextDown, y: y, dydt: dydt)
    }

    /// The derivatives at exactly `t` (pass `t.nextDown` for a left limit at a breakpoint), leaving the
    /// workspace filled for outputs.
    @discardableResult
    public func derivatives(exactlyAt t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        evaluate(t: t, y: y)
        let ws = store.pointee
        industry.derivatives(ws, y: y, dydt: dydt)
        flyAsh.derivatives(ws, y: y, dydt: dydt)
        power.derivatives(ws, y: y, dydt: dydt)
        sinks.derivatives(ws, y: y, dydt: dydt)
        dualControl.derivatives(ws, y: y, dydt: dydt)
        accumulators.derivatives(ws, y: y, dydt: dydt)
        for i in 0..<dimension where !dydt[i].isFinite { return false }
        return true
    }

    /// Splits the CEADs base year among products and activities, and sets the residuals: fuel a group's
    /// products and named activities do not claim goes to the group's remainder activity; in-region
    /// electricity not claimed goes to the electricity-remainder activity. Each component is built once; the
    /// split sets its base values.
    private func splitBaseYear() throws {
        let p = parameters
        let y0 = initialState()
        func evaluateBase() { y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) } }
        evaluateBase()
        // GDP counts fly-ash alumina relative to its base output: record it, then evaluate again, so that
        // the electricity remainder below sees the base-year GDP.
        economy.baseFlyAshAluminaOutput.value = store.pointee.flyAsh.aluminaOutput
        evaluateBase()
        // Activities grow from the model's own base-year GDP.
        activities.referenceGDP.value = store.pointee.economy.gdp
        evaluateBase()

        // Electricity remainder.
        guard let eIndex = p.activities.firstIndex(where: \.takesElectricityRemainder) else {
            throw BaseYearError.missing("an activity that takes the in-region electricity remainder")
        }
        let residualElectricity = p.power.baseInRegionConsumption - store.pointee.power.inRegionDemand
        guard residualElectricity >= 0 else {
            throw BaseYearError.inconsistent(
                "products and activities use \(store.pointee.power.inRegionDemand) TWh in the base year, more than the in-region consumption of \(p.power.baseInRegionConsumption) TWh")
        }
        activities.baseElectricity[eIndex] += residualElectricity
        // Dispatch, and so the coal burnt for electricity, depends on that remainder and on the base-year
        // renewable share, which anchors the curtailment curve.
        evaluateBase()
        let (wind, solar) = power.renewableAvailable(wind: store.pointee.power.windCapacity, solar: store.pointee.power.solarCapacity,
                                                     at: startTime)
        power.baseRenewableShare.value = (wind + solar) / store.pointee.power.totalElectricityDemand
        evaluateBase()

        // Fuel remainders, group by group.
        let ws = store.pointee
        for g in SectorGroup.allCases {
            let groupFuel = p.ceads[g].scaledInverse(p.factors.perTce)
            let remainderActivities = p.activities.indices.filter { p.activities[$0].group == g && p.activities[$0].takesGroupRemainder }
            var claimed = FuelVector()
            for i in p.products.indices where p.products[i].group == g { claimed += ws.industry.fuel[i] }
            for i in p.activities.indices where p.activities[i].group == g && !p.activities[i].takesGroupRemainder {
                claimed += activities.baseFuel[i]
            }
            if g == .power { claimed.coal += ws.power.thermalFuel }
            if g == .nonferrous { claimed += ws.flyAsh.fuel }
            var remainder = FuelVector()
            for f in Fuel.allCases { remainder[f] = groupFuel[f] - claimed[f] }
            let tolerance = 1e-6 * max(groupFuel.total, 1)
            if remainderActivities.isEmpty {
                guard abs(remainder.total) <= 1e-3 * max(groupFuel.total, 1) else {
                    throw BaseYearError.inconsistent(
                        "sector group \(g.key): products and activities claim \(claimed.total) Mtce of \(groupFuel.total) Mtce and no activity takes the remainder")
                }
                continue
            }
            for f in Fuel.allCases where remainder[f] < -tolerance {
                throw BaseYearError.inconsistent(
                    "sector group \(g.key): products and activities claim more \(f.key) (\(claimed[f]) Mtce) than CEADs reports (\(groupFuel[f]) Mtce)")
            }
            for f in Fuel.allCases { remainder[f] = max(remainder[f], 0) }
            if g == .power && p.heatSupply.heatSupplied > 0 {
                // Real heat supply takes its coal; the rest of the group's coal is the accounting residual of coal
                // burnt for power (raw-coal tonnes at default heating values), so it scales with that coal.
                let heatCoal = p.heatSupply.heatSupplied * p.heatSupply.coalPerHeat
                guard heatCoal <= remainder.coal + tolerance else {
                    throw BaseYearError.inconsistent(
                        "heat supply: \(p.heatSupply.heatSupplied) PJ at \(p.heatSupply.coalPerHeat) tce/GJ needs \(heatCoal) Mtce of coal, more than the \(remainder.coal) Mtce the power group leaves beside coal generation")
                }
                if ws.power.thermalFuel > 0 {
                    powerCoalResidual.value = max(remainder.coal - heatCoal, 0) / ws.power.thermalFuel
                    remainder.coal = min(heatCoal, remainder.coal)
                }
            }
            activities.baseFuel[remainderActivities[0]] += remainder
        }
        // Cement process CO2 that no product claims (a dataset without clinker) scales with the nonmetal
        // group's remainder activity.
        var claimedProcess = 0.0
        for i in p.products.indices where p.products[i].group == .nonmetal { claimedProcess += ws.industry.process[i] }
        let processRemainder = p.ceads.cementProcess - claimedProcess
        let processTolerance = 1e-3 * max(p.ceads.cementProcess, 1)
        if processRemainder < -processTolerance {
            throw BaseYearError.inconsistent(
                "cement process: products emit \(claimedProcess) Mt CO2, more than CEADs reports (\(p.ceads.cementProcess) Mt)")
        }
        if processRemainder > processTolerance {
            guard let holder = p.activities.firstIndex(where: { $0.group == .nonmetal && $0.takesGroupRemainder }) else {
                throw BaseYearError.inconsistent(
                    "cement process: products emit \(claimedProcess) Mt CO2 of \(p.ceads.cementProcess) Mt and no nonmetal activity takes the remainder")
            }
            activities.baseProcess[holder] = processRemainder
        }
        evaluateBase()

        // The 2022 rule's base: renewable electricity consumed in the region in 2020 (mid-2020 from the base-year
        // state; the base year itself when it is later). Consumption above it is new renewable energy.
        let ruleBase = Double(max(2020, p.baseYear)) + 0.5
        y0.withUnsafeBufferPointer { evaluate(t: ruleBase, y: $0.baseAddress!) }
        accounting.renewableReference.value = store.pointee.accounting.renewableConsumption
        evaluateBase()

        let powerIndex = p.activities.firstIndex { $0.group == .power && $0.takesGroupRemainder }
        let heatCO2 = powerIndex.map { activities.baseFuel[$0].emissions(p.factors.perTce) } ?? 0
        baseYearSplit = BaseYearSplit(
            powerGroupResidualCO2: heatCO2 + store.pointee.accounting.powerCoalResidual * p.factors.perTce.coal,
            heatSupplyCO2: heatCO2, powerCoalResidualRatio: powerCoalResidual.value,
            residualElectricity: residualElectricity,
            baseRenewableShare: power.baseRenewableShare.value,
            renewableReference: accounting.renewableReference.value)
    }
}

public enum BaseYearError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .missing(let what): return "base-year split needs \(what)"
        case .inconsistent(let why): return "base-year split failed: \(why)"
        }
    }
}

extension FuelVector {
    /// Element-wise division: CO2 by fuel to tce by fuel.
    func scaledInverse(_ factors: FuelVector) -> FuelVector {
        FuelVector(coal: coal / factors.coal, coke: coke / factors.coke, oil: oil / factors.oil, gas: gas / factors.gas)
    }
}
