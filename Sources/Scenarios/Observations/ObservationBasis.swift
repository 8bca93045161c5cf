/// What a published figure covers, written in the `basis` column as tags separated by ';' (for example
/// `annual`, `year-end`, `Jan-Oct; above designated size`). Exactly one tag says the period; the others
/// say what the figure leaves out. The basis decides how the figure is used: compared with the model's
/// annual value, kept as a lower bound on it, or shown but left out of the error statistics. A partial
/// figure is never compared as if it were annual.
public struct ObservationBasis: Sendable, Hashable, CustomStringConvertible {
    public enum Period: Sendable, Hashable {
        /// The calendar year (a flow's annual total, a rate over the whole year).
        case annual
        /// 31 December (a stock: installed capacity).
        case yearEnd
        /// January to the end of month `through` (2...11): the cumulative figures of monthly bulletins.
        case january(through: Int)
        /// The end of month `month` (2...11): a stock reported during the year.
        case monthEnd(month: Int)
    }

    public let period: Period
    /// Only enterprises above designated size (规模以上): small units and distributed solar are left out.
    public let aboveDesignatedSize: Bool
    /// One grid company's figures (Mengxi or Mengdong grid), not the whole region.
    public let gridCompany: Bool
    /// A partial-year growth rate declared by the file to stand for the annual growth.
    public let takenAsAnnual: Bool
    /// Published as "more than X" (超过, 以上): the true value is at least X.
    public let atLeast: Bool
    /// Published as "about X" (约, 左右) or as an expected value: compared, and marked so.
    public let approximate: Bool
    /// Kept in the record but out of every comparison and fit, for a reason the row's notes give (a figure on a
    /// basis the model cannot follow yet, or in conflict with another source).
    public let heldBack: Bool

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The accepted tags, for error messages.
    public static let acceptedTags = "annual (or Jan-Dec), Jan-Feb ... Jan-Nov (flows), year-end (or end-Dec) or end-Feb ... end-Nov (stocks): one of these, "
        + "optionally with '; above designated size', '; grid-company', '; at least', '; approximate', '; held back' and, for a partial growth rate, '; taken as annual'"

    /// The basis written as tags, or a message saying what is wrong.
    public static func parse(_ text: String) -> Result<ObservationBasis, BasisProblem> {
        let tags = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var period: Period?, ads = false, grid = false, annualised = false, atLeast = false, approximate = false, heldBack = false
        for tag in tags {
            let lower = tag.lowercased()
            var found: Period?
            switch lower {
            // January to December is the year (a bulletin's 1-12月), the end of December its end.
            case "annual", "jan-dec": found = .annual
            case "year-end", "end-dec": found = .yearEnd
            case "above designated size": ads = true
            case "grid-company": grid = true
            case "taken as annual": annualised = true
            case "at least": atLeast = true
            case "approximate": approximate = true
            case "held back": heldBack = true
            default:
                if lower.hasPrefix("jan-"), let m = months.firstIndex(where: { $0.lowercased() == lower.dropFirst(4) }), (1...10).contains(m) {
                    found = .january(through: m + 1)
                } else if lower.hasPrefix("end-"), let m = months.firstIndex(where: { $0.lowercased() == lower.dropFirst(4) }), (1...10).contains(m) {
                    found = .monthEnd(month: m + 1)
                } else {
                    return .failure(BasisProblem(message: "'\(tag)' is not a basis tag", tag: tag))
                }
            }
            if let found {
                if period != nil { return .failure(BasisProblem(message: "the basis names two periods ('\(text)'); a figure covers one", tag: nil)) }
                period = found
            }
        }
        guard let period else {
            return .failure(BasisProblem(message: "the basis names no period" + (text.isEmpty ? " (it is empty)" : " ('\(text)')"), tag: nil))
        }
        return .success(ObservationBasis(period: period, aboveDesignatedSize: ads, gridCompany: grid, takenAsAnnual: annualised,
                                         atLeast: atLeast, approximate: approximate, heldBack: heldBack))
    }

    public struct BasisProblem: Error, Sendable {
        public let message: String
        /// The unknown tag, for a did-you-mean.
        public let tag: String?
        static let tags = ["annual", "year-end", "above designated size", "grid-company", "taken as annual", "at least", "approximate", "held back"]
            + months.dropFirst().dropLast().map { "Jan-\($0)" } + months.dropFirst().dropLast().map { "end-\($0)" }
    }

    public var periodName: String {
        switch period {
        case .annual: return "annual"
        case .yearEnd: return "year-end"
        case .january(let m): return "Jan-\(Self.months[m - 1])"
        case .monthEnd(let m): return "end-\(Self.months[m - 1])"
        }
    }

    /// The tags in canonical order and spelling: two spellings of one basis are one basis (duplicates).
    public var description: String {
        ([periodName] + (aboveDesignatedSize ? ["above designated size"] : []) + (gridCompany ? ["grid-company"] : [])
            + (atLeast ? ["at least"] : []) + (approximate ? ["approximate"] : [])
            + (takenAsAnnual ? ["taken as annual"] : []) + (heldBack ? ["held back"] : [])).joined(separator: "; ")
    }

    /// Covers the whole year (or its end) and the whole region; says nothing of "at least" or "about".
    public var isComplete: Bool {
        !aboveDesignatedSize && !gridCompany && (period == .annual || period == .yearEnd)
    }

    /// Whether the period is a stock's (year-end or a month's end).
    public var isStockPeriod: Bool {
        switch period {
        case .yearEnd, .monthEnd: return true
        case .annual, .january: return false
        }
    }
}
