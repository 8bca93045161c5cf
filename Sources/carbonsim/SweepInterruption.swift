import Dispatch
import Foundation

/// Ctrl-C (or Slurm's SIGTERM) during a sweep: the first stops it after the runs in progress and stores every
/// finished run, so that `--resume` loses nothing; a second one stops at once (what is committed stays).
final class SweepInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    private func received(_ number: Int32) {
        lock.lock()
        let again = requested
        requested = true
        lock.unlock()
        if again { Foundation.exit(128 + number) }
    }
}
