/// The provincial model: components assembled in dependency order, calibrated to the CEADs base year.
///
/// One evaluation at time t runs: dual control -> fly-ash alumina -> industry -> GDP -> activities ->
/// CCUS capacity -> electricity demand -> power dispatch -> sinks -> fly-ash generation -> accounting.
/// The same evaluation feeds the derivatives and the recorded outputs, so they never disagree.
public final class CarbonModel: ODESystem {
    public let parameters: ModelParameters
    public let levers: LeverSettings
    public let dimension: Int
    public let workspace: Workspace
    public let startTime: Double
    /// End of the current integration segment (the next lever breakpoint). The right-hand side is
    /// evaluated as its left limit there: a Runge-Kutta stage that lands exactly on a breakpoint must not
    /// see the jump that starts the next segment, or the error control rejects step after step.
    public var segmentEnd = Double.infinity

    let industry: IndustryComponent
    let flyAsh: FlyAshComponent
    let power: PowerComponent
    var activities: ActivitiesComponent
    let economy: EconomyComponent
    let ccus: CCUSComponent
    let sinks: SinksComponent
    let dualControl: DualControlComponent
    let accumulators: AccumulatorsComponent
    let accounting: Accounting

    /// Calibrated base-year quantities, for reports and tests.
    public private(set) var calibration = Calibration()

    public struct Calibration: Sendable {
        /// Heat supply and residual coal use in the power-and-heat group, Mt CO2.
        public var powerGroupResidualCO2 = 0.0
        /// Electricity of the activity that takes the in-region remainder, TWh.
        public var residualElectricity = 0.0
        public var baseRenewableShare = 0.0
    }

    public init(parameters p: ModelParameters) throws {
        parameters = p
        let levers = p.resolvedLevers
        self.levers = levers
        startTime = Double(p.baseYear) + 0.5
        var offset = 0
        industry = try IndustryComponent(offset: offset, parameters: p, levers: levers)
        offset += p.products.count * IndustryComponent.statesPerProduct
        flyAsh = FlyAshComponent(offset: offset, parameters: p.flyAsh, levers: levers)
        offset += 1
        power = try PowerComponent(offset: offset, parameters: p.power, levers: levers, trendAnchor: Lever.trendAnchor(p))
        offset += 2
        ccus = CCUSComponent(offset: offset, parameters: p.ccus, levers: levers)
        sinks = SinksComponent(offset: offset, parameters: p.sinks, levers: levers)
        offset += 1
        dualControl = DualControlComponent(offset: offset, parameters: p.dualControl)
        offset += 1
        accumulators = AccumulatorsComponent(offset: offset)
        offset += 3
        dimension = offset
        economy = EconomyComponent(offset: offset, parameters: p.economy, products: p.products)
        workspace = Workspace(products: p.products.count, activities: p.activities.count)
        accounting = Accounting(factors: p.factors.perTce, switches: p.accounting,
                                productGroups: p.products.map(\.group), activityGroups: p.activities.map(\.group))
        activities = try ActivitiesComponent(offset: offset, activities: p.activities,
                                         baseFuel: Array(repeating: FuelVector(), count: p.activities.count),
                                         baseElectricity: p.activities.map(\.baseElectricity),
                                         levers: levers, economy: p.economy, baseYear: startTime, referenceGDP: p.economy.baseGDP)
        try calibrateBaseYear()
    }

    /// Every time the right-hand side jumps or kinks: lever moves and a cap switching on.
    public var breakpoints: [Double] {
        Array(Set(levers.breakpoints + dualControl.breakpoints)).sorted()
    }

    var components: [any Component] {
        [industry, flyAsh, power, ccus, sinks, dualControl, accumulators]
    }

    /// Names and units of every state, in state-vector order.
    public var stateNames: [(name: String, unit: String)] { components.flatMap(\.states) }

    public func initialState() -> [Double] {
        var y = [Double](repeating: 0, count: dimension)
        y.withUnsafeMutableBufferPointer { b in
            for c in components { c.initialState(into: b.baseAddress!) }
        }
        return y
    }

