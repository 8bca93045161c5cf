#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GDP: an exogenous growth path, less value added lost with industrial output below its baseline,
/// plus the share of it that new industry replaces ("free cages for birds"), plus deep processing.
///
/// GDP(t) = GDP_exo(t) - (1 - psi) sum_p va_p max(Q_ref,p - Q_p, 0) + sum_p va_p Q_p kappa_p (d_p - d_p0)
///          + va_alumina (Q_flyash - Q_flyash,0)
public final class EconomyComponent: Component {
    public let offset: Int
    public let states: [StateDeclaration] = []
    let p: EconomyParameters
    let products: [ProductParameters]
    /// ln(GDP_exo / GDP0) at each growth knot.
    let logLevels: [Double]
    /// Growth knots at mid-year: the base-year GDP is the value at t = base year + 0.5.
    let growthTimes: [Double]
    /// Set by the base-year split: fly-ash alumina output in the base year, Mt/yr.
    let baseFlyAshAluminaOutput = BaseValue(0.0)

    init(parameters: EconomyParameters, products: [ProductParameters], layout: inout StateLayout) {
        offset = layout.reserve(states)
        p = parameters
        self.products = products
        var levels = [0.0]
        for i in 0..<(parameters.growthYears.count - 1) {
            let span = parameters.growthYears[i + 1] - parameters.growthYears[i]
            levels.append(levels[i] + log(1 + parameters.growthRates[i]) * span)
        }
        logLevels = levels
        growthTimes = midYear(parameters.growthYears)
    }

    deinit { baseFlyAshAluminaOutput.deallocate() }

    /// GDP on the exogenous path at time t (continuous compounding between knots).
    @inline(__always)
    func exogenous(at t: Double) -> Double {
        let years = growthTimes
        var i = 0
        while i + 1 < years.count - 1 && t >= years[i + 1] { i += 1 }
        let dt = t - years[i]
        return p.baseGDP * exp(logLevels[i] + log(1 + p.growthRates[i]) * dt)
    }

    /// Step `economy`.
    func evaluate(_ ws: inout Workspace) {
        let t = ws.t
        var lost = 0.0, deep = 0.0
        for i in products.indices {
            let q = products[i]
            let va = q.valueAddedPerTonne / 100  // Mt x yuan/t = 10^6 yuan; GDP is in 10^8 yuan
            let reference = q.baseOutput * ws.industry.demandIndex[i]  // baseline output, unconstrained
            lost += va * Smooth.positive(reference - ws.industry.output[i], width: 0.01 * q.baseOutput)
            let d = ws.industry.deepProcessing[i]
            deep += va * ws.industry.output[i] * q.deepProcessingValueUplift * (d - q.deepProcessingBase)
        }
        // Fly-ash alumina earns alumina's value added (relative to its base-year output, already in GDP0).
        let alumina = products[Product.alumina.rawValue]
        deep += alumina.valueAddedPerTonne / 100 * (ws.flyAsh.aluminaOutput - baseFlyAshAluminaOutput.value)
        ws.economy.gdpExogenous = exogenous(at: t)
        ws.economy.replacementValueAdded = p.replacementShare * lost
        ws.economy.gdp = ws.economy.gdpExogenous - lost + ws.economy.replacementValueAdded + deep
    }
}

/// What the economy writes: GDP on its exogenous path and with lever effects, 10^8 yuan (2019 prices).
public struct EconomyFlows {
    public var gdpExogenous = 0.0, gdp = 0.0
    /// Value added of the new industry that replaces cut output ("free cages for birds").
    public var replacementValueAdded = 0.0
}
