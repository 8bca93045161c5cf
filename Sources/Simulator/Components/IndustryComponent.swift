/// Industrial products in physical units, each with two capacity vintages.
///
/// Per product p, three states:
/// - `K_old` backward capacity (Mt/yr): dK_old/dt = -K_old/L_old - cut(t) K_old
/// - `K_new` compliant capacity (Mt/yr): dK_new/dt = I - K_new/L_new, investment I closing the gap to
///   demand over an adjustment time, held under the capacity cap
/// - `x` specific energy of compliant capacity relative to the base-year average: new investment enters
///   at the entry level, and the efficiency benchmark pulls the stock toward the benchmark
/// The deep-processing ratio d(t) follows its lever's path (reached at the end of the full-effect year).
/// Output is Q = min(D, u_max K) (smooth); energy and value added follow output.
/// Clinker capacity transferred out of the region, T(t), is a share T/K of the stock that takes its share of the
/// output (and so of energy and process CO2) with it: the stock keeps serving the demand, part of it elsewhere.
/// A product the region does not make (`isPresent` false) keeps its states at rest and all its flows at 0.
public final class IndustryComponent: Component {
    public let offset: Int
    public let states: [StateDeclaration]
    let products: [ProductParameters]
    let cut: CompiledSchedules
    /// Capacity caps (nil: none), each binding from its first year.
    let cap: CompiledSchedules
    /// 1 January of each cap's first year (infinity: no cap).
    let capStart: [Double]
    let deepProcessing: CompiledSchedules
    /// Capacity replacement ratios (tonnes retired per tonne built), each binding from its first year.
    let replacement: CompiledSchedules
    /// 1 January of each replacement rule's first year (infinity: none).
    let replacementStart: [Double]
    /// Clinker substitution by solid waste and carbide slag replacing limestone (shares).
    let clinkerSubstitution: CompiledSchedule, carbideSlag: CompiledSchedule
    /// Clinker capacity transferred out of the region (Mt/yr).
    let cementTransfer: CompiledSchedule
    /// Green hydrogen used in coal chemicals (Mt H2/yr) and what a tonne displaces and needs.
    let greenHydrogen: CompiledSchedule
    /// Share of restricted steel equipment upgraded to large units.
    let equipmentUpgrade: CompiledSchedule
    let hydrogen: HydrogenParameters
    let benchmark: CompiledSchedule, entry: CompiledSchedule, ladder: CompiledSchedule
    let policy: IndustryPolicy
    let flyAsh: FlyAshParameters
    /// Base-year fuel per tonne of output, tce/t, from the CEADs group share.
    let fuelPerTonne: [FuelVector]
    /// Initial relative intensity of compliant capacity, so that the base-year average is 1.
    let initialIntensity: [Double]
    /// Baseline demand index per product (nil for an absent product).
    let demandPaths: [Spline?]
    /// The same, as views the right-hand side reads.
    let demand: UnsafeMutableBufferPointer<SplineView?>
    /// Bayer alumina's share of the smelters' need before fly ash displaces any (b in docs/model.md), so that
    /// `b N0 - (1 - m) F0` is the base year's Bayer output.
    let localAluminaShare: Double
    /// Share m of fly-ash alumina that displaces imports rather than in-region Bayer alumina.
    let importDisplacement: Double
    /// Whether the region makes aluminium (then it may import alumina).
    let hasAlumina: Bool

    public static let statesPerProduct = 3

    deinit {
        cut.deallocate(); cap.deallocate(); deepProcessing.deallocate(); replacement.deallocate()
        clinkerSubstitution.deallocate(); carbideSlag.deallocate(); cementTransfer.deallocate(); greenHydrogen.deallocate(); equipmentUpgrade.deallocate()
        benchmark.deallocate(); entry.deallocate(); ladder.deallocate()
        demand.deallocate()
    }

