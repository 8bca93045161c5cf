import Foundation
import Scenarios

/// What `carbonsim serve` was told: where to listen and which folders and files it may read.
public struct ServeConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The dataset file, or nil for the embedded Inner Mongolia dataset.
    public var datasetPath: String?
    /// The dataset as the command line loaded it (history mode or --no-history, --province); nil: `datasetPath`
    /// (or the embedded dataset) in history mode, as `carbonsim run` loads it by default.
    public var dataset: Dataset?
    /// What `carbonsim run` needs besides the file and --dataset to reproduce a downloaded scenario (--no-history).
    public var runOptions: [String] = []
    /// The folder whose scenario files the page offers; nothing outside it is read.
    public var scenariosFolder: String
    /// A sweep database whose summaries the page shows, or nil.
    public var sweepDatabase: String?
    /// The language the page opens in.
    public var language: String

    public init(host: String = "127.0.0.1", port: Int = 8080, datasetPath: String? = nil, scenariosFolder: String = "scenarios",
                sweepDatabase: String? = nil, language: String = "zh") {
        self.host = host
        self.port = port
        self.datasetPath = datasetPath
        self.scenariosFolder = scenariosFolder
        self.sweepDatabase = sweepDatabase
        self.language = language
    }
}
