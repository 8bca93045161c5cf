import Simulator

/// LMDI decomposition of emissions between two years of one run, or between two scenarios in one year.
public enum Decomposition {
    /// The LMDI state of a trajectory in a year: GDP, and energy and gross CO2 by CEADs sector group.
    public static func state(_ t: Trajectory, year: Int) throws -> LMDI.State {
        guard let gdp = t.value("gdp", year: year) else {
            throw InputError(file: "decompose", keyPath: "year", message: "year \(year) is outside the run",
                             accepted: "\(t.years.first!) to \(t.years.last!)")
        }
        return LMDI.State(activity: gdp,
                          energy: SectorGroup.allCases.map { t.value("energy_sector_\($0.key)", year: year)! },
                          co2: SectorGroup.allCases.map { t.value("co2_sector_\($0.key)", year: year)! })
    }

    public static var sectors: [String] { SectorGroup.allCases.map(\.key) }
}
