@preconcurrency import CGSL

/// A GSL failure, turned into a Swift error with the context that produced it.
public struct GSLError: Error, CustomStringConvertible, Equatable {
    /// The raw GSL status code (`GSL_EBADFUNC`, `GSL_EMAXITER`, ...).
    public let status: Int32
    /// Which GSL routine failed.
    public let function: String
    /// What carbonsim was doing, in words a user understands.
    public let context: String

    public init(status: Int32, function: String, context: String) {
        self.status = status
        self.function = function
        self.context = context
    }

    public var reason: String { String(cString: gsl_strerror(status)) }

    public var description: String {
        "GSL \(function) failed (\(reason), status \(status)): \(context)"
    }
}

/// GSL's default handler aborts the process. carbonsim turns it off once, before any GSL call,
/// so that every failure comes back as a status we can throw.
enum GSLErrorHandler {
    private static let disabled: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    static func ensureDisabled() { _ = disabled }
}

/// Checks a GSL status and throws `GSLError` unless it is `GSL_SUCCESS`.
@inline(__always)
func check(_ status: Int32, _ function: String, _ context: @autoclosure () -> String) throws {
    if status != Int32(GSL_SUCCESS) {
        throw GSLError(status: status, function: function, context: context())
    }
}
