/// The evaluation as JSON text, written directly: Foundation's `JSONEncoder` took as long as the model run
/// for the table's 500 numbers and strings. The same keys and values as the `Codable` form (a test
/// compares the two); absent optionals are left out of objects, as `JSONEncoder` leaves them.
extension Evaluation {
    public func jsonText() -> String {
        let j = JSONText()
        j.object {
            j.key("name"); j.string(name)
            j.key("startLabel"); j.string(startLabel)
            j.key("startYear"); j.int(startYear)
            j.key("periods"); j.array(periods) { p in
                j.object {
                    j.key("label"); j.string(p.label)
                    j.key("startYear"); j.int(p.startYear)
                    j.key("endYear"); j.int(p.endYear)
                    j.key("observed"); j.bool(p.observed)
                }
            }
            j.key("rows"); j.array(rows) { r in
                j.object {
                    j.key("series"); j.string(r.series)
                    j.key("label"); j.string(r.label)
                    j.key("unit"); j.string(r.unit)
                    j.key("start"); j.string(r.start)
                    j.key("ends"); j.array(r.ends) { j.string($0) }
                    j.key("changes"); j.array(r.changes) { j.string($0) }
                    j.key("values"); j.array(r.values) { j.number($0) }
                    j.key("valuesUnit"); j.string(r.valuesUnit)
                }
            }
            j.key("targets"); j.array(targets) { t in
                j.object {
                    j.key("kind"); j.string(t.kind)
                    j.key("label"); j.string(t.label)
                    j.key("period"); j.string(t.period)
                    j.key("year"); j.int(t.year)
                    j.key("required"); j.number(t.required)
                    if let a = t.achieved { j.key("achieved"); j.number(a) }
                    j.key("passed"); j.bool(t.passed)
                    if let g = t.gap { j.key("gap"); j.number(g) }
                    j.key("requiredText"); j.string(t.requiredText)
                    j.key("achievedText"); j.string(t.achievedText)
                    j.key("gapText"); j.string(t.gapText)
                }
            }
            let h = headline
            j.key("headline"); j.object {
                if let y = h.peakYear { j.key("peakYear"); j.int(y) }
                j.key("peakValue"); j.number(h.peakValue)
                j.key("stillRising"); j.bool(h.stillRising)
                j.key("plateauStart"); j.number(h.plateauStart)
                j.key("plateauEnd"); j.number(h.plateauEnd)
                j.key("cumulativeCO2"); j.number(h.cumulativeCO2)
                j.key("cumulativeFrom"); j.int(h.cumulativeFrom)
                j.key("cumulativeTo"); j.int(h.cumulativeTo)
                if let y = h.neutralityYear { j.key("neutralityYear"); j.int(y) }
                j.key("totalCost"); j.number(h.totalCost)
                j.key("discountRate"); j.number(h.discountRate)
                j.key("lines"); j.array(h.lines) { line in j.array(line) { j.string($0) } }
            }
            j.key("shortfalls"); j.array(shortfalls) { j.string($0) }
            j.key("warnings"); j.array(warnings) { j.string($0) }
            j.key("charts"); j.object {
                for (name, svg) in charts.sorted(by: { $0.key < $1.key }) { j.key(name); j.string(svg) }
            }
        }
        return j.text
    }
}

/// JSON text built in one string: objects, arrays, escaped strings, and numbers in Swift's shortest
/// round-trip form (which JSON and JavaScript read back to the same double). Every value writes the comma
/// before it when it is not the first in its object or array; a key leaves its value none to write.
/// A class: the closures that write an object's members write into the same text.
final class JSONText {
    private(set) var text = ""
    private var first = true

    func object(_ body: () -> Void) {
        open("{")
        body()
        close("}")
    }

    func array<S: Sequence>(_ items: S, _ element: (S.Element) -> Void) {
        open("[")
        for item in items { element(item) }
        close("]")
    }

    func key(_ k: String) {
        separate()
        escaped(k)
        text += ":"
        first = true
    }

    func string(_ s: String) { separate(); escaped(s); first = false }
    func int(_ v: Int) { separate(); text += String(v); first = false }
    func bool(_ v: Bool) { separate(); text += v ? "true" : "false"; first = false }

    /// A finite number, or null.
    func number(_ v: Double?) {
        separate()
        if let v, v.isFinite { text += v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" } else { text += "null" }
        first = false
    }

    private func open(_ bracket: String) {
        separate()
        text += bracket
        first = true
    }

    private func close(_ bracket: String) {
        text += bracket
        first = false
    }

    private func separate() {
        if !first { text += "," }
    }

    private func escaped(_ s: String) {
        text += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(u)
            }
        }
        text += "\""
    }
}
