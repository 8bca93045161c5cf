import Scenarios
import Simulator

/// A history series that `carbonsim calibrate` fits one trend to: one sector group, or groups whose split
/// CEADs does not keep steady.
public struct HistorySeries: Sendable, Equatable {
    public let name: String
    public let groups: [SectorGroup]

    /// Ferrous metals and nonmetal minerals are fitted together: CEADs moves much coke between them
    /// (2012-14, 2017-19), an accounting artefact that a trend for either alone would chase.
    public static let defaults: [HistorySeries] = [
        HistorySeries(name: "power", groups: [.power]),
        HistorySeries(name: "ferrous_nonmetal", groups: [.ferrous, .nonmetal]),
        HistorySeries(name: "nonferrous", groups: [.nonferrous]),
        HistorySeries(name: "petro_coking", groups: [.petroCoking]),
        HistorySeries(name: "chemicals", groups: [.chemicals]),
        HistorySeries(name: "transport", groups: [.transport]),
        HistorySeries(name: "other", groups: [.other]),
    ]

    /// The default series named in `names`; an unknown name lists the accepted ones.
    public static func named(_ names: [String]) throws -> [HistorySeries] {
        try names.map { name in
            guard let s = defaults.first(where: { $0.name == name }) else {
                throw InputError(file: "command line", keyPath: "--series", message: "unknown series '\(name)'",
                                 accepted: defaults.map(\.name).joined(separator: ", "),
                                 suggestion: didYouMean(name, in: defaults.map(\.name)))
            }
            return s
        }
    }
}
