import Simulator

/// Observed year-end wind and solar capacity (GW), and how history mode puts it into the wind and solar levers.
/// Everything history mode does to capacities is here, so that new capacity levers (storage, a coal fleet
/// pipeline) join in one place.
///
/// Split rule: where only the wind + solar total is observed, it is split in the wind share of the last
/// earlier year in which both were observed (the first later year if none is earlier); a year with its own
/// wind or solar figure gives the other as the total less it. Without any year observing both, the total
/// is split in the dataset's base-year shares.
public struct CapacityHistory: Sendable, Equatable {
    public let wind: [Int: Double]
    public let solar: [Int: Double]
    public let total: [Int: Double]

    public init(wind: [Int: Double], solar: [Int: Double], total: [Int: Double]) {
        self.wind = wind
        self.solar = solar
        self.total = total
    }

    public var years: [Int] { Array(Set(wind.keys).union(solar.keys).union(total.keys)).sorted() }
    /// Years with the new-energy total and neither part: their wind and solar are a split by shares, not observed.
    public var totalOnlyYears: [Int] { total.keys.filter { wind[$0] == nil && solar[$0] == nil }.sorted() }

    /// The years whose wind share splits the total-only years (the last earlier year observing both, else the first
    /// later one); empty when no year observes both (the base year's shares split them).
    public var shareYears: [Int] {
        let both = years.filter { wind[$0] != nil && solar[$0] != nil }
        return Array(Set(totalOnlyYears.compactMap { year in both.last { $0 < year } ?? both.first })).sorted()
    }

    /// Year-end wind and solar capacity by year, the totals split by the rule above.
    public func split(baseWind: Double, baseSolar: Double) -> (wind: [Int: Double], solar: [Int: Double]) {
        var w = wind, s = solar
        let both = years.filter { wind[$0] != nil && solar[$0] != nil }
        for (year, t) in total.sorted(by: { $0.key < $1.key }) {
            switch (wind[year], solar[year]) {
            case (nil, nil):
                let reference = both.last { $0 < year } ?? both.first
                let share = reference.map { wind[$0]! / (wind[$0]! + solar[$0]!) } ?? baseWind / (baseWind + baseSolar)
                w[year] = t * share
                s[year] = t * (1 - share)
            case (let v?, nil): s[year] = t - v
            case (nil, let v?): w[year] = t - v
            default: break
            }
        }
        return (w, s)
    }

    /// The lever setting with the observed capacities as its milestones through the last observed year and
    /// the scenario's own milestones after it, so the scenario acts from the year after: a `path` from the
    /// year after the base year. `setting` is the scenario's (nil: the baseline trend, which continues after the
    /// last observed year). A scenario that starts after the last observed year keeps the trend until its start.
    /// Milestones at or before the last observed year are superseded by history; `superseded` says which. A
    /// later milestone below the last observed capacity cannot take it down (these levers only build): in a setting
    /// that began by the last observed year it is raised to it, and `raised` says which (solve and optimize search
    /// ranges may start below history); a setting that starts later keeps it, and the teardown check refuses it.
    /// For a delta, `superseded` and `raised` hold its own milestones and `inherited` those of the setting it extends
    /// (told at that setting's line, not the delta's).
    static func merging(_ setting: LeverSetting?, lever: Lever, observed: [Int: Double], baseYear: Int,
                        rate: Double, parameters p: ModelParameters)
        -> (setting: LeverSetting, superseded: [Int], raised: [Int], inherited: (superseded: [Int], raised: [Int]))? {
        guard let last = observed.keys.max() else { return nil }
        if let setting, setting.form == .delta {
            // A delta is added to what it extends as history runs it (observed, then its later milestones), and
            // moves only after history: its milestones at or before N are superseded, the later ones ramp from
            // nothing at the start of N + 1 (or its own later start). A delta of 0 is the extended scenario.
            let over: LeverSetting?
            switch setting.over {
            case .baseline: over = nil
            case .setting(let b): over = b
            }
            guard let (base, superseded, raised, inherited) = merging(over, lever: lever, observed: observed, baseYear: baseYear,
                                                                      rate: rate, parameters: p) else { return nil }
            let later = setting.milestones.filter { $0.year > last }
            let own = setting.milestones.filter { $0.year <= last }.map(\.year)
            let extended = (Array(Set(superseded + inherited.superseded)).sorted(), Array(Set(raised + inherited.raised)).sorted())
            guard !later.isEmpty else { return (base, own, [], extended) }
            let delta = LeverSetting(form: .delta, start: max(setting.start, last + 1), milestones: later, over: .setting(base))
            return (delta, own, [], extended)
        }
        var milestones = observed.sorted { $0.key < $1.key }.map { Milestone(year: $0.key, value: $0.value, shape: .linear) }
        var superseded: [Int] = [], raised: [Int] = []
        if let setting {
            let own = setting.milestones
            superseded = own.filter { $0.year <= last }.map(\.year)
            let floor = observed[last]!
            // Raised only in a setting that began by the last observed year (a plan written before the data came in);
            // one that starts after it is wholly a projection, and below what is installed there it is the teardown
            // it would be without history (an error naming the installed capacity).
            let raises = setting.start <= last
            let later = own.filter { $0.year > last }.map { m in
                guard raises, m.value < floor else { return m }
                raised.append(m.year)
                return Milestone(year: m.year, value: floor, shape: m.shape)
            }
            if let first = later.first, setting.start - 1 > last, setting.start - 1 < first.year {
                milestones.append(Milestone(year: setting.start - 1, value: observed[last]! + rate * Double(setting.start - 1 - last)))
            }
            milestones += later
        }
        return (LeverSetting(form: .path, start: baseYear + 1, milestones: milestones), superseded, raised, ([], []))
    }
}

