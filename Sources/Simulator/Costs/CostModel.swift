#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a scenario's measures cost, year by year and by lever family, and their total discounted to 2020.
/// All in 10^8 yuan (2019 prices). Costs are of the measures beyond the baseline trends:
/// - capacity: capacity eliminated x yuan per t/yr (net of the value added replacement capacity recovers)
/// - efficiency: fuel saved per year by retrofits toward the benchmark x yuan per tce/yr saved
/// - renewables: wind and solar built above the baseline trend x capex, which falls by the learning rate
///   for every doubling of installed capacity since the base year (in history mode from the year after the observed
///   capacities: what was built before is history); storage built beyond the allocation rule
///   x storage capex (the rule's storage comes with the wind and solar it belongs to)
/// - coal_power: capacity retired early x stranded value; heat-rate retrofits x yuan per GW per gce/kWh
/// - electrification: new fossil final energy switched each year x yuan per tce/yr switched
/// - ccus: CO2 captured x yuan per tonne
/// - sinks: hectares newly reaching maturity (growth of extra uptake / uptake per hectare) x yuan per hectare
/// - fly_ash_alumina: capacity added above the base x yuan per t/yr
/// - deep_processing: extra processed output added x yuan per t/yr
/// - dual_control: value added of output curtailed by an enforced cap
/// - cement_materials: clinker not made because solid waste is blended in x yuan per t; process CO2 avoided by
///   carbide slag x yuan per t CO2; clinker capacity newly transferred out of the region x yuan per t/yr
/// - hydrogen: green hydrogen used x its premium over coal-based hydrogen, yuan per t H2
/// Ladder pricing is a transfer, not a resource cost; its effect is costed through efficiency and capacity.
public struct CostModel: Sendable {
    public static let families = ["capacity", "efficiency", "renewables", "coal_power", "electrification", "ccus", "sinks",
                                  "fly_ash_alumina", "deep_processing", "dual_control", "cement_materials", "hydrogen"]

    public let years: [Int]
    /// Annual cost by family, 10^8 yuan.
    public let annual: [String: [Double]]
    /// Total discounted to 2020 over 2020 to the end year, 10^8 yuan.
    public let totalDiscounted: Double
    public let discountRate: Double
    /// Installed capacity (GW) learning starts from when the base year has less.
    public static let learningFloor = 1.0
    /// Relative size below which a stock's growth is rounding, not a build-out.
    static let roundingFloor = 1e-9

    /// `historyThrough`: in history mode the last year whose wind and solar capacities are observed: their build-out
    /// through it is history, the same in every scenario, not a measure, so the renewables family counts wind and solar
    /// from the year after (a frozen-policy baseline cost 3,489 x 10^8 yuan of 2023-2025 history before).
    public init(trajectory r: Trajectory, parameters p: ModelParameters, historyThrough: Int? = nil) {
        let c = p.costs, years = r.years, n = years.count
        func s(_ name: String) -> [Double] { r.series(name) }
        /// What a stock grew by beyond `allowance`; an excess within rounding of the stock (the baseline's trend
        /// less its own rate leaves ~1e-12 GW) is none, so a scenario without measures costs exactly nothing.
        func increments(_ v: [Double], allowance: Double = 0) -> [Double] {
            (0..<n).map {
                guard $0 > 0 else { return 0 }
                let excess = v[$0] - v[$0 - 1] - allowance
                return excess > Self.roundingFloor * max(abs(v[$0]), 1) ? excess : 0
            }
        }
        /// Capex falls by the learning rate per doubling of the fleet since the base year; a region that starts
        /// from (almost) nothing learns from its first gigawatt.
        func capex(_ base: Double, learning: Double, installed: [Double], initial: Double) -> [Double] {
            let exponent = log2(1 - learning), reference = max(initial, Self.learningFloor)
            return installed.map { base * pow(max($0, reference) / reference, exponent) }
        }
        var annual: [String: [Double]] = [:]
        annual["capacity"] = s("capacity_eliminated").map { $0 * c.capacityElimination / 100 }
        annual["efficiency"] = s("retrofit_savings").map { $0 * c.efficiencyRetrofit / 100 }
        let wind = s("capacity_wind"), solar = s("capacity_solar")
        let windCapex = capex(c.windCapex, learning: c.windLearningRate, installed: wind, initial: p.power.baseWind)
        let solarCapex = capex(c.solarCapex, learning: c.solarLearningRate, installed: solar, initial: p.power.baseSolar)
        let measured = (0..<n).map { years[$0] > (historyThrough ?? Int.min) ? 1.0 : 0 }
        let windAdded = zip(increments(wind, allowance: p.power.windBuildRate), measured).map(*)
        let solarAdded = zip(increments(solar, allowance: p.power.solarBuildRate), measured).map(*)
        // Storage beyond the rule: what is installed less the rule's share of wind and solar built since the base year.
        let storage = s("capacity_storage"), beyondRule = (0..<n).map {
            storage[$0] - p.power.storageRuleShare * max(wind[$0] + solar[$0] - p.power.baseWind - p.power.baseSolar, 0)
        }
        let storageAdded = increments(beyondRule)
        annual["renewables"] = (0..<n).map { windAdded[$0] * windCapex[$0] + solarAdded[$0] * solarCapex[$0] + storageAdded[$0] * c.storageCapex }
        let retired = s("coal_retired_early"), retrofit = s("heat_rate_retrofit")
        annual["coal_power"] = (0..<n).map { retired[$0] * c.coalRetirement + retrofit[$0] * c.heatRateRetrofit }
        annual["electrification"] = increments(s("electrified_fossil_energy")).map { $0 * c.electrification / 100 }
        annual["ccus"] = s("ccus_captured").map { $0 * c.ccus / 100 }
        let extraUptake = s("sinks").map { $0 - p.sinks.baseFlux }
        annual["sinks"] = increments(extraUptake).map { $0 * 1e6 / c.uptakePerHectare * c.afforestation / 1e8 }
        let flyAsh = s("fly_ash_alumina_capacity").map { $0 - p.flyAsh.baseCapacity }
        annual["fly_ash_alumina"] = increments(flyAsh).map { $0 * c.flyAshAluminaCapex / 100 }
        annual["deep_processing"] = increments(s("deep_processed_extra")).map { $0 * c.deepProcessing / 100 }
        annual["dual_control"] = s("curtailed_value_added")
        let substituted = s("clinker_substituted"), avoided = s("carbide_slag_avoided_co2")
        let transferred = increments(s("cement_capacity_transferred"))
        annual["cement_materials"] = (0..<n).map {
            (substituted[$0] * c.clinkerSubstitution + avoided[$0] * c.carbideSlag + transferred[$0] * c.cementCapacityTransfer) / 100
        }
        annual["hydrogen"] = s("green_hydrogen").map { $0 * c.greenHydrogenPremium / 100 }
        self.years = years
        self.annual = annual
        discountRate = c.discountRate
        var total = 0.0
        for (i, y) in years.enumerated() where y >= 2020 {
            let factor = pow(1 + c.discountRate, -Double(y - 2020))
            for family in Self.families { total += annual[family]![i] * factor }
        }
        totalDiscounted = total
    }

    /// Discounted total of one family, 10^8 yuan.
    public func discounted(_ family: String) -> Double {
        var total = 0.0
        for (i, y) in years.enumerated() where y >= 2020 { total += annual[family]![i] * pow(1 + discountRate, -Double(y - 2020)) }
        return total
    }
}
