/// A number that is not finite where an output needs one: an error naming the quantity and the year, so that
/// no NaN or infinity reaches a table, a file or a database.
public struct NonFiniteOutputError: Error, CustomStringConvertible, Equatable {
    public let quantity: String
    public let year: Int
    public let value: Double

    public var description: String {
        "the model produced \(value) for \(quantity) in \(year): the inputs take it outside what it can compute (check the scenario's assumptions and levers)"
    }
}

extension Trajectory {
    /// Series that are not finite by design where they do not apply (no energy cap before its first year).
    static let mayBeMissing: Set<String> = ["energy_cap"]

    /// Throws for the first non-finite annual value, in year then catalog order.
    public func checkFinite() throws {
        let n = names.count
        for (i, year) in years.enumerated() {
            for j in 0..<n where !values[i * n + j].isFinite && !Self.mayBeMissing.contains(names[j]) {
                throw NonFiniteOutputError(quantity: names[j], year: year, value: values[i * n + j])
            }
        }
    }
}

extension CostModel {
    /// Throws for the first non-finite annual cost.
    public func checkFinite() throws {
        for family in Self.families {
            for (i, v) in annual[family]!.enumerated() where !v.isFinite {
                throw NonFiniteOutputError(quantity: "cost of \(family)", year: years[i], value: v)
            }
        }
    }
}
