import XCTest
import Foundation
import Sweeps

/// Command-line mistakes (an unknown option, a value not accepted, a missing argument, help on a command that does
/// not exist) are usage errors, exit 64, told in Chinese under `--lang zh`.
final class UsageErrorsCommandLineTests: XCTestCase {
    let cli = CLI()

    func testAnUnknownOptionIsToldInChineseWithTheLikelyOne() throws {
        let zh = try cli.run(["run", "--lang", "zh", "--untill", "2030"])
        XCTAssertEqual(zh.status, 64, zh.err)
        XCTAssertTrue(zh.err.contains("错误：未知选项 '--untill'"), zh.err)
        XCTAssertTrue(zh.err.contains("用法：carbonsim run"), zh.err)
        XCTAssertTrue(zh.err.contains("详见 'carbonsim run --help'。"), zh.err)
        XCTAssertFalse(zh.err.contains("Error:"), zh.err)
        // `--lang=zh` is the same request; without it the message stays in English.
        XCTAssertTrue(try cli.run(["run", "--lang=zh", "--untill", "2030"]).err.contains("未知选项 '--untill'"))
        let en = try cli.run(["run", "--untill", "2030"])
        XCTAssertEqual(en.status, 64)
        XCTAssertTrue(en.err.contains("Error: Unknown option '--untill'"), en.err)
    }

