/// The flows of one evaluation, as groups the steps read and write.
public enum Flow: String, CaseIterable, Sendable {
    case dualControl = "dual control", flyAshOutput = "fly-ash alumina output", industry, economy, activities
    case ccusCapacity = "CCUS capacity", power, sinks, flyAshGeneration = "fly-ash generation", accounting
    case ccusCapture = "CCUS capture", netEmissions = "net emissions"
}

/// One step of an evaluation: which component computes which flows from which others. The model runs the
/// steps in its declared order and checks at assembly that every flow a step reads was written by an earlier
/// step (the states are always readable).
public struct EvaluationStep: Sendable, Equatable {
    public enum ID: String, CaseIterable, Sendable {
        case dualControl, flyAshOutput, industry, economy, activities, ccusCapacity, power, sinks, flyAshGeneration
        case accounting, ccusCapture, netEmissions
    }

    public let id: ID
    public let reads: [Flow]
    public let writes: Flow

    public static func of(_ id: ID) -> EvaluationStep {
        switch id {
        case .dualControl: return .init(id: id, reads: [], writes: .dualControl)
        case .flyAshOutput: return .init(id: id, reads: [], writes: .flyAshOutput)
        case .industry: return .init(id: id, reads: [.dualControl, .flyAshOutput], writes: .industry)
        case .economy: return .init(id: id, reads: [.industry, .flyAshOutput], writes: .economy)
        case .activities: return .init(id: id, reads: [.economy], writes: .activities)
        case .ccusCapacity: return .init(id: id, reads: [], writes: .ccusCapacity)
        case .power: return .init(id: id, reads: [.industry, .activities, .flyAshOutput, .ccusCapacity], writes: .power)
        case .sinks: return .init(id: id, reads: [], writes: .sinks)
        case .flyAshGeneration: return .init(id: id, reads: [.power, .activities], writes: .flyAshGeneration)
        case .accounting: return .init(id: id, reads: [.industry, .flyAshOutput, .activities, .power], writes: .accounting)
        case .ccusCapture: return .init(id: id, reads: [.ccusCapacity, .accounting, .power, .activities, .industry], writes: .ccusCapture)
        case .netEmissions: return .init(id: id, reads: [.accounting, .ccusCapture, .sinks], writes: .netEmissions)
        }
    }

    /// Checks that an order computes every flow before it is read and every flow exactly once.
    public static func check(_ order: [ID]) throws {
        var written = Set<Flow>()
        for id in order {
            let step = of(id)
            if let missing = step.reads.first(where: { !written.contains($0) }) {
                throw ModelAssemblyError.readBeforeWritten(step: id.rawValue, flow: missing.rawValue)
            }
            guard written.insert(step.writes).inserted else {
                throw ModelAssemblyError.writtenTwice(step: id.rawValue, flow: step.writes.rawValue)
            }
        }
        if let absent = Flow.allCases.first(where: { !written.contains($0) }) {
            throw ModelAssemblyError.neverWritten(flow: absent.rawValue)
        }
    }
}

public enum ModelAssemblyError: Error, Equatable, CustomStringConvertible {
    case readBeforeWritten(step: String, flow: String)
    case writtenTwice(step: String, flow: String)
    case neverWritten(flow: String)

    public var description: String {
        switch self {
        case .readBeforeWritten(let step, let flow): return "model assembly: step '\(step)' reads \(flow), which no earlier step writes"
        case .writtenTwice(let step, let flow): return "model assembly: step '\(step)' writes \(flow), which an earlier step already wrote"
        case .neverWritten(let flow): return "model assembly: no step writes \(flow)"
        }
    }
}