    init(parameters p: ModelParameters, levers: LeverSettings, layout: inout StateLayout) throws {
        products = p.products
        states = p.products.flatMap { q in
            [StateDeclaration("capacity_old_\(q.product.key)", "Mt/yr"), StateDeclaration("capacity_new_\(q.product.key)", "Mt/yr"),
             StateDeclaration("relative_intensity_new_\(q.product.key)", "1")]
        }
        offset = layout.reserve(states)
        cut = CompiledSchedules(Levers.capacityCut.map { levers[$0] })
        let caps = Levers.capacityCap.map { levers[$0] }
        cap = CompiledSchedules(caps)
        capStart = caps.map { $0.firstStart.map(Double.init) ?? .infinity }
        deepProcessing = CompiledSchedules(p.products.map { q in
            Levers.deepProcessing[q.product].map { levers[$0] } ?? .constant(q.deepProcessingBase)
        })
        let replacements = p.products.map { q in Levers.capacityReplacement[q.product].map { levers[$0] } }
        replacement = CompiledSchedules(replacements.map { $0 ?? .constant(1) })
        replacementStart = replacements.map { $0?.firstStart.map(Double.init) ?? .infinity }
        clinkerSubstitution = CompiledSchedule(levers[Levers.clinkerSubstitution])
        carbideSlag = CompiledSchedule(levers[Levers.carbideSlag])
        cementTransfer = CompiledSchedule(levers[Levers.cementCapacityTransfer])
        greenHydrogen = CompiledSchedule(levers[Levers.greenHydrogen])
        equipmentUpgrade = CompiledSchedule(levers[Levers.steelEquipmentUpgrade])
        hydrogen = p.hydrogen
        benchmark = CompiledSchedule(levers[Levers.efficiencyBenchmark])
        entry = CompiledSchedule(levers[Levers.greenEntry])
        ladder = CompiledSchedule(levers[Levers.ladderPricing])
        policy = p.industryPolicy
        flyAsh = p.flyAsh
        fuelPerTonne = p.products.indices.map { i in
            let q = p.products[i], groupCO2 = p.ceads[q.group], share = p.groupFuelShare(ofProduct: i)
            var perTonne = FuelVector()
            for f in Fuel.allCases where q.isPresent {
                perTonne[f] = share * groupCO2[f] / p.factors.perTce[f] / q.baseOutput
            }
            return perTonne
        }
        initialIntensity = p.products.map { ($0.oldShare < 1) ? (1 - $0.oldShare * $0.oldRelativeIntensity) / (1 - $0.oldShare) : 1 }
        demandPaths = try zip(p.products, p.demand).map { q, d in
            q.isPresent ? try Spline(x: midYear(d.years), y: d.index, kind: .steffen) : nil
        }
        demand = .allocate(capacity: demandPaths.count)
        _ = demand.initialize(from: demandPaths.map { $0?.view })
        let al = p.product(.aluminium), alumina = p.product(.alumina)
        hasAlumina = al.isPresent
        importDisplacement = p.flyAsh.importDisplacement
        let baseFlyAsh = p.flyAsh.baseCapacity * p.flyAsh.utilisation * FlyAshComponent.stockFactor(p.flyAsh.baseStock, p.flyAsh)
        localAluminaShare = al.isPresent && alumina.isPresent
            ? (alumina.baseOutput + (1 - p.flyAsh.importDisplacement) * baseFlyAsh) / (p.flyAsh.aluminaPerAluminium * al.baseOutput)
            : 0
    }


    public func initialState(into y: UnsafeMutablePointer<Double>) {
        for (i, q) in products.enumerated() {
            let k = offset + i * Self.statesPerProduct
            y[k] = q.oldShare * q.baseCapacity
            y[k + 1] = (1 - q.oldShare) * q.baseCapacity
            y[k + 2] = initialIntensity[i]
        }
    }

