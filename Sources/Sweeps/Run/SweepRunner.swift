import Foundation
import Simulator

/// Runs a sweep on `jobs` threads and streams the results into a store.
///
/// The runs to do (all, or a shard's, less those already stored) are cut into fixed chunks in run order.
/// Workers take chunks in order; the calling thread commits finished chunks strictly in order, one
/// transaction each. The store's content therefore does not depend on the number of jobs, memory holds
/// at most a few chunks whatever n is, and a kill at any moment leaves whole chunks behind for a resume.
/// A stop asked for (`shouldStop`, Ctrl-C) ends each chunk at the run in progress and stores every finished run.
public struct SweepRunner: Sendable {
    public struct Progress: Sendable {
        public let done: Int
        public let total: Int
        public let failed: Int
        public let elapsed: Double
    }

    public let plan: SweepPlan
    public let jobs: Int
    /// More threads than this only contend (and 2 x jobs + 1 chunks in flight would overflow).
    public static let maximumJobs = 256
    public var chunkSize = 256
    /// For tests: stop after committing this many chunks, as a kill would.
    public var stopAfterChunks: Int?

    public init(plan: SweepPlan, jobs: Int) {
        self.plan = plan
        self.jobs = min(max(1, jobs), SweepRunner.maximumJobs)
    }

    /// Once this says so (Ctrl-C), no run starts: the runs finished by then are stored, the rest left to a resume.
    public var shouldStop: @Sendable () -> Bool = { false }

    /// Does the runs of the shard that are not in the store yet. Returns how many ran now.
    @discardableResult
    public func run(into store: ResultStore, shard: (index: Int, count: Int) = (0, 1),
                    progress: ((Progress) -> Void)? = nil) throws -> Int {
        // The shard's runs in order, cut into chunks computed on demand; stored runs (a resume) are skipped
        // through a bitset that grows with the stored runs (nothing up front for a fresh sweep).
        let plan = self.plan, shouldStop = self.shouldStop
        let stored = try store.storedRuns(of: plan.runCount)
        let shardRuns = plan.runs(shard: shard.index, of: shard.count)
        let inShard = shardRuns.underestimatedCount
        let total = inShard - shardRuns.filter { stored.contains($0) }.count
        let size = chunkSize, chunkCount = (inShard + size - 1) / size
        let chunk = { @Sendable (c: Int) -> [Int] in
            let first = shard.index + c * size * shard.count
            let last = min(first + size * shard.count, plan.runCount)
            return stride(from: first, to: last, by: shard.count).filter { !stored.contains($0) }
        }
        /// A chunk's runs up to a stop: the finished ones.
        @Sendable func results(_ c: Int, _ worker: SweepWorker) -> [RunResult] {
            var out: [RunResult] = []
            for run in chunk(c) {
                if shouldStop() { break }
                out.append(worker.run(run))
            }
            return out
        }
        let state = SharedState(chunks: chunkCount, window: 2 * jobs + 1)
        let start = Date()
        let keep = plan.spec.keep, targetColumns = ResultStore.targetColumns(plan.spec)

        // One job: everything on this thread, so --jobs 1 uses one core.
        if jobs == 1 {
            let worker = try SweepWorker(plan: plan)
            var done = 0, failed = 0
            for c in 0..<chunkCount {
                let prepared = ResultStore.prepare(results(c, worker), keep: keep, targetColumns: targetColumns)
                try store.write(prepared)
                done += prepared.count
                failed += prepared.failed
                progress?(Progress(done: done, total: total, failed: failed, elapsed: Date().timeIntervalSince(start)))
                if let stop = stopAfterChunks, c + 1 >= stop { break }
                if shouldStop() { break }
            }
            try store.checkpoint()
            return done
        }

        var threads: [Thread] = []
        for _ in 0..<min(jobs, max(chunkCount, 1)) {
            let thread = Thread {
                liveWorkers.add(1)
                defer {
                    liveWorkers.add(-1)
                    state.workerExited()
                }
                do {
                    let worker = try SweepWorker(plan: plan)
                    while !shouldStop(), let c = state.take() {
                        state.finish(c, ResultStore.prepare(results(c, worker), keep: keep, targetColumns: targetColumns))
                    }
                    state.stopTaking()
                } catch {
                    state.fail(error)
                }
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }

        var done = 0, failed = 0, committed = 0
        do {
            for c in 0..<chunkCount {
                guard let prepared = state.next(c) else { break }
                try store.write(prepared)
                done += prepared.count
                failed += prepared.failed
                committed += 1
                progress?(Progress(done: done, total: total, failed: failed, elapsed: Date().timeIntervalSince(start)))
                if let stop = stopAfterChunks, committed >= stop { break }
            }
        } catch {
            // A write failed (disk full, locked, damaged): stop the workers and wait for every one of them
            // before reporting, so no thread is left running.
            state.abort()
            state.waitForWorkers(threads.count)
            throw error
        }
        state.abort()
        state.waitForWorkers(threads.count)
        if let error = state.error { throw error }
        try store.checkpoint()
        return done
    }
}

/// Worker threads of all sweeps running now (for tests: none is left once `run` returns or throws).
let liveWorkers = WorkerCount()

final class WorkerCount: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add(_ d: Int) { lock.lock(); n += d; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// Hand-off between the workers and the committing thread: chunk numbers to take, finished chunks to
/// commit. Workers never run more than `window` chunks ahead of the commits.
private final class SharedState: @unchecked Sendable {
    let condition = NSCondition()
    let chunks: Int
    let window: Int
    var nextToTake = 0
    var nextToCommit = 0
    var finished: [Int: ResultStore.PreparedChunk] = [:]
    var stopped = false
    var takingStopped = false
    var exited = 0
    var error: Error?

