import ArgumentParser
import Reports
import Scenarios
import Simulator

/// `carbonsim levers`: every lever with unit, range, baseline and description.
struct LeversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "levers",
        abstract: "List every lever (unit, valid range, baseline, description) and the targets, or the dataset's parameters."
    )

    @Option(name: .long, help: "Label language: en or zh.")
    var lang: Language = .en

    @Flag(name: .long, help: "List the dataset's parameters (paths usable under `assumptions:`), with sources.")
    var parameters = false

    @Flag(name: .long, help: "Print the levers as the Markdown table docs/model.md carries (with --lang zh, in Chinese).")
    var markdown = false

    @OptionGroup var data: DatasetOptions

    func run() throws {
        let dataset = try reportingErrors(lang) { try data.load() }
        if parameters {
            for e in dataset.entries {
                let kind: String
                switch e.value {
                case .scalar(let v): kind = "\(v)"
                case .series(let years, _): kind = "series \(Int(years.first!))-\(Int(years.last!))"
                case .fuels: kind = "CO2 by fuel"
                case .text, .flag: continue
                }
                let estimate = e.estimate ? " [estimate, range \(e.range.map { "\($0.lowerBound)...\($0.upperBound)" } ?? "-")]" : ""
                print("\(e.path) = \(kind) \(e.unit)\(estimate)\n    source: \(e.source)")
            }
            return
        }
        let p = try reportingErrors(lang) { try dataset.modelParameters() }
        if markdown {
            print(LeverTable.markdown(p, language: lang), terminator: "")
            return
        }
        print(lang == .zh ? "政策措施路径 | 单位 | 范围 | 基线 | 说明" : "path | unit | range | baseline | description")
        for l in LeverRegistry.all {
            let range = "\(fmt(l.range.lowerBound))-\(fmt(l.range.upperBound))"
            let zh = lang == .zh
            print("\(l.path) | \(zh ? l.unit.chinese : l.unit.rawValue) | \(range) | \(l.baselineDescription(p, chinese: zh)) | \(zh ? l.descriptionZH : l.description)")
        }
        // From the registry: the levers whose level may not fall below what is installed.
        let buildOut = LeverRegistry.all.filter(\.isBuildOut)
        print(lang == .zh
              ? "\n每个措施写作 {target, start, full, shape}（start 年初开始，full 年末达效，shape 为 step、linear 或 logistic），或分阶段目标 {path: {2025: 150, 2030: 300}}，或相对所继承情景的增量 {delta: 40}。装机类措施（\(buildOut.map(\.labelZH).joined(separator: "、"))）不得低于起始年已有装机。measures.dual_control.enforce: true 使能耗总量上限自其首年起具有约束力。"
              + "\n单位为情景文件的填写单位（模型单位）：吉瓦即 GW（1吉瓦 = 100万千瓦），太瓦时即 TWh（1太瓦时 = 10亿千瓦时），百万吨即 Mt（1百万吨 = 100万吨）；--lang zh 的报告表格默认换算为万千瓦、亿千瓦时、万吨。"
              : "\nEach lever takes {target, start, full, shape} (the ramp starts on 1 January of `start` and is complete at the end of `full`; shape is step, linear or logistic; default: start \(p.baseYear + 2), full = start, linear), or milestones {path: {2025: 150, 2030: 300}, start, shape}, or a change over the scenario it extends {delta: 40, start, full}. Build-out levers (\(buildOut.map { String($0.path.split(separator: ".").last!) }.joined(separator: ", "))) may not go below what is installed when their move starts. A transfer of clinker capacity out of the region may not exceed the region's clinker capacity. measures.dual_control.enforce: true makes the energy cap binding from its first year.")
        printTargets(zh: lang == .zh, periods: PlanPeriod.covering(from: dataset.baseYear, to: dataset.endYear))
    }

    /// The "1" targets a scenario's `targets:` takes, after the levers: where an analyst looks for the keys.
    func printTargets(zh: Bool, periods: [PlanPeriod]) {
        let first = periods.first?.ordinal ?? "14th", last = periods.last?.ordinal ?? "21st"
        print(zh ? "\n目标（“1”，写在 targets: 下） | 含义 | 写法" : "\ntarget (\"1\", under targets:) | meaning | form")
        for kind in TargetCheck.Kind.allCases {
            let form: String
            switch kind {
            case .peakYear: form = "peak_year: 2030"
            case .neutralityYear: form = "neutrality_year: 2060"
            case .peakCeiling: form = zh ? "peak_ceiling: 950（百万吨CO2）" : "peak_ceiling: 950 (Mt CO2)"
            case .energyIntensityCut, .co2IntensityCut:
                form = "\(kind.rawValue): {15th: 17}" + (zh ? "（规划期：\(first) 至 \(last)，也可写 十五五 或 15，%）" : " (plan periods \(first) to \(last), also 15 or 十五五; %)")
            case .energyCap: form = zh ? "energy_cap: {2030: 200}（年份: 百万吨标准煤）" : "energy_cap: {2030: 200} (years: Mtce)"
            case .nonFossilShare: form = zh ? "non_fossil_share: {2030: 25}（年份: %）" : "non_fossil_share: {2030: 25} (years: %)"
            }
            print("targets.\(kind.rawValue) | \(Labels.target(kind.rawValue, zh ? .zh : .en)) | \(form)")
        }
    }

    func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