/// What history mode did to a lever's milestones (superseded by the observed capacity, or raised to it).
public struct HistoryNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable { case superseded, raised }
    public let lever: String
    public let kind: Kind
    public let message: String
    /// About the milestones of the setting a delta extends: told where that setting is written.
    public var inExtended = false

    public var description: String { "\(lever): \(message)" }
}

extension HistoryMode {
    /// The levers history follows with their observed capacities.
    public static let followedPaths: Set<String> = [Levers.wind.path, Levers.solar.path]

    /// Wind and solar levers following the observed capacities (see `CapacityHistory.merging`), with a note
    /// for each scenario milestone that history supersedes.
    /// `only` limits the merge to some of them (a sweep run re-merges the levers it varies).
    public func mergingCapacities(into levers: inout LeverSettings, scenario: [String: LeverSetting],
                                  parameters p: ModelParameters, only: Set<String>? = nil) -> [HistoryNote] {
        var notes: [HistoryNote] = []
        for (lever, observed, rate) in followed(p) where only?.contains(lever.path) ?? true {
            guard let (merged, superseded, raised, inherited) = CapacityHistory.merging(scenario[lever.path], lever: lever, observed: observed,
                                                                                baseYear: baseYear, rate: rate, parameters: p) else { continue }
            levers.set(lever, merged, parameters: p)
            let last = observed.keys.max()!, floor = observed[last]!, unit = lever.unit.rawValue
            func shown(_ v: Double) -> String { format((v * 1e4).rounded() / 1e4) }
            for (years, inExtended) in [(inherited.superseded, true), (superseded, false)] where !years.isEmpty {
                var message = "milestone\(years.count > 1 ? "s" : "") \(years.map(String.init).joined(separator: ", ")) at or before \(last) superseded by observed capacity (history mode)"
                // A setting whose every milestone history supersedes (a bare number starts and ends in 2021) does nothing.
                if !inExtended, let own = scenario[lever.path], let final = own.milestones.last, own.milestones.allSatisfy({ $0.year <= last }) {
                    let level = shown(final.value)
                    message += ": the setting has no effect, the lever follows the observed capacity, then the baseline trend. "
                    if own.form != .delta, final.value < floor {
                        message += "\(level) \(unit) is below the \(shown(floor)) \(unit) observed at the end of \(last): the lever only builds"
                    } else {
                        message += "For \(own.form == .delta ? "+" : "")\(level) \(unit) after \(last), give a later year, for example {\(own.form == .delta ? "delta" : "target"): \(level), start: \(last + 1), full: \(last + 5)}"
                    }
                }
                notes.append(HistoryNote(lever: lever.path, kind: .superseded, message: message, inExtended: inExtended))
            }
            for (years, inExtended) in [(inherited.raised, true), (raised, false)] where !years.isEmpty {
                // Told with the levels as written (a reader looks for the 100 GW they wrote, not the floor), and what
                // the lever does instead.
                let written = years.compactMap { y in Self.writtenLevel(scenario[lever.path], year: y, extended: inExtended) }
                let levels = written.count == years.count ? " of \(written.map { format(($0 * 1e4).rounded() / 1e4) }.joined(separator: ", ")) \(unit)" : ""
                // Two decimals, unless a level written would then read as not below it (127.624 against 127.62).
                let twoDecimals = (floor * 100).rounded() / 100
                let floorShown = written.contains { $0 >= twoDecimals } ? shown(floor) : format(twoDecimals)
                notes.append(HistoryNote(lever: lever.path, kind: .raised,
                                         message: "the \(years.map(String.init).joined(separator: ", ")) milestone\(years.count > 1 ? "s" : "")\(levels) \(years.count > 1 ? "are" : "is") below the \(floorShown) \(unit) observed at the end of \(last), raised to it (history mode; the lever only builds: it stays at \(floorShown) \(unit) through \(years.max()!))",
                                         inExtended: inExtended))
            }
        }
        return notes
    }

