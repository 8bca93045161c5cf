import Dispatch
import Foundation

/// Ctrl-C (or Slurm's SIGTERM) during a sweep: the first stops it after the runs in progress and stores every
/// finished run, so that `--resume` loses nothing; a second one stops at once (what is committed stays).
final class SweepInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Int32?
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.receive(number) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    var isRequested: Bool { received != nil }

    /// The first signal received (SIGINT or SIGTERM), for the exit status 128 + its number.
    var received: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }

    private func receive(_ number: Int32) {
        lock.lock()
        let again = first != nil
        if first == nil { first = number }
        lock.unlock()
        if again { Foundation.exit(128 + number) }
    }
}
