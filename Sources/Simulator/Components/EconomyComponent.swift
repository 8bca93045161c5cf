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
    let p: EconomyParameters
    let products: [ProductParameters]
    /// ln(GDP_exo / GDP0) at each growth knot.
    let logLevels: [Double]
    /// Growth knots at mid-year: the base-year GDP is the value at t = base year + 0.5.
    let growthTimes: [Double]
    /// Set by the model's calibration: fly-ash alumina output in the base year, Mt/yr.
    var baseFlyAshAluminaOutput = 0.0

    init(offset: Int, parameters: EconomyParameters, products: [ProductParameters]) {
        self.offset = offset
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

    public var states: [(name: String, unit: String)] { [] }
    public func initialState(into y: UnsafeMutablePointer<Double>) {}
    public func derivatives(_ ws: Workspace, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) {}

    /// GDP on the exogenous path at time t (continuous compounding between knots).
    @inline(__always)
    func exogenous(at t: Double) -> Double {
        let years = growthTimes
        var i = 0
        while i + 1 < years.count - 1 && t >= years[i + 1] { i += 1 }
        let dt = t - years[i]
        return p.baseGDP * exp(logLevels[i] + log(1 + p.growthRates[i]) * dt)
    }

    /// Needs industry outputs in the workspace.
    func evaluate(_ ws: Workspace) {
        let t = ws.t
        var lost = 0.0, deep = 0.0
        for i in products.indices {
            let q = products[i]
            let va = q.valueAddedPerTonne / 100  // Mt x yuan/t = 10^6 yuan; GDP is in 10^8 yuan
            let reference = q.baseOutput * ws.demandIndex[i]  // baseline output, unconstrained
            lost += va * Smooth.positive(reference - ws.output[i], width: 0.01 * q.baseOutput)
            let d = ws.deepProcessing[i]
            deep += va * ws.output[i] * q.deepProcessingValueUplift * (d - q.deepProcessingBase)
        }
        // Fly-ash alumina earns alumina's value added (relative to its base-year output, already in GDP0).
        let alumina = products[Product.alumina.rawValue]
        deep += alumina.valueAddedPerTonne / 100 * (ws.flyAshAluminaOutput - baseFlyAshAluminaOutput)
        ws.gdpExogenous = exogenous(at: t)
        ws.replacementValueAdded = p.replacementShare * lost
            ws.gdp = ws.gdpExogenous - lost + ws.replacementValueAdded + deep
    }
}