    /// Fills the workspace with every flow at time t.
    public func evaluate(t: Double, y: UnsafePointer<Double>) {
        let ws = workspace
        ws.t = t
        dualControl.evaluate(ws, y: y)
        flyAsh.evaluateOutput(ws, y: y)
        industry.evaluate(ws, y: y)
        let aluminaNeed = parameters.flyAsh.aluminaPerAluminium * ws.output[Product.aluminium.rawValue]
        ws.aluminaImports = max(aluminaNeed - ws.output[Product.alumina.rawValue] - ws.flyAshAluminaOutput, 0)
        economy.evaluate(ws)
        activities.evaluate(ws)
        ccus.evaluateCapacity(ws)
        var demand = ws.flyAshAluminaElectricity + ws.replacementElectricity + ws.ccusElectricity
        for e in ws.electricity { demand += e }
        for e in ws.activityElectricity { demand += e }
        ws.inRegionDemand = demand
        power.evaluate(ws, y: y)
        sinks.evaluate(ws, y: y)
        flyAsh.evaluateGeneration(ws, powerAndHeatCoal: ws.thermalFuel + powerGroupActivityCoal(ws))
        accounting.account(ws)
        ccus.evaluateCapture(ws, capturable: accounting.capturable(ws))
        ws.netCO2 = ws.grossCO2 - ws.ccusCaptured - ws.sinkFlux
    }

    /// Fills the measure quantities of the workspace (for costs) after `evaluate`; only recorded years need them.
    func recordMeasures(y: UnsafePointer<Double>) {
        let ws = workspace
        industry.recordMeasures(ws, y: y)
        ws.electrifiedFossil = activities.electrified(ws)
        let p = parameters.power
        ws.coalRetiredEarly = ws.coalRetirementRate * ws.coalCapacity
        // Without a heat-rate programme there are no retrofits to pay for.
        let heatRateTarget = levers[Levers.coalHeatRate]
        ws.heatRateRetrofit = heatRateTarget.isSet
            ? Smooth.positive(ws.heatRate - heatRateTarget.value(at: ws.t), width: 0.5) / p.heatRateRelaxationTime * ws.coalCapacity : 0
    }

    @inline(__always)
    func powerGroupActivityCoal(_ ws: Workspace) -> Double {
        var coal = 0.0
        for i in parameters.activities.indices where parameters.activities[i].group == .power {
            coal += ws.activityFuel[i].coal
        }
        return coal
    }