    /// The level a setting writes for a milestone year: its own, or (`extended`) that of the setting a delta extends.
    static func writtenLevel(_ setting: LeverSetting?, year: Int, extended: Bool) -> Double? {
        var s = setting
        if extended { s = s.flatMap { if case .setting(let b) = $0.over { return b } else { return nil } } }
        while let current = s {
            if let m = current.milestones.first(where: { $0.year == year }), current.form != .delta || !extended { return m.value }
            guard case .setting(let b) = current.over else { return nil }
            s = b
        }
        return nil
    }

    /// The lowest level the last milestone of `setting` may reach in history mode: what the schedule history runs
    /// (observed, then the setting's later milestones) has installed when its last move starts, so at least the
    /// last observed capacity; nil for a lever history does not follow. Solve starts its search there.
    public func minimumTarget(_ lever: Lever, _ setting: LeverSetting, parameters p: ModelParameters) -> Double? {
        guard let (_, observed, rate) = followed(p).first(where: { $0.lever.path == lever.path }),
              let merged = CapacityHistory.merging(setting, lever: lever, observed: observed, baseYear: baseYear,
                                                   rate: rate, parameters: p) else { return nil }
        return lever.minimumTarget(merged.setting, p)
    }

    /// The last year history follows `lever`'s observed capacity (a total split counts for both); nil for a lever it does
    /// not follow or without a figure. The lever acts after it whatever its own start.
    public func lastFollowedYear(_ lever: Lever) -> Int? {
        switch lever.path {
        case Levers.wind.path: return Set(capacities.wind.keys).union(capacities.total.keys).max()
        case Levers.solar.path: return Set(capacities.solar.keys).union(capacities.total.keys).max()
        default: return nil
        }
    }

    /// The lowest level a build-out lever followed by history can reach after N: its last observed capacity
    /// (file units); nil for other levers. Solve starts its search there.
    public func floor(for lever: Lever, parameters p: ModelParameters) -> Double? {
        guard let observed = followed(p).first(where: { $0.lever.path == lever.path })?.observed else { return nil }
        return observed.keys.max().map { observed[$0]! }
    }

    /// The levers history follows, each with its observed year-end capacities (the totals split) and its trend's rate.
    func followed(_ p: ModelParameters) -> [(lever: Lever, observed: [Int: Double], rate: Double)] {
        let (wind, solar) = capacities.split(baseWind: p.power.baseWind, baseSolar: p.power.baseSolar)
        return [(Levers.wind, wind, p.power.windBuildRate), (Levers.solar, solar, p.power.solarBuildRate)]
    }
}

extension Dataset {
    /// The lowest level the last milestone of `setting` may reach: what is installed when the lever's last move
    /// starts (higher where a step or logistic offset over the trend would still dip, `Lever.minimumTarget`), and in
    /// history mode what history's schedule has installed then. Optimize checks bounds against it, sweeps warn below
    /// it, solve searches from it.
    public func minimumTarget(_ lever: Lever, _ setting: LeverSetting, parameters p: ModelParameters) -> Double {
        max(lever.minimumTarget(setting, p), history?.minimumTarget(lever, setting, parameters: p) ?? -.infinity)
    }
}
