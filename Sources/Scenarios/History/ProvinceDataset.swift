import Foundation
import Simulator

/// A runnable dataset for any CEADs province, built from its 2019 inventory, a few 2019 facts
/// (`Datasets/province-facts.csv`) and national values (`Datasets/province-template.yaml`). It is the base
/// that `carbonsim calibrate` fits history onto for provinces without a dataset of their own.
public enum ProvinceDataset {
    /// 2019 facts of one province besides its CEADs inventory.
    public struct Facts: Sendable, Equatable {
        public let province: String, nameZH: String
        /// Gross regional product 2019, 100 million yuan.
        public let gdp: Double
        /// End-2020 wind and solar capacity, installed hydro and nuclear capacity, GW.
        public let wind2020: Double, solar2020: Double, hydro: Double, nuclear: Double
    }

    /// What a derived dataset is, for the opening comment of the file written.
    public static let summary = [
        "Derived from the province's CEADs 2019 inventory, its 2019 facts (GDP; wind, solar, hydro and nuclear",
        "capacity) and national values: one activity per CEADs sector group, no products and no fly-ash",
        "alumina (product levers have nothing to act on until products are added), coal generation balanced",
        "with CEADs power-and-heat coal, net electricity trade and the land sink taken as 0. Every estimate",
        "says so and has a range; replace them with the province's statistics. See docs/data.md.",
    ]

    /// National ratios of end-2019 to end-2020 capacity (NEA: wind 210.05 / 281.53 GW, solar 204.30 / 253.43 GW).
    static let windBackcast = 0.746, solarBackcast = 0.806
    /// National 2019 utilisation hours (NEA, CEC): thermal, hydro, nuclear.
    static let thermalHours = 4293.0, hydroHours = 3726.0, nuclearHours = 7394.0
    /// Share of power-and-heat coal not burnt for electricity (heat, CEADs apparent-consumption accounting),
    /// with its range: national heat supply alone is about 0.1; the Inner Mongolia dataset implies about 0.35.
    static let heatShare = 0.25, heatShareRange = 0.1...0.4
    /// National 2019 supply heat rate of thermal units, gce/kWh (CEC).
    static let heatRate = 306.4
    /// National 2019 wind and solar capacity factors before curtailment, and curtailment (NEA: 2082 h and
    /// 1169 h delivered, 4% and 2% curtailed).
    static let windCapacityFactor = 0.248, solarCapacityFactor = 0.136, windCurtailment = 0.04, solarCurtailment = 0.02
    /// CO2 factor of coal, t CO2/tce (China provincial GHG guideline defaults, as in the embedded dataset).
    static let coalFactor = 2.616

    /// The province's dataset. `history` gives the CEADs 2019 inventory; `name` may be spelt as CEADs does or not.
    public static func make(province name: String, history: CEADsHistory) throws -> Dataset {
        let province = try history.province(named: name)
        let facts = try self.facts()
        guard let f = facts.first(where: { $0.province == province }) else {
            throw InputError(file: "province-facts.csv (embedded)", keyPath: province, message: "no 2019 facts for \(province)",
                             accepted: facts.map(\.province).joined(separator: ", "))
        }
        return try Dataset.parse(try text(facts: f, history: history), file: "\(province) (derived from CEADs 2019)")
    }

