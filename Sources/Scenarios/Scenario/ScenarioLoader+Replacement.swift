import Simulator

/// What a file loses when it sets anew a lever that the scenario it extends already sets. The three cases are told
/// apart by the years the replacement changes; each warning names the replaced setting and, where one keeps it
/// exactly, the path that does.
extension ScenarioLoader {
    /// In history mode, a file that sets a lever anew over an extended scenario's setting that moves at or before N
    /// replaces that history too (a lever other than wind and solar acts in its own years): said, with how to keep it.
    func replacedHistoryWarning(_ node: YAMLNode, _ lever: Lever, _ inherited: LeverSetting, _ new: LeverSetting,
                                from source: SourcePosition?) -> InputWarning? {
        guard let n = dataset.history?.lastObservedYear, new.form != .delta, inherited.start <= n, new != inherited,
              !HistoryMode.followedPaths.contains(lever.path), let p = parameters else { return nil }
        // Quiet when the new setting runs the same through N (a path that keeps the extended milestones).
        let before = lever.schedule(inherited, p), after = lever.schedule(new, p)
        guard Self.differ(before, after, lever, p, in: inherited.start...n, at: [0.25, 0.5, 1], tolerance: 1e-9) else { return nil }
        // The extended setting through the year before the new start, then the new milestones: possible when the
        // extended setting has reached its last milestone by then.
        let hold = new.start - 1
        var kept: [Milestone]? = nil
        if inherited.form != .delta, new.start > n, let last = inherited.milestones.last, last.year <= hold {
            kept = inherited.milestones + (last.year < hold ? [Milestone(year: hold, value: last.value, shape: .linear)] : [])
        }
        return InputWarning(file: node.file, line: node.line, keyPath: lever.path,
                            message: "\(Self.replaces(source)), which moves from \(inherited.start), at or before \(n), the last observed year (history mode): \(inherited.start)-\(n) change with it. To change only later years, \(Self.way(keeping: kept, from: inherited.start, then: new, lever, reached: lever.level(before, at: Double(hold + 1).nextDown, p), startingIn: nil))")
    }

    /// In history mode wind and solar are the observed capacity through N. A setting whose every milestone is at or
    /// before N is thus superseded whole, and replacing an extended setting with it drops the extended one's later
    /// milestones (announced's 2030 wind) for the trend: said, since a file meant as "stronger" can so end up below
    /// what it extends. A setting with milestones of its own after N replaces on purpose and is not told.
    func droppedMilestonesWarning(_ node: YAMLNode, _ lever: Lever, _ inherited: LeverSetting, _ new: LeverSetting,
                                  from source: SourcePosition?) -> InputWarning? {
        guard let n = dataset.history?.lastObservedYear, HistoryMode.followedPaths.contains(lever.path),
              new.form != .delta, inherited.form != .delta, !new.milestones.contains(where: { $0.year > n }) else { return nil }
        let dropped = inherited.milestones.filter { $0.year > n }
        guard !dropped.isEmpty else { return nil }
        return InputWarning(file: node.file, line: node.line, keyPath: lever.path,
                            message: "\(Self.replaces(source)) and drops its milestones after \(n), the last observed year (\(dropped.map { "\($0.year): \(format($0.value))" }.joined(separator: ", ")) \(lever.unit.rawValue)); this file's setting has no milestone after \(n), so after \(n) the lever continues the trend. To keep them, write a delta over it")
    }

