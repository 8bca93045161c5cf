import Foundation
import Scenarios
import Simulator

/// Input errors and warnings for `--lang zh`: the place (file, line, column, key), what is accepted and the
/// likely fix in Chinese, and the message itself in Chinese when it is one of the messages users meet most
/// (a typo, a fraction for a percentage, a year outside the horizon, a value out of range, a GBK file). A
/// message not in the table keeps its English words, inside the Chinese frame: nothing is lost.
public enum InputMessagesZH {
    public static func describe(_ e: InputError) -> String {
        var s = place(e.file, e.line, e.column, e.keyPath, kind: "错误") + message(e.message)
        if let accepted = e.accepted { s += "\n  可接受：" + message(accepted) }
        if let suggestion = e.suggestion { s += "\n  是否想写 '\(suggestion)'？" }
        for other in e.others { s += "\n" + describe(other) }
        return s
    }

    public static func describe(_ w: InputWarning) -> String {
        place(w.file, w.line, nil, w.keyPath, kind: "警告") + message(w.message)
    }

    /// An error or warning already written out in English (a sweep stores its failed runs' errors as text), in
    /// Chinese: its place and, where the table has it, its message. Text of another shape is returned as it is.
    public static func line(_ english: String) -> String {
        guard let m = storedLine.firstMatch(in: english, range: NSRange(english.startIndex..., in: english)) else { return english }
        func group(_ k: Int) -> String? { Range(m.range(at: k), in: english).map { String(english[$0]) } }
        return place(group(1) ?? "", group(2).flatMap { Int($0) }, group(3).flatMap { Int($0) }, group(5) ?? "",
                     kind: group(4) == "error" ? "错误" : "警告") + message(group(6) ?? "")
    }

