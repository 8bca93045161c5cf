import Simulator

/// A quantity an observations file may hold, and the model output it is compared with. The list is the
/// vocabulary of the `quantity` column: a name outside it is refused with a did-you-mean, so a bulletin's
/// figure is never compared with the wrong series.
public struct ObservedQuantity: Sendable, Equatable {
    /// How the model's value of a quantity is formed from the outputs.
    public enum Measure: Sendable, Equatable {
        /// The sum of these outputs (one output, or wind + solar) in the year.
        case level
        /// Year-on-year change of the level, percent: 100 (v(y) / v(y - 1) - 1).
        case growth
    }

    public let name: String
    /// What it is, in the words of the statistics it comes from.
    public let description: String
    /// Model outputs summed to form the level (in `modelUnit`).
    public let outputs: [String]
    public let measure: Measure
    /// The unit the comparison is made in (the model outputs' unit, or % for a growth rate).
    public let modelUnit: String
    /// Units the file may use, each with the factor that converts a value into `modelUnit`.
    public let units: [(name: String, factor: Double)]
    /// A year-end stock (capacities): compared with the model at the end of the year.
    public let isStock: Bool
    /// A ratio of annual totals (intensity, share): partial-year or partial-coverage levels say nothing about it.
    public let isRatio: Bool
    /// A stock that only grows within a year (wind and solar capacity: nothing is retired yet, and the model's
    /// build-out levers only add), so a month-end value is a lower bound on the year-end one.
    public var onlyGrows: Bool { isStock && !outputs.contains("capacity_coal") }
    /// A level no region has at 0: its GDP, its energy and electricity use, its generation (exports, a product it
    /// does not make, solar in 2000 can be 0).
    public var isPositive: Bool { measure == .level && ["gdp", "energy_total", "energy_intensity", "electricity_consumption", "generation"].contains(name) }
    /// Where the model series is an approximation of the statistic, why (shown in the docs and reports).
    public let approximation: String?

    public static func == (a: ObservedQuantity, b: ObservedQuantity) -> Bool { a.name == b.name }

    /// The level a growth rate is of (`electricity_consumption` for `electricity_consumption_growth`); a level's own name.
    public var levelName: String { measure == .growth ? String(name.dropLast("_growth".count)) : name }

    /// The factor for a unit as written in the file, or nil if the unit is not accepted for this quantity.
    public func factor(for unit: String) -> Double? {
        units.first { $0.name == unit }?.factor
    }
}

extension ObservedQuantity {
    // Unit vocabularies, as bulletins write them in Chinese and in translation: 亿千瓦时 (10^8 kWh, 100 GWh) is
    // 0.1 TWh; 万千瓦 (10^4 kW, 10 MW) is 0.01 GW; 万吨 (10^4 t, 10 kt) is 0.01 Mt; 万吨标准煤 is 0.01 Mtce.
    static let twh: [(String, Double)] = [("TWh", 1), ("10^8 kWh", 0.1), ("100 GWh", 0.1), ("亿千瓦时", 0.1)]
    static let gw: [(String, Double)] = [("GW", 1), ("10^4 kW", 0.01), ("10 MW", 0.01), ("万千瓦", 0.01), ("MW", 0.001)]
    static let mt: [(String, Double)] = [("Mt", 1), ("10^4 t", 0.01), ("10 kt", 0.01), ("万吨", 0.01)]
    static let mtce: [(String, Double)] = [("Mtce", 1), ("10^4 tce", 0.01), ("万吨标准煤", 0.01)]
    static let percent: [(String, Double)] = [("%", 1)]

    static func level(_ name: String, _ description: String, _ outputs: [String], unit: String,
                      units: [(String, Double)], stock: Bool = false, ratio: Bool = false,
                      approximation: String? = nil) -> ObservedQuantity {
        ObservedQuantity(name: name, description: description, outputs: outputs, measure: .level, modelUnit: unit,
                         units: units.map { (name: $0.0, factor: $0.1) }, isStock: stock, isRatio: ratio,
                         approximation: approximation)
    }

