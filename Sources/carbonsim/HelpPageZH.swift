import Reports

/// `--help` in Chinese under `--lang zh`: the parser's help page with its headings, the command's overview
/// (`CommandHelpZH`), and each option's, flag's, argument's and subcommand's help (`OptionHelpZH`) in Chinese, the
/// parser's "(values: …; default: …)" kept in Chinese words. Names, usage and values stay as typed. An entry without
/// a Chinese text keeps its English one.
enum HelpPageZH {
    static let width = 80, helpColumn = 26

    static func translate(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE: ") }) else { return text }
        let path = commandPath(lines[usage])
        var out: [String] = []
        if lines[0].hasPrefix("OVERVIEW: "), let zh = CommandHelpZH.text(path) {
            out += wrap("概述：" + zh.abstract, indent: 0)
            for paragraph in zh.discussion.isEmpty ? [] : [Substring("")] + zh.discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                // Code and examples keep their lines; prose is wrapped to the page.
                out += paragraph.isEmpty || paragraph.hasPrefix(" ") || paragraph.hasPrefix("示例：")
                    ? [String(paragraph)] : wrap(String(paragraph), indent: 0)
            }
            out.append("")
        } else {
            out += lines[..<usage]
        }
        var section = "", i = usage
        while i < lines.count {
            let line = lines[i]
            switch line {
            case let l where l.hasPrefix("USAGE: "): out.append("用法：" + l.dropFirst(7))
            case "ARGUMENTS:": section = "arguments"; out.append("参数：")
            case "OPTIONS:": section = "options"; out.append("选项：")
            case "SUBCOMMANDS:": section = "subcommands"; out.append("子命令：")
            case let l where l.firstMatch(of: /^  See '(.*) <subcommand>' for detailed help\.$/) != nil:
                let m = l.firstMatch(of: /^  See '(.*) <subcommand>' for detailed help\.$/)!
                out.append("  各子命令的详细帮助：'\(m.1) <子命令>'。")
            case let l where !section.isEmpty && l.firstMatch(of: /^  \S/) != nil:
                var help: [String] = []
                var label = String(l.dropFirst(2))
                // A label of the full column width has one space before its help.
                if let m = label.firstMatch(of: /^(.*?)  +(\S.*)$/) ?? label.firstMatch(of: /^(\S*(?: <[a-z-]+>)?) ([^\s<].*)$/) {
                    label = String(m.1); help.append(String(m.2))
                }
                while i + 1 < lines.count, lines[i + 1].firstMatch(of: /^   +\S/) != nil {
                    i += 1
                    help.append(lines[i].trimmingPrefix(while: { $0 == " " }).description)
                }
                out += entry(label: label, english: help.joined(separator: " "), section: section, path: path)
            default: out.append(line)
            }
            i += 1
        }
        return out.joined(separator: "\n")
    }

    /// "USAGE: carbonsim plot fan <db> [--series …]" is the help of "plot fan".
    static func commandPath(_ usage: String) -> String {
        usage.split(separator: " ").dropFirst(2).prefix { $0.first.map { $0.isLetter } ?? false }.joined(separator: " ")
    }

    private static func entry(label: String, english: String, section: String, path: String) -> [String] {
        var zh: String?
        var shownLabel = label
        if section == "subcommands" {
            let name = label.split(separator: " ").first.map(String.init) ?? label
            zh = CommandHelpZH.text(path.isEmpty ? name : path + " " + name)?.abstract
            shownLabel = label.replacingOccurrences(of: " (default)", with: "（默认）")
        } else if let name = label.firstMatch(of: /--[a-z][a-z-]*|<[a-z-]+>/).map({ OptionHelpZH.longName(String($0.0)) }) {
            zh = OptionHelpZH.help(command: path, name: name)
        }
        guard let zh else { return wrap("  " + label.padding(helpColumn - 2) + english, indent: helpColumn) }
        let help = zh + (english.firstMatch(of: /\((values: [^()]*|default: [^()]*)\)$/).map { suffix(String($0.1)) } ?? "")
        let head = "  " + shownLabel
        if displayWidth(head) >= helpColumn {
            return [head] + wrap(String(repeating: " ", count: helpColumn) + help, indent: helpColumn)
        }
        return wrap(head.padding(helpColumn) + help, indent: helpColumn)
    }

    /// "values: table, csv; default: table" as "（可选值：table、csv；默认：table）".
    static func suffix(_ s: String) -> String {
        let parts = s.components(separatedBy: "; ").map { part -> String in
            if part.hasPrefix("values: ") { return "可选值：" + part.dropFirst(8).replacingOccurrences(of: ", ", with: "、") }
            if part.hasPrefix("default: ") { return "默认：" + part.dropFirst(9) }
            return part
        }
        return "（" + parts.joined(separator: "；") + "）"
    }

    /// Greedy wrap to the page width in display columns: between CJK characters anywhere, elsewhere at spaces;
    /// continuation lines indented.
    static func wrap(_ text: String, indent: Int) -> [String] {
        var tokens: [String] = []
        var word = ""
        for c in text {
            if c == " " { word.append(c); tokens.append(word); word = "" }
            else if displayWidth(String(c)) == 2 { if !word.isEmpty { tokens.append(word); word = "" }; tokens.append(String(c)) }
            else { word.append(c) }
        }
        if !word.isEmpty { tokens.append(word) }
        var lines: [String] = [], line = ""
        let lead = String(repeating: " ", count: indent)
        for t in tokens {
            let trimmed = line.hasSuffix(" ") ? String(line.dropLast()) : line
            if !line.trimmingPrefix(while: { $0 == " " }).isEmpty, displayWidth(line + t.trimmingSuffix) > width,
               !isClosing(t) {
                lines.append(trimmed)
                line = lead
            }
            line += t
        }
        lines.append(line.hasSuffix(" ") ? String(line.dropLast()) : line)
        return lines
    }

    /// Chinese punctuation that must not start a line.
    private static func isClosing(_ t: String) -> Bool { ["，", "。", "、", "；", "：", "）", "”", "？", "！"].contains(t) }
}

private extension String {
    func padding(_ columns: Int) -> String { self + String(repeating: " ", count: max(1, columns - displayWidth(self))) }
    var trimmingSuffix: String { hasSuffix(" ") ? String(dropLast()) : self }
}
