/// The industrial products the model tracks in physical units (Mt/yr).
public enum Product: Int, CaseIterable, Sendable {
    case steel, aluminium, alumina, clinker, coke, ferroalloy, carbide, coalChemicals

    public var key: String {
        switch self {
        case .steel: return "steel"
        case .aluminium: return "aluminium"
        case .alumina: return "alumina"
        case .clinker: return "clinker"
        case .coke: return "coke"
        case .ferroalloy: return "ferroalloy"
        case .carbide: return "carbide"
        case .coalChemicals: return "coal_chemicals"
        }
    }

    /// The product's name as Chinese statistics write it.
    public var nameZH: String {
        switch self {
        case .steel: return "粗钢"
        case .aluminium: return "电解铝"
        case .alumina: return "氧化铝"
        case .clinker: return "水泥熟料"
        case .coke: return "焦炭"
        case .ferroalloy: return "铁合金"
        case .carbide: return "电石"
        case .coalChemicals: return "煤化工"
        }
    }

    /// Other Chinese names plans and statistics use for the product (钢铁 for crude steel, 水泥 for clinker), so a
    /// key written that way is understood.
    public var otherNamesZH: [String] {
        switch self {
        case .steel: return ["钢铁", "钢"]
        case .aluminium: return ["铝"]
        case .clinker: return ["水泥", "熟料"]
        case .alumina, .coke, .ferroalloy, .carbide, .coalChemicals: return []
        }
    }

    /// The CEADs sector group the product's fuel is reported in.
    public var usualGroup: SectorGroup {
        switch self {
        case .steel, .ferroalloy: return .ferrous
        case .aluminium, .alumina: return .nonferrous
        case .clinker: return .nonmetal
        case .coke: return .petroCoking
        case .carbide, .coalChemicals: return .chemicals
        }
    }
}

/// CEADs sector groups: the accounting in which the base year is split and emissions are reported.
public enum SectorGroup: Int, CaseIterable, Sendable {
    case power, ferrous, nonferrous, nonmetal, petroCoking, chemicals, transport, other

    public var key: String {
        switch self {
        case .power: return "power"
        case .ferrous: return "ferrous"
        case .nonferrous: return "nonferrous"
        case .nonmetal: return "nonmetal"
        case .petroCoking: return "petro_coking"
        case .chemicals: return "chemicals"
        case .transport: return "transport"
        case .other: return "other"
        }
    }
}

/// CEADs fuel groups (combustion). Process emissions are kept apart.
public enum Fuel: Int, CaseIterable, Sendable {
    case coal, coke, oil, gas

    public var key: String {
        switch self {
        case .coal: return "coal"
        case .coke: return "coke"
        case .oil: return "oil"
        case .gas: return "gas"
        }
    }
}

/// Energy by fuel, a fixed-size value type so the right-hand side never allocates.
public struct FuelVector: Sendable, Equatable {
    public var coal = 0.0, coke = 0.0, oil = 0.0, gas = 0.0

    public init() {}
    public init(coal: Double, coke: Double, oil: Double, gas: Double) {
        self.coal = coal; self.coke = coke; self.oil = oil; self.gas = gas
    }

    public subscript(f: Fuel) -> Double {
        get {
            switch f {
            case .coal: return coal
            case .coke: return coke
            case .oil: return oil
            case .gas: return gas
            }
        }
        set {
            switch f {
            case .coal: coal = newValue
            case .coke: coke = newValue
            case .oil: oil = newValue
            case .gas: gas = newValue
            }
        }
    }

    public var total: Double { coal + coke + oil + gas }

    @inline(__always)
    public static func * (v: FuelVector, s: Double) -> FuelVector {
        FuelVector(coal: v.coal * s, coke: v.coke * s, oil: v.oil * s, gas: v.gas * s)
    }

    @inline(__always)
    public static func + (a: FuelVector, b: FuelVector) -> FuelVector {
        FuelVector(coal: a.coal + b.coal, coke: a.coke + b.coke, oil: a.oil + b.oil, gas: a.gas + b.gas)
    }

    @inline(__always)
    public static func += (a: inout FuelVector, b: FuelVector) { a = a + b }

    /// CO2 from energy: each fuel's tce times its factor (t CO2 / tce).
    @inline(__always)
    public func emissions(_ factors: FuelVector) -> Double {
        coal * factors.coal + coke * factors.coke + oil * factors.oil + gas * factors.gas
    }

    /// Element-wise product (energy by fuel times factors by fuel).
    @inline(__always)
    public func scaled(by factors: FuelVector) -> FuelVector {
        FuelVector(coal: coal * factors.coal, coke: coke * factors.coke, oil: oil * factors.oil, gas: gas * factors.gas)
    }
}
