import Foundation

/// Reads an input file as text: the one place scenario, dataset, sweep spec and optimisation spec files
/// are read. What goes wrong is said in words: a folder given as a file, a file that cannot be read, a
/// file that is not UTF-8 (where the first bad byte is, and whether it looks like GBK/GB18030, the
/// Chinese Windows default, or UTF-16).
/// `what` names the file's role in the error ("scenario file", "dataset", "sweep spec").
public func readInputFile(_ url: URL, displayName: String? = nil, what: String = "file") throws -> String {
    let name = displayName ?? url.path
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw InputError(file: name, message: noSuchFile(url.path, what: what), accepted: "the path of an existing \(what)")
    }
    guard !isDirectory.boolValue else {
        throw InputError(file: name, message: "this is a folder, not a \(what)", accepted: "the path of a file inside it")
    }
    guard fm.isReadableFile(atPath: url.path) else {
        throw InputError(file: name, message: "cannot read the \(what): permission denied", accepted: "a file you can read (check its permissions)")
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        throw InputError(file: name, message: "cannot read the \(what): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
    }
    return try decodeUTF8(data, file: name)
}

/// "no such <what>", or, for a symbolic link whose target is missing (a folder copied without following links, as
/// `cp -r` copies the repository's scenarios/ links), what it points to and how to copy the files themselves.
public func noSuchFile(_ path: String, what: String) -> String {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return "no such \(what)" }
    return "no such \(what): it is a symbolic link to '\(target)', which does not exist (copied without following links? `cp -rL` copies the files themselves)"
}

/// The text of `data` as UTF-8 (a byte-order mark is dropped), or an error that says where the first byte
/// that is not UTF-8 sits and what the encoding probably is.
public func decodeUTF8(_ data: Data, file: String) throws -> String {
    let bytes = [UInt8](data)
    // Files carbonsim writes, given back where a YAML file goes: said as what they are, not as bad UTF-8.
    if bytes.starts(with: Array("SQLite format 3\0".utf8)) {
        throw InputError(file: file, message: "this is an SQLite database (a sweep's results), not a YAML file",
                         accepted: "carbonsim summarize or plot reads a sweep database; this command reads a YAML file")
    }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        throw InputError(file: file, message: "this is a zip archive (an Excel workbook .xlsx, for instance), not a YAML file",
                         accepted: "the YAML file (a workbook is an output; carbonsim does not read one back)")
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
        throw InputError(file: file, message: "this file is UTF-16, not UTF-8", accepted: "save it as UTF-8 (in most editors: Save As, encoding UTF-8)")
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if let bad = firstInvalidUTF8(body) {
        let offset = bad + (body.count == bytes.count ? 0 : 3)
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        let hex = String(format: "0x%02X", bytes[offset])
        let guess = looksLikeGBK(body)
            ? "this looks like GBK (GB18030), the Chinese Windows default: save it as UTF-8"
            : "save it as UTF-8"
        // The key of the line, read from the text with the bad bytes replaced: the place, not the values, is wanted.
        let keyPath = YAMLNode.keyPath(ofLine: line, in: String(decoding: body, as: UTF8.self))
        throw InputError(file: file, line: line, column: column, keyPath: keyPath,
                         message: "the file is not UTF-8: byte \(hex) at offset \(offset) (line \(line), column \(column)) is not valid UTF-8",
                         accepted: guess)
    }
    return String(decoding: body, as: UTF8.self)
}

/// Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
    var i = 0
    while i < b.count {
        let c = b[i]
        let length: Int, low: UInt8, high: UInt8
        switch c {
        case 0x00...0x7F: i += 1; continue
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return i
        }
        guard i + length <= b.count, (low...high).contains(b[i + 1]) else { return i }
        for k in 2..<max(2, length) where !(0x80...0xBF).contains(b[i + k]) { return i }
        i += length
    }
    return nil
}

/// Whether the bytes read as GBK / GB18030 double-byte text: every byte above 0x7F opens a pair with a
/// lead byte 0x81-0xFE and a trail byte 0x40-0xFE (not 0x7F), or a GB18030 four-byte sequence.
func looksLikeGBK(_ b: [UInt8]) -> Bool {
    var i = 0, pairs = 0
    while i < b.count {
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        guard (0x81...0xFE).contains(c), i + 1 < b.count else { return false }
        let t = b[i + 1]
        if (0x30...0x39).contains(t) {
            // Four bytes: lead, digit, lead, digit.
            guard i + 3 < b.count, (0x81...0xFE).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]) else { return false }
            i += 4
        } else {
            guard (0x40...0xFE).contains(t), t != 0x7F else { return false }
            i += 2
        }
        pairs += 1
    }
    return pairs > 0
}
