import Foundation

/// The argument parser's messages (an unknown option, a missing value, a value not accepted, the usage line) in
/// Chinese under `--lang zh`. The parser writes them in English; these are its message forms, line by line, and
/// a line it writes in no known form stays as it is.
enum UsageMessagesZH {
    static func translate(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = lines.lazy.compactMap { $0.firstMatch(of: /^Usage: carbonsim((?: [a-z]+)*)/) }.first
            .map { String($0.1.dropFirst()) } ?? ""
        return lines.map { line($0, command: command) }.joined(separator: "\n")
    }

    private static func line(_ s: String, command: String) -> String {
        if let m = s.firstMatch(of: /^Error: (.*)$/) { return "错误：" + message(String(m.1)) }
        if let m = s.firstMatch(of: /^Help:  (.*)$/) { return "说明：" + help(String(m.1), command: command) }
        if let m = s.firstMatch(of: /^Usage: (.*)$/) { return "用法：" + String(m.1) }
        if let m = s.firstMatch(of: /^(\s*)See '(.*)' for more information\.$/) { return "\(m.1)详见 '\(m.2)'。" }
        if let m = s.firstMatch(of: /^(\s*)or: (.*)$/) { return "\(m.1)或：" + message(String(m.2)) }
        return s
    }

    private static func message(_ s: String) -> String {
        if let m = s.firstMatch(of: /^Unknown option '([^']*)'\. Did you mean '([^']*)'\?$/) { return "未知选项 '\(m.1)'。是否想用 '\(m.2)'？" }
        if let m = s.firstMatch(of: /^Unknown option '([^']*)'$/) { return "未知选项 '\(m.1)'" }
        if let m = s.firstMatch(of: /^Missing value for '([^']*)'(.*)$/) { return "'\(m.1)' 缺少取值\(m.2)" }
        if let m = s.firstMatch(of: /^Missing expected argument '([^']*)'$/) { return "缺少参数 '\(m.1)'" }
        if let m = s.firstMatch(of: /^Missing one of: (.*)$/) { return "缺少其中之一：\(m.1)" }
        if let m = s.firstMatch(of: /^Unexpected argument '([^']*)'$/) { return "多余的参数 '\(m.1)'" }
        if let m = s.firstMatch(of: /^(\d+) unexpected arguments: (.*)$/) { return "\(m.1) 个多余的参数：\(m.2)" }
        if let m = s.firstMatch(of: /^The value '([^']*)' is invalid for '([^']*)'\. Please provide one of (.*)\.$/) {
            return "'\(m.2)' 不接受取值 '\(m.1)'；可选：\(list(String(m.3)))"
        }
        if let m = s.firstMatch(of: /^The value '([^']*)' is invalid for '([^']*)'(: .*)?$/) {
            return "'\(m.2)' 不接受取值 '\(m.1)'" + (m.3.map { "：" + $0.dropFirst(2) } ?? "")
        }
        if let m = s.firstMatch(of: /^The option '([^']*)' does not take any value, but '([^']*)' was specified\.$/) {
            return "选项 '\(m.1)' 不带取值，却给了 '\(m.2)'"
        }
        if s == "Missing required subcommand." { return "缺少子命令。" }
        return s
    }

    /// "--from <from>  First column…" as "--from <from>  规划期表格的第一列…"; an option without a Chinese line stays.
    private static func help(_ s: String, command: String) -> String {
        guard let m = s.firstMatch(of: /^(.*?)  (.*)$/),
              let name = m.1.firstMatch(of: /--[a-z][a-z-]*|-[a-z]\b|<[a-z-]+>/).map({ OptionHelpZH.longName(String($0.0)) }),
              let zh = OptionHelpZH.help(command: command, name: name) else { return s }
        return m.1 + "  " + zh
    }

    /// "'a', 'b' and 'c'" as "'a'、'b'、'c'".
    private static func list(_ s: String) -> String {
        s.replacingOccurrences(of: "', '", with: "'、'").replacingOccurrences(of: "' and '", with: "'、'")
            .replacingOccurrences(of: "' or '", with: "'或'")
    }
}