    /// Step `industry`: demand, output, energy, emissions and value added of every product at time `t`, and the
    /// alumina the smelters import.
    func evaluate(_ ws: inout Workspace, y: UnsafePointer<Double>) {
        let t = ws.t
        let ladder = self.ladder.value(at: t)
        let substitution = clinkerSubstitution.value(at: t), slag = carbideSlag.value(at: t)
        let upgraded = min(max(equipmentUpgrade.value(at: t), 0), 1)
        for i in products.indices {
            let q = products[i]
            // An absent product's flows stay at the workspace's initial zeros.
            guard let demandPath = demand[i] else { continue }
            let k = offset + i * Self.statesPerProduct
            let kOld = max(y[k], 0), kNew = max(y[k + 1], 1e-9), x = y[k + 2], d = deepProcessing[i].value(at: t)
            let capacity = kOld + kNew

            // Solid waste blended into cement lowers the clinker the region's cement needs (and so the
            // reference output GDP compares with: no value added is lost).
            let index = demandPath.value(at: t) * (q.product == .clinker ? 1 - substitution : 1)
            ws.industry.demandIndex[i] = index
            var demand: Double
            if q.product == .alumina {
                // Bayer alumina made in the region: its share of the smelters' need, less the part (1 - m) of fly-ash
                // alumina that displaces it; once fly ash has displaced all imports, it displaces Bayer one for one.
                let need = flyAsh.aluminaPerAluminium * ws.industry.output[Product.aluminium.rawValue]
                let fromFlyAsh = ws.flyAsh.aluminaOutput, w = 0.01 * q.baseOutput
                let bayer = Smooth.min(localAluminaShare * need - (1 - importDisplacement) * fromFlyAsh, need - fromFlyAsh, width: w)
                demand = Smooth.positive(bayer, width: w)
            } else {
                demand = q.baseOutput * index * (1 - ws.dualControl.curtailment)
            }
            // The smooth minimum dips below zero when demand is near zero (all alumina from fly ash): output is not negative.
            var output = max(Smooth.min(demand, q.maxUtilisation * capacity, width: 0.01 * q.baseOutput), 0)
            if q.product == .clinker {
                // 产能跨省转移: the transferred capacity (at most the whole stock) leaves with its share of the output.
                let transferred = min(max(cementTransfer.value(at: t), 0), capacity)
                output *= 1 - transferred / capacity
                ws.industry.cementTransferred = transferred
                ws.industry.cementTransferShare = transferred / capacity
                // Clinker the region's cement would need without the solid waste blended in.
                ws.industry.clinkerSubstituted = output * substitution / (1 - substitution)
                ws.industry.carbideSlagAvoidedCO2 = output * q.processCO2PerTonne * slag
            }
            let dpExcess = d - q.deepProcessingBase
            var relativeIntensity = (kOld * q.oldRelativeIntensity + kNew * x) / capacity
                * (1 + q.deepProcessingEnergyUplift * dpExcess)
            // Restricted equipment replaced by large units closes its energy gap on its share of capacity.
            if q.product == .steel { relativeIntensity *= 1 - q.restrictedEnergyGap * q.restrictedShare * upgraded }

            ws.industry.deepProcessing[i] = d
            ws.industry.demand[i] = demand
            ws.industry.output[i] = output
            ws.industry.capacityOld[i] = kOld
            ws.industry.capacityNew[i] = kNew
            ws.industry.fuel[i] = fuelPerTonne[i] * (output * relativeIntensity)
            ws.industry.electricity[i] = output * q.electricityPerTonne * relativeIntensity
            ws.industry.process[i] = output * q.processCO2PerTonne * (q.product == .clinker ? 1 - slag : 1)
            ws.industry.extendedProcess[i] = output * q.extendedProcessCO2PerTonne
            ws.industry.feedstock[i] = output * q.feedstockTcePerTonne
            ws.industry.cutRate[i] = cut[i].value(at: t) + (q.electricityIntensive ? policy.ladderExitResponse * ladder : 0)
        }
        // Green hydrogen: coal chemicals gasify and burn less coal; electrolysis draws its grid share.
        let c = Product.coalChemicals.rawValue
        if products[c].isPresent {
            // CEADs books little coal-chemical fuel (the gasified coal is non-energy use), so the displaced fuel is
            // taken from all of its fuels pro rata, at most 90 % of them.
            let h2 = max(greenHydrogen.value(at: t), 0), fuel = ws.industry.fuel[c].total
            let displaced = max(Smooth.min(h2 * hydrogen.fuelTcePerTonne, 0.9 * fuel, width: 0.01 * fuelPerTonne[c].total * products[c].baseOutput), 0)
            if fuel > 0 { ws.industry.fuel[c] = ws.industry.fuel[c] * (1 - displaced / fuel) }
            ws.industry.feedstock[c] = max(ws.industry.feedstock[c] - h2 * hydrogen.feedstockTcePerTonne, 0)
            ws.industry.electricity[c] += h2 * hydrogen.electricityPerTonne * hydrogen.gridShare
            ws.industry.greenHydrogen = h2
            ws.industry.hydrogenDisplacedFuel = displaced
        }
        if hasAlumina {
            // The balance: need = Bayer + fly ash + imports - exports. Alumina beyond the smelters' need leaves the region.
            let need = flyAsh.aluminaPerAluminium * ws.industry.output[Product.aluminium.rawValue]
            let balance = need - ws.industry.output[Product.alumina.rawValue] - ws.flyAsh.aluminaOutput
            ws.industry.aluminaImports = max(balance, 0)
            ws.industry.aluminaExports = max(-balance, 0)
        } else {
            // No smelters: all fly-ash alumina is sold out of the region.
            ws.industry.aluminaExports = ws.flyAsh.aluminaOutput
        }
    }

