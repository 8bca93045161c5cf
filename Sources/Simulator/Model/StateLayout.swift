/// A state's name and unit, for outputs and error messages.
public struct StateDeclaration: Sendable, Equatable {
    public let name: String
    public let unit: String

    public init(_ name: String, _ unit: String) {
        self.name = name
        self.unit = unit
    }
}

/// The state vector, laid out from the components' declarations: each component reserves its states and
/// gets its offset, so no offset is counted by hand.
struct StateLayout {
    private(set) var states: [StateDeclaration] = []

    var count: Int { states.count }

    /// Reserves `declared` at the end of the vector and returns the offset of the first.
    mutating func reserve(_ declared: [StateDeclaration]) -> Int {
        let offset = states.count
        states += declared
        return offset
    }
}

/// A value the base-year split sets once, after the component that reads it is built: kept in memory the
/// component owns, so the right-hand side reads it without reference counting or exclusivity checks.
struct BaseValue<T> {
    let storage: UnsafeMutableBufferPointer<T>

    init(_ initial: T, count: Int = 1) {
        storage = zeroBuffer(max(count, 1), initial)
    }

    @inline(__always) var value: T {
        get { storage[0] }
        nonmutating set { storage[0] = newValue }
    }

    @inline(__always) subscript(i: Int) -> T {
        get { storage[i] }
        nonmutating set { storage[i] = newValue }
    }

    func deallocate() { storage.deallocate() }
}
