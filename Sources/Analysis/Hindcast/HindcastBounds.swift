import Scenarios

/// The in-sample errors a projection from the base year is allowed (docs/data.md, "Hindcast bounds", says
/// why each number): beyond them the model, not the year, is wrong. CI runs the embedded observations
/// against them (Tests/ModelTests/HindcastTests.swift).
public enum HindcastBounds {
    /// Mean absolute percentage error of an annual flow or ratio: the tolerance the dataset's facts allow flows.
    public static let levelPercent = 15.0
    /// Mean absolute percentage error of total energy in a projection: the model's energy is then CEADs-implied
    /// (raw-coal tonnes at default heating values, 284.7 Mtce in 2019), the statistics' about 254 Mtce: a basis gap
    /// of about 12 % before any dynamics, plus the 2020 surge (+7.1 % at GDP +0.2 %).
    public static let energyPercent = 20.0
    /// Total energy in history mode, where the basis ratio is fitted to the observed totals (`EnergyBasisFit`): what
    /// is left is dynamics, the 2020 surge above all (the issue's aim).
    public static let fittedEnergyPercent = 5.0
    /// Observed quantities on the energy statistics' basis.
    public static let energyBasis: Set<String> = ["energy_total"]
    /// Mean absolute percentage error of a year-end stock (capacity): one year of build-out. Wind and solar
    /// capacity grew 28 % a year on average in 2020-24 (49.7 to 135 GW), in lumps of approvals a smooth
    /// projection cannot time; an error within one year's growth is timing, a larger one is level.
    public static let stockPercent = 30.0
    /// Mean absolute error of a growth rate, percentage points: the largest one-year shock in the observations
    /// (energy intensity 2020: +6.9 % against a trend of about -2 %), which a smooth projection cannot follow.
    public static let growthPoints = 10.0

    /// History mode, in sample: what the model follows (docs/data.md, "Hindcast bounds"). Wind and solar capacity
    /// are milestones of their levers, reached exactly at year-end; exports are observed points of a smooth
    /// series whose annual mean differs from the point by its curvature (under 1 % in 2021-23).
    public static let followedPercent = 3.0
    /// GDP growth, percentage points: the model's GDP is the observed path plus lever effects on value added,
    /// and its annual value is a mean over the year, not the mid-year knot (0.7 pp at most in 2020-25).
    public static let followedGrowthPoints = 1.0
    /// The quantities history mode follows, by observed quantity name; the demand it calibrates (electricity
    /// consumption, product outputs: `HistoryMode.calibrated`) is held to the same bounds, levels and growth.
    public static let followed: Set<String> = ["capacity_wind", "capacity_solar", "capacity_wind_solar", "electricity_exports", "gdp", "gdp_growth"]

    /// What exceeds the bounds in the in-sample window: a summary over its bound, or a lower bound missed.
    /// In history mode the followed quantities are held to the tight bounds.
    public static func violations(_ h: Hindcast) -> [String] {
        var out: [String] = []
        for s in h.summaries where s.window == .inSample {
            let tight = h.history != nil && (followed.contains(s.quantity.name) || h.history?.calibrated[s.quantity.levelName] != nil)
            let energy = energyBasis.contains(s.quantity.name)
            let bound = tight ? followedPercent : s.quantity.isStock ? stockPercent
                : energy ? (h.history?.energyBasisRatio != nil ? fittedEnergyPercent : energyPercent) : levelPercent
            let growthPoints = tight ? followedGrowthPoints : Self.growthPoints
            if let mape = s.meanAbsolutePercentError, mape > bound {
                out.append("\(s.quantity.name): mean absolute error \(rounded(mape)) % is above the bound of \(rounded(bound)) %")
            }
            if s.quantity.measure == .growth, let mae = s.meanAbsoluteError, mae > growthPoints {
                out.append("\(s.quantity.name): mean absolute error \(rounded(mae)) pp is above the bound of \(rounded(growthPoints)) pp")
            }
            if s.boundsMissed > 0 && !(h.history != nil && s.quantity.isStock) {
                out.append("\(s.quantity.name): \(s.boundsMissed) lower bound\(s.boundsMissed > 1 ? "s" : "") missed (the model is below a partial figure)")
            }
        }
        return out
    }

    static func rounded(_ v: Double) -> String { String((v * 10).rounded() / 10) }
}
