import Simulator

/// A scenario turned into the core's inputs: parameters with levers applied, and targets to check.
public struct PreparedScenario: Sendable {
    public let scenario: Scenario
    public let parameters: ModelParameters
    public var name: String { scenario.name }
    public var targets: Targets { scenario.targets }
    /// History mode's settings, when the dataset follows observations; and what it superseded.
    public let history: HistoryMode?
    public let historyNotes: [HistoryNote]

    public init(_ scenario: Scenario, dataset: Dataset) throws {
        self.scenario = scenario
        if scenario.enforceDualControl && scenario.targets.energyCap.isEmpty {
            let at = scenario.enforceDualControlAt
            throw InputError(file: at?.file ?? scenario.file, line: at?.line, column: at?.column,
                             keyPath: "measures.dual_control.enforce",
                             message: "enforcing dual control needs an energy cap to enforce",
                             accepted: "targets.energy_cap with at least one year, for example {2025: 250}")
        }
        let data = try dataset.applying(scenario.assumptions.sorted { $0.key < $1.key }.map { ($0.key, $0.value, nil) })
        var p = try data.modelParameters()
        var levers = LeverSettings(baselineFor: p)
        historyNotes = try Self.apply(scenario.levers, to: &levers, history: dataset.history, parameters: p, file: scenario.file,
                                      sources: scenario.leverSources)
        self.history = dataset.history
        p.levers = levers
        p.accounting = scenario.accounting
        p.dualControl.enforce = scenario.enforceDualControl
        p.dualControl.cap = PiecewiseLinear(points: scenario.targets.energyCap.map { (Double($0.key) + 0.5, $0.value) })
        parameters = p
        // Assumptions can make the base year impossible to split (a heat rate that burns more coal than CEADs has):
        // told as the file's input, when the file is read, not as a failure of the run.
        if !scenario.assumptions.isEmpty {
            do { _ = try CarbonModel(parameters: p) } catch let e as BaseYearError { throw blamingAssumptions(e.description) }
        }
    }

