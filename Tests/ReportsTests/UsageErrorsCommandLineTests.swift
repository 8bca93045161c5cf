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

    /// `--help` under `--lang zh` is the help page in Chinese for every command (read from the parser's dump): the
    /// overview, the headings, and every option's, flag's, argument's and subcommand's help; `help <command> --lang zh`
    /// gives the same page. Without `--lang zh`, and for serve (whose page opens in Chinese), help stays English.
    func testEveryCommandsHelpPageIsInChinese() throws {
        let dump = try cli.run(["--experimental-dump-help"])
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.out.utf8)) as? [String: Any])
        var pages = 0
        func visit(_ command: [String: Any], path: [String]) throws {
            if path != ["help"] {
                let page = try cli.run(path + ["--help", "--lang", "zh"])
                XCTAssertEqual(page.status, 0, page.err)
                XCTAssertTrue(page.out.hasPrefix("概述："), "\(path): \(page.out.prefix(200))")
                XCTAssertTrue(page.out.contains("\n用法：carbonsim"), "\(path)")
                XCTAssertFalse(page.out.contains("OVERVIEW") || page.out.contains("OPTIONS:") || page.out.contains("See '"), "\(path)")
                // Each entry of the options, arguments and subcommands: its help (at column 26) has Chinese.
                var section = false
                for line in page.out.split(separator: "\n", omittingEmptySubsequences: false) {
                    if ["参数：", "选项：", "子命令："].contains(line) { section = true; continue }
                    if line.isEmpty { section = false; continue }
                    guard section, line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
                    // A label too wide for its column has its help on the next line.
                    let characters = Array(line)
                    guard characters.count > 26, characters[25] == " " else { continue }
                    let help = line.dropFirst(26)
                    XCTAssertNotNil(help.firstMatch(of: /\p{Han}/), "\(path): \(line)")
                }
                if path.count == 1 {
                    XCTAssertEqual(try cli.run(["help"] + path + ["--lang", "zh"]).out, page.out, "\(path)")
                }
                pages += 1
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                try visit(sub, path: path + [try XCTUnwrap(sub["commandName"] as? String)])
            }
        }
        try visit(try XCTUnwrap(root["command"] as? [String: Any]), path: [])
        XCTAssertGreaterThan(pages, 18)
        let compare = try cli.run(["compare", "--help", "--lang", "zh"])
        XCTAssertTrue(compare.out.contains("  --lang <lang>           标签语言：en 或 zh（可选值：en、zh；默认：en）。"), compare.out)
        XCTAssertTrue(compare.out.contains("  -h, --help              显示帮助信息。"), compare.out)
        let observations = try cli.run(["hindcast", "--help", "--lang", "zh"])
        XCTAssertTrue(observations.out.contains("  --observations <observations>\n                          观测值 CSV 文件"), observations.out)
        XCTAssertTrue(try cli.run(["help", "plot", "--lang", "zh"]).out.contains("  各子命令的详细帮助：'carbonsim help plot <subcommand>'。"))
        XCTAssertTrue(try cli.run(["serve", "--help"]).out.hasPrefix("OVERVIEW: "))
        XCTAssertTrue(try cli.run(["compare", "--help"]).out.hasPrefix("OVERVIEW: "))
        let unknown = try cli.run(["help", "nosuch", "--lang", "zh"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.err.contains("错误：没有命令 'nosuch'；可用："), unknown.err)
    }

    /// Chinese wraps between any two characters, English at spaces, within 80 columns (a CJK character takes two), on
    /// every command's page; a closing mark never starts a line and an opening one never ends one.
    func testTheChinesePagesWrapWithinTheirWidth() throws {
        for command in ["", "run", "compare", "sweep", "summarize", "merge", "plot", "plot trajectory", "plot stack", "plot wedges",
                        "plot fan", "plot tornado", "plot gallery", "decompose", "solve", "optimize", "calibrate", "validate", "levers",
                        "hindcast", "serve"] {
            let page = try cli.run(["help"] + command.split(separator: " ").map(String.init) + ["--lang", "zh"]).out
            XCTAssertTrue(page.hasPrefix("概述："), command)
            for line in page.split(separator: "\n") where !line.hasPrefix("用法：") && !line.hasPrefix("示例：") && !line.hasPrefix("      carbonsim") {
                let width = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
                XCTAssertLessThanOrEqual(width, 80, "\(command): \(line)")
                let text = line.trimmingPrefix(while: { $0 == " " })
                XCTAssertFalse(text.first.map { "，。、；：）”".contains($0) } ?? false, "\(command): \(line)")
                XCTAssertFalse(line.last.map { "（“".contains($0) } ?? false, "\(command): \(line)")
            }
        }
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
