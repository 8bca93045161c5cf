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
                out.append("  各子命令的详细帮助：'\(m.1) <subcommand>'。")
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
        let values = english.firstMatch(of: /\((values: [^()]*|default: [^()]*)\)$/).map { suffix(String($0.1)) }
        // "…。（可选值：…）" reads better as "…（可选值：…）。".
        let help = values.map { (zh.hasSuffix("。") ? String(zh.dropLast()) : zh) + $0 + "。" } ?? zh
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

    /// Greedy wrap to the page width in display columns, continuation lines indented. A line breaks between CJK
    /// characters or at a space, never before a closing mark (，。）…) or after an opening one (（“), and not inside
    /// "文件.xlsx".
    static func wrap(_ text: String, indent: Int) -> [String] {
        // Units that never break inside: a CJK character or an ASCII word with its trailing space, with the marks
        // that hold to it.
        var units: [String] = []
        var word = "", opening = ""
        func push(_ u: String) { units.append(opening + u); opening = "" }
        func flush() { if !word.isEmpty { push(word); word = "" } }
        for c in text {
            let s = String(c)
            if c == " " { word.append(c); flush() }
            else if isOpening(s) { flush(); opening += s }
            else if isClosing(s) {
                if !word.isEmpty { word += s; flush() } else if !units.isEmpty && opening.isEmpty { units[units.count - 1] += s } else { push(s) }
            } else if displayWidth(s) == 2 { flush(); push(s) }
            else {
                // A file extension right after a character stays with it ("文件.xlsx").
                if word.isEmpty, opening.isEmpty, c == ".", let last = units.last, !last.hasSuffix(" ") { word = units.removeLast() }
                word.append(c)
            }
        }
        flush()
        if !opening.isEmpty { units.append(opening) }
        var lines: [String] = [], line = ""
        let lead = String(repeating: " ", count: indent)
        for u in units {
            if !line.trimmingPrefix(while: { $0 == " " }).isEmpty, displayWidth((line + u).trimmingSuffix) > width {
                lines.append(line.trimmingSuffix)
                line = lead + u
            } else {
                line += u
            }
        }
        lines.append(line.trimmingSuffix)
        return lines
    }

    /// Chinese punctuation that must not start a line, and that must not end one.
    private static func isClosing(_ t: String) -> Bool { ["，", "。", "、", "；", "：", "）", "”", "？", "！", "》"].contains(t) }
    private static func isOpening(_ t: String) -> Bool { ["（", "“", "《"].contains(t) }
}

private extension String {
    func padding(_ columns: Int) -> String { self + String(repeating: " ", count: max(1, columns - displayWidth(self))) }
    var trimmingSuffix: String { hasSuffix(" ") ? String(dropLast()) : self }
}
