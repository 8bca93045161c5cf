import Scenarios

/// The in-sample errors a projection from the base year is allowed (docs/data.md, "Hindcast bounds", says
/// why each number): beyond them the model, not the year, is wrong. CI runs the embedded observations
/// against them (Tests/ModelTests/HindcastTests.swift).
public enum HindcastBounds {
    /// Mean absolute percentage error of an annual flow or ratio: the tolerance the dataset's facts allow flows.
    public static let levelPercent = 15.0
    /// Mean absolute percentage error of a year-end stock (capacity): one year of build-out. Wind and solar
    /// capacity grew 28 % a year on average in 2020-24 (49.7 to 135 GW), in lumps of approvals a smooth
    /// projection cannot time; an error within one year's growth is timing, a larger one is level.
    public static let stockPercent = 30.0
    /// Mean absolute error of a growth rate, percentage points: the largest one-year shock in the observations
    /// (energy intensity 2020: +6.9 % against a trend of about -2 %), which a smooth projection cannot follow.
    public static let growthPoints = 10.0

    /// What exceeds the bounds in the in-sample window: a summary over its bound, or a lower bound missed.
    public static func violations(_ h: Hindcast) -> [String] {
        var out: [String] = []
        for s in h.summaries where s.window == .inSample {
            let bound = s.quantity.isStock ? stockPercent : levelPercent
            if let mape = s.meanAbsolutePercentError, mape > bound {
                out.append("\(s.quantity.name): mean absolute error \(rounded(mape)) % is above the bound of \(rounded(bound)) %")
            }
            if s.quantity.measure == .growth, let mae = s.meanAbsoluteError, mae > growthPoints {
                out.append("\(s.quantity.name): mean absolute error \(rounded(mae)) pp is above the bound of \(rounded(growthPoints)) pp")
            }
            if s.boundsMissed > 0 {
                out.append("\(s.quantity.name): \(s.boundsMissed) lower bound\(s.boundsMissed > 1 ? "s" : "") missed (the model is below a partial figure)")
            }
        }
        return out
    }

    static func rounded(_ v: Double) -> String { String((v * 10).rounded() / 10) }
}
