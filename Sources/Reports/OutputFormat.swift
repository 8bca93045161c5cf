/// How `carbonsim run` prints its results.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, markdown, csv, json

    public var fileExtension: String {
        switch self {
        case .table: return "txt"
        case .markdown: return "md"
        case .csv: return "csv"
        case .json: return "json"
        }
    }
}
