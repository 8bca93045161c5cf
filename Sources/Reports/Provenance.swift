import Scenarios

/// Which region and which dataset a result was computed for, so that every table, JSON file and chart
/// says it: a chart of Shanxi must not read "Inner Mongolia dataset".
public struct Provenance: Sendable, Equatable {
    public let region: String
    public let regionZH: String
    /// The dataset file as the user named it, or "inner-mongolia.yaml (embedded)", or the derived CEADs dataset.
    public let dataset: String

    public init(region: String, regionZH: String, dataset: String) {
        self.region = region
        self.regionZH = regionZH
        self.dataset = dataset
    }

    public init(_ dataset: Dataset) {
        self.init(region: dataset.region, regionZH: dataset.regionZH, dataset: dataset.file)
    }

    /// The region in the label language (the English name where the dataset gives no Chinese one).
    public func regionName(_ l: Language) -> String { l == .zh && !regionZH.isEmpty ? regionZH : region }

    /// "Region: Shanxi; dataset: shanxi.yaml" or "地区：山西；数据集：shanxi.yaml".
    public func line(_ l: Language) -> String {
        l == .zh ? "地区：\(regionName(l))；数据集：\(datasetName(l))" : "Region: \(region); dataset: \(dataset)"
    }

    /// The dataset's name; the notes the loader adds ("(embedded)", "(derived from CEADs 2019)") in Chinese under zh.
    public func datasetName(_ l: Language) -> String { Self.datasetName(dataset, l) }

    public static func datasetName(_ dataset: String, _ l: Language) -> String {
        guard l == .zh else { return dataset }
        return dataset.replacingOccurrences(of: " (embedded)", with: "（内置）")
            .replacingOccurrences(of: " (derived from CEADs 2019)", with: "（由CEADs 2019清单推算）")
    }
}
