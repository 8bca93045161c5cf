import Foundation

extension ObservationSet {
    /// The years a dataset's observations may have: from its base year to the current year (nothing is
    /// observed in the future), within the dataset's horizon.
    public static func years(for dataset: Dataset, today: Date = Date()) -> ClosedRange<Int> {
        let now = Calendar(identifier: .gregorian).component(.year, from: today)
        return dataset.baseYear...max(dataset.baseYear, min(dataset.endYear, now))
    }

    /// The observations to compare `dataset` with: `override` (a path, from `--observations`) if given, else
    /// the file the dataset names under `observations:`, looked for next to the dataset file (`datasetPath`;
    /// nil for the embedded dataset) and then among the embedded resources. nil when the dataset names none:
    /// a region without observations still runs, with nothing to compare.
    public static func forDataset(_ dataset: Dataset, datasetPath: String?, override: String?,
                                  years: ClosedRange<Int>) throws -> ObservationSet? {
        if let override {
            return try load(url: URL(fileURLWithPath: override), displayName: override, years: years)
        }
        guard let name = dataset.observations else { return nil }
        if let datasetPath {
            let sibling = URL(fileURLWithPath: datasetPath).deletingLastPathComponent().appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: sibling.path) || embeddedURL(name) == nil {
                let shown = (datasetPath as NSString).deletingLastPathComponent.isEmpty ? name
                    : ((datasetPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
                return try load(url: sibling, displayName: shown, years: years)
            }
        }
        guard let url = embeddedURL(name) else {
            throw InputError(file: dataset.file, keyPath: "observations", message: "the observations file '\(name)' is not embedded in the package",
                             accepted: "a CSV file next to the dataset file (run with --dataset FILE), or --observations FILE")
        }
        return try load(url: url, displayName: "\(name) (embedded)", years: years)
    }

    /// An observations file embedded with the datasets, by file name.
    static func embeddedURL(_ name: String) -> URL? {
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard !name.contains("/") else { return nil }
        return Bundle.module.url(forResource: stem, withExtension: ext)
    }
}
