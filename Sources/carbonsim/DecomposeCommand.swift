import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim decompose`: LMDI decomposition of an emissions change.
struct DecomposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "LMDI decomposition of the CO2 change between two years or two scenarios.",
        discussion: """
        Into activity (GDP), energy intensity, structure (sector shares of energy) and emission-factor effects,
        by CEADs sector group; additive (Mt CO2, summing exactly to the change) and multiplicative (ratios,
        multiplying exactly to the ratio).
        """
    )

    @Argument(help: "Scenario file for a change between two years (default: the embedded announced).")
    var file: String?

    @Option(name: .long, help: "First year.") var from = 2020
    @Option(name: .long, help: "Second year.") var to = 2030
    @Option(name: .long, help: "Compare two scenarios in --to's year: the baseline file.") var baseline: String?
    @Option(name: .long, help: "Compare two scenarios in --to's year: the policy file.") var policy: String?
    @Option(name: .long, help: "Output format: table, markdown, csv or json.") var format: OutputFormat = .table
    @Option(name: .long, help: "Also write a waterfall chart (SVG) here.") var chart: String?
    @Option(name: .long, help: "Label language: en or zh.") var lang: Language = .en
    @OptionGroup var data: DatasetOptions

    struct Analysis {
        let result: LMDI.Result
        let start: Double
        let end: Double
    }

    static func analyse(_ t: Simulator.Trajectory, from: Int, to: Int) throws -> Analysis {
        try analyse(Decomposition.state(t, year: from), Decomposition.state(t, year: to))
    }

    static func analyse(_ s0: LMDI.State, _ s1: LMDI.State) throws -> Analysis {
        Analysis(result: LMDI.decompose(from: s0, to: s1), start: s0.co2.reduce(0, +), end: s1.co2.reduce(0, +))
    }

    func run() throws {
        try reportingErrors {
            let dataset = try data.load()
            let loader = ScenarioLoader(dataset: dataset)
            let analysis: Analysis, labels: (String, String)
            if baseline != nil || policy != nil {
                guard let baseline, let policy else {
                    throw InputError(file: "decompose", keyPath: "policy", message: "comparing scenarios needs both --baseline and --policy")
                }
                let b = try PreparedScenario(loader.load(path: baseline), dataset: dataset).run()
                let p = try PreparedScenario(loader.load(path: policy), dataset: dataset).run()
                analysis = try Self.analyse(Decomposition.state(b.trajectory, year: to), Decomposition.state(p.trajectory, year: to))
                labels = ("\(b.name) \(to)", "\(p.name) \(to)")
            } else {
                let scenario = try file.map { try loadScenario(loader, $0) } ?? DefaultScenarios.load(dataset: dataset)[1]
                let r = try PreparedScenario(scenario, dataset: dataset).run()
                analysis = try Self.analyse(r.trajectory, from: from, to: to)
                labels = ("\(from)", "\(to)")
            }
            print(render(analysis, labels), terminator: "")
            if let chart {
                try write(try Charts.decomposition(analysis.result, start: (labels.0, analysis.start), end: (labels.1, analysis.end),
                                                   title: "LMDI: \(labels.0) → \(labels.1)", source: ScenarioCharts.source, language: lang),
                          to: chart)
            }
        }
    }

    func render(_ a: Analysis, _ labels: (String, String)) -> String {
        let effects = LMDI.Effect.allCases
        let sectors = Decomposition.sectors
        switch format {
        case .json:
            let object: [String: Any] = [
                "from": labels.0, "to": labels.1, "start": a.start, "end": a.end, "change": a.result.change, "ratio": a.result.ratio,
                "additive": Dictionary(uniqueKeysWithValues: effects.map { e in
                    (e.rawValue, Dictionary(uniqueKeysWithValues: zip(sectors, a.result.additive[e]!).map { ($0, $1) }))
                }),
                "multiplicative": Dictionary(uniqueKeysWithValues: effects.map { ($0.rawValue, a.result.multiplicative[$0]!) }),
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            var lines = ["sector," + effects.map(\.rawValue).joined(separator: ",") + ",total"]
            for (i, s) in sectors.enumerated() {
                let v = effects.map { a.result.additive[$0]![i] }
                lines.append("\(s)," + v.map { "\($0)" }.joined(separator: ",") + ",\(v.reduce(0, +))")
            }
            lines.append("total," + effects.map { "\(a.result.total($0))" }.joined(separator: ",") + ",\(a.result.change)")
            lines.append("multiplicative," + effects.map { "\(a.result.multiplicative[$0]!)" }.joined(separator: ",") + ",\(a.result.ratio)")
            return lines.joined(separator: "\n") + "\n"
        case .table, .markdown:
            let md = format == .markdown
            let header = ["sector"] + effects.map { Charts.effectLabel($0, lang) } + ["total"]
            var rows: [[String]] = sectors.enumerated().map { i, s in
                let v = effects.map { a.result.additive[$0]![i] }
                return [s] + v.map(NumberFormat.value) + [NumberFormat.value(v.reduce(0, +))]
            }
            rows.append(["total"] + effects.map { NumberFormat.value(a.result.total($0)) } + [NumberFormat.value(a.result.change)])
            rows.append(["ratio"] + effects.map { NumberFormat.fixed(a.result.multiplicative[$0]!, 4) } + [NumberFormat.fixed(a.result.ratio, 4)])
            let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
            func line(_ r: [String]) -> String {
                md ? "| " + r.joined(separator: " | ") + " |" : r.enumerated().map { c, s in c == 0 ? s.padding(toLength: widths[0], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[c] - s.count) + s }.joined(separator: "  ")
            }
            var out = "LMDI decomposition of gross CO2, \(labels.0) → \(labels.1): \(NumberFormat.value(a.start)) → \(NumberFormat.value(a.end)) Mt (additive effects in Mt CO2; last row multiplicative)\n\n"
            out += line(header) + "\n" + (md ? "|" + String(repeating: "---|", count: header.count) : widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) + "\n"
            out += rows.map(line).joined(separator: "\n") + "\n"
            return out
        }
    }
}
