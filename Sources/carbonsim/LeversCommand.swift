import ArgumentParser
import Reports
import Scenarios
import Simulator

/// `carbonsim levers`: every lever with unit, range, baseline and description.
struct LeversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "levers",
        abstract: "List every lever (unit, valid range, baseline, description), or the dataset's parameters."
    )

    @Option(name: .long, help: "Label language: en or zh.")
    var lang: Language = .en

    @Flag(name: .long, help: "List the dataset's parameters (paths usable under `assumptions:`), with sources.")
    var parameters = false

    @OptionGroup var data: DatasetOptions

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
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
        let p = try reportingErrors { try dataset.modelParameters() }
        print(lang == .zh ? "杠杆路径 | 单位 | 范围 | 基线 | 说明" : "path | unit | range | baseline | description")
        for l in LeverRegistry.all {
            let range = "\(fmt(l.range.lowerBound))-\(fmt(l.range.upperBound))"
            print("\(l.path) | \(l.unit) | \(range) | \(l.baselineDescription(p)) | \(lang == .zh ? l.descriptionZH : l.description)")
        }
        print(lang == .zh
              ? "\n每个杠杆写作 {target, start, full, shape}：start 年初开始，full 年末达效，shape 为 step、linear 或 logistic。measures.dual_control.enforce: true 使能耗总量上限具有约束力。"
              : "\nEach lever takes {target, start, full, shape}: the ramp starts on 1 January of `start` and is complete at the end of `full`; shape is step, linear or logistic (default: start \(p.baseYear + 2), full = start, linear). measures.dual_control.enforce: true makes the energy cap binding.")
    }

    func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