    /// An error at the scenario's assumptions: with them, `failure`.
    func blamingAssumptions(_ failure: String) -> InputError {
        let set = scenario.assumptions.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }.joined(separator: ", ")
        return InputError(file: scenario.file, keyPath: "assumptions",
                          message: "with the assumptions \(set): \(failure)",
                          accepted: "assumptions that keep the base year consistent with the dataset's inventory: each within its plausible range (carbonsim validate warns outside it), and together not claiming more of a sector's energy than the inventory holds (values inside their ranges can still do so together: change one at a time to find which)")
    }

    /// Sets lever settings (file terms) into `levers` (the core's), the one way every run does it, a scenario
    /// file's or a sweep's: each checked against its limits, then, in history mode, wind and solar merged with
    /// their observed capacities (`CapacityHistory.merging`) and checked again. With `only` (a sweep run
    /// re-setting the levers it varies) just those are merged. Returns history's notes on what it superseded.
    public static func apply(_ settings: [String: LeverSetting], to levers: inout LeverSettings, history: HistoryMode?,
                             parameters p: ModelParameters, file: String, sources: [String: SourcePosition] = [:],
                             only: Set<String>? = nil) throws -> [HistoryNote] {
        // In history mode wind and solar are checked once merged with the observed capacities (below): before, their
        // "installed" would be the unobserved trend's.
        let mergedLater: Set<String> = history == nil ? [] : HistoryMode.followedPaths
        // Every lever that breaks its limits is told, each at its line, not only the first.
        var errors: [InputError] = []
        for (path, s) in settings.sorted(by: { $0.key < $1.key }) {
            guard let lever = LeverRegistry.lever(path) else { continue }
            levers.set(lever, s, parameters: p)
            if !mergedLater.contains(path), let v = limitViolation(lever, levers[lever], p) {
                let at = sources[path]
                errors.append(InputError(file: at?.file ?? file, line: at?.line, column: at?.column, keyPath: path,
                                         message: v.message, accepted: v.accepted))
            }
        }
        guard let history else {
            if let e = InputError.combined(errors) { throw e }
            return []
        }
        let merged = mergedTeardowns(&levers, settings: settings, history: history, parameters: p, file: file, sources: sources, only: only)
        if let e = InputError.combined(errors + merged.errors) { throw e }
        return merged.notes
    }

    /// In history mode, wind and solar merged with their observed capacities (`CapacityHistory.merging`), and an
    /// error, at the lever's line, for each that then goes down. `levers` holds the settings; with `only`, just those
    /// levers are merged and checked.
    static func mergedTeardowns(_ levers: inout LeverSettings, settings: [String: LeverSetting], history: HistoryMode,
                                parameters p: ModelParameters, file: String, sources: [String: SourcePosition],
                                only: Set<String>?) -> (notes: [HistoryNote], errors: [InputError]) {
        let written = levers
        let notes = history.mergingCapacities(into: &levers, scenario: settings, parameters: p, only: only)
        var errors: [InputError] = []
        for lever in [Levers.wind, Levers.solar] where only?.contains(lever.path) ?? true {
            guard var t = lever.teardown(levers[lever], p) else { continue }
            let at = sources[lever.path], isDelta = settings[lever.path]?.form == .delta
            // A level history raised to the observed capacity is told as the file writes it (120 GW written after
            // 135 GW, not the 127.6 GW observed that the 120 was raised to): the user never wrote the raised one. Only
            // at a written milestone: a dip between milestones is the merged path's level, which the file alone never has.
            if !isDelta, settings[lever.path]?.milestones.contains(where: { $0.year == t.year }) ?? false {
                let own = lever.level(written[lever], at: Double(t.year + 1).nextDown, p)
                if own < t.target - 1e-9 * max(abs(t.target), 1) { t.target = own }
            }
            errors.append(InputError(file: at?.file ?? file, line: at?.line, column: at?.column, keyPath: lever.path,
                                     message: (isDelta ? "with the delta, " : "") + teardownMessage(lever, t) + " (history mode: the observed capacity comes first; --no-history runs without it)",
                                     accepted: teardownAccepted(floor(lever, t) + ": in history mode the observed capacity, then the trend)", levers[lever], t)))
        }
        return (notes, errors)
    }

    /// The floor a build-out's milestones keep to, with the capacity installed when the move starts (the parenthesis
    /// left open for what the caller adds): where the error names a level above what was observed, "the observed
    /// capacity" alone misled.
    static func floor(_ lever: Lever, _ t: (start: Int, year: Int, target: Double, installed: Double)) -> String {
        "milestones that do not go down, at or above the installed capacity (\(Scenarios.format((t.installed * 1e6).rounded() / 1e6)) \(lever.unit.rawValue) at the start of \(t.start)"
    }

    /// What a teardown accepts; one between milestones (no move ends in its year) says how a level dips there.
    static func teardownAccepted(_ accepted: String, _ schedule: Schedule, _ t: (start: Int, year: Int, target: Double, installed: Double)) -> String {
        guard !schedule.ramps.contains(where: { $0.full == t.year }) else { return accepted }
        return accepted + ", and year-end levels that do not fall between them (a move is an offset over the lever's trend: a step or logistic shape that starts early can dip below the year before while the trend catches up; a linear shape, or a later start, keeps it rising)"
    }

    /// Why a build-out lever cannot go down: it names the capacity installed when the move starts.
    public static func teardownMessage(_ lever: Lever, _ t: (start: Int, year: Int, target: Double, installed: Double)) -> String {
        func format(_ v: Double) -> String { Scenarios.format((v * 1e6).rounded() / 1e6) }
        return "a build-out target of \(format(t.target)) \(lever.unit.rawValue) by the end of \(t.year) is below the \(format(t.installed)) \(lever.unit.rawValue) installed at the start of \(t.start); this lever only adds capacity (zero is a value, not 'off'; retiring capacity is another lever's job)"
    }

    /// What a lever's schedule may not do, whichever input set it (scenario file, prepared scenario, sweep): take
    /// a build-out's capacity down, or go above the lever's ceiling (a transfer out of the region moves at most
    /// what the region has). The error's message and accepted values; nil when the schedule keeps to both.
    public static func limitViolation(_ lever: Lever, _ schedule: Schedule, _ p: ModelParameters) -> (message: String, accepted: String)? {
        if let t = lever.teardown(schedule, p) {
            return (teardownMessage(lever, t), teardownAccepted(floor(lever, t) + ")", schedule, t))
        }
        guard let c = lever.aboveCeiling(schedule, p) else { return nil }
        func format(_ v: Double) -> String { Scenarios.format((v * 1e6).rounded() / 1e6) }
        let what = lever.ceiling?.what ?? "capacity"
        // A level a hair above the ceiling would read as equal to it at six decimals: then the ceiling in full.
        let ceiling = format(c.ceiling) == format(c.level) ? Scenarios.format(c.ceiling) : format(c.ceiling)
        return ("\(format(c.level)) \(lever.unit.rawValue) by the end of \(c.year) exceeds the region's \(what) of \(ceiling) \(lever.unit.rawValue) (dataset, base year); a transfer out cannot move more capacity than the region has",
                "\(format(lever.range.lowerBound)) to \(Scenarios.format((c.ceiling * 1e6).rounded(.down) / 1e6)) \(lever.unit.rawValue)")
    }

    /// History's notes as warnings, each at the lever it is about, in the file that sets it (an extended file's too).
    public var historyWarnings: [InputWarning] {
        historyNotes.map { n in
            let at = (n.inExtended ? scenario.extendedLeverSources[n.lever] : nil) ?? scenario.leverSources[n.lever]
            return InputWarning(file: at?.file ?? scenario.file, line: at?.line, keyPath: n.lever, message: n.message)
        }
    }

    /// A warning for each lever the scenario sets that has nothing to act on in the dataset (`Lever.actsOn`): a
    /// product lever on a dataset derived from a CEADs inventory, which has no products, changes nothing.
    public var nothingToActOnWarnings: [InputWarning] {
        scenario.levers.keys.sorted().compactMap { path in
            guard let lever = LeverRegistry.lever(path), let subject = lever.actsOn, !subject.isPresent(parameters) else { return nil }
            let at = scenario.leverSources[path]
            return InputWarning(file: at?.file ?? scenario.file, line: at?.line, keyPath: path,
                                message: Self.nothingToActOn(subject))
        }
    }

    /// The message of `nothingToActOnWarnings` (also what `solve` says of such a lever).
    public static func nothingToActOn(_ subject: LeverSubject) -> String {
        "the dataset has no \(subject.what) for this lever to act on, so it changes no output, energy or emissions (a dataset derived from a CEADs inventory has no products; add them to the dataset: docs/data.md)"
    }

    /// What preparing the scenario adds to its file's warnings: history's notes and levers with nothing to act on.
    public var preparationWarnings: [InputWarning] { historyWarnings + nothingToActOnWarnings }

    /// The preparation warnings a report tells: not history's notes at a shipped scenario's own lines. The shipped scenarios are
    /// written for history mode (their files say which milestones history supersedes); told on every file that extends
    /// them, they would be noise that hides the file's own warnings. Text, JSON and workbooks tell the same.
    public var toldPreparationWarnings: [InputWarning] {
        historyWarnings.filter { !DefaultScenarios.isDisplayedAsEmbedded($0.file) } + nothingToActOnWarnings
    }

    /// Runs the scenario: trajectory and indicators.
    public func run() throws -> ScenarioResult {
        let model = try CarbonModel(parameters: parameters)
        let trajectory: Trajectory
        do {
            trajectory = try Simulation(model: model).run()
            try trajectory.checkFinite()
        } catch let e as GSLError where !scenario.assumptions.isEmpty {
            throw blamingAssumptions("the run fails: \(e)")
        } catch let e as NonFiniteOutputError where !scenario.assumptions.isEmpty {
            throw blamingAssumptions(e.description)
        }
        let costs = CostModel(trajectory: trajectory, parameters: parameters,
                              historyThrough: history.flatMap { $0.capacities.years.isEmpty ? nil : $0.lastObservedYear })
        try costs.checkFinite()
        return ScenarioResult(name: name, description: scenario.description, trajectory: trajectory,
                              indicators: try Indicators(trajectory: trajectory, targets: targets),
                              costs: costs,
                              shortfalls: Shortfalls.find(trajectory, parameters),
                              warnings: InputWarning.inFileOrder(scenario.warnings + toldPreparationWarnings),
                              history: history, descriptionZH: scenario.descriptionZH)
    }
}

/// What one scenario run produced.
public struct ScenarioResult: Sendable {
    public let name: String
    public let description: String
    public let trajectory: Trajectory
    public let indicators: Indicators
    /// What the scenario's measures cost.
    public let costs: CostModel
    /// What the scenario asked for that the model could not honour.
    public let shortfalls: [Shortfall]
    /// What loaded but is probably not what was meant.
    public let warnings: [InputWarning]
    /// History mode's settings when the run followed observations (which years are observed); nil otherwise.
    public var history: HistoryMode? = nil
    /// The description a Chinese report shows (`description_zh`); empty: the description.
    public var descriptionZH = ""
}
