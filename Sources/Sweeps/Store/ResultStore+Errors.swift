import Foundation
import GRDB
import Scenarios

extension ResultStore {
    /// Runs `body` and turns SQLite's errors into errors a user can act on: the database's path, what
    /// happened in words, and what to do. Everything the store does goes through here.
    static func guarded<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseError {
            throw storeError(e, path: path)
        }
    }

    /// The words for a SQLite error on the database at `path`.
    public static func storeError(_ e: DatabaseError, path: String) -> InputError {
        let detail = e.message.map { " (SQLite: \($0))" } ?? ""
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        switch e.resultCode.primaryResultCode.rawValue {
        case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
            return InputError(file: path, message: "the database is locked by another process (another sweep or merge writing it?)" + detail,
                              accepted: "wait for the other process to finish, or write to another --db")
        case 8: // SQLITE_READONLY
            return InputError(file: path, message: "the database is read-only (the file or its folder \(folder) is not writable)" + detail,
                              accepted: "a writable file and folder (check permissions), or another --db")
        case 10: // SQLITE_IOERR
            return InputError(file: path, message: "reading or writing the database failed (disk or network file system error)" + detail,
                              accepted: "check the disk; then --resume, which keeps every committed chunk")
        case 11: // SQLITE_CORRUPT
            return InputError(file: path, message: "the database is damaged (corrupt)" + detail,
                              accepted: "run the sweep again into a new --db; or try `sqlite3 \(path) .recover` to save what is readable")
        case 13: // SQLITE_FULL
            return InputError(file: path, message: "the disk is full" + detail,
                              accepted: "free space (or use --db on another disk), then --resume: every committed chunk is kept")
        case 14: // SQLITE_CANTOPEN
            return InputError(file: path, message: "cannot open the database: its folder \(folder) does not exist, is not writable, or the path is a folder" + detail,
                              accepted: "a file in an existing, writable folder")
        case 19: // SQLITE_CONSTRAINT
            return InputError(file: path, message: "a result was stored twice or does not fit the table (another process wrote the same runs, or the database does not match this sweep)" + detail,
                              accepted: "one sweep per database at a time (--resume then completes what is missing), or a new --db file for this sweep")
        case 26: // SQLITE_NOTADB
            return InputError(file: path, message: "not a carbonsim database: the file is not SQLite, or is damaged or encrypted" + detail,
                              accepted: "a database made by carbonsim sweep or merge, or a new --db file")
        default:
            return InputError(file: path, message: "SQLite error \(e.resultCode.primaryResultCode.rawValue)" + detail,
                              accepted: "a database made by carbonsim sweep or merge, on a writable disk with free space")
        }
    }
}