    public func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        evaluate(t: t < segmentEnd ? t : segmentEnd.nextDown, y: y)
        let ws = workspace
        industry.derivatives(ws, y: y, dydt: dydt)
        flyAsh.derivatives(ws, y: y, dydt: dydt)
        power.derivatives(ws, y: y, dydt: dydt)
        ccus.derivatives(ws, y: y, dydt: dydt)
        sinks.derivatives(ws, y: y, dydt: dydt)
        dualControl.derivatives(ws, y: y, dydt: dydt)
        accumulators.derivatives(ws, y: y, dydt: dydt)
        for i in 0..<dimension where !dydt[i].isFinite { return false }
        return true
    }

    /// Splits the CEADs base year among products and activities, and sets the residuals: fuel a group's
    /// products and named activities do not claim goes to the group's remainder activity; in-region
    /// electricity not claimed goes to the electricity-remainder activity.
    private func calibrateBaseYear() throws {
        let p = parameters
        var baseFuel = Array(repeating: FuelVector(), count: p.activities.count)
        for (i, a) in p.activities.enumerated() where !a.takesGroupRemainder {
            baseFuel[i] = a.baseCO2.scaledInverse(p.factors.perTce)
        }
        var baseElectricity = p.activities.map(\.baseElectricity)
        activities = try ActivitiesComponent(offset: activities.offset, activities: p.activities, baseFuel: baseFuel,
                                         baseElectricity: baseElectricity, levers: levers, economy: p.economy,
                                         baseYear: startTime, referenceGDP: p.economy.baseGDP)
        let y0 = initialState()
        y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) }
        let ws = workspace
        // GDP counts fly-ash alumina relative to its base output: record it, then evaluate again, so that
        // the electricity remainder below sees the base-year GDP.
        economy.baseFlyAshAluminaOutput = ws.flyAshAluminaOutput
        y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) }
        // Activities grow from the model's own base-year GDP.
        let referenceGDP = ws.gdp
        activities = try ActivitiesComponent(offset: activities.offset, activities: p.activities, baseFuel: baseFuel,
                                         baseElectricity: baseElectricity, levers: levers, economy: p.economy,
                                         baseYear: startTime, referenceGDP: referenceGDP)
        y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) }

        // Electricity remainder.
        guard let eIndex = p.activities.firstIndex(where: \.takesElectricityRemainder) else {
            throw CalibrationError.missing("an activity that takes the in-region electricity remainder")
        }
        let residualElectricity = p.power.baseInRegionConsumption - ws.inRegionDemand
        guard residualElectricity >= 0 else {
            throw CalibrationError.inconsistent(
                "products and activities use \(ws.inRegionDemand) TWh in the base year, more than the in-region consumption of \(p.power.baseInRegionConsumption) TWh")
        }
        baseElectricity[eIndex] += residualElectricity
        activities = try ActivitiesComponent(offset: activities.offset, activities: p.activities, baseFuel: baseFuel,
                                         baseElectricity: baseElectricity, levers: levers, economy: p.economy,
                                         baseYear: startTime, referenceGDP: referenceGDP)
        // Dispatch, and so the coal burnt for electricity, depends on that remainder and on the base-year
        // renewable share, which anchors the curtailment curve.
        y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) }
        let wind = ws.windCapacity * 8.76 * p.power.windCapacityFactor
        let solar = ws.solarCapacity * 8.76 * p.power.solarCapacityFactor
        power.baseRenewableShare = (wind + solar) / ws.totalElectricityDemand
        y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) }

        // Fuel remainders, group by group.
        for g in SectorGroup.allCases {
            let groupFuel = p.ceads[g].scaledInverse(p.factors.perTce)
            let remainderActivities = p.activities.indices.filter { p.activities[$0].group == g && p.activities[$0].takesGroupRemainder }
            var claimed = FuelVector()
            for i in p.products.indices where p.products[i].group == g { claimed += ws.fuel[i] }
            for i in p.activities.indices where p.activities[i].group == g && !p.activities[i].takesGroupRemainder {
                claimed += baseFuel[i]
            }
            if g == .power { claimed.coal += ws.thermalFuel }
            if g == .nonferrous { claimed += ws.flyAshAluminaFuel }
            var remainder = FuelVector()
            for f in Fuel.allCases { remainder[f] = groupFuel[f] - claimed[f] }
            let tolerance = 1e-6 * max(groupFuel.total, 1)
            if remainderActivities.isEmpty {
                guard abs(remainder.total) <= 1e-3 * max(groupFuel.total, 1) else {
                    throw CalibrationError.inconsistent(
                        "sector group \(g.key): products and activities claim \(claimed.total) Mtce of \(groupFuel.total) Mtce and no activity takes the remainder")
                }
                continue
            }
            for f in Fuel.allCases where remainder[f] < -tolerance {
                throw CalibrationError.inconsistent(
                    "sector group \(g.key): products and activities claim more \(f.key) (\(claimed[f]) Mtce) than CEADs reports (\(groupFuel[f]) Mtce)")
            }
            for f in Fuel.allCases { remainder[f] = max(remainder[f], 0) }
            baseFuel[remainderActivities[0]] += remainder
        }
        // Cement process CO2 that no product claims (a dataset without clinker) scales with the nonmetal
        // group's remainder activity.
        var baseProcess = Array(repeating: 0.0, count: p.activities.count)
        var claimedProcess = 0.0
        for i in p.products.indices where p.products[i].group == .nonmetal { claimedProcess += ws.process[i] }
        let processRemainder = p.ceads.cementProcess - claimedProcess
        let processTolerance = 1e-3 * max(p.ceads.cementProcess, 1)
        if processRemainder < -processTolerance {
            throw CalibrationError.inconsistent(
                "cement process: products emit \(claimedProcess) Mt CO2, more than CEADs reports (\(p.ceads.cementProcess) Mt)")
        }
        if processRemainder > processTolerance {
            guard let holder = p.activities.firstIndex(where: { $0.group == .nonmetal && $0.takesGroupRemainder }) else {
                throw CalibrationError.inconsistent(
                    "cement process: products emit \(claimedProcess) Mt CO2 of \(p.ceads.cementProcess) Mt and no nonmetal activity takes the remainder")
            }
            baseProcess[holder] = processRemainder
        }
        activities = try ActivitiesComponent(offset: activities.offset, activities: p.activities, baseFuel: baseFuel,
                                         baseElectricity: baseElectricity, baseProcess: baseProcess, levers: levers,
                                         economy: p.economy, baseYear: startTime, referenceGDP: referenceGDP)
        y0.withUnsafeBufferPointer { evaluate(t: startTime, y: $0.baseAddress!) }

        let powerIndex = p.activities.firstIndex { $0.group == .power && $0.takesGroupRemainder }
        calibration = Calibration(
            powerGroupResidualCO2: powerIndex.map { baseFuel[$0].emissions(p.factors.perTce) } ?? 0,
            residualElectricity: residualElectricity,
            baseRenewableShare: power.baseRenewableShare)
    }
}

public enum CalibrationError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .missing(let what): return "base-year calibration needs \(what)"
        case .inconsistent(let why): return "base-year calibration failed: \(why)"
        }
    }
}

extension FuelVector {
    /// Element-wise division: CO2 by fuel to tce by fuel.
    func scaledInverse(_ factors: FuelVector) -> FuelVector {
        FuelVector(coal: coal / factors.coal, coke: coke / factors.coke, oil: oil / factors.oil, gas: gas / factors.gas)
    }
}