    func testAValueNotAcceptedListsTheAcceptedOnesInChinese() throws {
        let r = try cli.run(["run", "--lang", "zh", "--units", "万吨"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("错误：'--units <units>' 不接受取值 '万吨'；可选：'model'、'cn'"), r.err)
        let format = try cli.run(["run", "--lang", "zh", "--format", "jsn"])
        XCTAssertTrue(format.err.contains("可选：'table'、'markdown'、'csv'、'json'或'xlsx'"), format.err)
    }

    /// The "说明：" line of a usage error is the option's help; under `--lang zh` every option and required argument of
    /// every command (read from the parser's own dump, so a new option is not missed) has it in Chinese.
    func testEveryOptionsHelpLineIsInChinese() throws {
        let dump = try cli.run(["--experimental-dump-help"])
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.out.utf8)) as? [String: Any])
        var provoked = 0
        func visit(_ command: [String: Any], path: [String]) throws {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let kind = argument["kind"] as? String, optional = argument["isOptional"] as? Bool ?? true
                let long = (argument["names"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "long" }?["name"] as? String
                var arguments = path + ["--lang", "zh"], shown: String
                if kind == "option", let long { arguments.append("--" + long); shown = "--" + long }      // a value missing
                else if kind == "positional" && !optional && path != ["help"] { shown = "<\(argument["valueName"] as? String ?? "")>" }
                else { continue }
                // merge's required --output is told before its shards.
                if path == ["merge"] && shown == "<shards>" { arguments += ["--output", "merged.sqlite"] }
                let r = try cli.run(arguments)
                let line = try XCTUnwrap(r.err.split(separator: "\n").first { $0.hasPrefix("说明：") }, "\(arguments): \(r.err)")
                XCTAssertTrue(line.hasPrefix("说明：\(shown) "), "\(arguments): the help of another argument: \(line)")
                XCTAssertNotNil(line.firstMatch(of: /\  .*\p{Han}/), "\(arguments): \(line)")
                provoked += 1
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                try visit(sub, path: path + [try XCTUnwrap(sub["commandName"] as? String)])
            }
        }
        try visit(try XCTUnwrap(root["command"] as? [String: Any]), path: [])
        XCTAssertGreaterThan(provoked, 100)
        // The short name the help line then writes as typed.
        let short = try cli.run(["compare", "--lang", "zh", "-o"])
        XCTAssertTrue(short.err.contains("说明：-o <output>  写入此文件而不打印（xlsx 必须指定）。"), short.err)
    }

    func testAMissingArgumentAndTheCommandsOwnChecksAreInChinese() throws {
        let missing = try cli.run(["sweep", "--lang", "zh"])
        XCTAssertEqual(missing.status, 64, missing.err)
        XCTAssertTrue(missing.err.contains("错误：缺少参数 '<spec>'"), missing.err)
        let jobs = try cli.run(["sweep", "spec.yaml", "--jobs", "0", "--lang", "zh"])
        XCTAssertEqual(jobs.status, 64, jobs.err)
        XCTAssertTrue(jobs.err.contains("错误：--jobs 须为 1 到 256，现为 0"), jobs.err)
        // serve's page opens in Chinese, and so do its messages.
        let port = try cli.run(["serve", "--port", "99999"])
        XCTAssertEqual(port.status, 64, port.err)
        XCTAssertTrue(port.err.contains("--port 99999 不是端口号；可用：0 到 65535"), port.err)
    }

    func testHelpOnACommandThatDoesNotExistIsAUsageError() throws {
        let r = try cli.run(["help", "rnu"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("no command 'rnu'; accepted: run, compare, sweep"), r.err)
        let nested = try cli.run(["help", "plot", "fann", "--lang", "zh"])
        XCTAssertEqual(nested.status, 64, nested.err)
        XCTAssertTrue(nested.err.contains("没有命令 'fann'；可用：trajectory、stack、wedges、fan"), nested.err)
        // Help on commands that exist still prints it, with exit 0.
        let fan = try cli.run(["help", "plot", "fan"])
        XCTAssertEqual(fan.status, 0, fan.err)
        XCTAssertTrue(fan.out.contains("OVERVIEW: Percentile bands"), fan.out)
    }

    /// `sweep --help` shows a spec one can write from it alone; copied out of the help, it runs.
    func testTheSpecInSweepsHelpRuns() throws {
        let help = try cli.run(["sweep", "--help"]).out
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  name: ") }, help)
        let last = try XCTUnwrap(lines[first...].firstIndex { $0.hasPrefix("  keep: ") }, help)
        let spec = lines[first...last].map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n"
        XCTAssertTrue(lines[first...last].allSatisfy { $0.count <= 80 }, "the parser wraps longer lines:\n\(spec)")
        let scratch = try ScratchFolder("sweep-help")
        defer { scratch.remove() }
        let file = try scratch.write("spec.yaml", spec)
        let r = try cli.run(["sweep", file, "--jobs", "1", "--quiet", "--db", scratch.path("help.sqlite")])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertFalse(r.err.contains("error"), r.err)
    }

    /// `levers` lists the targets too (an analyst looked there for their keys), with a form that loads.
    func testLeversListsEveryTargetWithAFormThatLoads() throws {
        let scratch = try ScratchFolder("levers-targets")
        defer { scratch.remove() }
        for lang in ["en", "zh"] {
            let out = try cli.run(["levers", "--lang", lang]).out
            let rows = out.split(separator: "\n").filter { $0.hasPrefix("targets.") }
            XCTAssertEqual(rows.map { String($0.split(separator: " ")[0]) },
                           ["peak_year", "peak_ceiling", "neutrality_year", "energy_intensity_cut", "co2_intensity_cut", "energy_cap", "non_fossil_share"].map { "targets." + $0 })
            // Each row's form, without its note in brackets, is a line of a scenario's targets.
            let forms = rows.map { row in String(row.split(separator: "|").last!).trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: #"\s*[（(].*$"#, with: "", options: .regularExpression) }
            let file = try scratch.write("t-\(lang).yaml", "name: t\ntargets:\n" + forms.map { "  " + $0 }.joined(separator: "\n") + "\n")
            let r = try cli.run(["validate", file, "--no-history"])
            XCTAssertEqual(r.status, 0, r.err + "\n" + forms.joined(separator: "\n"))
        }
    }

    func testTheVersionIsTheOneSweepDatabasesRecord() throws {
        let r = try cli.run(["--version"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual("carbonsim " + r.out.trimmingCharacters(in: .whitespacesAndNewlines), ResultStore.toolVersion)
    }
}
