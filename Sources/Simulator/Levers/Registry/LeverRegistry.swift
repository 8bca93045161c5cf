/// Every lever of the "N" sector plans and "X" supporting measures, registered in one list. A lever is
/// declared once, in its own file beside this one, as a static member of `Levers`; adding one takes that
/// declaration, this line, its use in a component, and the reference implementation's mirror.
public enum Levers {}

public enum LeverRegistry {
    public static let all: [Lever] =
        Levers.capacityCut + Levers.capacityCap + Levers.deepProcessingLevers + Levers.capacityReplacementLevers + [
            Levers.clinkerSubstitution,
            Levers.carbideSlag,
            Levers.cementCapacityTransfer,
            Levers.greenHydrogen,
            Levers.steelEquipmentUpgrade,
            Levers.efficiencyBenchmark,
            Levers.greenEntry,
            Levers.flyAshAlumina,
            Levers.wind,
            Levers.solar,
            Levers.coalHeatRate,
            Levers.coalRetirement,
            Levers.newLoad,
            Levers.storage,
            Levers.dedicatedExport,
            Levers.buildingsElectrification,
            Levers.transportElectrification,
            Levers.ccus,
            Levers.sinks,
            Levers.ladderPricing,
        ]

    static let positions: [String: Int] = {
        var p: [String: Int] = [:]
        for (i, l) in all.enumerated() {
            precondition(p[l.path] == nil, "lever \(l.path) is registered twice")
            p[l.path] = i
        }
        return p
    }()

    public static func lever(_ path: String) -> Lever? { positions[path].map { all[$0] } }

    static func position(of lever: Lever) -> Int {
        guard let i = positions[lever.path] else { preconditionFailure("lever \(lever.path) is not registered") }
        return i
    }
}