    init(chunks: Int, window: Int) {
        self.chunks = chunks
        self.window = window
    }

    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextToTake < chunks && nextToTake - nextToCommit >= window { condition.wait() }
        guard !stopped, !takingStopped, nextToTake < chunks else { return nil }
        nextToTake += 1
        return nextToTake - 1
    }

    func finish(_ c: Int, _ results: ResultStore.PreparedChunk) {
        condition.lock()
        finished[c] = results
        condition.broadcast()
        condition.unlock()
    }

    /// The results of chunk c once a worker has finished it; nil if the run was stopped.
    func next(_ c: Int) -> ResultStore.PreparedChunk? {
        condition.lock()
        defer { condition.unlock() }
        // Once taking has stopped (a stop asked for), a chunk no worker took never comes.
        while finished[c] == nil && !stopped && !(takingStopped && c >= nextToTake) { condition.wait() }
        guard let r = finished.removeValue(forKey: c) else { return nil }
        nextToCommit = c + 1
        condition.broadcast()
        return r
    }

    /// A worker saw the stop: no chunk is taken any more.
    func stopTaking() {
        condition.lock()
        takingStopped = true
        condition.broadcast()
        condition.unlock()
    }

    func fail(_ e: Error) {
        condition.lock()
        error = error ?? e
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func workerExited() {
        condition.lock()
        exited += 1
        condition.broadcast()
        condition.unlock()
    }

    func abort() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers(_ n: Int) {
        condition.lock()
        while exited < n { condition.wait() }
        condition.unlock()
    }
}

/// Which runs a database already holds, as a bitset over all runs of the sweep.
struct StoredRuns: Sendable {
    /// Grown as runs are inserted: a fresh sweep of a billion runs allocates nothing up front.
    private var bits: [UInt64] = []
    let count: Int

    init(count: Int) { self.count = count }

    mutating func insert(_ r: Int) {
        guard r >= 0 && r < count else { return }
        let word = r >> 6
        if word >= bits.count { bits += Array(repeating: 0, count: max(word + 1 - bits.count, bits.count)) }
        bits[word] |= 1 << UInt64(r & 63)
    }

    func contains(_ r: Int) -> Bool {
        let word = r >> 6
        return r >= 0 && word < bits.count && bits[word] & (1 << UInt64(r & 63)) != 0
    }
}
