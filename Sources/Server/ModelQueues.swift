import Foundation

/// Where the server runs the model: off Swift's cooperative threads, of which there are as many as cores (two here).
/// A request that runs the model for seconds (wedges: up to 2^k runs) held one of them, and two such requests held the
/// whole server: slider moves waited 20 s behind them. Moves, comparisons and workbooks run on a concurrent queue;
/// wedges one at a time on their own, so one user's wedges cannot stall the others' sliders.
enum ModelQueues {
    static let moves = DispatchQueue(label: "carbonsim.serve.moves", qos: .userInitiated, attributes: .concurrent)
    static let wedges = DispatchQueue(label: "carbonsim.serve.wedges", qos: .utility)

    /// `body` on `queue`, awaited.
    static func run<T: Sendable>(on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
