import CSQLite
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

    /// Opens (or creates) the database for a sweep. An existing database must pass SQLite's quick check,
    /// hold the expected tables, and be of the same sweep: spec text, resolved scenario files, dataset and
    /// tool version (`SweepIdentity`); otherwise the error says which part differs.
    /// `region`: the dataset's region (English and Chinese) and file, stored so that `summarize` and `plot` name the
    /// region without being told (not part of the sweep's identity).
    public init(path: String, spec: SweepSpec, datasetChecksum: String, years: [Int],
                region: (name: String, zh: String, dataset: String)? = nil) throws {
        guard !path.isEmpty else {
            throw InputError(file: "--db", message: "the database path is empty", accepted: "a file name such as sweep.sqlite")
        }
        self.path = path
        factorCount = spec.factors.count
        self.years = years
        let identity = SweepIdentity(spec: spec, datasetChecksum: datasetChecksum)
        let queue = try Self.guarded(path) { try DatabaseQueue(path: path, configuration: Self.configuration) }
        self.queue = queue
        let existing = try Self.guarded(path) { try queue.read { db in try db.tableExists("meta") } }
        if existing {
            try Self.checkIntegrity(queue, path: path)
            let stored = try Self.guarded(path) { try queue.read { db in try SweepIdentity { try Self.meta($0, db) } } }
            if let difference = identity.difference(from: stored) {
                throw InputError(file: path, message: "this database holds results of a different sweep: \(difference)",
                                 accepted: "the same spec, scenario files, dataset and carbonsim version it was created with; or a new --db file")
            }
            return
        }
        try Self.guarded(path) {
            try queue.write { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.isEmpty else {
                    throw InputError(file: path, message: "not a carbonsim sweep database (it holds other tables: \(tables.prefix(5).joined(separator: ", ")))",
                                     accepted: "a new --db file, or a database made by carbonsim sweep")
                }
                try Self.createSchema(db, factors: spec.factors.count, targets: Self.targetColumns(spec), years: years)
                let meta: [(String, String)] = [
                    ("spec_hash", identity.spec), ("scenarios_hash", identity.scenarios), ("dataset_checksum", identity.dataset),
                    ("tool_version", identity.tool), ("spec", spec.text), ("spec_file", spec.file), ("name", spec.name),
                    ("scenario_files", SweepIdentity.scenarioFiles(spec.scenarios)),
                    ("design", spec.design.rawValue), ("n", String(spec.n)), ("seed", String(spec.seed)),
                    ("run_count", String(spec.runCount)), ("point_count", String(spec.pointCount)),
                    ("scenarios", spec.scenarios.map(\.name).joined(separator: "\n")), ("keep", spec.keep.joined(separator: "\n")),
                ] + (region.map { [("region", $0.name), ("region_zh", $0.zh), ("dataset_file", $0.dataset)] } ?? [])
                for (k, v) in meta { try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [k, v]) }
                for (i, f) in spec.factors.enumerated() {
                    try db.execute(sql: "INSERT INTO factors(position, path, distribution) VALUES (?, ?, ?)",
                                   arguments: [i, f.path, "\(f.distribution)"])
                }
            }
        }
    }

    /// Opens an existing database (summaries, merges), after SQLite's quick check and a look at its tables.
    /// `readOnly` for the commands that only read (summaries, charts, the page): they never change the file, not
    /// even an empty one named by mistake.
    public init(existing path: String, readOnly: Bool = false) throws {
        guard !path.isEmpty else { throw InputError(file: "(empty path)", message: "the database path is empty") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such sweep database")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, message: "this is a folder, not a sweep database") }
        self.path = path
        let queue = try Self.guarded(path) { try DatabaseQueue(path: path, configuration: readOnly ? Self.readOnlyConfiguration : Self.configuration) }
        self.queue = queue
        try Self.checkIntegrity(queue, path: path)
        (factorCount, years) = try Self.guarded(path) {
            try queue.read { db in
                let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM factors") ?? 0
                let columns = try db.columns(in: "series").map(\.name).filter { $0.hasPrefix("y") }.compactMap { Int($0.dropFirst()) }
                return (n, columns)
            }
        }
    }

    /// The stored identity of the sweep.
    public func identity() throws -> SweepIdentity {
        try Self.guarded(path) { try queue.read { db in try SweepIdentity { try Self.meta($0, db) } } }
    }

    static func meta(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static let expectedTables = ["meta", "factors", "runs", "run_targets", "series"]

    /// SQLite's quick check and the tables a sweep database has: a damaged file is refused before anything
    /// is added to it (or read from it), with what to do.
    static func checkIntegrity(_ queue: DatabaseQueue, path: String) throws {
        try guarded(path) {
            try queue.read { db in
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                guard tables.contains("meta") else {
                    throw InputError(file: path, message: "not a carbonsim sweep database (no 'meta' table)",
                                     accepted: "a database made by carbonsim sweep or merge")
                }
                let missing = expectedTables.filter { !tables.contains($0) }
                guard missing.isEmpty else {
                    throw InputError(file: path, message: "this sweep database lacks the table(s) \(missing.joined(separator: ", ")): it is incomplete or was edited",
                                     accepted: "a database made by carbonsim sweep or merge; run the sweep again into a new --db")
                }
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                guard problems == ["ok"] else {
                    let lines = problems.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("***") }
                    throw InputError(file: path, message: "the database is damaged (SQLite quick_check: \(lines.prefix(2).joined(separator: "; ")))",
                                     accepted: "run the sweep again into a new --db; or try `sqlite3 \(path) .recover` to save what is readable")
                }
            }
        }
    }

    /// Write-ahead log with normal sync: a killed process loses nothing committed, and a commit costs
    /// no full fsync (only an operating-system crash could drop the last transactions).
    static var readOnlyConfiguration: Configuration {
        var c = Configuration()
        c.readonly = true
        return c
    }

    static var configuration: Configuration {
        var c = Configuration()
        c.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return c
    }

    static func createSchema(_ db: Database, factors: Int, targets: [String], years: [Int]) throws {
        try db.execute(sql: "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        try db.execute(sql: "CREATE TABLE factors(position INTEGER PRIMARY KEY, path TEXT NOT NULL, distribution TEXT NOT NULL)")
        let factorColumns = (0..<factors).map { "f\($0) REAL" }.joined(separator: ", ")
        let co2 = RunResult.headlineYears.map { "co2_gross_\($0) REAL" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE runs(run_id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, \(factorColumns),
              status TEXT NOT NULL, error TEXT, peak_year INTEGER, peak_value REAL, cumulative_co2 REAL,
              neutrality_year INTEGER, \(co2), co2_net_end REAL, targets_met INTEGER, targets_total INTEGER\(targets.map { ", \($0) INTEGER" }.joined()))
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
        try Self.guarded(path) { try queue.writeWithoutTransaction { db in _ = try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
    }

    /// Run ids already stored among `count` runs, as a bitset: what a resume skips.
    func storedRuns(of count: Int) throws -> StoredRuns {
        try Self.guarded(path) { try queue.read { db in
            var runs = StoredRuns(count: count)
            let cursor = try Int.fetchCursor(db, sql: "SELECT run_id FROM runs")
            while let r = try cursor.next() {
                if r >= 0 && r < count { runs.insert(r) }
            }
            return runs
        } }
    }

    /// Run ids already stored.
    public func storedRuns() throws -> Set<Int> {
        try Self.guarded(path) { try queue.read { db in
            var runs = Set<Int>()
            let cursor = try Int.fetchCursor(db, sql: "SELECT run_id FROM runs")
            while let r = try cursor.next() { runs.insert(r) }
            return runs
        } }
    }

    public func count() throws -> Int {
        try Self.guarded(path) { try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 } }
    }

    /// The series the sweep kept, in the spec's order.
    public func keptSeries() throws -> [String] {
        (try meta("keep") ?? "").split(separator: "\n").map(String.init)
    }

    public func meta(_ key: String) throws -> String? {
        try Self.guarded(path) { try queue.read { db in try Self.meta(key, db) } }
    }

    /// A chunk turned into statement arguments: built by the worker that ran it, so the committing
    /// thread only executes statements.
    public struct PreparedChunk: Sendable {
        let runs: [[DatabaseValue]]
        let targets: [[DatabaseValue]]
        let series: [[DatabaseValue]]
        public let count: Int
        public let failed: Int
    }

    /// Statement arguments for a chunk of results, in the schema's column order.
    public static func prepare(_ results: [RunResult], keep: [String], targetColumns: [String]) -> PreparedChunk {
        var runs: [[DatabaseValue]] = [], targets: [[DatabaseValue]] = [], series: [[DatabaseValue]] = []
        runs.reserveCapacity(results.count)
        for r in results {
            var row: [DatabaseValue] = [r.run.databaseValue, r.scenario.databaseValue]
            row += r.factors.map(\.databaseValue)
            row += [(r.error == nil ? "ok" : "failed").databaseValue, r.error.databaseValue, r.peakYear.databaseValue,
                    r.peakValue.databaseValue, r.cumulativeCO2.databaseValue, r.neutralityYear.databaseValue]
            let co2 = r.co2.isEmpty ? Array(repeating: nil, count: RunResult.headlineYears.count + 1) : r.co2
            row += co2.map(\.databaseValue)
            row += [r.targets.filter(\.passed).count.databaseValue, r.targets.count.databaseValue]
            var passed = [String: Bool]()
            for t in r.targets { passed[Self.targetColumn(t.kind, year: t.year)] = t.passed }
            row += targetColumns.map { c in passed[c].map { ($0 ? 1 : 0).databaseValue } ?? .null }
            runs.append(row)
            for t in r.targets {
                targets.append([r.run.databaseValue, t.kind.rawValue.databaseValue, t.year.databaseValue, t.required.databaseValue,
                                t.achieved.databaseValue, (t.passed ? 1 : 0).databaseValue])
            }
            for (name, values) in zip(keep, r.series) {
                series.append([r.run.databaseValue, name.databaseValue] + values.map { $0.isFinite ? $0.databaseValue : .null })
            }
        }
        return PreparedChunk(runs: runs, targets: targets, series: series, count: results.count,
                             failed: results.filter { $0.error != nil }.count)
    }

    /// Writes one prepared chunk in one transaction.
    public func write(_ chunk: PreparedChunk) throws {
        try Self.guarded(path) { try queue.write { db in
            let marks = { (n: Int) in "(" + Array(repeating: "?", count: n).joined(separator: ", ") + ")" }
            for (table, rows) in [("runs", chunk.runs), ("run_targets", chunk.targets), ("series", chunk.series)] {
                guard let first = rows.first else { continue }
                let statement = try db.cachedStatement(sql: "INSERT INTO \(table) VALUES " + marks(first.count))
                for row in rows { try Self.insert(row, with: statement, db) }
            }
        } }
    }

    /// Binds a row straight into the prepared statement and steps it: GRDB's argument wrapping costs more
    /// than the insert itself on this path.
    static func insert(_ row: [DatabaseValue], with statement: Statement, _ db: Database) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (i, value) in row.enumerated() {
            let index = Int32(i + 1)
            switch value.storage {
            case .null: sqlite3_bind_null(handle, index)
            case .int64(let v): sqlite3_bind_int64(handle, index, v)
            case .double(let v): sqlite3_bind_double(handle, index, v)
            case .string(let v): sqlite3_bind_text(handle, index, v, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            case .blob: sqlite3_bind_null(handle, index)
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    /// Column of a target in `runs`: kind, and year where the kind has several (intensity cuts, caps, shares).
    public static func targetColumn(_ kind: TargetCheck.Kind, year: Int) -> String {
        kind.isWholeRun ? "target_\(kind.rawValue)" : "target_\(kind.rawValue)_\(year)"
    }

    /// Target columns of a spec: every target any base scenario sets.
    public static func targetColumns(_ spec: SweepSpec) -> [String] {
        var columns = Set<String>()
        for s in spec.scenarios {
            let t = s.targets
            if t.peakYear != nil { columns.insert(targetColumn(.peakYear, year: 0)) }
            if t.peakCeiling != nil { columns.insert(targetColumn(.peakCeiling, year: 0)) }
            if t.neutralityYear != nil { columns.insert(targetColumn(.neutralityYear, year: 0)) }
            for n in t.energyIntensityCut.keys { columns.insert(targetColumn(.energyIntensityCut, year: PlanPeriod(number: n).endYear)) }
            for n in t.co2IntensityCut.keys { columns.insert(targetColumn(.co2IntensityCut, year: PlanPeriod(number: n).endYear)) }
            for y in t.energyCap.keys { columns.insert(targetColumn(.energyCap, year: y)) }
            for y in t.nonFossilShare.keys { columns.insert(targetColumn(.nonFossilShare, year: y)) }
        }
        return columns.sorted()
    }

}
