import Simulator

/// History mode's endogenous calibration: one scale on the wind and solar capacity factors, fitted by
/// nonlinear least squares (GSL) so that the model's wind and solar generation meets the observed annual
/// figures (relative residuals), with the observed capacities in place. Capacities being followed, the gap
/// left is full-load hours and curtailment: the one thing the dataset only estimates. The fit runs the
/// dataset's baseline (no levers: the levers act after the observed years) and is a property of the dataset,
/// stored in it as plain numbers (`source: "fitted to observations ..."`) so that every run and the
/// reference use them as they are. Kept in the dataset's ranges for the capacity factors.
enum RenewableOutputFit {
    /// The generation quantities the fit compares, each with the model outputs it sums.
    static let quantities: Set<String> = ["generation_wind_solar", "generation_wind", "generation_solar"]

    /// The dataset with its wind and solar capacity factors scaled by the fitted factor; unchanged when
    /// nothing is observed to fit to.
    static func fitted(_ dataset: Dataset, observations set: ObservationSet, through: Int) throws -> (Dataset, scale: Double?) {
        let used = set.comparedAsTheyStand(quantities, in: (dataset.baseYear + 1)...max(dataset.baseYear + 1, through))
        guard !used.isEmpty, let wind = dataset.entry("power.wind_capacity_factor"), let solar = dataset.entry("power.solar_capacity_factor"),
              let cw = wind.scalar, let cs = solar.scalar else { return (dataset, nil) }
        let baseline = Scenario(name: "baseline", file: dataset.file)
        func run(_ s: Double) throws -> Trajectory {
            let d = try dataset.applying([("power.wind_capacity_factor", cw * s, nil), ("power.solar_capacity_factor", cs * s, nil)])
            return try PreparedScenario(baseline, dataset: d.ending(after: through)).run().trajectory
        }
        let lower = max(wind.range?.lowerBound ?? 0, 0) / cw, upper = min(wind.range?.upperBound ?? 1, 1) / cw
        let result = try NonlinearLeastSquares.fit(n: used.count, start: [1.0], tolerance: 1e-12) { x, r in
            let t = try run(min(max(x[0], lower), upper))
            for (i, o) in used.enumerated() {
                let model = o.quantity.modelValue(year: o.year) { t.value($0, year: $1) } ?? 0
                r[i] = model / o.modelUnitValue - 1
            }
        }
        let s = min(max(result.x[0], lower), upper)
        let years = HistoryMode.span(Set(used.map(\.year)))
        let lines = used.map { String($0.line) }.joined(separator: ", ")
        func entry(_ e: DatasetEntry, _ v: Double) -> DatasetEntry {
            DatasetEntry(path: e.path, value: .scalar(v), unit: e.unit,
                         source: "fitted to observations \(years) (history mode: wind and solar generation, \(set.file) lines \(lines)): "
                             + "\(format(e.scalar!)) x \(format((s * 1e6).rounded() / 1e6)); before: \(e.source)",
                         estimate: e.estimate, range: e.range.map { min($0.lowerBound, v)...max($0.upperBound, v) }, line: e.line)
        }
        let out = try dataset.setting([(entry(wind, cw * s), "power"), (entry(solar, cs * s), "power")])
        return (out, s)
    }
}
