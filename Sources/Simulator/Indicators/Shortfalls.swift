/// What a scenario asked for that the model could not honour, found in the run: which lever, the first
/// year and the worst year, and by how much. Nothing is silently clipped: a table prints these under the
/// targets, JSON carries them.
public struct Shortfall: Sendable, Equatable {
    /// Lever or measure path, as in scenario files.
    public let path: String
    public let firstYear: Int
    public let worstYear: Int
    /// How far short in the worst year, in `unit`.
    public let amount: Double
    public let unit: String
    /// What happened, with `Shortfall.amountMark` where `amount` and `unit` go: a report writes them in its units
    /// (万吨标准煤 in a Chinese report, Mtce in the model's), `text(zh:)` in the model's.
    public let message: String
    /// The same in Chinese, as a report writes it.
    public let messageZH: String

    public static let amountMark = "⟨amount⟩"

    /// The message with the amount in `shown` (value and unit as the reader's units write them).
    public func text(zh: Bool, shown: (Double, String) -> String = { v, u in "\(Shortfalls.fmt(v)) \(u)" }) -> String {
        (zh ? messageZH : message).replacing(Self.amountMark, with: shown(amount, unit))
    }
}

public enum Shortfalls {
    /// Share of available wind and solar generation curtailed above which the build-out is reported: the
    /// capacity is built but demand and exports cannot take its output.
    public static let curtailmentLimit = 0.2

    /// "first in 2027; " before a message about the worst year when the shortfall begins earlier: the year a plan
    /// first fails is what a reader acts on. Every report's message gets it.
    static func from(_ first: Int, _ worst: Int) -> String { first < worst ? "first in \(first); " : "" }
    static func fromZH(_ first: Int, _ worst: Int) -> String { first < worst ? "首次出现于\(first)年；" : "" }

