/// One row of an observations file: a published figure with what it covers and where it comes from.
public struct Observation: Sendable {
    public enum Confidence: String, Sendable, CaseIterable {
        /// A statistical bulletin or an official table.
        case high
        /// A secondary report of an official figure.
        case medium
        /// Inferred, or the origin is unclear.
        case low
    }

    /// How the figure is set against the model.
    public enum Use: Sendable, Equatable {
        /// Compared with the model's value: the error counts in the statistics. `conversion` names any
        /// conversion beyond units (a partial-year growth taken as annual).
        case compared(conversion: String?)
        /// The model's annual, whole-region value must be at least this (a partial-year or partial-coverage
        /// total); checked, but left out of the error statistics.
        case lowerBound(reason: String)
        /// Shown with the model's value, left out of the statistics and the bounds.
        case excluded(reason: String)
    }

    public let quantity: ObservedQuantity
    public let year: Int
    /// As written in the file, in `unit`.
    public let value: Double
    public let unit: String
    public let basis: ObservationBasis
    public let source: String
    public let confidence: Confidence
    public let notes: String
    /// Line of the file it was read from.
    public let line: Int

    /// The value in the quantity's model unit.
    public var modelUnitValue: Double { value * (quantity.factor(for: unit) ?? 1) }

    /// The unit conversion, when there is one ("10^8 kWh -> TWh: x 0.1").
    public var unitConversion: String? {
        guard let f = quantity.factor(for: unit), f != 1 else { return nil }
        return "\(unit) -> \(quantity.modelUnit): x \(format(f))"
    }

    /// How this figure is used, from its quantity and basis (the rules in docs/data.md).
    public var use: Use {
        let b = basis
        if b.heldBack { return .excluded(reason: "held back by the file: its notes say why") }
        var parts: [String] = []
        switch b.period {
        case .january, .monthEnd: parts.append(b.periodName)
        case .annual, .yearEnd: break
        }
        if b.aboveDesignatedSize { parts.append("above designated size") }
        if b.gridCompany { parts.append("one grid company") }
        let partial = parts.joined(separator: ", ")
        if parts.isEmpty {
            return b.atLeast ? .lowerBound(reason: "published as 'more than': a lower bound") : .compared(conversion: nil)
        }
        switch quantity.measure {
        case .growth:
            if b.takenAsAnnual { return .compared(conversion: "growth of \(partial) taken as the annual growth of the region") }
            return .excluded(reason: "growth of \(partial) is not the annual growth (write '; taken as annual' in the basis to use it as such)")
        case .level:
            if quantity.isRatio { return .excluded(reason: "a ratio over \(partial) says nothing certain about the annual ratio") }
            if case .monthEnd = b.period, !quantity.onlyGrows {
                return .excluded(reason: "a capacity at \(b.periodName) need not be below the year-end one: units retire")
            }
            return .lowerBound(reason: "\(partial) figure: a lower bound on the annual value of the region")
        }
    }
}
