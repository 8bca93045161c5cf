/// A minimal SVG writer: elements with escaped text and compact numbers.
struct SVG {
    private(set) var body = ""

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Two decimals at most: enough for screen coordinates, stable in golden files.
    static func n(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    mutating func raw(_ s: String) { body += s + "\n" }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(SVG.n(x1))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(x2))\" y2=\"\(SVG.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVG.n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil, id: String? = nil) {
        let p = points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        body += "<polyline" + (id.map { " data-series=\"\(SVG.escape($0))\"" } ?? "") + " points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVG.n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " stroke-linejoin=\"round\"/>\n"
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1, id: String? = nil, pattern: String? = nil) {
        let p = points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        body += "<polygon" + (id.map { " data-series=\"\(SVG.escape($0))\"" } ?? "") + " points=\"\(p)\" fill=\"\(pattern.map { "url(#\($0))" } ?? fill)\" fill-opacity=\"\(SVG.n(opacity))\" stroke=\"\(fill)\" stroke-width=\"0.5\"/>\n"
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, id: String? = nil, stroke: String? = nil) {
        body += "<rect" + (id.map { " data-series=\"\(SVG.escape($0))\"" } ?? "") + " x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(w, 0)))\" height=\"\(SVG.n(max(h, 0)))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "/>\n"
    }

    mutating func circle(_ x: Double, _ y: Double, _ r: Double, fill: String, stroke: String = "#000000") {
        body += "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"\(SVG.n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>\n"
    }

    mutating func text(_ s: String, _ x: Double, _ y: Double, size: Double = 12, anchor: String = "start", weight: String = "normal",
                       rotate: Double? = nil, fill: String = "#222222") {
        let transform = rotate.map { " transform=\"rotate(\(SVG.n($0)) \(SVG.n(x)) \(SVG.n(y)))\"" } ?? ""
        body += "<text x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" font-size=\"\(SVG.n(size))\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>\(SVG.escape(s))</text>\n"
    }

    /// Latin fonts first, then the CJK fonts Chinese analysts have (Windows: Microsoft YaHei, SimHei; macOS:
    /// PingFang SC; Linux: Noto Sans CJK SC, Source Han Sans SC): each glyph falls through to a font that has it.
    static let fontStack = "'Noto Sans', 'Helvetica Neue', Arial, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', SimHei, sans-serif"

    func document(width: Double, height: Double, title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(SVG.n(width))" height="\(SVG.n(height))" viewBox="0 0 \(SVG.n(width)) \(SVG.n(height))" font-family="\(SVG.fontStack)">
        <title>\(SVG.escape(title))</title>
        <defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="1.5"/></pattern></defs>
        <rect width="100%" height="100%" fill="#ffffff"/>
        \(body)</svg>

        """
    }
}

/// Colours that stay apart for colour-blind readers (Okabe and Ito 2008), with dash patterns so that lines
/// also stay apart in black-and-white print.
enum Palette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#999999"]
    static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3", "4 4", "12 4 4 4", "1 2", "6 2 1 2", "3 6"]

    /// The palette's colours, then (a wedges chart has up to 14 families) the same colours half-way to white, so that
    /// no two layers of a chart share a colour.
    static func colour(_ i: Int) -> String {
        let base = colours[i % colours.count]
        guard i >= colours.count, base != "#F0E442" else { return base }
        let round = min(i / colours.count, 2)
        let rgb = stride(from: 1, to: 7, by: 2).map { Int(base.dropFirst($0).prefix(2), radix: 16)! }
        let mixed = rgb.map { $0 + (255 - $0) * round * 2 / 5 }
        return "#" + mixed.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }
    static func dash(_ i: Int) -> String? { dashes[i % dashes.count] }
}

/// Axis ticks at 1, 2 or 5 times a power of ten.
enum Ticks {
    static func nice(_ lo: Double, _ hi: Double, count: Int = 6) -> (min: Double, max: Double, step: Double) {
        var lo = lo, hi = hi
        if !(hi > lo) { hi = lo + max(abs(lo) * 0.1, 1); lo -= max(abs(lo) * 0.1, 1) * 0 }
        let raw = (hi - lo) / Double(max(count - 1, 1))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        return ((lo / step).rounded(.down) * step, (hi / step).rounded(.up) * step, step)
    }

    static func values(_ t: (min: Double, max: Double, step: Double)) -> [Double] {
        stride(from: t.min, through: t.max + t.step * 1e-9, by: t.step).map { ($0 / t.step).rounded() * t.step }
    }

    /// As many decimals as the step needs (0.25 -> 2), so every tick label is exact.
    static func label(_ v: Double, step: Double) -> String {
        var digits = 0
        while digits < 6 && abs(step * pow(10, Double(digits)) - (step * pow(10, Double(digits))).rounded()) > 1e-9 { digits += 1 }
        return NumberFormat.fixed(v, digits)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