    public static func find(_ r: Trajectory, _ p: ModelParameters) -> [Shortfall] {
        var found: [Shortfall] = []
        let years = r.years
        /// The years where `excess` is positive (above a small tolerance), its first and worst.
        func report(_ path: String, _ unit: String, _ excess: [Double], tolerance: Double,
                    _ message: (_ worst: Int, _ amount: Double) -> (en: String, zh: String)) {
            let over = years.indices.filter { excess[$0] > tolerance }
            guard let first = over.first, let worst = over.max(by: { excess[$0] < excess[$1] }) else { return }
            let text = message(years[worst], excess[worst])
            found.append(Shortfall(path: path, firstYear: years[first], worstYear: years[worst], amount: excess[worst],
                                   unit: unit, message: from(years[first], years[worst]) + text.en,
                                   messageZH: fromZH(years[first], years[worst]) + text.zh))
        }
        /// The same, said from its first year (a build-out that stops counting: the year a reader acts on), the message
        /// given the first and worst years.
        func reportFrom(_ path: String, _ unit: String, _ excess: [Double], tolerance: Double,
                        _ message: (_ first: Int, _ worst: Int, _ amount: Double) -> (en: String, zh: String)) {
            let over = years.indices.filter { excess[$0] > tolerance }
            guard let first = over.first, let worst = over.max(by: { excess[$0] < excess[$1] }) else { return }
            let text = message(years[first], years[worst], excess[worst])
            found.append(Shortfall(path: path, firstYear: years[first], worstYear: years[worst], amount: excess[worst],
                                   unit: unit, message: text.en, messageZH: text.zh))
        }
        // CCUS built beyond what it can capture (annual potential at its utilisation against annual capture).
        let potential = r.series("ccus_capture_potential"), captured = r.series("ccus_captured")
        let idle = years.indices.map { potential[$0] - captured[$0] }
        report(Levers.ccus.path, "Mt CO2", idle, tolerance: 0.01 * max(potential.max() ?? 0, 1)) { year, amount in
            ("in \(year) \(Shortfall.amountMark) of capture capacity has no CO2 to capture (at most \(fmt(100 * p.ccus.maxCaptureShare)) % of coal power, heat and coal chemicals CO2)",
             "\(year)年有\(Shortfall.amountMark)的捕集能力无可捕集的CO2（最多可捕集煤电、供热和煤化工CO2的\(fmt(100 * p.ccus.maxCaptureShare))%）")
        }
        // Wind and solar (built by the levers or the baseline trend) whose output cannot be used.
        let wind = r.series("generation_wind"), solar = r.series("generation_solar"), curtailed = r.series("curtailed_renewables")
        let share = years.indices.map { 100 * curtailed[$0] / max(curtailed[$0] + wind[$0] + solar[$0], 1e-9) }
        reportFrom("\(Levers.wind.path) + \(Levers.solar.path)", "% curtailed", share, tolerance: 100 * curtailmentLimit) { first, worst, amount in
            ("from \(first) more than \(fmt(100 * curtailmentLimit)) % of available wind and solar generation is curtailed (\(fmt(amount)) % in \(worst)): in-region demand and exports cannot take it",
             "自\(first)年起风电、光伏可发电量的弃电率超过\(fmt(100 * curtailmentLimit))%（\(worst)年为\(fmt(amount))%）：区内用电和外送无法消纳")
        }
        // An enforced energy cap that maximum curtailment cannot meet.
        if p.dualControl.enforce {
            let energy = r.series("energy_dual_control"), cap = r.series("energy_cap"), curtailment = r.series("dual_control_curtailment")
            let excess = years.indices.map { cap[$0].isFinite ? energy[$0] - cap[$0] : 0 }
            report("measures.dual_control", "Mtce", excess, tolerance: 0.005 * (cap.filter(\.isFinite).max() ?? 1)) { year, amount in
                let j = years.firstIndex(of: year)!
                return ("in \(year) energy on the dual-control basis exceeds the cap by \(Shortfall.amountMark) with \(fmt(curtailment[j])) % of energy-intensive output curtailed (at most \(fmt(100 * p.dualControl.maxCurtailment)) %; the curtailed share grows each year by \(fmt(p.dualControl.responseRate)) times the relative excess, dual_control.response_rate)",
                        "\(year)年能耗双控口径能源消费量超出上限\(Shortfall.amountMark)，此时高耗能产品已压减\(fmt(curtailment[j]))%（最多\(fmt(100 * p.dualControl.maxCurtailment))%；压减比例每年增加超出比例的\(fmt(p.dualControl.responseRate))倍，即 dual_control.response_rate）")
            }
        }
        // A capacity cap the stock stays above: the cap stops new building, and capacity above it goes only as it
        // retires (its lifetimes, the capacity-cut lever), so a cap tighter than that pace is not reached in time.
        for (product, lever) in zip(Product.allCases, Levers.capacityCap) where p.product(product).isPresent {
            let cap = p.resolvedLevers[lever]
            guard cap.isSet, let start = cap.firstStart else { continue }
            let stock = r.series("capacity_\(product.key)")
            let above = years.indices.map { years[$0] >= start ? stock[$0] - cap.value(at: Double(years[$0] + 1).nextDown) : 0 }
            let backward = r.series("capacity_old_\(product.key)"), life = fmt(p.product(product).newLifetime)
            report(lever.path, "Mt/yr", above, tolerance: max(0.01 * p.product(product).baseCapacity, 0.01)) { year, amount in
                let j = years.firstIndex(of: year)!, level = cap.value(at: Double(year + 1).nextDown)
                let cut = backward[j] >= amount
                return ("at the end of \(year) \(product.key) capacity is \(Shortfall.amountMark) above the cap (\(fmt(stock[j])) against \(fmt(level)) Mt/yr): a cap stops new building, and capacity above it goes only as it retires"
                            + (cut ? "; a faster capacity_cut.\(product.key) retires the backward part sooner"
                                   : "; what is left is compliant capacity, retiring over its \(life)-year life: the cap is reached later, or a higher one in time"),
                        "\(year)年末\(product.nameZH)产能仍高于总量控制上限\(Shortfall.amountMark)：上限只限制新建，超出部分只能随退役减少"
                            + (cut ? "；加快淘汰落后产能（capacity_cut.\(product.key)）可更早消除差距"
                                   : "；剩余的是合规产能，按\(life)年寿命逐步退役：该上限要更晚才能达到，或应设定更高的上限"))
            }
        }
        // A heat-rate target the fleet has not reached by its full-effect year (the fleet's average follows the target
        // over its retrofit time, and new units enter at their own heat rate): said from that year, with when it gets there.
        let target = p.resolvedLevers[Levers.coalHeatRate]
        if target.isSet, let full = target.ramps.map(\.full).min() {
            let heatRate = r.series("heat_rate"), tau = fmt(p.power.heatRateRelaxationTime)
            // Against the level the file sets for each year (reached at its end), as a reader sets the table's heat rate
            // of that year beside the file's milestone.
            let gap = years.indices.map { years[$0] >= full ? heatRate[$0] - target.value(at: Double(years[$0] + 1).nextDown) : 0 }
            report(Levers.coalHeatRate.path, "gce/kWh", gap, tolerance: 1) { year, amount in
                let within = years.indices.first { years[$0] > year && gap[$0] <= 1 }.map { years[$0] }
                return ("in \(year) the fleet's heat rate is \(Shortfall.amountMark) above the target: retrofits close the gap over about \(tau) years and new units enter at \(fmt(p.power.newUnitHeatRate)) gce/kWh"
                            + (within.map { "; it comes within 1 gce/kWh of the target in \($0)" } ?? "; it stays above the target through \(years.last!)"),
                        "\(year)年煤电机组供电煤耗高于目标\(Shortfall.amountMark)：节能改造约需\(tau)年才能缩小差距，新建机组按\(fmt(p.power.newUnitHeatRate))克标准煤/千瓦时投产"
                            + (within.map { "；\($0)年降至距目标1克标准煤/千瓦时以内" } ?? "；截至\(years.last!)年仍高于目标"))
            }
        }
        // A target of a lever that only lowers its quantity (`Lever.onlyLowers`), the quantity already at or below it when
        // the lever starts and staying so: the pull has nothing to lower, so the lever changes nothing. (A target above
        // the base year's level is warned at load instead; the quantity can fall meanwhile, so a target between the two
        // is only found here.)
        for lever in LeverRegistry.all {
            guard let down = lever.onlyLowers, let series = down.series else { continue }
            let target = p.resolvedLevers[lever]
            guard target.isSet, let start = target.ramps.map(\.start).min(), let last = target.ramps.map(\.full).max(),
                  case let final = target.value(at: Double(last + 1)) / lever.scale, case let from = down.level(p), final <= from,
                  let before = years.firstIndex(of: start - 1) else { continue }
            let level = r.series(series)
            // The quantity at the start of each year against the target then, beyond the pull's smoothing width.
            let binds = years.indices.contains { i in
                i > 0 && years[i] >= start && level[i - 1] - target.value(at: Double(years[i])) / lever.scale > down.pullWidth
            }
            guard !binds else { continue }
            let now = level[before], unit = lever.unit.rawValue, unitZH = lever.unit.chinese
            let why = down.meanwhile?(p)
            found.append(Shortfall(path: lever.path, firstYear: start, worstYear: start, amount: final - now, unit: unit,
                message: "the \(down.what) is already \(fmt(now)) \(unit) at the end of \(start - 1), \(Shortfall.amountMark) below the target of \(fmt(final)) \(unit), and stays at or below the target: this lever only lowers it, so it changes nothing"
                    + (why.map { " (\($0.en))" } ?? ""),
                messageZH: "\(down.zh)在\(start - 1)年末已为\(fmt(now))\(unitZH)，比目标\(fmt(final))\(unitZH)低\(Shortfall.amountMark)，此后始终不高于目标：此措施只能降低它，因此不起作用"
                    + (why.map { "（\($0.zh)）" } ?? "")))
        }
        // Coal generation beyond what the fleet can make running every hour of the year: the power balance leaves coal
        // the demand that wind, solar, other sources and imports do not meet, and retiring the fleet faster than they
        // grow leaves that demand without a plant. The fleet over the year: the mean of its two year-end levels.
        let coalGeneration = r.series("generation_coal"), coalCapacity = r.series("capacity_coal")
        let beyondHours = years.indices.map { i -> Double in
            let fleet = i == 0 ? coalCapacity[i] : 0.5 * (coalCapacity[i - 1] + coalCapacity[i])
            return coalGeneration[i] - 8.76 * fleet
        }
        // Either side of the balance can cause it: the fleet retired (coal_retirement) or the demand raised (new_load) faster
        // than the rest follows, so both are named.
        // Each year against its own generation (0.1 %): a small late fleet run past 8,760 hours is as impossible as a large one.
        let beyond = years.indices.map { beyondHours[$0] > 0.001 * coalGeneration[$0] ? beyondHours[$0] : 0 }
        report("\(Levers.coalRetirement.path) + \(Levers.newLoad.path)", "TWh", beyond, tolerance: 0.01) { year, amount in
            ("in \(year) coal power would have to generate \(Shortfall.amountMark) more than its fleet can running all 8,760 hours of the year: the demand left to coal has no plant (coal retired, or demand grew, faster than wind, solar, imports and new coal units follow); the model books that generation and its CO2 anyway",
             "\(year)年煤电需发电量比机组全年8760小时满发还多\(Shortfall.amountMark)：留给煤电的用电需求没有机组承担（煤电退出或用电需求增长快于风电、光伏、外来电和新建煤电的跟进）；模型仍计入这部分发电量及其CO2")
        }
        // Coal power at its must-run minimum (combined heat and power, grid support) while wind and solar are curtailed:
        // coal does not go below it, so wind and solar above what demand leaves are curtailed, and more of them adds
        // nothing (the non-fossil share stops rising). Said where a whole year runs at the minimum (within 1 %).
        let curtailedEnergy = r.series("curtailed_renewables")
        let atMinimum = years.indices.map { i -> Double in
            let fleet = i == 0 ? coalCapacity[i] : 0.5 * (coalCapacity[i - 1] + coalCapacity[i])
            let minimum = 8.76 * p.power.coalMustRunCapacityFactor * fleet
            return minimum > 0 && coalGeneration[i] <= 1.01 * minimum + 0.5 ? curtailedEnergy[i] : 0
        }
        let minimumShare = fmt(100 * p.power.coalMustRunCapacityFactor)
        reportFrom("\(Levers.wind.path) + \(Levers.solar.path)", "TWh", atMinimum, tolerance: 0.5) { first, worst, _ in
            ("from \(first) coal power runs at its must-run minimum (its fleet at \(minimumShare) % of full output, power.coal_must_run_capacity_factor) while wind and solar are curtailed (\(Shortfall.amountMark) curtailed in all in \(worst)): more wind or solar adds nothing there; retiring coal (\(Levers.coalRetirement.path)), storage, new load or exports make room",
             "自\(first)年起煤电已降至最低技术出力（必开出力，为装机满发的\(minimumShare)%，power.coal_must_run_capacity_factor），同时风电、光伏弃电（\(worst)年共弃电\(Shortfall.amountMark)）：再增加风电、光伏不再有作用；煤电退出（\(Levers.coalRetirement.path)）、储能、新增负荷或外送可腾出消纳空间")
        }
        // Green hydrogen beyond the coal-chemical fuel it can displace (at most 90 % of it): paid for, doing nothing.
        if p.hydrogen.fuelTcePerTonne > 0 {
            let h2 = r.series("green_hydrogen"), displaced = r.series("hydrogen_displaced_fuel")
            let unused = years.indices.map { h2[$0] - displaced[$0] / p.hydrogen.fuelTcePerTonne }
            report(Levers.greenHydrogen.path, "Mt/yr", unused, tolerance: 0.01 * max(h2.max() ?? 0, 0.01)) { year, amount in
                ("in \(year) \(Shortfall.amountMark) of green hydrogen has no coal-chemical fuel left to displace (at most 90 % of it): it is paid for and changes nothing",
                 "\(year)年有\(Shortfall.amountMark)绿氢已无煤化工用煤可替代（最多替代90%）：计入成本但不减排")
            }
        }
        // Fly-ash alumina capacity the high-alumina fly-ash stock can no longer feed: output per unit of capacity
        // more than 5 % below the base year's as the stock runs out.
        let stock = r.series("fly_ash_stock"), capacity = r.series("fly_ash_alumina_capacity")
        let fed = FlyAshComponent.stockFactor(p.flyAsh.baseStock, p.flyAsh)
        let starved = years.indices.map { capacity[$0] > 0 ? 100 * (1 - FlyAshComponent.stockFactor(stock[$0], p.flyAsh) / fed) : 0 }
        report(Levers.flyAshAlumina.path, "% less output per capacity", starved, tolerance: 5) { year, amount in
            let j = years.firstIndex(of: year)!
            return ("in \(year) the high-alumina fly-ash stock is down to \(fmt(stock[j])) Mt: the alumina capacity turns out \(fmt(amount)) % less per tonne of capacity than in the base year, and \(fmt(capacity[j])) Mt/yr of it cannot run full",
                    "\(year)年高铝粉煤灰存量降至\(fmt(stock[j]))百万吨：提取氧化铝产能的单位产出比基年低\(fmt(amount))%，\(fmt(capacity[j]))百万吨/年产能无法满负荷运行")
        }
        // Clinker capacity to transfer that the region no longer has (its stock shrinks below the lever's level).
        let transfer = p.resolvedLevers[Levers.cementCapacityTransfer]
        if transfer.isSet {
            let moved = r.series("cement_capacity_transferred")
            let missing = years.indices.map { Levers.cementCapacityTransfer.level(transfer, at: Double(years[$0] + 1).nextDown, p) - moved[$0] }
            report(Levers.cementCapacityTransfer.path, "Mt/yr", missing, tolerance: 0.01 * max(moved.max() ?? 0, 1)) { year, amount in
                ("in \(year) \(Shortfall.amountMark) of the clinker capacity to transfer is no longer in the region (its stock has shrunk): only what is there moves",
                 "\(year)年拟转出的熟料产能中有\(Shortfall.amountMark)已不在本地区（存量已减少）：只能转出现有产能")
            }
        }
        return found
    }

    public static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : "\(r)"
    }
}
