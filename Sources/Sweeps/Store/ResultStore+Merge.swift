import Foundation
import GRDB
import Scenarios

extension ResultStore {
    /// Joins shard databases into `output`. Every shard (and an existing output) must be of the same sweep:
    /// spec text, resolved scenario files, dataset and tool version; the error says which part differs. A run
    /// stored in several shards is kept once (runs are deterministic, so the copies are equal).
    public static func merge(_ shards: [String], into output: String) throws {
        guard !output.isEmpty else {
            throw InputError(file: "--output", message: "the merged database's path is empty", accepted: "a file name such as sweep.sqlite")
        }
        guard let first = shards.first else { throw InputError(file: output, message: "nothing to merge", accepted: "one or more shard databases") }
        let stores = try shards.map { try ResultStore(existing: $0, readOnly: true) }
        let reference = try stores[0].identity()
        for s in stores.dropFirst() {
            if let difference = try s.identity().difference(from: reference) {
                throw InputError(file: s.path, message: "this shard is of a different sweep than \(first): \(difference)",
                                 accepted: "shards of one sweep: the same spec, scenario files, dataset and carbonsim version")
            }
        }
        if FileManager.default.fileExists(atPath: output) {
            let existing = try ResultStore(existing: output)
            if let difference = try existing.identity().difference(from: reference) {
                throw InputError(file: output, message: "the output database holds a different sweep than \(first): \(difference)",
                                 accepted: "a new file, or one of the same sweep")
            }
        } else {
            // A consistent copy of the first shard, write-ahead log included.
            try guarded(output) {
                try stores[0].queue.writeWithoutTransaction { db in
                    try db.execute(sql: "VACUUM INTO ?", arguments: [output])
                }
            }
        }
        try guarded(output) {
            let target = try DatabaseQueue(path: output)
            for shard in shards where URL(fileURLWithPath: shard).standardizedFileURL != URL(fileURLWithPath: output).standardizedFileURL {
                try target.writeWithoutTransaction { db in
                    try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shard])
                    try db.inTransaction {
                        for table in ["runs", "run_targets", "series"] {
                            try db.execute(sql: "INSERT OR IGNORE INTO main.\(table) SELECT * FROM shard.\(table)")
                        }
                        return .commit
                    }
                    try db.execute(sql: "DETACH DATABASE shard")
                }
            }
        }
        try ResultStore(existing: output).checkpoint()
    }

    /// Writes the runs (one row per run, factors by path) and the kept series as CSV, ordered by run id.
    /// `bom`: start both files with the UTF-8 byte-order mark, so that Excel on Chinese Windows reads Chinese scenario
    /// names unmangled (as `--lang zh` CSVs do).
    public func exportCSV(runs runsPath: String, series seriesPath: String, bom: Bool = false) throws {
        try Self.guarded(path) { try queue.read { db in
            let paths = try String.fetchAll(db, sql: "SELECT path FROM factors ORDER BY position")
            var out = OutputStreamFile(path: runsPath)
            if bom { out.write("\u{FEFF}") }
            let columns = try db.columns(in: "runs").map(\.name)
            let header = columns.map { c -> String in
                if c.hasPrefix("f"), let i = Int(c.dropFirst()), i < paths.count { return paths[i] }
                return c
            }
            out.write(header.map(csvField).joined(separator: ",") + "\n")
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM runs ORDER BY run_id")
            while let row = try rows.next() { out.write(columns.indices.map { csvValue(row[$0]) }.joined(separator: ",") + "\n") }
            try out.close()

            var s = OutputStreamFile(path: seriesPath)
            if bom { s.write("\u{FEFF}") }
            let seriesColumns = try db.columns(in: "series").map(\.name)
            s.write(seriesColumns.map { $0.hasPrefix("y") ? String($0.dropFirst()) : $0 }.joined(separator: ",") + "\n")
            let seriesRows = try Row.fetchCursor(db, sql: "SELECT * FROM series ORDER BY run_id, variable")
            while let row = try seriesRows.next() { s.write(seriesColumns.indices.map { csvValue(row[$0]) }.joined(separator: ",") + "\n") }
            try s.close()
        } }
    }
}

func csvField(_ s: String) -> String {
    s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}

func csvValue(_ v: DatabaseValue) -> String {
    switch v.storage {
    case .null: return ""
    case .int64(let i): return String(i)
    case .double(let d): return "\(d)"
    case .string(let s): return csvField(s)
    case .blob: return ""
    }
}

/// A buffered text file for streaming CSV without holding it in memory.
struct OutputStreamFile {
    let path: String
    var buffer = ""
    let handle: FileHandle?
    var failure: Error?

    init(path: String) {
        self.path = path
        FileManager.default.createFile(atPath: path, contents: nil)
        handle = FileHandle(forWritingAtPath: path)
    }

    mutating func write(_ s: String) {
        buffer += s
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard let handle else { return }
        do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { failure = error }
        buffer = ""
    }

    mutating func close() throws {
        flush()
        guard let handle else { throw InputError(file: path, message: "cannot write this file") }
        try handle.close()
        if let failure { throw failure }
    }
}