    /// A setting that starts later than the one it replaces drops that one's moves before its start: the lever falls
    /// back to its baseline in those years (a file raising announced's 2030 solar from 2028 builds less in 2026-2027
    /// than announced). Said, with the path that keeps them. Compared as the model runs them: in history mode wind and
    /// solar merged with the observed capacities, and only after N (the years through N are the observed capacity's,
    /// or `replacedHistoryWarning`'s).
    func droppedEarlyMovesWarning(_ node: YAMLNode, _ lever: Lever, _ inherited: LeverSetting, _ new: LeverSetting,
                                  from source: SourcePosition?) -> InputWarning? {
        guard new.form != .delta, new != inherited, let p = parameters else { return nil }
        let history = dataset.history
        let observed = HistoryMode.followedPaths.contains(lever.path) ? history?.followed(p).first { $0.lever.path == lever.path } : nil
        func running(_ s: LeverSetting) -> LeverSetting {
            guard let history, let observed, let merged = CapacityHistory.merging(s, lever: lever, observed: observed.observed,
                                                                                   baseYear: history.baseYear, rate: observed.rate, parameters: p)
            else { return s }
            return merged.setting
        }
        let before = lever.schedule(running(inherited), p), after = lever.schedule(running(new), p)
        // From the first move of the extended setting (of what a delta extends, too).
        let moves = lever.schedule(inherited, p).firstStart ?? inherited.start
        let first = max(moves, (history?.lastObservedYear ?? dataset.baseYear) + 1), hold = new.start - 1
        guard first <= hold, Self.differ(before, after, lever, p, in: first...hold, at: [1],
                                         tolerance: 1e-9 * max(lever.range.upperBound - lever.range.lowerBound, 1)) else { return nil }
        let years = first == hold ? "\(first)" : "\(first)-\(hold)"
        let level = (lever.level(before, at: Double(hold + 1).nextDown, p) * 1e6).rounded() / 1e6
        // Its milestones in the window, its level at the end of the year before the new start, then the new milestones:
        // the same years exactly, unless a logistic ramp runs past that year (cut there, it would bend otherwise).
        let extended = running(inherited)
        let cutLogistic = before.ramps.contains { $0.start <= hold && $0.full > hold && $0.shape == .logistic }
        var kept: [Milestone]? = nil
        if inherited.form != .delta, !cutLogistic {
            kept = extended.milestones.filter { $0.year >= first && $0.year < hold }
                + [Milestone(year: hold, value: level, shape: extended.milestones.first { $0.year >= hold }?.shape ?? .linear)]
        }
        return InputWarning(file: node.file, line: node.line, keyPath: lever.path,
                            message: "\(Self.replaces(source)), which moves the lever in \(years) (\(hold): \(format(level)) \(lever.unit.rawValue) at the year's end), before this file's setting starts in \(new.start): in those years the lever falls back to its baseline. To start from it, \(Self.way(keeping: kept, from: first, then: new, lever, reached: level, startingIn: first))")
    }

    /// "replaces the setting of 'file'": the opening of every replacement warning.
    static func replaces(_ source: SourcePosition?) -> String {
        "replaces the setting of \(source.map { "'\($0.file)'" } ?? "the extended scenario")"
    }

    /// How to write the replacement so that it keeps the replaced setting's moves: a path of the milestones `kept`
    /// (from `start`) followed by the new setting's, when that runs the same years exactly (`kept` nil: it would not),
    /// or else a delta over the replaced setting. A build-out lever cannot keep them and then go below the `reached`
    /// level (the path or delta would be refused as a teardown): then it says so, the level that keeps them, and, with
    /// `startingIn`, that the way to build less is to start the new setting in that year.
    static func way(keeping kept: [Milestone]?, from start: Int, then new: LeverSetting, _ lever: Lever,
                    reached: Double, startingIn: Int?) -> String {
        let unit = lever.unit.rawValue
        if lever.isBuildOut, new.form != .delta, let low = new.milestones.map(\.value).min(), low < reached - 1e-9 * max(abs(reached), 1) {
            let level = (reached * 1e6).rounded() / 1e6
            // Its milestones, then this file's raised to the level they reach: one path that keeps them.
            let keep = kept.map { kept -> String in
                let raised = new.milestones.map { Milestone(year: $0.year, value: max($0.value, level), shape: $0.shape) }
                let path = LeverSetting(form: .path, start: start, milestones: kept + raised)
                return "a path that keeps its milestones and does not go below \(format(level)) \(unit) after them, for example \(ScenarioWriter.leverText(path)), or "
            } ?? ""
            return "this file's setting cannot: this lever only builds, and the setting goes down to \(format(low)) \(unit), below the \(format(level)) \(unit) they reach; to keep them, write \(keep)a delta over it"
                + (startingIn.map { "; to build less than it, start this setting in \($0)" } ?? "")
        }
        guard let kept else { return "write a delta over it" }
        let path = LeverSetting(form: .path, start: start, milestones: kept + new.milestones)
        return "write a path that keeps its milestones, \(ScenarioWriter.leverText(path)), or a delta over it"
    }

    /// Whether two schedules of a lever differ by more than `tolerance` in any of `years`, sampled at the fractions
    /// `at` of each year (1: its end, the year-end convention of the tables).
    static func differ(_ a: Schedule, _ b: Schedule, _ lever: Lever, _ p: ModelParameters, in years: ClosedRange<Int>,
                       at fractions: [Double], tolerance: Double) -> Bool {
        years.contains { y in
            fractions.contains { f in
                let t = f == 1 ? Double(y + 1).nextDown : Double(y) + f
                let u: Double = lever.level(a, at: t, p), v: Double = lever.level(b, at: t, p)
                return abs(u - v) > tolerance
            }
        }
    }
}
