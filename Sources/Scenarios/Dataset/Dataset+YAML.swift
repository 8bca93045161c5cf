import Simulator

extension Dataset {
    /// The dataset as YAML that `Dataset.parse` reads back to the same parameters: every entry with its
    /// unit, source, estimate flag and range, nested by path in file order, then the facts. Comments of the
    /// original file are not kept; `header` lines become the new file's opening comment.
    public func yaml(header: [String]) -> String { yaml(header: header, entries: entries) }

    private func yaml(header: [String], entries: [DatasetEntry]) -> String {
        var lines = header.map { "# " + $0 }
        lines += ["region: \(quoted(region))", "region_zh: \(quoted(regionZH))",
                  "base_year: \(baseYear)", "end_year: \(endYear)"]
        if let observations { lines.append("observations: \(quoted(observations))") }
        var open: [String] = []
        for e in entries {
            let parts = e.path.split(separator: ".").map(String.init)
            let parents = Array(parts.dropLast())
            var shared = 0
            while shared < min(open.count, parents.count) && open[shared] == parents[shared] { shared += 1 }
            if shared == 0 && !parents.isEmpty && open.first != parents.first { lines.append("") }
            for depth in shared..<parents.count {
                lines.append(String(repeating: "  ", count: depth) + parents[depth] + ":")
            }
            open = parents
            lines.append(String(repeating: "  ", count: parents.count) + parts.last! + ": " + e.yamlValue)
        }
        if !facts.isEmpty {
            lines += ["", "facts:"]
            for f in facts {
                lines.append("  - {quantity: \(f.quantity), year: \(f.year), value: \(format(f.value)), unit: \(quoted(f.unit)), "
                             + "tolerance: \(format(f.tolerance)), source: \(quoted(f.source))}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A copy with each entry replaced at its path, or inserted after the last entry under its `after`
    /// path; read back once, so every value is checked as in any dataset file.
    public func setting(_ changes: [(entry: DatasetEntry, after: String)]) throws -> Dataset {
        var list = entries
        for (entry, parent) in changes {
            if let i = list.firstIndex(where: { $0.path == entry.path }) {
                list[i] = entry
            } else {
                guard let last = list.lastIndex(where: { $0.path.hasPrefix(parent + ".") }) else {
                    throw InputError(file: file, keyPath: parent, message: "no entries under '\(parent)' to add '\(entry.path)' to")
                }
                list.insert(entry, at: last + 1)
            }
        }
        return try Dataset.parse(yaml(header: [], entries: list), file: file)
    }
}

extension DatasetEntry {
    /// The entry as a YAML flow mapping (or a bare scalar for text and flags).
    var yamlValue: String {
        var fields: [String] = []
        switch value {
        case .text(let s): return quoted(s)
        case .flag(let b): return b ? "true" : "false"
        case .scalar(let v): fields.append("value: \(format(v))")
        case .series(let years, let values):
            fields.append("years: [\(years.map(format).joined(separator: ", "))]")
            fields.append("values: [\(values.map(format).joined(separator: ", "))]")
        case .fuels(let f):
            fields += Fuel.allCases.map { "\($0.key): \(format(f[$0]))" }
        }
        if !unit.isEmpty { fields.append("unit: \(quoted(unit))") }
        if estimate { fields.append("estimate: true") }
        if let r = range {
            if case .series = value { fields.append("range_scale: [\(format(r.lowerBound)), \(format(r.upperBound))]") }
            else { fields.append("range: [\(format(r.lowerBound)), \(format(r.upperBound))]") }
        }
        fields.append("source: \(quoted(source))")
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

/// A YAML double-quoted string.
func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