    /// The dataset text: the template with every `${name}` filled in.
    static func text(facts f: Facts, history: CEADsHistory) throws -> String {
        let year = 2019
        var values: [String: String] = [
            "region": quoted(f.province), "region_name": f.province, "region_zh": quoted(f.nameZH), "coal_factor": format(coalFactor),
            "heat_rate": format(heatRate), "coal_capacity_factor": format(rounded(thermalHours / 8760)),
            "wind_capacity_factor": format(windCapacityFactor), "solar_capacity_factor": format(solarCapacityFactor),
            "wind_curtailment": format(windCurtailment), "solar_curtailment": format(solarCurtailment),
            "heat_share": format(heatShare), "heat_share_low": format(heatShareRange.lowerBound),
            "heat_share_high": format(heatShareRange.upperBound),
        ]
        var total = 0.0, cement = 0.0
        for g in SectorGroup.allCases {
            guard let r = history.record(f.province, year, g) else {
                throw InputError(file: history.file, keyPath: "\(f.province) \(year) \(g.key)", message: "no CEADs \(year) row")
            }
            values["ceads_\(g.key)"] = Fuel.allCases.map { "\($0.key): \(format(r.fuels[$0]))" }.joined(separator: ", ")
            total += r.total
            cement += r.process
        }
        values["cement_process"] = format(cement)
        values["co2_gross"] = format(total)
        func put(_ key: String, _ v: Double, low: Double, high: Double) {
            values[key] = format(rounded(v)); values[key + "_low"] = format(rounded(low)); values[key + "_high"] = format(rounded(high))
        }
        put("base_gdp", f.gdp, low: 0.98 * f.gdp, high: 1.02 * f.gdp)

        let wind = windBackcast * f.wind2020, solar = solarBackcast * f.solar2020
        put("base_wind", wind, low: 0.8 * wind, high: 1.2 * wind)
        put("base_solar", solar, low: 0.8 * solar, high: 1.2 * solar)
        put("wind_build_rate", f.wind2020 - wind, low: 0.5 * (f.wind2020 - wind), high: 1.5 * (f.wind2020 - wind))
        put("solar_build_rate", f.solar2020 - solar, low: 0.5 * (f.solar2020 - solar), high: 1.5 * (f.solar2020 - solar))
        values["wind_2020"] = format(f.wind2020)
        values["solar_2020"] = format(f.solar2020)
        values["hydro"] = format(f.hydro)
        values["nuclear"] = format(f.nuclear)

        // Coal generation from CEADs power-and-heat coal: tce x (1 - heat share) / heat rate.
        let coalTce = (history.record(f.province, year, .power)?.fuels.coal ?? 0) / coalFactor
        func coalGeneration(_ share: Double) -> Double { coalTce * (1 - share) / heatRate * 1000 }
        let coal = coalGeneration(heatShare)
        values["coal_generation"] = format(rounded(coal))
        put("base_coal", coal / (thermalHours / 1000), low: 0.85 * coal / (thermalHours / 1000), high: 1.15 * coal / (thermalHours / 1000))
        let other = f.hydro * hydroHours / 1000 + f.nuclear * nuclearHours / 1000
        put("other_generation", other, low: 0.8 * other, high: 1.2 * other)
        // Delivered wind and solar as the template's capacity factors and curtailment give them, from the fleet in
        // the middle of 2019 (the model's capacities are year-end; 2019's generation came from the mid-year fleet).
        let midWind = wind - 0.5 * (f.wind2020 - wind), midSolar = solar - 0.5 * (f.solar2020 - solar)
        let renewables = midWind * 8.76 * windCapacityFactor * (1 - windCurtailment) + midSolar * 8.76 * solarCapacityFactor * (1 - solarCurtailment)
        let consumption = coal + renewables + other
        put("consumption", consumption, low: coalGeneration(heatShareRange.upperBound) + renewables + other,
            high: coalGeneration(heatShareRange.lowerBound) + renewables + other)

        var text = try template()
        for (key, value) in values { text = text.replacingOccurrences(of: "${\(key)}", with: value) }
        for (number, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            guard let r = line.range(of: "${") else { continue }
            let name = line[r.lowerBound...].prefix { $0 != "}" }.dropFirst(2)
            throw InputError(file: "province-template.yaml (embedded)", line: number + 1, keyPath: String(name),
                             message: "the builder fills in no value for this template name")
        }
        return text
    }

    /// Four significant digits: the derived numbers are estimates, not more precise than that.
    static func rounded(_ v: Double) -> Double {
        guard v != 0, v.isFinite else { return v }
        let scale = pow(10, 3 - floor(log10(abs(v))))
        return (v * scale).rounded() / scale
    }

    static func template() throws -> String {
        try embeddedText("province-template", "yaml", what: "the embedded province template")
    }

    /// The embedded 2019 facts of the 30 CEADs provinces.
    public static func facts() throws -> [Facts] {
        let file = "province-facts.csv (embedded)"
        let text = try embeddedText("province-facts", "csv", what: "the embedded province facts")
        var rows: [Facts] = [], header = true
        for (number, raw) in text.split(separator: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if header { header = false; continue }
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let v = c.dropFirst(2).compactMap(Double.init)
            guard c.count == 7, v.count == 5 else {
                throw InputError(file: file, line: number + 1, message: "expected province,name_zh,gdp_2019,wind_2020,solar_2020,hydro,nuclear")
            }
            rows.append(Facts(province: c[0], nameZH: c[1], gdp: v[0], wind2020: v[1], solar2020: v[2], hydro: v[3], nuclear: v[4]))
        }
        return rows
    }
}
