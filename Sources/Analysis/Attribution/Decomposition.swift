import Scenarios
import Simulator

/// LMDI decomposition of emissions between two years of one run, or between two scenarios in one year.
///
/// Sectors are the CEADs sector groups; carriers are the CEADs fuel groups (coal, coke, oil, gas) and
/// non-fossil primary electricity (wind, solar, other; no CO2). Energy E is the energy that carries the
/// territorial CO2: fossil fuel burnt, by group and fuel (`energy_<group>_<fuel>`), plus all non-fossil
/// generation at the coal fleet's heat rate (`energy_non_fossil_generated`, generation coal-equivalent), in
/// the power group, beside the coal it displaces. So solar that replaces coal power keeps the power group's
/// energy and moves its mix; it shows as a mix effect, not as energy intensity. E leaves out feedstock
/// (non-energy use, no CO2 in the model) and deducts no electricity exports, coal or non-fossil (their CO2
/// stays in the territorial inventory, so their energy stays in E; deducting the non-fossil part of exports,
/// as the energy balance does once coal generation is all exported, would book extra solar as exported and
/// its coal cut as less energy). Process CO2 (`co2_process_<group>`) is a term of its own.
public enum Decomposition {
    /// The LMDI state of a trajectory in a year.
    public static func state(_ t: Trajectory, year: Int) throws -> LMDI.State {
        guard let gdp = t.value("gdp", year: year) else {
            throw InputError(file: "decompose", keyPath: "year", message: "year \(year) is outside the run",
                             accepted: "\(t.years.first!) to \(t.years.last!)")
        }
        // Round-off can leave a remainder at -1e-12: LMDI needs non-negative values.
        func value(_ name: String) -> Double { max(t.value(name, year: year)!, 0) }
        let nonFossil = value("energy_non_fossil_generated")
        var energy: [[Double]] = [], co2: [[Double]] = []
        for g in SectorGroup.allCases {
            energy.append(Fuel.allCases.map { value("energy_\(g.key)_\($0.key)") } + [g == .power ? nonFossil : 0])
            co2.append(Fuel.allCases.map { f in energy.last![f.rawValue] > 0 ? value("co2_\(g.key)_\(f.key)") : 0 } + [0])
        }
        return LMDI.State(activity: gdp, energy: energy, co2: co2,
                          process: SectorGroup.allCases.map { value("co2_process_\($0.key)") })
    }

    public static var sectors: [String] { SectorGroup.allCases.map(\.key) }
    /// Carriers, in the order of a state's columns.
    public static var carriers: [String] { Fuel.allCases.map(\.key) + ["non_fossil"] }
}