    /// The levels; each also has a `<name>_growth` quantity (year-on-year change, %).
    static let levels: [ObservedQuantity] = [
        level("gdp", "regional GDP at 2019 prices", ["gdp"], unit: "10^8 yuan (2019 prices)",
              units: [("10^8 yuan (2019 prices)", 1), ("亿元（2019年价）", 1), ("亿元，2019年价", 1)]),
        level("energy_total", "total energy consumption (statistical basis)", ["energy_total"], unit: "Mtce", units: mtce),
        level("energy_intensity", "energy use per unit of GDP", ["energy_intensity"], unit: "tce per 10^4 yuan",
              units: [("tce per 10^4 yuan", 1), ("吨标准煤/万元", 1)], ratio: true),
        level("non_fossil_share", "non-fossil share of energy consumption", ["non_fossil_share"], unit: "%", units: percent, ratio: true),
        level("electricity_consumption", "electricity consumption of the whole society (全社会用电量)",
              ["electricity_demand_in_region"], unit: "TWh", units: twh),
        level("electricity_exports", "electricity sent to other provinces (外送电量)", ["electricity_exports"], unit: "TWh", units: twh),
        level("generation", "electricity generation (发电量)", ["electricity_generation"], unit: "TWh", units: twh),
        level("generation_thermal", "thermal generation (火电)", ["generation_coal"], unit: "TWh", units: twh,
              approximation: "the model's coal generation: gas and biomass plants, a few per cent of thermal in Inner Mongolia, sit in its other generation"),
        level("generation_wind", "wind generation", ["generation_wind"], unit: "TWh", units: twh),
        level("generation_solar", "solar generation", ["generation_solar"], unit: "TWh", units: twh),
        level("generation_wind_solar", "new-energy (wind and solar) generation (新能源发电量)",
              ["generation_wind", "generation_solar"], unit: "TWh", units: twh),
        level("capacity_wind", "installed wind capacity, year-end", ["capacity_wind"], unit: "GW", units: gw, stock: true),
        level("capacity_solar", "installed solar capacity, year-end", ["capacity_solar"], unit: "GW", units: gw, stock: true),
        level("capacity_wind_solar", "installed new-energy (wind and solar) capacity, year-end (新能源装机)",
              ["capacity_wind", "capacity_solar"], unit: "GW", units: gw, stock: true),
        level("capacity_thermal", "installed thermal capacity, year-end (火电装机)", ["capacity_coal"], unit: "GW", units: gw, stock: true,
              approximation: "the model's coal capacity: gas and biomass units sit outside it"),
    ] + Product.allCases.map { p in
        level("output_\(p.key)", "\(p.key.replacingOccurrences(of: "_", with: " ")) output (\(p.nameZH)产量)", ["output_\(p.key)"],
              unit: "Mt", units: mt)
    }

    /// Every quantity an observations file may name: the levels, then their growth rates.
    public static let all: [ObservedQuantity] = levels + levels.map { q in
        ObservedQuantity(name: q.name + "_growth", description: "year-on-year change of \(q.description), %",
                         outputs: q.outputs, measure: .growth, modelUnit: "%", units: percent.map { (name: $0.0, factor: $0.1) },
                         isStock: q.isStock, isRatio: q.isRatio, approximation: q.approximation)
    }

    public static func named(_ name: String) -> ObservedQuantity? { all.first { $0.name == name } }

    /// The model's value of this quantity in `year` from annual series `value(output, year)`; nil where a
    /// year the measure needs is outside the run.
    public func modelValue(year: Int, _ value: (String, Int) -> Double?) -> Double? {
        func level(_ y: Int) -> Double? {
            var sum = 0.0
            for o in outputs {
                guard let v = value(o, y) else { return nil }
                sum += v
            }
            return sum
        }
        switch measure {
        case .level: return level(year)
        case .growth:
            guard let now = level(year), let before = level(year - 1), before != 0 else { return nil }
            return 100 * (now / before - 1)
        }
    }
}