    /// `file[:line[:column]]: error|warning[ at 'key']: message`, as `InputError` and `InputWarning` write themselves.
    private static let storedLine = try! NSRegularExpression(pattern: #"^(.*?)(?::(\d+))?(?::(\d+))?: (error|warning)(?: at '([^']*)')?: (.*)$"#)

    static func place(_ file: String, _ line: Int?, _ column: Int?, _ keyPath: String, kind: String) -> String {
        var s = embedded(file)
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += "：" + kind
        if !keyPath.isEmpty { s += "（键 '\(keyPath)'）" }
        return s + "："
    }

    /// An embedded file's name as the tables' headers write it: announced.yaml（内置）.
    static func embedded(_ text: String) -> String { Provenance.datasetName(text, .zh) }

    /// The Chinese of an English message when a pattern of the table matches all of it, else the message. In a
    /// template `$n` is the n-th group as written, `§n` the n-th group as a phrase (`phrase`) and `¶n` the n-th
    /// group as a Chinese list (2023、2024 for "2023, 2024").
    public static func message(_ english: String) -> String {
        let english = embedded(english)
        // A limit broken by a delta is the limit's message after this prefix.
        let delta = "with the delta, "
        if english.hasPrefix(delta) { return "加上增量后，" + message(String(english.dropFirst(delta.count))) }
        if let r = english.range(of: #" \(it holds the full-width \S+ '(.)' of a Chinese input method, where YAML needs '(.)'\)$"#, options: .regularExpression) {
            let note = english[r], chars = note.split(separator: "'")
            return message(String(english[..<r.lowerBound])) + "（含中文输入法的全角字符'\(chars[1])'，YAML 需用半角'\(chars[3])'）"
        }
        // A value set after loading names itself, then the dataset check's own message.
        for (prefix, zh) in [("assumption ", "假设 "), ("drawn value ", "抽样值 ")] where english.hasPrefix(prefix) {
            if let colon = english.range(of: ": ") {
                return zh + english[english.index(english.startIndex, offsetBy: prefix.count)..<colon.lowerBound] + "：" + message(String(english[colon.upperBound...]))
            }
        }
        // A sweep's drawn level that history mode raised, then what the raised level ran into.
        if let r = english.range(of: #"^drawn level \S+ .+?, raised to the \S+ .+? observed at the end of \d+ \(history mode\): "#, options: .regularExpression) {
            let head = english[r].replacingOccurrences(of: #"^drawn level (\S+) (.+?), raised to the (\S+) (.+?) observed at the end of (\d+) \(history mode\): "#,
                                                       with: "抽样水平 $1 $2（历史模式下提高到 $5 年末的观测装机 $3 $4）：", options: .regularExpression)
            return numberUnits(head) + message(String(english[r.upperBound...]))
        }
        // The optimiser's missed targets: "(short by 4.2 pp)" as （差4.2个百分点）.
        if english.contains("(short by ") {
            var text = english
            for (unit, zh) in [("pp", "个百分点"), ("yr", "年"), ("Mt CO2", "百万吨CO2"), ("Mtce", "百万吨标准煤")] {
                text = text.replacingOccurrences(of: #"\(short by (\S+) \#(unit)\)"#, with: "（差$1\(zh)）", options: .regularExpression)
            }
            if text != english { return message(text) }
        }
        // A sweep, shard or merged database of another sweep: the prefix, then each differing part in Chinese.
        for (pattern, zh) in [(#"^this database holds results of a different sweep: "#, "该数据库保存的是另一个参数扫描的结果："),
                              (#"^the database exists already and holds results of a different sweep: "#, "该数据库已存在，且保存的是另一个参数扫描的结果："),
                              (#"^the output database holds a different sweep than (.+?): "#, "输出数据库保存的参数扫描与 $1 不同："),
                              (#"^this shard is of a different sweep than (.+?): "#, "该分片与 $1 属于不同的参数扫描：")] {
            guard let r = english.range(of: pattern, options: .regularExpression) else { continue }
            let head = english[r].replacingOccurrences(of: pattern, with: zh, options: .regularExpression)
            return head + english[r.upperBound...].components(separatedBy: "; ").map(message).joined(separator: "；")
        }
        // SQLite's own words after a database message: kept, in Chinese brackets.
        if let r = english.range(of: #" \(SQLite: [^()]*\)$"#, options: .regularExpression) {
            return message(String(english[..<r.lowerBound])) + "（SQLite：" + english[r].dropFirst(" (SQLite: ".count).dropLast() + "）"
        }
        // A sweep's delta that tears a base scenario's capacity down: the teardown's own message inside.
        if let m = english.firstMatch(of: /^a delta of (\S+) (.+?) over '([^']+)' takes capacity down \((.+)\): those runs cannot run and are stored as failed$/) {
            return numberUnits("在“\(m.3)”之上增加 \(m.1) \(m.2) 会减少已有装机（") + message(String(m.4)) + "）：这些运行无法进行，记为失败"
        }
        // A target's year, or none: the year's own line, then the way to drop the target.
        let none = ", or none (drops the base scenario's target)"
        if english.hasSuffix(none), english.count > none.count { return message(String(english.dropLast(none.count))) + "，或 none（去掉基础情景的该目标）" }
        let leaveOut = "; leave the entry out for no target"
        if english.hasSuffix(leaveOut), english.count > leaveOut.count { return message(String(english.dropLast(leaveOut.count))) + "；不设目标请删去此项" }
        if let m = english.firstMatch(of: /^(.+) \(not the file '([^']+)' there: write '[^']+' for that one\)$/) {
            return message(String(m.1)) + "（不是该处的 '\(m.2)'：要用它请写 '\(m.2)'）"
        }
        // A build-out set below what the replaced setting reaches: the replacement's message, then how to keep its moves.
        if let m = english.firstMatch(of: /^(.+); to keep them, write (?:a path that keeps its milestones and does not go below (.+?) after them, for example (.+), or )?a delta over it(?:; to build less than it, start this setting in (\d+))?$/) {
            var zh = message(String(m.1)) + "；若要保留，请写"
            if let level = m.2, let path = m.3 { zh += "保留其里程碑、之后不低于 \(numberUnits(String(level))) 的路径，例如 \(path)，或" }
            return zh + "在其上加增量（delta）" + (m.4.map { "；若要少建，请将本设置的起始年设为 \($0) 年" } ?? "")
        }
        let history = " (history mode: the observed capacity comes first; --no-history runs without it)"
        if english.hasSuffix(history) { return message(String(english.dropLast(history.count))) + "（历史模式：观测装机在先；--no-history 则不按观测运行）" }
        let whole = NSRange(english.startIndex..., in: english)
        for (pattern, template) in table {
            guard let m = pattern.firstMatch(in: english, range: whole), m.range == whole else { continue }
            func group(_ k: Int) -> String {
                guard k < m.numberOfRanges, let r = Range(m.range(at: k), in: english) else { return "" }
                return String(english[r])
            }
            var out = "", chars = Array(template), i = 0
            while i < chars.count {
                if (chars[i] == "$" || chars[i] == "§" || chars[i] == "¶"), i + 1 < chars.count, let k = chars[i + 1].wholeNumberValue {
                    out += chars[i] == "$" ? group(k) : chars[i] == "§" ? phrase(group(k)) : group(k).replacingOccurrences(of: ", ", with: "、")
                    i += 2
                } else {
                    out.append(chars[i])
                    i += 1
                }
            }
            return numberUnits(out)
        }
        return english
    }

    /// A model unit after a number inside a translated message ("196 GW", "12.5 Mtce"), as the tables write it in
    /// Chinese (196 吉瓦): the number's group in a pattern carries the English unit with it.
    static func numberUnits(_ text: String) -> String {
        // Not inside '…', which quotes what the user typed or a file's name.
        text.components(separatedBy: "'").enumerated().map { i, part in
            guard i % 2 == 0 else { return part }
            var out = part
            for (unit, zh) in numberUnitsZH {
                out = out.replacingOccurrences(of: #"(\d) \#(unit)(?![A-Za-z0-9/._-])"#, with: "$1 " + zh, options: .regularExpression)
            }
            return out
        }.joined(separator: "'")
    }

    /// Longest first, so "Mt CO2" is not read as "Mt"; in Chinese as `levers --lang zh` (a lever's unit) and the tables
    /// (a model unit) write them.
    private static let numberUnitsZH: [(String, String)] = ["Mt CO2/yr", "Mt CO2", "Mtce", "Mt/yr", "GW/yr", "GW", "TWh/yr", "TWh"].map { u in
        (u, LeverUnit(rawValue: u)?.chinese ?? Labels.unit(u, .zh))
    }

    /// Names of files and shapes of values that messages quote, in Chinese; anything else as written.
    static func phrase(_ english: String) -> String {
        if let zh = phrases[english] { return zh }
        // A lever unit after a range (" GW", " gce/kWh"): in Chinese, as `levers --lang zh` writes it.
        if english.hasPrefix(" "), let unit = LeverUnit(rawValue: String(english.dropFirst())) { return " " + unit.chinese }
        // "a mapping of alumina, aluminium, ..." (the keys a level of a file takes).
        if english == "a mapping of keys" { return "键值映射" }
        // A CEADs province by its Chinese name (Shanxi: 山西).
        if let f = try? ProvinceDataset.facts().first(where: { $0.province == english }), !f.nameZH.isEmpty { return f.nameZH }
        // What a lever acts on (`LeverSubject`): "coke capacity", "high-alumina fly ash".
        if let subject = LeverSubject.all.first(where: { $0.what == english }) { return subject.zh }
        // A level from the dataset that bounds a lever (`DatasetLevel`): "coal fleet's heat rate".
        if let level = LeverRegistry.all.flatMap({ [$0.ceiling, $0.onlyLowers] }).compactMap({ $0 }).first(where: { $0.what == english }) { return level.zh }
        if english.hasPrefix("a mapping of ") { return "由 " + english.dropFirst("a mapping of ".count) + " 组成的映射" }
        return english
    }

    static let phrases: [String: String] = [
        // Model units quoted inside a message.
        "Mtce": "百万吨标准煤", "Mt CO2": "百万吨CO2", "gce/kWh": "克标准煤/千瓦时",
        "scenario file": "情景文件", "CSV observations file": "观测数据 CSV 文件", "optimisation spec": "优化规格文件",
        "sweep spec": "参数扫描规格文件", "dataset": "数据集文件",
        "a single value": "单个数值", "a list": "列表", "a mapping": "映射", "nothing": "空值",
        "a mapping {enforce: true} or {enforce: false}": "映射 {enforce: true} 或 {enforce: false}",
        "years with shares in %": "各年份的比重（%）", "years with caps in Mtce": "各年份的上限（百万吨标准煤）",
        "a lever {target, start, full, shape}, {path: {year: level}, start, shape} or {delta, start, full, shape}":
            "政策措施 {target, start, full, shape}、{path: {year: level}, start, shape} 或 {delta, start, full, shape}",
        "a shape, or milestone years with shapes": "形状，或各里程碑年份的形状",
        "milestone years with levels, for example {2025: 150, 2030: 300}": "各里程碑年份及其水平，例如 {2025: 150, 2030: 300}",
        "plan periods (14th, 15th, ...) with cuts in %": "各五年规划期（14th, 15th, ...）的下降率（%）",
        "a scenario (a mapping with keys such as name, targets, sector_plans)": "情景（含 name、targets、sector_plans 等键的映射）",
        "target and delta": "target 和 delta", "target and path": "target 和 path", "path and delta": "path 和 delta",
        "target and path and delta": "target、path 和 delta",
        "fossil energy": "化石能源消费", "CO2": "二氧化碳排放",
        "sweep database": "参数扫描数据库", "file": "文件",
        "factors: paths with how they vary": "factors：各因素路径及其变化方式",
        "how the factor varies ({range: [low, high]}, {levels: [...]}, or {distribution: ...})": "因素的变化方式（{range: [low, high]}、{levels: [...]} 或 {distribution: ...}）",
        "a sweep spec (name, scenarios, design, n, seed, factors, keep)": "参数扫描规格（name、scenarios、design、n、seed、factors、keep）",
        "lever paths with {range: [low, high]}": "措施路径及其 {range: [low, high]}",
        "dataset paths with numbers": "数据集参数路径及其数值",
        // Lever units inside messages (LeverUnit.chinese).
        "% of gap": "%（差距）", "%/yr": "%/年",
        // A sweep factor's drawn value, and whose full-effect year it is reached by.
        "level": "水平", "change": "增量", "the factor's full-effect year": "该因素的达效年份",
        "the full-effect year of the setting it changes": "所改变设置的达效年份",
    ]

    /// English message patterns (matched whole) and their Chinese, most specific first.
    static let table: [(NSRegularExpression, String)] = [
        (#"unknown key '(.+)'"#, "未知的键 '$1'"),
        (#"no series '(.+)'"#, "没有名为 '$1' 的序列"),
        (#"the sweep kept no series '(.+)'"#, "参数扫描没有保存序列 '$1'"),
        (#"a series of the annual table, for example (.+) \(the columns of the annual CSV files carbonsim run --output DIR writes\)"#,
         "年度表中的序列，例如 $1（即 carbonsim run --output DIR 写出的年度 CSV 文件的各列）"),
        (#"(\d+) scenarios to compare"#, "要比较的情景有 $1 个"),
        // Sweep specs.
        (#"(\S+) lies outside the lever's range \(at most the region's (.+)\)"#, "$1 超出该措施的取值范围（不超过本地区的§2）"),
        (#"(\S+) lies outside the lever's range"#, "$1 超出该措施的取值范围"),
        (#"(\d+) to (\d+), as in scenario files"#, "$1 至 $2，与情景文件相同"),
        (#"empty range \[(\S+), (\S+)\]"#, "区间 [$1, $2] 为空"),
        (#"low < high, for example \[(\S+), (\S+)\]"#, "low < high（下限小于上限），例如 [$1, $2]"),
        (#"level (\S+) is listed twice"#, "水平 $1 列出了两次"),
        (#"each level once"#, "每个水平只列一次"),
        (#"'keep' lists no series: the sweep would store no annual values \(bands and charts need them\)"#, "'keep' 没有列出序列：参数扫描将不保存逐年数值（分位数区间和图表需要它们）"),
        (#"series names, for example \[(.+)\] \(the default when 'keep' is left out\)"#, "序列名称，例如 [$1]（不写 'keep' 时的默认值）"),
        (#"low < high"#, "low < high（下限小于上限）"),
        (#"min < max"#, "min < max（最小值小于最大值）"),
        (#"unknown distribution '(.+)'"#, "未知的分布 '$1'"),
        (#"(\S+) is varied both as '(\w+)' and as '(\w+)'; a lever takes one form"#, "$1 同时作为 '$2' 和 '$3' 变化；一个措施只能取一种形式"),
        (#"either (\S+) \(its level\) or (\S+) \(a change over the base scenario\)"#, "$1（其水平）或 $2（相对基础情景的增量）二选一"),
        (#"n = (-?\d+) is too small for a (\w+) design"#, "n = $1 对 $2 设计太小"),
        (#"design '(\w+)' needs 'n'"#, "设计 '$1' 需要给出 'n'"),
        (#"series '(.+)' is listed twice in 'keep'"#, "序列 '$1' 在 'keep' 中列出了两次"),
        (#"each series once"#, "每个序列只列一次"),
        (#"'keep' is a list of series names"#, "'keep' 是序列名称的列表"),
        (#"series names from `carbonsim run --format json`"#, "`carbonsim run --format json` 中的序列名称"),
        (#"missing '(\w+)'"#, "缺少 '$1'"),
        (#"levels must not be empty"#, "levels 不能为空"),
        (#"levels: \[v1, v2, \.\.\.\], at least one"#, "levels: [v1, v2, ...]，至少一个"),
        (#"range: \[low, high\], two numbers"#, "range: [low, high]，两个数"),
        (#"min <= mode <= max and min < max; here min (\S+), mode (\S+), max (\S+)"#, "min <= mode <= max 且 min < max；此处 min 为 $1、mode 为 $2、max 为 $3"),
        (#"factors: \{PATH: \{range: \[low, high\]\}, \.\.\.\}, each PATH a lever field \(carbonsim levers\) or a dataset parameter \(carbonsim levers --parameters\)"#,
         "factors: {路径: {range: [low, high]}, ...}，每个路径为措施字段（carbonsim levers）或数据集参数（carbonsim levers --parameters）"),
        (#"a range is \[low, high\]"#, "区间写作 [low, high]"),
        (#"say how the factor varies"#, "请说明该因素如何变化"),
        (#"range: \[low, high\], levels: \[\.\.\.\], or distribution: (.+)"#, "range: [low, high]、levels: [...] 或 distribution: $1"),
        (#"a grid design needs 'levels' for every factor"#, "网格设计的每个因素都需要 'levels'"),
        (#"sd must be positive"#, "sd 须为正数"),
        (#"sigma must be positive"#, "sigma 须为正数"),
        (#"a triangular distribution needs min <= mode <= max and min < max"#, "三角分布需要 min <= mode <= max 且 min < max"),
        (#"a discrete distribution needs values and as many weights"#, "离散分布需要 values 及数量相同的 weights"),
        (#"weights must be non-negative and not all zero"#, "weights 须非负且不全为零"),
        (#"a sweep needs a 'design'"#, "参数扫描需要 'design'"),
        (#"a sweep needs 'factors'"#, "参数扫描需要 'factors'"),
        (#"a sweep needs at least one factor"#, "参数扫描至少需要一个因素"),
        (#"'scenarios' is a file or a list of files"#, "'scenarios' 是一个文件或文件列表"),
        (#"'scenarios' lists no file"#, "'scenarios' 没有列出文件"),
        (#"two base scenarios are both named '(.+)'"#, "两个基础情景都名为 '$1'"),
        (#"base scenarios with distinct names \(each file's 'name:'\)"#, "名称各不相同的基础情景（各文件的 'name:'）"),
        (#"'(\w+)' applies to lever factors only"#, "'$1' 只适用于政策措施因素"),
        (#"(\S+) is not a year: a start or full-effect year is whole \(continuous draws are rounded to the nearest year\)"#,
         "$1 不是年份：起始年份和达效年份须为整数（连续抽样值会四舍五入到最近的年份）"),
        (#"whole years, for example \{range: \[(\d+), (\d+)\]\}"#, "整数年份，例如 {range: [$1, $2]}"),
        (#"every full-effect year drawn \((\S+)-(\S+)\) is before the lever's start, (\d+)"#, "抽样的达效年份（$1-$2）都早于该措施的起始年份 $3"),
        (#"years from (\d+) \(or an earlier 'start:' for the factor\)"#, "$1 年及以后（或为该因素写更早的 'start:'）"),
        (#"full-effect years drawn before the lever's start, (\d+), run with (\d+) \(a lever cannot be full before it starts\)"#,
         "早于该措施起始年份 $1 的抽样达效年份按 $2 运行（措施不能在开始之前就全面见效）"),
        (#"a run whose full-effect year is drawn before its start year \((\S+)\.start reaches (\S+)\) runs with its start as the full-effect year \(a lever cannot be full before it starts\); the database stores the year each run ran with"#,
         "抽样的达效年份早于同一次运行的起始年份时（$1.start 最晚到 $2），以起始年份为达效年份运行（措施不能在开始之前就全面见效）；数据库记录每次运行实际使用的年份"),
        (#"start years drawn after (\d+), when the setting reaches its first milestone, run with (\d+) \(a move cannot start after it ends\), and the results of those runs are the same \(the database stores the year each run ran with\); vary \.full too, or draw starts up to (\d+)"#,
         "晚于 $1 年（该设置的第一个里程碑年份）的抽样起始年份按 $2 运行（措施不能在见效之后才开始），这些运行的结果相同（数据库记录每次运行实际使用的年份）；请同时改变 .full，或只抽取 $3 年及以前的起始年份"),
        (#"start years drawn after (\d+), when the setting reaches its first milestone, run with (\d+) \(a move cannot start after it ends\), and the results of those runs are the same \(the database stores the year each run ran with\); draw starts up to (\d+)"#,
         "晚于 $1 年（该设置的第一个里程碑年份）的抽样起始年份按 $2 运行（措施不能在见效之后才开始），这些运行的结果相同（数据库记录每次运行实际使用的年份）；请只抽取 $3 年及以前的起始年份"),
        (#"(\S+)\.start draws years from (\S+), inside the observed years (\d+)-(\d+) \(history mode\), so those runs change them; for moves after them, draw starts from (\d+)"#,
         "$1.start 抽取的起始年份从 $2 年起，落在观测年份 $3-$4 内（历史模式），这些运行会改变已观测的年份；若要在其后才动，请从 $5 年起抽取起始年份"),
        (#"no scenario file '(.+)' \(looked for (.+)\)"#, "没有情景文件 '$1'（查找位置：$2）"),
        (#"paths relative to the spec, or baseline / announced"#, "相对于规格文件的路径，或 baseline / announced"),
        (#"a seed is a non-negative whole number, is (\S+)"#, "seed 须为非负整数，现为 $1"),
        (#"no such sweep spec"#, "没有这个参数扫描规格文件"),
        (#"YAML syntax: an invisible byte-order mark \(U\+FEFF\) inside the file, where two files were probably joined"#,
         "YAML 语法错误：文件中间有一个看不见的字节顺序标记（U+FEFF），多半是两个文件拼接所致"),
        (#"delete the invisible character at the start of this line \(or save each file as UTF-8 without BOM before joining them\)"#,
         "删除该行开头看不见的字符（或拼接前把各文件另存为不带 BOM 的 UTF-8）"),
        (#"unknown dataset parameter '(.+)'"#, "未知的数据集参数 '$1'"),
        (#"a path listed by 'carbonsim levers --parameters'"#, "'carbonsim levers --parameters' 列出的路径"),
        (#"a scale of (\S+) makes (\S+ .+?) into (\S+), out of range"#, "系数 $1 会使 $2 变为 $3，超出范围"),
        (#"scales that keep every value at (\S+ .+?) or more \(a scale of 0 or more\)"#, "使每个值都不小于 $1 的系数（即 0 或以上）"),
        (#"scales that keep every value at (\S+ .+?) or more"#, "使每个值都不小于 $1 的系数"),
        (#"scales that keep every value within (\S+) to (\S+ .+)"#, "使每个值都在 $1 至 $2 之内的系数"),
        (#"the folder (.+) is not writable"#, "文件夹 $1 不可写"),
        (#"the folder is not writable"#, "该文件夹不可写"),
        (#"a folder you can write to, or another path"#, "可写入的文件夹，或换一个路径"),
        (#"a folder you can write to"#, "可写入的文件夹"),
        (#"the path is empty"#, "路径为空"),
        (#"a file name, for example (\S+)"#, "文件名，例如 $1"),
        (#"a folder name, for example (\S+)"#, "文件夹名，例如 $1"),
        (#"unknown language '(.*)'"#, "未知的语言 '$1'"),
        (#"--from \(the default\) and --to are both (\d+): there is no change to decompose"#, "--from（默认值）与 --to 都是 $1 年：没有可分解的变化"),
        (#"--from and --to are both (\d+): there is no change to decompose"#, "--from 与 --to 都是 $1 年：没有可分解的变化"),
        (#"--from (\d+) \(the default\) is after --to (\d+): decompose explains the change from --from to --to, forward in time \(back in time every effect's sign flips\)"#,
         "--from $1（默认值）晚于 --to $2：分解说明从 --from 到 --to 的变化，须按时间先后（倒过来时每个效应的符号都会反转）"),
        (#"--from (\d+) is after --to (\d+): decompose explains the change from --from to --to, forward in time \(back in time every effect's sign flips\)"#,
         "--from $1 晚于 --to $2：分解说明从 --from 到 --to 的变化，须按时间先后（倒过来时每个效应的符号都会反转）"),
        (#"a --to year after --from, for example --from (\d+) --to (\d+)"#, "晚于 --from 的 --to 年份，例如 --from $1 --to $2"),
        (#"comparing scenarios needs both --baseline and --policy; (\S+) is missing"#, "比较情景需要同时给出 --baseline 和 --policy；缺少 $1"),
        (#"--baseline FILE --policy FILE, or one scenario file for a change between two years"#, "--baseline 文件 --policy 文件，或一个情景文件（分解两个年份之间的变化）"),
        (#"(\S+) (\d+): (\S+ .+?) is (\S+) times the model's (\S+ .+?) for that year without history mode, which would follow it; if it is in (\S+) \((.+)\), give that unit \(or write (.+)\)"#,
         "$1 $2 年：$3 是该年模型值（不用历史模式）$5 的 $4 倍，历史模式会跟随它；若单位是 $6（$7），请写明该单位（或写 $8）"),
        (#"(\S+) (\d+): (\S+ .+?) is (\S+) % of the model's (\S+ .+?) for that year without history mode, which would follow it; if it is in (\S+) \((.+)\), write (.+)"#,
         "$1 $2 年：$3 只有该年模型值（不用历史模式）$5 的 $4%，历史模式会跟随它；若单位是 $6（$7），请写 $8"),
        (#"(\S+) (\d+): (\S+ .+?) is (\S+) times the model's (\S+ .+?) for that year without history mode, which would follow it"#, "$1 $2 年：$3 是该年模型值（不用历史模式）$5 的 $4 倍，历史模式会跟随它"),
        (#"(\S+) (\d+): (\S+ .+?) is (\S+) % of the model's (\S+ .+?) for that year without history mode, which would follow it"#, "$1 $2 年：$3 只有该年模型值（不用历史模式）$5 的 $4%，历史模式会跟随它"),
        (#"the sweep kept no series: a fan chart draws a kept series"#, "该参数扫描没有保存任何序列：扇形图画的是保存的序列"),
        (#"a sweep whose spec keeps series, for example keep: \[co2_net\]"#, "规格文件保存了序列的参数扫描，例如 keep: [co2_net]"),
        (#"a lever field \(<lever path>\.target, \.start, \.full or \.delta, see `carbonsim levers`\) or a dataset parameter \(see `carbonsim levers --parameters`\)"#,
         "措施字段（<措施路径>.target、.start、.full 或 .delta，见 `carbonsim levers`）或数据集参数（见 `carbonsim levers --parameters`）"),
        // Sweep databases: resume, shards, merge.
        (#"another --db \(or remove this file to start over\)"#, "另一个 --db（或删除此文件后重新开始）"),
        (#"another --db \(this file is no sweep database of carbonsim\)"#, "另一个 --db（此文件不是 carbonsim 的参数扫描数据库）"),
        (#"the database exists already"#, "该数据库已存在"),
        (#"--resume to continue it, or another --db"#, "用 --resume 继续该扫描，或换一个 --db"),
        (#"'(.+)' is not a shard"#, "'$1' 不是分片写法"),
        (#"i/n with n >= 1 and 0 <= i < n, for example 0/4"#, "i/n，其中 n >= 1 且 0 <= i < n，例如 0/4"),
        (#"(\d+) shards for (\d+) runs"#, "$2 次运行分成 $1 个分片"),
        (#"at most as many shards as runs: i/n with 1 <= n <= (\d+)"#, "分片数不超过运行次数：i/n，其中 1 <= n <= $1"),
        (#"nothing to merge"#, "没有可合并的数据库"),
        (#"one or more shard databases"#, "一个或多个分片数据库"),
        (#"no such sweep database"#, "没有这个参数扫描数据库"),
        (#"this is a folder, not a sweep database"#, "这是文件夹，不是参数扫描数据库"),
        (#"not a carbonsim database: the file is not SQLite, or is damaged or encrypted"#, "不是 carbonsim 数据库：该文件不是 SQLite，或已损坏、已加密"),
        (#"not a carbonsim sweep database \(no 'meta' table\)"#, "不是 carbonsim 参数扫描数据库（没有 'meta' 表）"),
        (#"not a carbonsim sweep database \(it holds other tables: (.+)\)"#, "不是 carbonsim 参数扫描数据库（其中是其他表：$1）"),
        (#"this sweep database lacks the table\(s\) (.+)"#, "该参数扫描数据库缺少表 $1"),
        (#"a database made by carbonsim sweep or merge"#, "由 carbonsim sweep 或 merge 生成的数据库"),
        (#"a database made by carbonsim sweep or merge, or a new --db file"#, "由 carbonsim sweep 或 merge 生成的数据库，或新的 --db 文件"),
        (#"a database made by carbonsim sweep or merge; run the sweep again into a new --db"#, "由 carbonsim sweep 或 merge 生成的数据库；请把扫描重新写入新的 --db"),
        (#"a database made by carbonsim sweep or merge, on a writable disk with free space"#, "由 carbonsim sweep 或 merge 生成、位于可写且有剩余空间的磁盘上的数据库"),
        (#"a new --db file, or a database made by carbonsim sweep"#, "新的 --db 文件，或由 carbonsim sweep 生成的数据库"),
        (#"a new file, or one of the same sweep"#, "新文件，或同一参数扫描的数据库"),
        (#"shards of one sweep: the same spec, scenario files, dataset and carbonsim version"#, "同一参数扫描的分片：相同的规格文件、情景文件、数据集和 carbonsim 版本"),
        (#"the same spec, scenario files, dataset and carbonsim version it was created with; or a new --db file"#, "与创建时相同的规格文件、情景文件、数据集和 carbonsim 版本；或新的 --db 文件"),
        (#"the database is locked by another process \(another sweep or merge writing it\?\)"#, "该数据库被另一个进程锁定（另一个 sweep 或 merge 正在写入？）"),
        (#"wait for the other process to finish, or write to another --db"#, "请等待另一个进程结束，或写入另一个 --db"),
        (#"the disk is full"#, "磁盘已满"),
        (#"free space \(or use --db on another disk\), then --resume: every committed chunk is kept"#, "请释放空间（或把 --db 放到另一块磁盘），再用 --resume：已提交的部分都会保留"),
        (#"the database is damaged \(corrupt\)"#, "该数据库已损坏"),
        (#"the database is damaged \(SQLite quick_check: (.+)\)"#, "该数据库已损坏（SQLite quick_check：$1）"),
        (#"run the sweep again into a new --db; or try `sqlite3 (.+) \.recover` to save what is readable"#, "请把扫描重新写入新的 --db；或用 `sqlite3 $1 .recover` 挽救可读的部分"),
        (#"the database is read-only \(the file or its folder (.+) is not writable\)"#, "该数据库只读（文件或其所在文件夹 $1 不可写）"),
        (#"a writable file and folder \(check permissions\), or another --db"#, "可写的文件和文件夹（请检查权限），或另一个 --db"),
        (#"reading or writing the database failed \(disk or network file system error\)"#, "读写数据库失败（磁盘或网络文件系统错误）"),
        (#"check the disk; then --resume, which keeps every committed chunk"#, "请检查磁盘；再用 --resume，已提交的部分都会保留"),
        (#"the database path is empty"#, "数据库路径为空"),
        (#"the merged database's path is empty"#, "合并后数据库的路径为空"),
        (#"a file name such as sweep\.sqlite"#, "文件名，例如 sweep.sqlite"),
        (#"cannot open the database: its folder (.+) does not exist, is not writable, or the path is a folder"#, "无法打开数据库：其文件夹 $1 不存在或不可写，或该路径是文件夹"),
        (#"the sweep has no year (\d+)"#, "参数扫描中没有 $1 年"),
        (#"the sweep spec text differs"#, "参数扫描规格文件的内容不同"),
        (#"it does not record its scenario files \(made by an older carbonsim\)"#, "该数据库没有记录基础情景文件（由旧版 carbonsim 生成）"),
        (#"the base scenario files differ \(a scenario or a file it extends was edited, or other files are listed\)"#, "基础情景文件不同（某个情景或其继承的文件被修改，或列出了其他文件）"),
        (#"the sweep was made in history mode \(the default\): resume it without --no-history"#, "该扫描以历史模式（默认）生成：续算时请不要加 --no-history"),
        (#"the sweep was made with --no-history: resume it with --no-history"#, "该扫描以 --no-history 生成：续算时请加 --no-history"),
        (#"the observations or what history mode fitted to them differ \(the observations file was edited or replaced\)"#, "观测数据或历史模式据其拟合的结果不同（观测数据文件被修改或替换）"),
        (#"the dataset differs \(another --dataset, or the dataset file was edited\)"#, "数据集不同（使用了另一个 --dataset，或数据集文件被修改）"),
        (#"the tool version differs \((.+) there, (.+) here\)"#, "软件版本不同（数据库中为 $1，当前为 $2）"),
        (#"(\d+) to (\d+)"#, "$1 至 $2"),
        (#"this file is also an input of the command; writing (\S+) here would replace what the command reads"#,
         "该文件也是本命令的输入；把 $1 写到这里会覆盖命令要读取的内容"),
        (#"another file name for (\S+)"#, "为 $1 另取一个文件名"),
        (#"this is a SQLite database \(a sweep's results\?\); writing (\S+) here would replace it"#, "这是一个 SQLite 数据库（参数扫描结果？）；把 $1 写到这里会覆盖它"),
        (#"another file name for (\S+) \(the database stays as it is\)"#, "为 $1 另取一个文件名（数据库保持不变）"),
        (#"on (.+) the embedded baseline checks the national goals only \(peak by 2030, neutrality by 2060\); its other targets are Inner Mongolia's. Write (.+)'s own targets in a scenario file that extends it"#,
         "在 §1，内置基准情景只检验国家目标（2030年前达峰、2060年前碳中和）；其余目标是内蒙古的。请在继承它的情景文件中写入 §2 自己的目标"),
        (#"the embedded announced.yaml is Inner Mongolia's published plan: its measures and targets are Inner Mongolia's, here run on (.+)"#,
         "内置的 announced.yaml 是内蒙古已公布的规划：其政策措施和目标都是内蒙古的，此处用于 §1"),
        (#"the dataset has no (.+) for this lever to act on, so it changes no output, energy or emissions \(a dataset derived from a CEADs inventory has no products; add them to the dataset: docs/data.md\)"#,
         "数据集中没有此措施作用的§1，该措施不改变产量、能耗和排放（由CEADs清单推算的数据集没有产品；请在数据集中加入：docs/data.md）"),
        (#"the drawn (level|change) is reached at the end of (\d+) \((.+)\), and in history mode (\S+) follows the observed capacity through (\d+): the factor changes nothing there and every run is the same; give it a full-effect year after (\d+)"#,
         "抽样的§1在 $2 年末达到（§3），而历史模式下 $4 在 $5 年及以前跟随观测装机：该因素在此不起作用，各次运行完全相同；请给它 $6 年之后的达效年份"),
        (#"another sweep is writing this database now"#, "另一个参数扫描正在写入该数据库"),
        (#"one sweep per database at a time: wait for it to finish \(--resume then completes what is missing\), or write to another --db"#,
         "同一数据库同时只能由一个参数扫描写入：请等它结束（之后用 --resume 补齐缺少的运行），或写入另一个 --db"),
        (#"enforcing dual control needs an energy cap to enforce"#, "强制执行能耗双控需要设定能耗总量上限"),
        (#"this file drops every energy cap, and (.+) \(line (\d+)\) enforces dual control, which needs one"#,
         "此文件去掉了所有能耗总量上限，而 $1（第 $2 行）强制执行能耗双控，需要至少一个上限"),
        (#"a cap kept or given here, or measures: \{dual_control: \{enforce: false\}\} in this file"#,
         "在此保留或给出一个上限，或在此文件中写 measures: {dual_control: {enforce: false}}"),
        (#"targets.energy_cap with at least one year, for example \{2025: 250\}"#, "targets.energy_cap，至少一个年份，例如 {2025: 250}"),
        (#"levels below (\S+) (.+?), the capacity observed at the end of (\d+) \(history mode\), take capacity down where the drawn start is after (\d+): those runs are stored as failed"#,
         "抽样起始年份晚于 $4 年时，低于 $1 $2（$3 年末观测装机，历史模式）的取值会减少装机，相应运行记为失败"),
        (#"levels below (\S+) (.+?), the capacity observed at the end of (\d+) \(history mode\), are raised to it: those runs all run at (\S+) (.+), and store it as their level; where the drawn start is after (\d+), they take capacity down instead, and those runs are stored as failed"#,
         "低于 $1 $2（$3 年末观测装机，历史模式）的取值会被提高到该值：这些运行都按 $4 $5 运行，并以该值记录；抽样起始年份晚于 $6 年时，这些取值会减少装机，相应运行记为失败"),
        (#"levels below (\S+) (.+?), the capacity observed at the end of (\d+) \(history mode\), are raised to it: those runs all run at (\S+) (.+), and store it as their level"#,
         "低于 $1 $2（$3 年末观测装机，历史模式）的取值会被提高到该值：这些运行都按 $4 $5 运行，并以该值记录"),
        (#"about (\S+) % of the draws fall between (\S+) and (\S+) (.+?), below the capacity observed at the end of (\d+) \(history mode\): those runs run at (\S+) (.+), and store it as their level"#,
         "约 $1% 的抽样值介于 $2 与 $3 $4 之间，低于 $5 年末观测装机（历史模式）：这些运行按 $6 $7 运行，并以该值记录"),
        (#"about (\S+) % of the draws fall below (\S+) (.+?), what '(.+)' has installed when the lever's move starts: those runs would take capacity down and cannot run, and are stored as failed"#,
         "约 $1% 的抽样值低于 $2 $3（情景 '$4' 在该措施变动开始时的已有装机）：这些运行会减少装机，无法运行，记为失败"),
        (#"the lower bound (\S+) (.+?) is below (\S+) (.+?), the capacity observed at the end of (\d+): the move starts in (\d+), within the observed years \(history mode\), so a lower level is raised to it and every level from \S+ to \S+ .+? runs alike; give a lower bound of at least \S+ .+"#,
         "下限 $1 $2 低于 $5 年末观测装机 $3 $4：该变动自 $6 年开始，处于观测年份内（历史模式），更低的水平会被提高到该值，因此 $1 至 $3 $4 之间的取值运行结果相同；下限应至少为 $3 $4"),
        (#"the lower bound (\S+) (.+?) is below (\S+) (.+?), the least the setting's last milestone \((\d+)\) may reach without taking capacity down: what is installed when its move starts, or more where a delta or step over a rising path would dip first \(history mode: the observed capacity, then the base scenario's later milestones\); a build-out lever only adds capacity"#,
         "下限 $1 $2 低于 $3 $4，即该设置最后一个里程碑（$5 年）在不减少装机的前提下可达到的最低水平：变动开始时的已有装机，若增量或阶跃叠加在上升路径上会先下降则更高（历史模式：先按观测装机，再按基础情景之后的里程碑）；扩建类措施只增加装机"),
        (#"the lower bound (\S+) (.+?) is below (\S+) (.+?), the least the setting's last milestone \((\d+)\) may reach without taking capacity down: what is installed when its move starts, or more where a delta or step over a rising path would dip first; a build-out lever only adds capacity"#,
         "下限 $1 $2 低于 $3 $4，即该设置最后一个里程碑（$5 年）在不减少装机的前提下可达到的最低水平：变动开始时的已有装机，若增量或阶跃叠加在上升路径上会先下降则更高；扩建类措施只增加装机"),
        (#"levels below (\S+) (.+?), what '(.+)' has installed when the lever's move starts, take capacity down and cannot run: those runs are stored as failed"#,
         "低于 $1 $2（情景 '$3' 在该措施变动开始时的已有装机）的取值会减少装机，无法运行：这些运行记为失败"),
        (#"an enforced energy cap in (.+), at or before (\d+), the last observed year \(history mode\): where it binds, dual control curtails output in the observed years to meet it, so they change; for a cap on later years only, give years after (\d+)"#,
         "强制执行的能耗上限在 ¶1 年，不晚于最后观测年份 $2 年（历史模式）：上限起约束作用时，能耗双控会压减观测年份的产出以满足它，这些年份随之改变；若只限制之后的年份，请给出 $3 年以后的年份"),
        (#"the name is empty: tables, charts and databases would show a nameless column"#, "名称为空：表格、图表和数据库中会出现没有名称的列"),
        (#"a name, for example name: (.+), or no 'name:' line \(the file's name is used\)"#, "一个名称，例如 name: $1；或不写 'name:' 行（使用文件名）"),
        (#"this is an? (sweep spec|optimisation spec|scenario file|dataset) \(it has (.+) and ('\w+')\), not an? (sweep spec|optimisation spec|scenario file|dataset)"#, "这是§1（含 ¶2、$3 键），不是§4"),
        (#"this is an? (sweep spec|optimisation spec|scenario file|dataset) \(it has ('\w+')\), not an? (sweep spec|optimisation spec|scenario file|dataset)"#, "这是§1（含 $2 键），不是§3"),
        (#"carbonsim (\S+) (FILE|SPEC)\.yaml --dataset (.+?) uses it \(every command takes --dataset\); an? (sweep spec|optimisation spec|scenario file|dataset) has keys such as (.+)"#,
         "用 carbonsim $1 $2.yaml --dataset $3 使用它（每个命令都接受 --dataset）；§4的键如 ¶5"),
        (#"carbonsim (\S+) (.+?) runs it; an? (sweep spec|optimisation spec|scenario file|dataset) has keys such as (.+)"#,
         "用 carbonsim $1 $2 运行它；§3的键如 ¶4"),
        (#"the variable's (.+) replaces? '(.+)''s path \((.+)\) with one move from (\d+) to (\d+): its earlier milestones are dropped; without start, full and shape the variable keeps the path and moves its last milestone"#,
         "该变量的 $1 取代了情景 '$2' 的里程碑路径（$3），改为从 $4 年到 $5 年的一次变动：较早的里程碑被舍弃；不写 start、full 和 shape 时，该变量保留路径，只移动最后一个里程碑"),
        (#"the variable's (.+) replaces? '(.+)''s delta over what it extends with one move from (\d+) to (\d+): its earlier milestones are dropped; without start, full and shape the variable keeps the delta and moves its last milestone"#,
         "该变量的 $1 取代了情景 '$2' 中的增量设置，改为从 $3 年到 $4 年的一次变动：原设置被舍弃；不写 start、full 和 shape 时，该变量保留增量，只移动最后一个里程碑"),
        (#"no start year given: where '(.+)' leaves the lever alone, it moves from (\d+), inside the observed years (\d+)-(\d+) \(history mode\), so the runs change them; for a move after them, give start: (\d+)(, full: \d+)?"#,
         "未给出起始年份：在情景 '$1' 未设置该措施之处，该措施自 $2 年起变动，落在观测年份 $3-$4 年内（历史模式），各次运行会改变这些年份的结果；若要在此之后变动，请写 start: $5$6"),
        (#"no start year given: the delta follows the schedule of '(.+)''s setting, from (\d+), inside the observed years (\d+)-(\d+) \(history mode\), so the runs change them; for a move after them, give start: (\d+)(, full: \d+)?"#,
         "未给出起始年份：该增量沿用情景 '$1' 中设置的进度，自 $2 年起变动，落在观测年份 $3-$4 年内（历史模式），各次运行会改变这些年份的结果；若要在此之后变动，请写 start: $5$6"),
        (#"no base scenario \((.+)\) sets (\S+) and no factor varies its level, so it stays at its baseline: moving its start year changes nothing and every run would be the same"#,
         "没有基础情景（$1）设置 $2，也没有因素改变其水平，该措施保持基准水平：改变其起始年份不起作用，各次运行完全相同"),
        (#"no base scenario \((.+)\) sets (\S+) and no factor varies its level, so it stays at its baseline: moving its full-effect year changes nothing and every run would be the same"#,
         "没有基础情景（$1）设置 $2，也没有因素改变其水平，该措施保持基准水平：改变其达效年份不起作用，各次运行完全相同"),
        (#"(.+) does not set (\S+) and no factor varies its level, so there it stays at its baseline: moving its start year changes nothing, and those runs are the scenario's own"#,
         "$1 未设置 $2，也没有因素改变其水平，在该情景中此措施保持基准水平：改变其起始年份不起作用，这些运行即该情景本身的结果"),
        (#"(.+) do not set (\S+) and no factor varies its level, so there it stays at its baseline: moving its start year changes nothing, and those runs are the scenario's own"#,
         "$1 未设置 $2，也没有因素改变其水平，在这些情景中此措施保持基准水平：改变其起始年份不起作用，这些运行即各情景本身的结果"),
        (#"(.+) does not set (\S+) and no factor varies its level, so there it stays at its baseline: moving its full-effect year changes nothing, and those runs are the scenario's own"#,
         "$1 未设置 $2，也没有因素改变其水平，在该情景中此措施保持基准水平：改变其达效年份不起作用，这些运行即该情景本身的结果"),
        (#"(.+) do not set (\S+) and no factor varies its level, so there it stays at its baseline: moving its full-effect year changes nothing, and those runs are the scenario's own"#,
         "$1 未设置 $2，也没有因素改变其水平，在这些情景中此措施保持基准水平：改变其达效年份不起作用，这些运行即各情景本身的结果"),
        (#"every start year drawn \((\S+)-(\S+)\) is after (\d+), when the setting reaches its first milestone: every run would start in \d+ \(a move cannot start after it ends\) and be the same"#,
         "抽样的起始年份（$1—$2）均晚于 $3 年，而设置在该年已达到第一个里程碑：各次运行都将从 $3 年开始（变化不能在结束后才开始），结果完全相同"),
        (#"start years up to (\d+), or vary \.full too"#, "不晚于 $1 年的起始年份，或同时改变 .full"),
        (#"start years up to (\d+)"#, "不晚于 $1 年的起始年份"),
        (#"also vary (\S+)\.target \(or \.delta\), or sweep a base scenario that sets the lever"#,
         "同时改变 $1.target（或 .delta），或扫描一个设置了该措施的基础情景"),
        (#"'(.+)' (?:does|do) not go with (.+): a factor varies in one way, and the other keys would be ignored"#,
         "'$1' 不能与 $2 同时使用：一个因素只能按一种方式变化，其余的键会被忽略"),
        (#"(.+) with nothing else \(and start, full, shape for a lever\)"#, "只写 $1（政策措施还可写 start、full、shape）"),
        (#"(.+) with (.+) \(and start, full, shape for a lever\)"#, "$1，并给出 $2（政策措施还可写 start、full、shape）"),
        (#"no start year given: the delta follows the schedule of the setting it extends, from (\d+), inside the observed years (\d+)-(\d+) \(history mode\), so it changes them; for a move after them, give start: (\d+)(, full: \d+)?"#,
         "未给出起始年份：该增量沿用所扩展设置的进度，自 $1 年起变动，落在观测年份 $2-$3 年内（历史模式），会改变这些年份的结果；若要在此之后变动，请写 start: $4$5"),
        (#"no start year given: the lever moves from (\d+), inside the observed years (\d+)-(\d+) \(history mode\), so it changes them; for a move after them, give start: (\d+)(, full: \d+)?"#,
         "未给出起始年份：该措施自 $1 年起变动，落在观测年份 $2-$3 年内（历史模式），会改变这些年份的结果；若要在此之后变动，请写 start: $4$5"),
        (#"milestones? (.+) at or before (\d+) superseded by observed capacity \(history mode\): the setting has no effect, the lever follows the observed capacity, then the baseline trend. (\S+) (\S+) is below the (\S+) (\S+) observed at the end of (\d+): the lever only builds"#,
         "里程碑 ¶1 在 $2 年及以前，由观测装机取代（历史模式）：该设置不起作用，该措施先跟随观测装机，再按基准趋势。$3 $4 低于 $7 年末观测到的 $5 $6：该措施只增加装机"),
        (#"milestones? (.+) at or before (\d+) superseded by observed capacity \(history mode\): the setting has no effect, the lever follows the observed capacity, then the baseline trend. For (\S+) (\S+) after \d+, give a later year, for example (\{.+\})"#,
         "里程碑 ¶1 在 $2 年及以前，由观测装机取代（历史模式）：该设置不起作用，该措施先跟随观测装机，再按基准趋势。若要 $2 年之后达到 $3 $4，请写更晚的年份，例如 $5"),
        (#"milestones? (.+) at or before (\d+) superseded by observed capacity \(history mode\)"#,
         "里程碑 ¶1 在 $2 年及以前，由观测装机取代（历史模式）"),
        (#"the (.+) milestones? of (.+) (?:is|are) below the (.+) observed at the end of (\d+), raised to it \(history mode; the lever only builds: it stays at (.+) through (\d+)\)"#,
         "¶1 年的里程碑为 ¶2，低于 $4 年末观测到的 $3，已提高到该值（历史模式；该措施只增加装机：至 $6 年末保持 $5）"),
        (#"the (.+) milestones? (?:is|are) below the (.+) observed at the end of (\d+), raised to it \(history mode; the lever only builds: it stays at (.+) through (\d+)\)"#,
         "¶1 年的里程碑低于 $3 年末观测到的 $2，已提高到该值（历史模式；该措施只增加装机：至 $5 年末保持 $4）"),
        (#"key '(.+)' appears twice in one mapping"#, "键 '$1' 在同一映射中出现了两次"),
        (#"key '(.+)' appears twice"#, "键 '$1' 出现了两次"),
        (#"(\S+) scales the series \(a factor: 1 is the dataset's path, (\S+) is (\S+) % of it\), outside the factor's plausible range (\S+); a rate such as 5 %/yr is not written here"#,
         "$1 是整条序列的缩放系数（1 为数据集原路径，$2 即其 $3 %），超出该系数的合理范围 $4；此处不填增长率（如 5%/年）"),
        (#"(\S+) (.*?) ?is outside the plausible range of this estimate, (\S+) (.*)"#, "$1 $2 超出该估计值的合理范围 $3 $4"),
        (#"'extends' names no file"#, "'extends' 没有写文件名"),
        (#"the path of a scenario file, relative to (.+) \(for example announced.yaml\), or no 'extends' line"#,
         "情景文件的路径（相对于 $1，例如 announced.yaml），或删去 'extends' 这一行"),
        (#"extends '(.+)', which is a folder, not a scenario file"#, "继承的 '$1' 是文件夹，不是情景文件"),
        (#"the path of a scenario file, relative to (.+)"#, "情景文件的路径（相对于 $1）"),
        (#"each key once; merge the two entries into one \(the first is on line (\d+), earlier on this line\)"#, "每个键只写一次：把两处合并为一处（第一处在第 $1 行，本行前面）"),
        (#"each key once; merge the two entries into one \(the first is on line (\d+)\)"#, "每个键只写一次：把两处合并为一处（第一处在第 $1 行）"),
        (#"each key once; merge the two entries into one"#, "每个键只写一次：把两处合并为一处"),
        (#"(.+) \(or 15, 十五五\)"#, "$1（也可写 15、十五五）"),
        (#"'(.+)' is not accepted"#, "不接受 '$1'"),
        (#"unknown factor path '(.+)'"#, "未知的因子路径 '$1'"),
        (#"unknown objective '(.+)'"#, "未知的优化目标 '$1'"),
        (#"bad bounds"#, "上下界无效"),
        (#"\[low, high\] with low < high"#, "[low, high]，且 low < high"),
        (#"starts must be (\d+) to (\d+), is (\S+)"#, "starts 须为 $1 至 $2，现为 $3"),
        (#"series names from `carbonsim run --format json`"#, "`carbonsim run --format json` 给出的序列名"),
        (#"a lever path from `carbonsim levers`"#, "`carbonsim levers` 列出的措施路径"),
        (#"a path listed by `carbonsim levers`"#, "`carbonsim levers` 列出的路径"),
        (#"a path listed by 'carbonsim levers --parameters'"#, "`carbonsim levers --parameters` 列出的路径"),
        (#"'(.+)' extends itself through a cycle"#, "'$1' 经由循环继承了自身"),
        (#"a lever takes one of 'target', 'path' and 'delta', not (.+)"#, "政策措施只取 'target'、'path'、'delta' 三种写法之一，不能同时用 §1"),
        (#"a path's milestones give their own years; 'full' goes with 'target' or 'delta'"#,
         "路径的里程碑自带年份；'full' 只与 'target' 或 'delta' 同用"),
        (#"indentation with spaces \(most editors: convert tabs to spaces\)"#, "用空格缩进（多数编辑器可把制表符转换为空格）"),
        (#"the path of a file inside it"#, "文件夹内某个文件的路径"),
        (#"the path of an existing (.+)"#, "已有的§1的路径"),
        (#"unknown lever '(.+)'"#, "未知的政策措施 '$1'"),
        (#"no such command or scenario file"#, "没有这个命令，也没有这个情景文件"),
        (#"no lever mix within the bounds meets every target; the closest misses (.+) at (.+)"#,
         "在变量范围内没有能同时实现所有目标的措施组合；最接近的组合未实现：$1（此时 $2）"),
        (#"wider variable bounds, more variables, or looser targets"#, "放宽变量范围、增加变量或放宽目标"),
        (#"a command \((.+)\) or a scenario file"#, "命令（$1）或情景文件"),
        (#"unknown target '(.+)'"#, "未知的目标 '$1'"),
        (#"unknown shape '(.+)'"#, "未知的形状 '$1'"),
        (#"unknown series '(.+)': YAML separates a list's items with ',', not with '(.)' \(a Chinese input method's\)"#,
         "未知的输出序列 '$1'：YAML 列表各项之间用英文逗号 ','，不能用中文输入法的 '$2'"),
        (#"unknown series '(.+)'"#, "未知的输出序列 '$1'"),
        (#"unknown output '(.+)'"#, "未知的输出 '$1'"),
        (#"expected a number, found '(.+)': write the number alone, without '(.+)' \(the field's unit is fixed\)"#,
         "应为数字，实际为 '$1'：只写数字，不要带 '$2'（此项的单位是固定的）"),
        (#"expected a number, found (.+)"#, "应为数字，实际为 $1"),
        (#"expected a whole number, found (.+)"#, "应为整数，实际为 $1"),
        (#"a whole number, for example (\d+)"#, "整数，例如 $1"),
        (#"expected true or false, found (.+)"#, "应为 true 或 false，实际为 $1"),
        (#"expected true or false"#, "应为 true 或 false"),
        (#"expected text, found (.+)"#, "应为文字，实际为 $1"),
        (#"expected a list of numbers, found (.+)"#, "应为数字列表，实际为 $1"),
        (#"year (\S+) is outside the model horizon"#, "年份 $1 超出模型年限"),
        (#"year (\S+) is outside the run"#, "年份 $1 不在运行的年份内"),
        (#"'(.+)' is not a year"#, "'$1' 不是年份"),
        (#"'(.+)' is not a plan period inside the horizon"#, "'$1' 不是模型年限内的五年规划期"),
        (#"'(\d+)' is a year, not a plan period: a cut is over a five-year plan period, and (\d+) falls in the (\w+) \((\d+)-(\d+)\)"#,
         "'$1' 是年份，不是五年规划期：下降率按五年规划期给出，$2 年属于 $3（$4-$5 年）"),
        (#"expected a year, found (.+)"#, "应为年份，实际为 $1"),
        (#"a year, (\d+) to (\d+)"#, "年份，$1 至 $2"),
        (#"(years with .+), for example \{(\d+): (.+)\}"#, "§1，例如 {$2: $3}"),
        (#"(\S+) is out of range"#, "$1 超出取值范围"),
        (#"must be positive, is (\S+)"#, "须为正数，现为 $1"),
        (#"must be below (\S+), is (\S+)"#, "须小于 $1，现为 $2"),
        (#"empty range: min (\S+) is not below max (\S+)"#, "区间为空：最小值 $1 不小于最大值 $2"),
        (#"the full-effect year (\d+) is before the start year (\d+)"#, "全面见效年份 $1 早于起始年份 $2"),
        (#"the delta's full-effect year (\d+) is before its start year (\d+) \(the setting it extends is complete by \d+\): give a full-effect year too, for example full: (\d+)"#,
         "增量的全面见效年份 $1 早于其起始年份 $2（所扩展的设置在 $1 年已完成）：请同时给出全面见效年份，例如 full: $3"),
        (#"the delta's full-effect year (\d+) is before its start year (\d+)"#, "增量的全面见效年份 $1 早于其起始年份 $2"),
        (#"milestone (\d+) is before the start year (\d+)"#, "里程碑年份 $1 早于起始年份 $2"),
        (#"a path needs at least one milestone"#, "路径至少需要一个里程碑"),
        (#"a build-out target of (\S+) (.+?) by the end of (\d+) is below the (\S+) (.+?) installed at the start of (\d+); this lever only adds capacity \(zero is a value, not 'off'; retiring capacity is another lever's job\)"#,
         "建设目标（$3 年末 $1 $2）低于 $6 年初已有的 $4 $5：此措施只增加装机（0 是一个取值，不表示“关闭”；退役由其他措施负责）"),
        (#"with the delta the lever reaches (\S+) (.+?) at the end of (\d+), outside its range"#, "加上增量后，该措施在 $3 年末达到 $1 $2，超出取值范围"),
        (#"(\S+) (.+?) by the end of (\d+) exceeds the region's clinker capacity of (\S+) (.+?) \(dataset, base year\); a transfer out cannot move more capacity than the region has"#,
         "$3 年末 $1 $2 超过本地区的熟料产能 $4 $5（数据集，基准年）：转出的产能不能多于本地区已有的产能"),
        (#"(\S+) is out of range \(in (\S+) \((.+?)\), the unit of Chinese statistics, it would be (\S+) (.+)\)"#,
         "$1 超出取值范围（若按统计口径单位 $2 计，即 $4 $5）"),
        (#"'(.+)' is the (\S+) plan period, already given as '(.+)' on line (\d+)"#, "'$1' 与第 $4 行的 '$3' 是同一个规划期（$2）"),
        (#"each plan period once"#, "每个规划期只写一次"),
        (#"0 is not a possible (\S+): a region's .+ is above 0"#, "0 不是 $1 可能的取值（地区的该项必大于 0）"),
        (#"a level above 0"#, "大于 0 的水平"),
        (#"the observed (\S+) \(lines? (.+?)\) puts the dataset's (\S+) out of its range: (.+)"#, "观测的 $1（第 ¶2 行）使数据集的 $3 超出其范围：$4"),
        (#"the observed (\S+) falls from (\S+) GW at the end of (\d+) \(line (\d+)\) to (\S+) GW at the end of (\d+); history mode follows it with a build-out lever, which cannot fall"#,
         "观测的 $1 从 $3 年末的 $2 吉瓦（第 $4 行）降至 $6 年末的 $5 吉瓦；历史模式以只增不减的建设类措施跟随它"),
        (#"year-end capacities that do not fall from one year to the next"#, "逐年不下降的年末装机"),
        (#"(.+) is not a folder"#, "$1 不是文件夹"),
        (#"a folder of scenario files, for example (\S+)"#, "情景文件所在的文件夹，例如 $1"),
        (#"(\S+) gce/kWh is below (\S+): 1 kWh is 3\.6 MJ, or 122\.8 gce; a lower heat rate would turn coal into power at more than 100 % efficiency"#,
         "$1 gce/kWh 低于 $2：1 千瓦时为 3.6 兆焦，即 122.8 克标准煤；更低的煤耗意味着发电效率超过 100%"),
        (#"(\S+) (\S+) or more"#, "不低于 $1 $2"),
        (#"with the assumptions (.+?): (.+)"#, "按假设 $1：$2"),
        (#"assumptions that keep the base year consistent with the dataset's inventory: each within its plausible range \(carbonsim validate warns outside it\), and together not claiming more of a sector's energy than the inventory holds \(values inside their ranges can still do so together: change one at a time to find which\)"#,
         "使基准年与数据集排放清单保持一致的假设：每项都在合理范围内（超出时 carbonsim validate 会警告），且合计不超过清单中某部门的能源量（各自在范围内的取值合起来仍可能超出：请逐项修改以找出是哪一项）"),
        (#"--province (.+) with --dataset (.+), a dataset of (.+): the dataset file sets the region"#, "--province $1 与 --dataset $2（$3的数据集）同时给出：数据集文件已决定地区"),
        (#"--dataset FILE or --province NAME, not both \(or a --dataset of (.+)\)"#, "--dataset 文件 或 --province 省份，二选一（或给出$1的 --dataset）"),

        (#"(.+) sets (\S+) as a path with milestones (.+); a start of (\d+) would come after its first milestone"#,
         "$1 将 $2 设为路径（里程碑 ¶3）；起始年份 $4 晚于其第一个里程碑"),
        (#"a start at or before (\d+), or no --start \(the search moves the path's last milestone, (\d+)\)"#,
         "不晚于 $1 的起始年份，或不给 --start（求解移动路径的最后一个里程碑，即 $2 年）"),

        // Templates read one digit after $: at most nine groups.
        (#"(\S+) (.+?) is (\S+) times the region's (\d+) (fossil energy|CO2) \((\S+) (.+?)\): if you meant \S+ (\S+) \(.+?\), as Chinese statistics write it, write (\S+)"#,
         "$1 §2 是本地区 $4 年§5（$6 §7）的 $3 倍：若指 $1 $8（统计口径单位），请写 $9"),
        (#"(\S+) (.+?) is (\S+) % of the region's (\d+) (fossil energy|CO2) \((\S+) (.+?)\): if you meant \S+ (\S+) \(.+?\), as Chinese statistics write it, write (\S+)"#,
         "$1 §2 相当于本地区 $4 年§5（$6 §7）的 $3 %：若指 $1 $8（统计口径单位），请写 $9"),
        (#"milestones that do not go down, at or above the installed capacity \((\S+) (\S+) at the start of (\d+): in history mode the observed capacity, then the trend\), and year-end levels that do not fall between them \(.+\)"#,
         "不逐期下降、且不低于已有装机（$3 年初 $1 $2：历史模式下先为观测装机，其后按趋势）的里程碑，且里程碑之间的年末水平也不下降（措施是叠加在趋势上的增量：较早开始的阶跃或逻辑斯蒂形状可能在趋势追上之前低于上一年；线性形状或较晚开始则持续上升）"),
        (#"milestones that do not go down, at or above the installed capacity \((\S+) (\S+) at the start of (\d+): in history mode the observed capacity, then the trend\)"#,
         "不逐期下降、且不低于已有装机（$3 年初 $1 $2：历史模式下先为观测装机，其后按趋势）的里程碑"),
        (#"milestones that do not go down, at or above the installed capacity \((\S+) (\S+) at the start of (\d+)\), and year-end levels that do not fall between them \(.+\)"#,
         "不逐期下降、且不低于已有装机（$3 年初 $1 $2）的里程碑，且里程碑之间的年末水平也不下降（措施是叠加在趋势上的增量：较早开始的阶跃或逻辑斯蒂形状可能在趋势追上之前低于上一年；线性形状或较晚开始则持续上升）"),
        (#"milestones that do not go down, at or above the installed capacity \((\S+) (\S+) at the start of (\d+)\)"#,
         "不逐期下降、且不低于已有装机（$3 年初 $1 $2）的里程碑"),
        (#"(start|full|shape) (\S+) here, \S+ (\S+) on (\S+) \(line (\d+)\): the factors of (\S+) share one schedule"#,
         "此处 $1 为 $2，而 $4（第 $5 行）的 $1 为 $3：$6 的各因子共用一个时间安排"),
        (#"one (start|full|shape) for the lever: write it on one of its factors, or the same on each"#,
         "该措施只有一个 $1：写在其中一个因子上，或在各因子上写相同的值"),
        (#"'(start|full)' on the \.\S+ factor: the factor draws the (?:start|full-effect) year, so a fixed one cannot go with it"#,
         "'$1' 写在 .$1 因子上：该因子抽取此年份，不能再给固定值"),
        (#"the years to draw in the factor's range or levels, without '(\S+)'"#, "在因子的 range 或 levels 中给出要抽取的年份，不写 '$1'"),
        (#"'none' drops a target of the scenario a file extends, and this file has no 'extends:', so there is no target to drop"#,
         "'none' 用于去掉所继承（extends:）情景的目标，而此文件没有 'extends:'，没有可去掉的目标"),
        (#"'none' drops the base scenario's (\S+) target in (\d+), and it has none: nothing changes"#,
         "'none' 去掉基础情景 $2 年的 $1 目标，但基础情景没有此目标：不起作用"),
        (#"'none' drops the base scenario's (\S+) target for the \S+ plan period \((\d+)-(\d+)\), and it has none: nothing changes"#,
         "'none' 去掉基础情景 $2—$3 年规划期的 $1 目标，但基础情景没有此目标：不起作用"),
        (#"'none' drops the base scenario's (\S+) targets?, and it has none: nothing changes"#,
         "'none' 去掉基础情景的 $1 目标，但基础情景没有此目标：不起作用"),
        (#"(\S+) (\S+) is above the (.+?) in (\d+) \((\S+) \S+\): this lever only lowers it and never raises it, so a target above it does nothing \(the run is as if the lever were not set\); a target below it acts"#,
         "$1 §2高于 $4 年的§3（$5 §2）：此措施只降低、从不提高该水平，高于该水平的目标不起作用（运行结果与未设此措施相同）；目标低于该水平才有效"),
        (#"levels up to (\S+) (\S+) are drawn \(a change over '(.+?)'\), above the (.+?) in (\d+) \((\S+) \S+\): this lever only lowers it and never raises it, so the runs drawn above it are the same as at it"#,
         "在基础情景'$3'上叠加变化后，抽样水平最高为 $1 §2，高于 $5 年的§4（$6 §2）：此措施只降低、从不提高该水平，因此高于该水平的各次运行结果与该水平相同"),
        (#"about (\S+) % of the draws are above the (.+?) in (\d+) \((\S+) (\S+)\): this lever only lowers it and never raises it, so those runs are the same as at it"#,
         "约 $1 % 的抽样高于 $3 年的§2（$4 §5）：此措施只降低、从不提高该水平，因此这些运行结果与该水平相同"),
        (#"levels up to (\S+) (\S+) are drawn, above the (.+?) in (\d+) \((\S+) \S+\): this lever only lowers it and never raises it, so the runs drawn above it are the same as at it"#,
         "抽样水平最高为 $1 §2，高于 $4 年的§3（$5 §2）：此措施只降低、从不提高该水平，因此高于该水平的各次运行结果与该水平相同"),
        (#"(.+) (\S+) look like fractions: this field is in percent, so if you meant (.+) (\S+), write (.+)"#,
         "$1 §2 像是小数：此项以百分数计，若指 $3 §4，请写 $5"),
        (#"(\S+) (.+?) looks like a fraction: this (?:field|target) is in percent, so if you meant (\S+) (.+?), write (\S+)"#,
         "$1 §2 像是小数：此项以百分数计，若指 $3 §4，请写 $5"),
        (#"the file is not UTF-8: byte (\S+) at offset (\d+) \(line (\d+), column (\d+)\) is not valid UTF-8"#,
         "文件不是 UTF-8 编码：第 $3 行第 $4 列（偏移 $2）的字节 $1 不是有效的 UTF-8"),
        (#"this looks like GBK \(GB18030\), the Chinese Windows default: save it as UTF-8"#,
         "这像是 GBK（GB18030，中文 Windows 的默认编码）：请另存为 UTF-8"),
        (#"this file is UTF-16, not UTF-8"#, "此文件是 UTF-16 编码，不是 UTF-8"),
        (#"save it as UTF-8 \(in most editors: Save As, encoding UTF-8\)"#, "请另存为 UTF-8（多数编辑器：另存为，编码选 UTF-8）"),
        (#"empty scenario: this runs the frozen-policy baseline \(the file has no keys, only blanks or comments\)"#,
         "空情景：按冻结政策的基准情景运行（文件里没有键，只有空行或注释）"),
        (#"tabs are not allowed for indentation in YAML; use spaces"#, "YAML 不能用制表符缩进，请用空格"),
        (#"YAML syntax: a full-width space '　' in the indentation \(a Chinese input method's\), where YAML needs spaces"#,
         "YAML 语法错误：缩进中有全角空格'　'（中文输入法），YAML 需用半角空格"),
        (#"YAML syntax: an enumeration comma '、' \(a Chinese input method's\) where YAML needs ','"#,
         "YAML 语法错误：顿号'、'（中文输入法），YAML 需用半角逗号','"),
        (#"YAML syntax: a full-width (colon|comma|brace|bracket) '(.)' \(a Chinese input method's\) where YAML needs '(.)'"#,
         "YAML 语法错误：全角符号'$2'（中文输入法），YAML 需用半角'$3'"),
        (#"YAML's ASCII punctuation: ':' ',' '\{' '\}' '\[' '\]' and spaces \(switch the input method to half-width, 半角\)"#,
         "YAML 的半角标点：':' ',' '{' '}' '[' ']' 和空格（请把输入法切换到半角）"),
        (#"replaces the setting of (.+), which moves from (\d+), at or before (\d+), the last observed year \(history mode\): (\d+)-(\d+) change with it. To change only later years, write a path that keeps its milestones, (.+), or a delta over it"#,
         "替换了 $1 中的设置（自 $2 年起变动，在最后观测年份 $3 年及以前；历史模式）：$4-$5 年随之改变。若只改之后的年份，请写成保留其里程碑的路径 $6，或在其上加增量（delta）"),
        (#"replaces the setting of (.+), which moves the lever in (\S+) \((\d+): (.+?) at the year's end\), before this file's setting starts in (\d+): in those years the lever falls back to its baseline. To start from it, write a path that keeps its milestones, (.+), or a delta over it"#,
         "替换了 $1 中的设置：该设置在 $2 年已使该措施变动（$3 年末为 $4），早于本文件设置的起始年 $5 年；这些年份该措施回到基准。若要在其基础上接续，请写成保留其里程碑的路径 $6，或在其上加增量（delta）"),
        (#"replaces the setting of (.+), which moves the lever in (\S+) \((\d+): (.+?) at the year's end\), before this file's setting starts in (\d+): in those years the lever falls back to its baseline. To start from it, this file's setting cannot: this lever only builds, and the setting goes down to (.+?), below the (.+?) they reach"#,
         "替换了 $1 中的设置：该设置在 $2 年已使该措施变动（$3 年末为 $4），早于本文件设置的起始年 $5 年；这些年份该措施回到基准。无法保留这些变动：该措施只增加装机，而本文件的设置降到 $6，低于其已达到的 $7"),
        (#"replaces the setting of (.+), which moves from (\d+), at or before (\d+), the last observed year \(history mode\): (\d+)-(\d+) change with it. To change only later years, this file's setting cannot: this lever only builds, and the setting goes down to (.+?), below the (.+?) they reach"#,
         "替换了 $1 中的设置，该设置自 $2 年起变动，不晚于最后观测年份 $3 年（历史模式）：$4-$5 年随之改变。无法只改变之后的年份：该措施只增加装机，而本文件的设置降到 $6，低于其已达到的 $7"),
        (#"replaces the setting of (.+), which moves the lever in (\S+) \((\d+): (.+?) at the year's end\), before this file's setting starts in (\d+): in those years the lever falls back to its baseline. To start from it, write a delta over it"#,
         "替换了 $1 中的设置：该设置在 $2 年已使该措施变动（$3 年末为 $4），早于本文件设置的起始年 $5 年；这些年份该措施回到基准。若要在其基础上接续，请在其上加增量（delta）"),
        (#"replaces the setting of (.+) and drops its milestones after (\d+), the last observed year \((.+)\); this file's setting has no milestone after (\d+), so after (\d+) the lever continues the trend. To keep them, write a delta over it"#,
         "替换了 $1 中的设置，其最后观测年份 $2 年之后的里程碑（¶3）不再适用；本文件的设置在 $4 年之后没有里程碑，因此 $5 年之后该措施按趋势延续。若要保留这些里程碑，请在其上加增量（delta）"),
        (#"the variable's schedule \(from (\d+)\) replaces the base scenario's setting of this lever, which moves from (\d+), at or before (\d+), the last observed year \(history mode\): (\d+)-(\d+) change with it. Leave out start, full and shape to keep the base's setting \(the variable then moves its last milestone\)"#,
         "变量的进度（自 $1 年起）替换了基础情景中该措施的设置（自 $2 年起变动，在最后观测年份 $3 年及以前；历史模式）：$4-$5 年随之改变。若不写 start、full 和 shape，则保留基础情景的设置（变量为其最后一个里程碑）"),
        (#"(\S+) names a folder, and '(.+)' looks like a file name"#, "$1 应为文件夹，而 '$2' 看起来是文件名"),
        (#"a folder for the annual CSV, the plan-period CSV and the JSON, for example results; one workbook: --format xlsx --output FILE.xlsx; the table alone: carbonsim run \.\.\. > (\S+)"#,
         "存放逐年 CSV、规划期 CSV 和 JSON 的文件夹，例如 results；单个工作簿：--format xlsx --output 文件.xlsx；只要表格：carbonsim run ... > $1"),
        (#"a folder name, for example plots"#, "文件夹名，例如 plots"),
        (#"a file path, for example (.+)"#, "文件路径，例如 $1"),
        (#"the folder (.+) does not exist"#, "文件夹 $1 不存在"),
        (#"a path in an existing folder \(create it first: mkdir -p (.+)\)"#, "已有文件夹中的路径（请先创建：mkdir -p $1）"),
        (#"a path in an existing folder"#, "已有文件夹中的路径"),
        (#"this is a file, not a folder"#, "这是文件，不是文件夹"),
        (#"a folder \(it is created if missing\)"#, "文件夹（不存在时会创建）"),
        (#"a grid design does not use n: its runs are every combination of the factors' levels"#, "网格设计不使用 n：其运行为各因素取值的全部组合"),
        (#"extends '(.+)', which is not a scenario file this server offers"#, "extends '$1' 不是本服务器提供的情景文件"),
        (#"not a scenario file this server offers"#, "不是本服务器提供的情景文件"),
        (#"'(.+)' is not one of the (\d+) CEADs provinces"#, "'$1' 不在 CEADs 的 $2 个省份之中"),
        (#"'(.+)' has no CEADs inventory: CEADs covers 30 provinces, without Tibet, Hong Kong, Macao and Taiwan"#,
         "'$1' 没有 CEADs 排放清单：CEADs 覆盖 30 个省份，不含西藏、香港、澳门和台湾"),
        (#"(.+); the English or the Chinese name"#, "$1；英文名或中文名均可"),
        (#"the request names no scenario file"#, "请求未指明情景文件（name 参数）"),
        (#"a shape for (\d+), which is not a milestone"#, "$1 年的 shape 不是里程碑年份"),
        (#"replaces the setting of (.+), which moves from (\d+), at or before (\d+), the last observed year \(history mode\): (\d+)-(\d+) change with it. To change only later years, write a delta over it"#,
         "替换了 $1 中的设置（自 $2 年起变动，在最后观测年份 $3 年及以前；历史模式）：$4-$5 年随之改变。若只改之后的年份，请在其上加增量（delta）"),
        (#"(\S+) is negative: a quantity in (.+) is 0 or more"#, "$1 为负数：以 $2 计的量不小于 0"),
        (#"(\S+) is not a share: a (.+) lies between (\S+) and (\S+)"#, "$1 不是比重：比重（$2）在 $3 与 $4 之间"),
        (#"(\S+) is more than a million times the dataset's (?:series|value) \((\S+)\)"#, "$1 超过数据集取值（$2）的一百万倍"),
        (#"values within ±(\S+) \(a factor on the series\)"#, "±$1 以内的取值（序列的缩放系数）"),
        (#"values within ±(\S+)(.*)"#, "±$1 以内的取值$2"),
        (#"0 or more (.+)"#, "0 或以上（$1）"),
        (#"(-?\d+) is not a year"#, "$1 不是年份"),
        (#"a plan period's last year, for example (\d+)"#, "某个五年规划期的最后一年，例如 $1"),
        (#"expected a year from (\d+) \(the dataset's base year\) to (\d+) \(a plan period before its end (\d+)\); got (-?\d+)"#,
         "应为 $1 年（数据集基准年）至 $2 年（在 $3 年之前留出一个规划期）之间的年份，实际为 $4"),
        (#"this names an Excel workbook, but --format is (\S+)"#, "这是 Excel 工作簿的文件名，但 --format 为 $1"),
        (#"--format xlsx --output (\S+), or another --output"#, "--format xlsx --output $1，或另取 --output 文件名"),
        (#"--format xlsx writes a binary Excel workbook, which is not printed"#, "--format xlsx 生成二进制 Excel 工作簿，不能打印到屏幕"),
        (#"--output FILE.xlsx, for example --output results.xlsx"#, "--output 文件名.xlsx，例如 --output results.xlsx"),
        (#"this names a folder; --format xlsx writes one file"#, "这是文件夹；--format xlsx 只写一个文件"),
        (#"--format xlsx writes an Excel workbook, but this name does not end in .xlsx"#, "--format xlsx 生成 Excel 工作簿，但此文件名不以 .xlsx 结尾"),
        (#"a file name ending in .xlsx, for example (\S+)"#, "以 .xlsx 结尾的文件名，例如 $1"),
        (#"the policy sets no lever differently from the baseline: there is no abatement to attribute"#, "政策情景与基准情景的政策措施完全相同：没有可分解的减排量"),
        (#"a policy scenario that differs from --baseline in its levers or measures"#, "政策措施与 --baseline 不同的政策情景"),
        (#"the observations file holds no figures \(only its header\)"#, "观测数据文件中没有数据（只有表头）"),
        (#"rows of quantity,year,value,unit,basis,source,confidence,notes \(docs/data.md\)"#, "按 quantity,year,value,unit,basis,source,confidence,notes 逐行填写的数据（见 docs/data.md）"),
        (#"stopped after (\d+) errors"#, "已报告 $1 个错误，停止读取"),
        (#"fix these and read the file again"#, "改正这些错误后再读取文件"),
        (#"YAML syntax: '(.+)' has no ':' after its key, so YAML runs it on into the next line"#, "YAML 语法错误：'$1' 的键后缺少冒号 ':'，YAML 会把它连到下一行"),
        (#"write '(.+)' \(a key, ':' and a space, then the value\)"#, "写作 '$1'（键、半角冒号和空格，再写值）"),
        (#"write '(.+)' \(the key followed by ':'\)"#, "写作 '$1'（键后接半角冒号）"),
        (#"YAML syntax: did not find expected ',' or '\}'"#, "YAML 语法错误：缺少 ',' 或 '}'"),
        (#"YAML syntax: did not find expected ',' or '\]'"#, "YAML 语法错误：缺少 ',' 或 ']'"),
        (#"YAML syntax: did not find expected node content"#, "YAML 语法错误：此处缺少值"),
        (#"YAML syntax: block sequence entries are not allowed in this context"#, "YAML 语法错误：此处不能出现列表项（'- '）"),
        (#"YAML syntax: found unexpected end of stream"#, "YAML 语法错误：文件意外结束（引号或括号未闭合）"),
        (#"YAML syntax: found unknown escape character"#, "YAML 语法错误：双引号内有未知的转义字符（Windows 路径请用单引号或 /）"),
        (#"YAML syntax: could not find expected ':'"#, "YAML 语法错误：缺少冒号 ':'"),
        (#"YAML syntax: did not find expected key"#, "YAML 语法错误：找不到预期的键"),
        (#"YAML syntax: mapping values are not allowed in this context"#, "YAML 语法错误：此处不能出现键值（冒号）"),
        (#"YAML syntax: found character that cannot start any token"#, "YAML 语法错误：出现了不能作为开头的字符"),
        (#"every key followed by ':' and a space \(key: value\): look for a key without its colon on this line or the one before"#,
         "每个键后接半角冒号和空格（键: 值）：检查本行或上一行是否有键漏写了冒号"),
        (#"keys indented like the others of their mapping, each followed by ':': a key without its colon or a line indented differently just before gives this"#,
         "同一映射中的键缩进一致，且都后接冒号：前一行漏写冒号或缩进不一致都会导致此错误"),
        (#"a key without its colon on the line before \(the line runs on into this one\), one key per line with a space after its ':', and quotes around a value that holds ': '"#,
         "检查上一行是否有键漏写了冒号（该行会连到本行）；每行一个键，冒号后加空格；值中含有 ': ' 时请加引号"),
        (#"a flow value's entries separated by half-width commas and closed on the same line, for example (.+)"#,
         "花括号或方括号内的各项用半角逗号分隔，并在同一行闭合，例如 $1"),
        (#"spaces, not tabs, for indentation, and quotes around a value that starts with @ or `"#,
         "缩进用空格而不是制表符；以 @ 或 ` 开头的值请加引号"),
        (#"YAML syntax: (.+)"#, "YAML 语法错误：$1"),
        (#"extends a file that does not exist: '(.+)' \(looked for (.+)\)"#, "继承的文件不存在：'$1'（查找的是 $2）"),
        (#"a path relative to (.+), or '(\w+)' or '(\w+)' for the embedded scenario"#, "相对于 $1 的路径，或写 '$2' 或 '$3' 使用内置情景"),
        (#"there is no such file here: this is the embedded (.+), the shipped scenario \(scenarios/(.+) in the repository\)"#,
         "此处没有该文件：使用的是内置的 $1，即随软件发布的情景（仓库中的 scenarios/$2）"),
        (#"the path of a scenario file, or '(\w+)' or '(\w+)' for the embedded scenario"#, "情景文件的路径，或写 '$1' 或 '$2' 使用内置情景"),
        (#"there is no '(.+)' beside this file: it extends the embedded (.+), the shipped scenario \(scenarios/(.+) in the repository\)"#,
         "本文件旁没有 '$1'：继承的是内置的 $2，即随软件发布的情景（仓库中的 scenarios/$3）"),
        (#"a path relative to (.+)"#, "相对于 $1 的路径"),
        (#"this is an SQLite database \(a sweep's results\), not a YAML file"#, "这是 SQLite 数据库（参数扫描的结果），不是 YAML 文件"),
        (#"carbonsim summarize or plot reads a sweep database; this command reads a YAML file"#, "参数扫描数据库由 carbonsim summarize 或 plot 读取；此命令读取 YAML 文件"),
        (#"this is a zip archive \(an Excel workbook \.xlsx, for instance\), not a YAML file"#, "这是 zip 压缩文件（例如 Excel 工作簿 .xlsx），不是 YAML 文件"),
        (#"the YAML file \(a workbook is an output; carbonsim does not read one back\)"#, "请使用 YAML 文件（工作簿是输出，carbonsim 不读回）"),
        (#"no such (.+?): it is a symbolic link to '(.+)', which does not exist \(copied without following links\? `cp -rL` copies the files themselves\)"#,
         "找不到§1：它是指向 '$2' 的符号链接，而该文件不存在（复制时未跟随链接？用 `cp -rL` 复制文件本身）"),
        (#"no such (.+)"#, "找不到§1"),
        (#"this is a folder, not a (.+)"#, "这是文件夹，不是§1"),
        (#"years (\d+) to (\d+), or an earlier 'start'"#, "$1 至 $2 年，或更早的 'start'"),
        (#"years (\d+) to (\d+)"#, "$1 至 $2 年"),
        (#"target: (\S+) to (\S+) (.+?); path: (.+); delta: a change over the extended scenario"#,
         "target：$1 至 $2 $3；path：$4；delta：相对于所继承情景的变化量"),
        (#"a lever field \(<lever path>\.target, \.start, \.full or \.delta, see `carbonsim levers`\) or a dataset parameter \(see `carbonsim levers --parameters`\)"#,
         "措施字段（<措施路径>.target、.start、.full 或 .delta，见 `carbonsim levers`）或数据集参数（见 `carbonsim levers --parameters`）"),
        (#"total_cost, cumulative_co2, peak_value, or <series>@<year> such as co2_gross@2030"#,
         "total_cost、cumulative_co2、peak_value，或 <序列>@<年份>，如 co2_gross@2030"),
        (#"expected (.+), found (.+) '(.+)', a key without its colon"#, "应为§1，实际为§2 '$3'（键后漏写了冒号）"),
        (#"expected (.+), found (.+)"#, "应为§1，实际为§2"),
        (#"a number, (-?[0-9.]+) to (-?[0-9.]+)( .+)?"#, "数字，$1 至 $2§3"),
        (#"(-?[0-9.]+) to (-?[0-9.]+)( .+)?"#, "$1 至 $2§3"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}

extension Language {
    /// An input error told in this language.
    public func describe(_ e: InputError) -> String { self == .zh ? InputMessagesZH.describe(e) : e.description }
    /// An input warning told in this language.
    public func describe(_ w: InputWarning) -> String { self == .zh ? InputMessagesZH.describe(w) : w.description }
}
