import Simulator

/// History mode's energy calibration: the ratio of the energy statistics' total to the model's CEADs-implied
/// energy (`energy_statistics.basis_ratio`), fitted to the observed energy totals (annual, whole region; every
/// such figure, duplicates kept). The base year counts too: the ratio is a difference of accounting, there
/// before any dynamics, and the base year is where CEADs and the statistics meet first. The statistics count coal at its measured heating value, CEADs at national
/// defaults, so the two differ by a factor before any dynamics (about 0.86 in 2019 for Inner Mongolia). Every
/// energy quantity is proportional to the ratio and CO2 does not depend on it, so one baseline run gives the
/// least-squares ratio in closed form: minimising the sum of (k m_i / o_i - 1)^2 gives k = sum(r_i) / sum(r_i^2)
/// with r_i = m_i / o_i. Growth rates and shares do not depend on it and stay what the dynamics give.
/// Like `RenewableOutputFit`, it is a property of the dataset, stored in it with a source saying so.
enum EnergyBasisFit {
    /// Observed energy levels the fit compares, proportional to the ratio. Intensity levels are left out: their
    /// price base rarely matches the model's 2019 prices.
    static let quantities: Set<String> = ["energy_total"]

    /// The least-squares ratio for model values `model` against observed `observed` (relative residuals).
    static func ratio(model: [Double], observed: [Double]) -> Double? {
        var sum = 0.0, squares = 0.0
        for (m, o) in zip(model, observed) where o > 0 && m.isFinite {
            sum += m / o
            squares += (m / o) * (m / o)
        }
        return squares > 0 ? sum / squares : nil
    }

    /// The dataset with its basis ratio fitted; unchanged (ratio nil) when nothing is observed to fit to.
    static func fitted(_ dataset: Dataset, observations set: ObservationSet, through: Int) throws -> (Dataset, ratio: Double?) {
        let used = set.comparedAsTheyStand(quantities, in: dataset.baseYear...max(dataset.baseYear, through))
        guard !used.isEmpty else { return (dataset, nil) }
        let start = dataset.entry("energy_statistics.basis_ratio")?.scalar ?? 1
        let run = try PreparedScenario(Scenario(name: "baseline", file: dataset.file), dataset: dataset.ending(after: through)).run().trajectory
        // The run's values carry the dataset's own ratio: divide it out.
        let model = used.map { ($0.quantity.modelValue(year: $0.year) { run.value($0, year: $1) } ?? .nan) / start }
        guard let k = ratio(model: model, observed: used.map(\.modelUnitValue)), k.isFinite, k > 0 else { return (dataset, nil) }
        let years = HistoryMode.span(Set(used.map(\.year)))
        let lines = used.map { String($0.line) }.joined(separator: ", ")
        let rounded = (k * 1e6).rounded() / 1e6
        let source = "fitted to observations \(years) (history mode: energy totals, \(set.file) lines \(lines))"
        let entry = DatasetEntry(path: "energy_statistics.basis_ratio", value: .scalar(k), unit: "ratio",
                                 source: "\(source): \(format(rounded)) tce of the energy statistics per tce CEADs-implied",
                                 estimate: false, range: nil, line: dataset.entry("energy_statistics.basis_ratio")?.line)
        return (try dataset.setting([(entry, "power")]), k)
    }
}
