import Scenarios

/// What the server refuses, told as the command line tells input errors.
public enum ServeError {
    static func badOption(_ option: String, _ message: String, accepted: String) -> InputError {
        InputError(file: option, message: message, accepted: accepted)
    }
}