    /// Efficiency target of compliant capacity at time t (relative specific energy).
    @inline(__always)
    func efficiencyTarget(_ i: Int, benchmarkShare: Double, ladder: Double) -> Double {
        let q = products[i]
        var gapClosed = benchmarkShare + (q.electricityIntensive ? policy.ladderGapResponse * ladder : 0)
        gapClosed = min(max(gapClosed, 0), 1)
        return initialIntensity[i] - gapClosed * (initialIntensity[i] - q.benchmarkRelativeIntensity)
    }

    /// What the industry levers do in a recorded year: capacity eliminated (Mt/yr per year), fuel saved by
    /// retrofits toward the benchmark (Mtce/yr per year), extra processed output (Mt/yr), and the value added
    /// of output curtailed by enforced dual control (10^8 yuan).
    func recordMeasures(_ ws: inout Workspace, y: UnsafePointer<Double>) {
        let t = ws.t
        let benchmarkShare = benchmark.value(at: t), ladder = self.ladder.value(at: t)
        var eliminated = 0.0, saved = 0.0, processed = 0.0, curtailed = 0.0
        for i in products.indices where products[i].isPresent {
            let q = products[i], k = offset + i * Self.statesPerProduct
            // Capacity transferred out of the region is eliminated elsewhere, if at all.
            let inRegion = q.product == .clinker ? 1 - ws.industry.cementTransferShare : 1
            eliminated += ws.industry.cutRate[i] * ws.industry.capacityOld[i] * inRegion
            // The pull toward the levers' target beyond the pull without them (the smooth pull is w/2 at rest, and the
            // baseline has it too): levers at their baseline, or before their start, save and cost nothing.
            let pull = Smooth.positiveBeyond(y[k + 2], target: efficiencyTarget(i, benchmarkShare: benchmarkShare, ladder: ladder),
                                             baseline: efficiencyTarget(i, benchmarkShare: benchmark.from, ladder: self.ladder.from), width: 0.005)
                / q.efficiencyRelaxationTime
            let capacity = ws.industry.capacityOld[i] + ws.industry.capacityNew[i]
            saved += pull * ws.industry.capacityNew[i] / capacity * ws.industry.output[i] * fuelPerTonne[i].total
            processed += ws.industry.output[i] * max(ws.industry.deepProcessing[i] - q.deepProcessingBase, 0)
            if q.product != .alumina {
                curtailed += q.valueAddedPerTonne / 100 * q.baseOutput * ws.industry.demandIndex[i] * ws.dualControl.curtailment
            }
        }
        ws.measures.eliminatedCapacity = eliminated
        ws.measures.retrofitSavings = saved
        ws.measures.deepProcessedExtra = processed
        ws.measures.curtailedValueAdded = curtailed
    }

    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {
        let t = ws.t
        let benchmarkShare = benchmark.value(at: t)
        let entryShare = entry.value(at: t)
        let ladder = self.ladder.value(at: t)
        for i in products.indices {
            let q = products[i]
            let k = offset + i * Self.statesPerProduct
            guard q.isPresent else {
                for j in 0..<Self.statesPerProduct { dydt[k + j] = 0 }
                continue
            }
            let kOld = ws.industry.capacityOld[i], kNew = ws.industry.capacityNew[i], capacity = kOld + kNew
            let x = y[k + 2]
            let w = 0.01 * q.baseCapacity

            let oldExit = kOld / q.oldLifetime + ws.industry.cutRate[i] * kOld
            let retirements = kNew / q.newLifetime + oldExit
            let gap = ws.industry.demand[i] / q.baseUtilisation - capacity
            var invest = Smooth.positive(gap / q.adjustmentTime + retirements, width: w)
            if t >= capStart[i] {
                let room = Smooth.positive((cap[i].value(at: t) - capacity) / 0.5 + retirements, width: w)
                invest = Smooth.min(invest, room, width: w)
            }
            if t >= replacementStart[i] {
                // 产能置换: new capacity only against retired capacity, at the ratio.
                invest = Smooth.min(invest, retirements / max(replacement[i].value(at: t), 1), width: w)
            }
            dydt[k] = -oldExit
            dydt[k + 1] = invest - kNew / q.newLifetime

            // Efficiency of the compliant stock: dilution by new entrants, pull toward the benchmark.
            let bench = q.benchmarkRelativeIntensity
            let entryLevel = q.entryRelativeIntensity - min(max(entryShare, 0), 1) * max(q.entryRelativeIntensity - bench, 0)
            let target = efficiencyTarget(i, benchmarkShare: benchmarkShare, ladder: ladder)
            dydt[k + 2] = invest / kNew * (entryLevel - x) - Smooth.positive(x - target, width: 0.005) / q.efficiencyRelaxationTime
        }
    }
}

