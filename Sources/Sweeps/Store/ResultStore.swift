import Foundation
import GRDB
import Scenarios
import Simulator

/// Sweep results in SQLite: one row per run (factors, status, headline indicators), one row per run and
/// kept series (a column per year), one row per run and target, and the spec with the tool version and
/// the dataset checksum. Writes come in chunks, one transaction each, so a kill loses at most the chunk
/// in flight and a resume finds every stored run complete.
public final class ResultStore {
    public static let toolVersion = "carbonsim 0.2.0"

    public let path: String
    let queue: DatabaseQueue
    public let factorCount: Int
    public let years: [Int]

    /// Opens (or creates) the database for a sweep. An existing database must hold the same spec.
    public init(path: String, spec: SweepSpec, datasetChecksum: String, years: [Int]) throws {
        self.path = path
        factorCount = spec.factors.count
        self.years = years
        queue = try DatabaseQueue(path: path, configuration: Self.configuration)
        let specHash = fingerprint(spec.text)
        try queue.write { db in
            if try db.tableExists("meta") {
                let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'spec_hash'")
                guard stored == specHash else {
                    throw InputError(file: path, message: "this database holds results of a different sweep spec",
                                     accepted: "the spec it was created with, or a new --db file")
                }
                return
            }
            try Self.createSchema(db, factors: spec.factors.count, keep: spec.keep, years: years)
            let meta: [(String, String)] = [
                ("spec_hash", specHash), ("spec", spec.text), ("spec_file", spec.file), ("name", spec.name),
                ("tool_version", Self.toolVersion), ("dataset_checksum", datasetChecksum),
                ("design", spec.design.rawValue), ("n", String(spec.n)), ("seed", String(spec.seed)),
                ("run_count", String(spec.runCount)), ("point_count", String(spec.pointCount)),
                ("scenarios", spec.scenarios.map(\.name).joined(separator: "\n")), ("keep", spec.keep.joined(separator: "\n")),
            ]
            for (k, v) in meta { try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [k, v]) }
            for (i, f) in spec.factors.enumerated() {
                try db.execute(sql: "INSERT INTO factors(position, path, distribution) VALUES (?, ?, ?)",
                               arguments: [i, f.path, "\(f.distribution)"])
            }
        }
    }

    /// Opens an existing database read-only (summaries) or for merging.
    public init(existing path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(file: path, message: "no such sweep database") }
        self.path = path
        queue = try DatabaseQueue(path: path, configuration: Self.configuration)
        (factorCount, years) = try queue.read { db in
            guard try db.tableExists("meta") else { throw InputError(file: path, message: "not a carbonsim sweep database") }
            let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM factors") ?? 0
            let columns = try db.columns(in: "series").map(\.name).filter { $0.hasPrefix("y") }.compactMap { Int($0.dropFirst()) }
            return (n, columns)
        }
    }

    /// Write-ahead log with normal sync: a killed process loses nothing committed, and a commit costs
    /// no full fsync (only an operating-system crash could drop the last transactions).
    static var configuration: Configuration {
        var c = Configuration()
        c.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return c
    }

    static func createSchema(_ db: Database, factors: Int, keep: [String], years: [Int]) throws {
        try db.execute(sql: "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        try db.execute(sql: "CREATE TABLE factors(position INTEGER PRIMARY KEY, path TEXT NOT NULL, distribution TEXT NOT NULL)")
        let factorColumns = (0..<factors).map { "f\($0) REAL" }.joined(separator: ", ")
        let co2 = RunResult.headlineYears.map { "co2_gross_\($0) REAL" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE runs(run_id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, \(factorColumns),
              status TEXT NOT NULL, error TEXT, peak_year INTEGER, peak_value REAL, cumulative_co2 REAL,
              neutrality_year INTEGER, \(co2), co2_net_end REAL, targets_met INTEGER, targets_total INTEGER)
            """)
        try db.execute(sql: """
            CREATE TABLE run_targets(run_id INTEGER NOT NULL, target TEXT NOT NULL, year INTEGER NOT NULL,
              required REAL NOT NULL, achieved REAL, passed INTEGER NOT NULL, PRIMARY KEY(run_id, target, year)) WITHOUT ROWID
            """)
        let yearColumns = years.map { "y\($0) REAL" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE series(run_id INTEGER NOT NULL, variable TEXT NOT NULL, \(yearColumns),
              PRIMARY KEY(run_id, variable)) WITHOUT ROWID
            """)
    }

    /// Moves the write-ahead log into the database file, so the file alone holds every result.
    public func checkpoint() throws {
        try queue.writeWithoutTransaction { db in _ = try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Run ids already stored: what a resume skips.
    public func storedRuns() throws -> Set<Int> {
        try queue.read { db in Set(try Int.fetchAll(db, sql: "SELECT run_id FROM runs")) }
    }

    public func count() throws -> Int { try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 } }

    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// Writes one chunk of results in one transaction.
    public func write(_ results: [RunResult]) throws {
        try queue.write { db in
            let factorMarks = String(repeating: ", ?", count: factorCount)
            let co2Marks = String(repeating: ", ?", count: RunResult.headlineYears.count + 1)
            let run = try db.cachedStatement(sql: """
                INSERT INTO runs VALUES (?, ?\(factorMarks), ?, ?, ?, ?, ?, ?\(co2Marks), ?, ?)
                """)
            let target = try db.cachedStatement(sql: "INSERT INTO run_targets VALUES (?, ?, ?, ?, ?, ?)")
            let series = try db.cachedStatement(sql: "INSERT INTO series VALUES (?, ?" + String(repeating: ", ?", count: years.count) + ")")
            for r in results {
                var values: [(any DatabaseValueConvertible)?] = [r.run, r.scenario]
                values += r.factors.map { $0 as (any DatabaseValueConvertible)? }
                values += [r.error == nil ? "ok" : "failed", r.error, r.peakYear, r.peakValue, r.cumulativeCO2, r.neutralityYear]
                let co2 = r.co2.isEmpty ? Array(repeating: nil, count: RunResult.headlineYears.count + 1) : r.co2
                values += co2.map { $0 as (any DatabaseValueConvertible)? }
                values += [r.targets.filter(\.passed).count, r.targets.count]
                try run.execute(arguments: StatementArguments(values))
                for t in r.targets {
                    try target.execute(arguments: [r.run, t.kind.rawValue, t.year, t.required, t.achieved, t.passed ? 1 : 0])
                }
                let keep = try keptNames(db)
                for (name, s) in zip(keep, r.series) {
                    var row: [(any DatabaseValueConvertible)?] = [r.run, name]
                    row += s.map { $0.isFinite ? $0 : nil }
                    try series.execute(arguments: StatementArguments(row))
                }
            }
        }
    }

    private var keepCache: [String]?
    private func keptNames(_ db: Database) throws -> [String] {
        if let keepCache { return keepCache }
        let names = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'keep'")?.split(separator: "\n").map(String.init) ?? []
        keepCache = names
        return names
    }
}
