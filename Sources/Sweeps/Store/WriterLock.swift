import Foundation
import Scenarios
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time per sweep database: an exclusive `flock` on the file, held while a sweep writes it, so that a
/// second `sweep --resume` of the same database is refused at once instead of failing later on a run stored twice.
/// The lock goes with the process: a killed sweep leaves none behind. (SQLite's own locks are per transaction.)
public final class WriterLock {
    private let descriptor: Int32

    public init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot open the database to lock it for writing", accepted: "a readable file in a writable folder")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw InputError(file: path, message: "another sweep is writing this database now",
                             accepted: "one sweep per database at a time: wait for it to finish (--resume then completes what is missing), or write to another --db")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