/// What industry writes, per product (buffers of one entry per product), and the alumina the smelters import.
public struct IndustryFlows {
    public let demand: UnsafeMutableBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>
    public let capacityOld: UnsafeMutableBufferPointer<Double>, capacityNew: UnsafeMutableBufferPointer<Double>
    public let cutRate: UnsafeMutableBufferPointer<Double>
    /// Deep-processing ratio per product.
    public let deepProcessing: UnsafeMutableBufferPointer<Double>
    /// Baseline demand index at t (relative to the base year), shared by industry and GDP.
    public let demandIndex: UnsafeMutableBufferPointer<Double>
    public let fuel: UnsafeMutableBufferPointer<FuelVector>, electricity: UnsafeMutableBufferPointer<Double>
    public let process: UnsafeMutableBufferPointer<Double>, extendedProcess: UnsafeMutableBufferPointer<Double>
    public let feedstock: UnsafeMutableBufferPointer<Double>
    /// Alumina the smelters need beyond the region's Bayer and fly-ash alumina, Mt/yr.
    public var aluminaImports = 0.0
    /// Alumina made in the region beyond the smelters' need, sold to other provinces, Mt/yr.
    public var aluminaExports = 0.0
    /// Green hydrogen used in coal chemicals (Mt H2/yr) and the fuel it displaces (Mtce).
    public var greenHydrogen = 0.0, hydrogenDisplacedFuel = 0.0
    /// Clinker capacity transferred out of the region (Mt/yr) and its share of the clinker stock.
    public var cementTransferred = 0.0, cementTransferShare = 0.0
    /// Clinker not made because solid waste is blended into cement (Mt/yr), and the process CO2 carbide slag
    /// avoids (Mt CO2/yr): what the cement-materials levers cost is priced on these.
    public var clinkerSubstituted = 0.0, carbideSlagAvoidedCO2 = 0.0

    init(products n: Int) {
        demand = zeroBuffer(n, 0); output = zeroBuffer(n, 0); capacityOld = zeroBuffer(n, 0); capacityNew = zeroBuffer(n, 0)
        cutRate = zeroBuffer(n, 0); deepProcessing = zeroBuffer(n, 0); demandIndex = zeroBuffer(n, 0)
        fuel = zeroBuffer(n, FuelVector()); electricity = zeroBuffer(n, 0); process = zeroBuffer(n, 0)
        extendedProcess = zeroBuffer(n, 0); feedstock = zeroBuffer(n, 0)
    }

    func deallocate() {
        for b in [demand, output, capacityOld, capacityNew, cutRate, deepProcessing, demandIndex, electricity, process,
                  extendedProcess, feedstock] { b.deallocate() }
        fuel.deallocate()
    }
}
