import Yams

/// A YAML node that knows where it came from (file, line, key path), so that every reading error
/// can say exactly where the problem is.
public struct YAMLNode {
    public let node: Node
    public let file: String
    public let path: [String]

    public var keyPath: String { path.joined(separator: ".") }
    public var line: Int? { node.mark?.line }

    /// Parses `text`; a syntax error becomes an `InputError` with the line of the problem.
    public static func parse(_ text: String, file: String) throws -> YAMLNode {
        // Windows editors save CRLF, and "\r\n" is one Character in Swift: the scans below split lines on "\n" and
        // would see one long line. YAML counts CRLF and a lone CR as one line break each, so the lines keep their numbers.
        let text = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        do {
            // No document, or an empty one (a file of `---` and comments): an empty mapping, as an empty file.
            let empty = YAMLNode(node: .mapping(Node.Mapping([])), file: file, path: [])
            guard let node = try Yams.compose(yaml: text) else { return empty }
            if case .scalar(let s) = node, s.string.isEmpty, s.style == .plain { return empty }
            var count = 0
            // Tags start with '!': resolving every scalar's tag costs a regex each, so only where one can be.
            try checkPlain(node, file: file, tags: text.contains("!"), count: &count, depth: 0)
            return YAMLNode(node: node, file: file, path: [])
        } catch let error as YamlError {
            // A tab in the indentation is the usual cause of a scanner error: say so, where it is.
            // So is YAML punctuation typed with a Chinese input method (name： x, {a: 1， b: 2}, ｛...｝, an indent of '　').
            // Every such line is told at once: the parser stops at the first, and fixing one would uncover the next.
            let tabs = indentationTabs(text).map {
                InputError(file: file, line: $0.line, column: $0.column, keyPath: keyPath(ofLine: $0.line, in: text),
                           message: "tabs are not allowed for indentation in YAML; use spaces",
                           accepted: "indentation with spaces (most editors: convert tabs to spaces)")
            }
            let fullWidth = fullWidthPunctuation(text).map {
                InputError(file: file, line: $0.line, column: $0.column, keyPath: keyPath(ofLine: $0.line, in: text), message: "YAML syntax: " + $0.what,
                           accepted: "YAML's ASCII punctuation: ':' ',' '{' '}' '[' ']' and spaces (switch the input method to half-width, 半角)")
            }
            // A byte-order mark inside the text (two files joined, each saved "UTF-8 with BOM") is invisible in editors.
            let marks = byteOrderMarks(text).map {
                InputError(file: file, line: $0.line, column: $0.column, message: "YAML syntax: an invisible byte-order mark (U+FEFF) inside the file, where two files were probably joined",
                           accepted: "delete the invisible character at the start of this line (or save each file as UTF-8 without BOM before joining them)")
            }
            if let all = InputError.combined(tabs + fullWidth + marks) { throw all }
            let first = YAMLNode.inputError(error, file: file, text: text)
            // The parser stops at the first repeated key; the scan finds every repeat of a block mapping at its own line.
            if case .duplicatedKeysInMapping(let keys, _) = error {
                let repeats = repeatedBlockKeys(text)
                let errors = repeats.map { repeatedKeyError(file: file, line: $0.line, column: $0.column, path: $0.path, key: $0.key, firstLine: $0.firstLine) }
                // Several repeats of one mapping the scan saw are told at their lines, not also at the mapping's.
                let seenByScan = !repeats.isEmpty && Set(keys).isSubset(of: repeats.map(\.key))
                throw InputError.combined(seenByScan ? errors : [first] + errors.filter { $0.line != first.line })!
            }
            throw first
        }
    }

    /// The text with each repeated block key's entry (its line and the lines indented under it) blanked, line numbers
    /// kept, so that the rest of a file with a repeated key can be read for its other errors; nil when the scan finds
    /// no repeat to blank (the parser's repeat is then one the scan does not see).
    static func withoutRepeatedKeys(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let found = repeatedBlockKeys(text).filter { lines.indices.contains($0.line - 1) }
        // A repeat inside a flow mapping (`{2030: 40, 2030: 45}`) is on a line whose own key is another: its entry is
        // taken out of the braces, last first so that the columns of the others hold.
        let block = found.filter { lines[$0.line - 1].prefix { $0 == " " }.count == $0.column - 1 }
        let flow = found.filter { lines[$0.line - 1].prefix { $0 == " " }.count != $0.column - 1 }
        guard !found.isEmpty else { return nil }
        for r in flow.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            guard let shorter = withoutFlowEntry(Array(lines[r.line - 1]), at: r.column - 1) else { return nil }
            lines[r.line - 1] = String(shorter)
        }
        for r in block {
            let indent = r.column - 1
            lines[r.line - 1] = ""
            var i = r.line
            while i < lines.count {
                let l = lines[i], own = l.prefix { $0 == " " }.count, rest = l.dropFirst(own)
                if !rest.trimmingCharacters(in: .whitespaces).isEmpty && !rest.hasPrefix("#") && own <= indent { break }
                lines[i] = ""
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text with the full-width punctuation the scan finds (`fullWidthPunctuation`) typed as YAML's ASCII, line
    /// numbers and columns kept, so that the rest of the file can be read for its other errors; nil when there is none.
    static func withFullWidthPunctuationAsASCII(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var changed = false
        // The scan names the first of each line: repeat until no line has one (each pass fixes one per line).
        for _ in 0..<200 {
            let found = fullWidthPunctuation(String(lines.map { String($0) }.joined(separator: "\n")))
            guard !found.isEmpty else { break }
            for f in found {
                guard lines.indices.contains(f.line - 1), lines[f.line - 1].indices.contains(f.column - 1) else { return nil }
                let c = lines[f.line - 1][f.column - 1]
                guard let ascii = fullWidth[c]?.ascii.first ?? (c == "、" ? "," : nil) else { return changed ? lines.map { String($0) }.joined(separator: "\n") : nil }
                lines[f.line - 1][f.column - 1] = ascii
                changed = true
            }
        }
        return changed ? lines.map { String($0) }.joined(separator: "\n") : nil
    }

    /// `line` without the flow-mapping entry whose key starts at `start` (0-based): up to the next ',' at its depth (and
    /// the spaces after it), or back to the ',' before it when it is the last; nil when the entry does not end.
    static func withoutFlowEntry(_ line: [Character], at start: Int) -> [Character]? {
        guard line.indices.contains(start) else { return nil }
        var i = start, depth = 0, quote: Character?
        while i < line.count {
            let c = line[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c }
            else if c == "{" || c == "[" { depth += 1 }
            else if c == "}" || c == "]" { if depth == 0 { break }; depth -= 1 }
            else if c == "," && depth == 0 {
                i += 1
                while i < line.count, line[i] == " " { i += 1 }
                return Array(line[..<start] + line[i...])
            }
            i += 1
        }
        guard i < line.count else { return nil }
        var from = start
        while from > 0, line[from - 1] == " " { from -= 1 }
        if from > 0, line[from - 1] == "," { from -= 1 }
        return Array(line[..<from] + line[i...])
    }

    /// Line and column (1-based) of the second `key:` of a block mapping whose first key stands at `line`,
    /// `column`: where a repeated key is (the parser names the mapping).
    static func repeatedKey(_ key: String, in text: String, mappingAt line: Int, column: Int) -> (line: Int, column: Int, firstLine: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, column >= 1, line <= lines.count else { return nil }
        var seen = 0, firstLine = 0
        for i in (line - 1)..<lines.count {
            let indent = lines[i].prefix { $0 == " " }.count, rest = lines[i].dropFirst(indent)
            // The mapping ends at the first line indented less that is not blank or a comment.
            if indent < column - 1 && !rest.trimmingCharacters(in: .whitespaces).isEmpty && !rest.hasPrefix("#") { break }
            guard indent == column - 1 else { continue }
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 1 { firstLine = i + 1 }
                if seen == 2 { return (i + 1, column, firstLine) }
            }
        }
        return nil
    }

    /// Every repeated key of a block mapping (`key:` on its own line), found from indentation: line, column, dotted
    /// path and key of each repetition. Mappings inside list items are left to the parser (their keys repeat by item).
    static func repeatedBlockKeys(_ text: String) -> [(line: Int, column: Int, path: String, key: String, firstLine: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Each path's first line.
        var seen: [String: Int] = [:], found: [(Int, Int, String, String, Int)] = []
        // The enclosing keys of the current line, by indentation (a stack), and whether a list item is among them.
        var stack: [(indent: Int, key: String, inList: Bool)] = []
        // Lines indented deeper than this belong to a block scalar (`description: |`): text, not keys.
        var scalarIndent: Int?
        for (i, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            let indent = line.prefix { $0 == " " }.count, rest = line.dropFirst(indent)
            if rest.trimmingCharacters(in: .whitespaces).isEmpty || rest.hasPrefix("#") { continue }
            if let deeper = scalarIndent, indent > deeper { continue }
            scalarIndent = nil
            // A new document starts over.
            if rest.hasPrefix("---") || rest.hasPrefix("...") { seen = [:]; stack = []; continue }
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            let inList = rest.hasPrefix("-") || (stack.last?.inList ?? false)
            guard let (key, value) = blockKey(rest) else { continue }
            let path = (stack.map(\.key) + [key]).joined(separator: ".")
            if !inList {
                if let first = seen[path] { found.append((i + 1, indent + 1, path, key, first)) } else { seen[path] = i + 1 }
            }
            if !inList, let brace = value.firstIndex(where: { $0 != " " }), value[brace] == "{" {
                let column = indent + 1 + rest.distance(from: rest.startIndex, to: brace)
                found += repeatedFlowKeys(value[brace...], column: column, under: stack.map(\.key) + [key]).map { (i + 1, $0.column, $0.path, $0.key, i + 1) }
            }
            stack.append((indent, key, inList))
            let v = value.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if v.hasPrefix("|") || v.hasPrefix(">") { scalarIndent = indent }
        }
        return found
    }

    /// Repeated keys of a flow mapping written on one line (`wind: {target: 200, full: 2030, target: 220}`), nested ones
    /// included: the column (1-based, `column` being the opening brace's) and dotted path of each repetition.
    static func repeatedFlowKeys(_ flow: Substring, column: Int, under enclosing: [String]) -> [(column: Int, path: String, key: String)] {
        var found: [(Int, String, String)] = []
        // One frame per open brace or bracket: whether it is a mapping, its keys so far, its path.
        var frames: [(mapping: Bool, seen: Set<String>, path: [String])] = []
        var keyStart = flow.startIndex, lastKey: String?, quote: Character?
        for (offset, i) in zip(0..., flow.indices) {
            let c = flow[i]
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case "\"", "'": quote = c
            case "#" where i > flow.startIndex && flow[flow.index(before: i)] == " ": return found
            case "{", "[":
                frames.append((c == "{", [], frames.isEmpty ? enclosing : frames[frames.count - 1].path + (lastKey.map { [$0] } ?? [])))
                keyStart = flow.index(after: i); lastKey = nil
            case "}", "]":
                guard !frames.isEmpty else { return found }
                frames.removeLast()
                if frames.isEmpty { return found }
            case ",":
                keyStart = flow.index(after: i); lastKey = nil
            case ":" where frames.last?.mapping == true:
                let next = flow.index(after: i)
                guard next == flow.endIndex || " {[".contains(flow[next]) else { continue }
                let raw = flow[keyStart..<i], key = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                guard !key.isEmpty else { continue }
                if !frames[frames.count - 1].seen.insert(key).inserted {
                    let leading = raw.prefix { $0 == " " }.count
                    found.append((column + offset - raw.count + leading, (frames[frames.count - 1].path + [key]).joined(separator: "."), key))
                }
                lastKey = key
            default: break
            }
        }
        return found
    }

    /// The key of a block mapping line (`key: value`, `"a: b": value`) and the text after its colon; nil for a
    /// line that is no such key (a flow mapping, a list item's scalar, a continuation).
    static func blockKey(_ rest: Substring) -> (key: String, value: Substring)? {
        guard let first = rest.first, first != "{", first != "[" else { return nil }
        if first == "\"" || first == "'" {
            guard let close = rest.dropFirst().firstIndex(of: first) else { return nil }
            let after = rest[rest.index(after: close)...]
            guard after.hasPrefix(":"), after.count == 1 || after.dropFirst().first == " " else { return nil }
            return (String(rest[rest.index(after: rest.startIndex)..<close]), after.dropFirst())
        }
        guard let colon = rest.firstIndex(of: ":"),
              rest.index(after: colon) == rest.endIndex || rest[rest.index(after: colon)] == " " else { return nil }
        return (rest[..<colon].trimmingCharacters(in: .whitespaces), rest[rest.index(after: colon)...])
    }

    /// The keys of the block mappings enclosing a line (`sector_plans.power`), read from indentation: where Yams
    /// stops at a duplicate there is no node tree to ask.
    /// The key path of a line as its indentation and its `key:` give it (`targets.energy_cap` for
    /// "  energy_cap: {2030： 200}" under `targets:`): where YAML cannot say (a syntax error, a file that is not UTF-8),
    /// the error still names the key. A full-width colon counts as the key's, as a Chinese input method types it.
    static func keyPath(ofLine line: Int, in text: String) -> String {
        // Lines as YAML counts them: CRLF and a lone CR end a line too (a GBK file from Windows is read here undecoded).
        let text = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        var own = lines[line - 1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{3000}"))
        if own.hasPrefix("- ") { own = String(own.dropFirst(2)) }
        var keys = enclosingKeys(ofLine: line, in: text)
        if !own.hasPrefix("#"), let colon = own.firstIndex(where: { $0 == ":" || $0 == "：" }),
           case let key = own[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " \"'\u{3000}")),
           !key.isEmpty, !key.contains(where: { "{}[],#".contains($0) }) {
            keys.append(key)
        }
        return keys.joined(separator: ".")
    }

    static func enclosingKeys(ofLine line: Int, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return [] }
        // A tab in the indentation counts as eight columns and a full-width space as two, as editors show them: the
        // line's place is wanted where YAML refuses the line.
        func indentation(_ l: Substring) -> (characters: Int, columns: Int) {
            let lead = l.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
            return (lead.count, lead.reduce(0) { $0 + ($1 == "\t" ? 8 : $1 == " " ? 1 : 2) })
        }
        var indent = indentation(lines[line - 1]).columns
        var keys: [String] = []
        for i in stride(from: line - 2, through: 0, by: -1) where indent > 0 {
            let l = lines[i], (characters, own) = indentation(l), rest = l.dropFirst(characters)
            guard own < indent, !rest.trimmingCharacters(in: .whitespaces).isEmpty, !rest.hasPrefix("#"),
                  let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            // Only a key with nothing after its colon (or a comment) opens a block mapping: a line with a value is no parent.
            let after = rest[rest.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{3000}"))
            guard after.isEmpty || after.hasPrefix("#") else { continue }
            keys.insert(rest[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " \"'")), at: 0)
            indent = own
        }
        return keys
    }

    /// Full-width characters a Chinese input method types where YAML needs ASCII ones, with their names.
    static let fullWidth: [Character: (ascii: String, name: String)] = {
        var m: [Character: (String, String)] = ["：": (":", "colon"), "，": (",", "comma"), "　": (" ", "space"), "｛": ("{", "brace"),
                                                 "｝": ("}", "brace"), "［": ("[", "bracket"), "］": ("]", "bracket"), "－": ("-", "minus"),
                                                 "．": (".", "full stop")]
        for (i, c) in "０１２３４５６７８９".enumerated() { m[c] = (String(i), "digit") }
        return m
    }()

    /// "; it holds the full-width colon '：' …" when `s` has a character of `fullWidth`, for messages about a value or key.
    static func fullWidthNote(_ s: String) -> String? {
        guard let c = s.first(where: { fullWidth[$0] != nil }), let f = fullWidth[c] else { return nil }
        return " (it holds the full-width \(f.name) '\(c)' of a Chinese input method, where YAML needs '\(f.ascii)')"
    }

    /// Where a syntax error is most likely full-width punctuation: a colon after a plain key, a comma or colon inside
    /// braces or brackets, a brace or bracket where a value starts, a full-width space in the indentation (comments and
    /// quoted text aside). The first of each line, every line.
    static func fullWidthPunctuation(_ text: String) -> [(line: Int, column: Int, what: String)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.compactMap { i in firstFullWidthPunctuation(String(lines[i])).map { (i + 1, $0.column, $0.what) } }
    }

    static func firstFullWidthPunctuation(_ text: String) -> (line: Int, column: Int, what: String)? {
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            var depth = 0, quoted: Character? = nil, keyLike = true, sawText = false
            for (k, c) in line.enumerated() {
                if let q = quoted { if c == q { quoted = nil }; continue }
                switch c {
                case "\"", "'": quoted = c
                case "{", "[", "｛", "［": depth += 1
                case "}", "]", "｝", "］": depth -= 1
                default: break
                }
                if c == "　" && !sawText { return (i + 1, k + 1, "a full-width space '　' in the indentation (a Chinese input method's), where YAML needs spaces") }
                if c == "：" && (keyLike && sawText || depth > 0) { return (i + 1, k + 1, "a full-width colon '：' (a Chinese input method's) where YAML needs ':'") }
                if c == "，" && depth > 0 { return (i + 1, k + 1, "a full-width comma '，' (a Chinese input method's) where YAML needs ','") }
                // The enumeration comma (顿号) is what the comma key types in many Chinese input methods.
                if c == "、" && depth > 0 { return (i + 1, k + 1, "an enumeration comma '、' (a Chinese input method's) where YAML needs ','") }
                // A full-width brace or bracket where a value or flow item starts ('key: ｛2030: 45｝' is read as one value);
                // inside text (依据内政发［2021］60号) it is the text's own.
                if c == "｛" || c == "［", let f = Self.fullWidth[c] {
                    let before = line.prefix(k).last { $0 != " " }
                    if before == nil || ":-{[,｛［，".contains(before!) {
                        return (i + 1, k + 1, "a full-width \(f.name) '\(c)' (a Chinese input method's) where YAML needs '\(f.ascii)'")
                    }
                }
                if c != " " && c != "-" { sawText = true }
                if !(c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "." || c == " " || c == "-")) { keyLike = false }
            }
        }
        return nil
    }

    /// Line and column (1-based) of the first tab in each line's leading whitespace, every line in order.
    static func indentationTabs(_ text: String) -> [(line: Int, column: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            guard let tab = indent.firstIndex(of: "\t") else { return nil }
            let rest = line.dropFirst(indent.count)
            if rest.isEmpty || rest.hasPrefix("#") || rest == "\r" { return nil }
            return (i + 1, line.distance(from: line.startIndex, to: tab) + 1)
        }
    }

    /// Where a byte-order mark stands after the file's first character (line, column; 1-based).
    static func byteOrderMarks(_ text: String) -> [(line: Int, column: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { i, line in
            line.enumerated().compactMap { j, c in c == "\u{FEFF}" && (i > 0 || j > 0) ? (i + 1, j + 1) : nil }
        }
    }

    /// Nodes a file may hold: the largest dataset has a few thousand.
    public static let maximumNodes = 200_000
    public static let maximumDepth = 64

    /// Refuses what carbonsim's files never need and a mutated file can abuse: more than `maximumNodes` nodes
    /// counted with aliases expanded (an alias bomb of 1 KB expands to billions of nodes), more than
    /// `maximumDepth` levels, anchors where the composer still reports them, and explicit tags (`!!str 12`
    /// would otherwise be read as the number 12, the tag silently ignored).
    static func checkPlain(_ node: Node, file: String, tags: Bool, count: inout Int, depth: Int) throws {
        count += 1
        func refuse(_ message: String, accepted: String? = nil) -> InputError {
            InputError(file: file, line: node.mark?.line, column: node.mark?.column, message: message, accepted: accepted)
        }
        if node.anchor != nil {
            throw refuse("YAML anchors and aliases (&name, *name) are not accepted", accepted: "each value written out where it is used")
        }
        if count > maximumNodes { throw refuse("the file holds more than \(maximumNodes) YAML nodes") }
        if depth > maximumDepth { throw refuse("the file nests more than \(maximumDepth) levels deep") }
        switch node {
        case .scalar(let s):
            guard tags else { return }
            let implicit = Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(s.string, Tag(.implicit), s.style)))
            if node.tag.description != implicit.rawValue {
                throw refuse("explicit YAML tags ('\(node.tag.description)') are not accepted: write the value plainly",
                             accepted: "plain values, for example 12 or \"12\"")
            }
        case .mapping(let m):
            guard !tags || node.tag.description == Tag.Name.map.rawValue else {
                throw refuse("explicit YAML tags ('\(node.tag.description)') are not accepted", accepted: "plain mappings {key: value}")
            }
            for pair in m {
                try checkPlain(pair.key, file: file, tags: tags, count: &count, depth: depth + 1)
                try checkPlain(pair.value, file: file, tags: tags, count: &count, depth: depth + 1)
            }
        case .sequence(let q):
            guard !tags || node.tag.description == Tag.Name.seq.rawValue else {
                throw refuse("explicit YAML tags ('\(node.tag.description)') are not accepted", accepted: "plain lists [a, b]")
            }
            for n in q { try checkPlain(n, file: file, tags: tags, count: &count, depth: depth + 1) }
        case .alias:
            throw refuse("YAML anchors and aliases (&name, *name) are not accepted", accepted: "each value written out where it is used")
        }
    }

    /// What the usual causes of libyaml's terse problems are, as the fix to look for (libyaml reports where it noticed,
    /// often the line after the mistake).
    static func syntaxAdvice(_ problem: String) -> String? {
        switch problem {
        case "could not find expected ':'":
            return "every key followed by ':' and a space (key: value): look for a key without its colon on this line or the one before"
        case "did not find expected key":
            return "keys indented like the others of their mapping, each followed by ':': a key without its colon or a line indented differently just before gives this"
        case "mapping values are not allowed in this context":
            return "a key without its colon on the line before (the line runs on into this one), one key per line with a space after its ':', and quotes around a value that holds ': '"
        case "did not find expected ',' or '}'", "did not find expected ',' or ']'":
            return "a flow value's entries separated by half-width commas and closed on the same line, for example {2025: 150, 2030: 300}"
        case "found character that cannot start any token":
            return "spaces, not tabs, for indentation, and quotes around a value that starts with @ or `"
        default:
            return nil
        }
    }

    static func inputError(_ error: YamlError, file: String, text: String) -> InputError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            // The parser notices a key without its colon on the line after: name that line and the fix.
            if ["could not find expected ':'", "did not find expected key", "mapping values are not allowed in this context"].contains(problem),
               let missing = keyWithoutColon(in: text, near: mark.line) {
                return InputError(file: file, line: missing.line, column: missing.column, keyPath: enclosingKeys(ofLine: missing.line, in: text).joined(separator: "."),
                                  message: "YAML syntax: '\(missing.text)' has no ':' after its key, so YAML runs it on into the next line",
                                  accepted: missing.accepted)
            }
            return InputError(file: file, line: mark.line, column: mark.column, keyPath: keyPath(ofLine: mark.line, in: text),
                              message: "YAML syntax: \(problem)", accepted: syntaxAdvice(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let message = "key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping"
            if duplicates.count == 1,
               let at = repeatedKey(duplicates[0], in: text, mappingAt: context.mark.line, column: context.mark.column) {
                let path = (enclosingKeys(ofLine: at.line, in: text) + [duplicates[0]]).joined(separator: ".")
                return repeatedKeyError(file: file, line: at.line, column: at.column, path: path, key: duplicates[0], firstLine: at.firstLine)
            }
            return InputError(file: file, line: context.mark.line, column: context.mark.column, message: message)
        default:
            return InputError(file: file, message: "YAML syntax: \(error)")
        }
    }

    /// The line at or just before `line` (1-based) that reads as a key without its colon ("peak_year 2028",
    /// "targets"): its line, the column of its key, its text and what to write instead. The error's line and the
    /// content line before it (blank and comment lines skipped) are looked at.
    static func keyWithoutColon(in text: String, near line: Int) -> (line: Int, column: Int, text: String, accepted: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        /// A line without its comment, nil when nothing is left.
        func code(_ i: Int) -> String? {
            guard lines.indices.contains(i) else { return nil }
            let code = String(lines[i].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            return code.trimmingCharacters(in: .whitespaces).isEmpty ? nil : code
        }
        var before = line - 2
        while before >= 0, code(before) == nil { before -= 1 }
        for i in [before, line - 1] {
            guard let code = code(i) else { continue }
            let indent = code.prefix { $0 == " " }.count
            let body = code.dropFirst(indent).trimmingCharacters(in: .whitespaces)
            if let accepted = colonAdvice(body) { return (i + 1, indent + 1, body, accepted) }
        }
        return nil
    }

    /// What to write for `text` read as a key without its colon ("peak_year 2028" -> "peak_year: 2028"), or nil
    /// when it does not read so: its first word is a plain key (letters, digits, '_'), and it holds no ':' or quote.
    static func colonAdvice(_ text: String) -> String? {
        guard !text.contains(":"), !text.contains("\""), !text.contains("'"), let first = text.first, first.isLetter || first == "_" else { return nil }
        let key = text.prefix { $0 != " " }
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let value = text.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? "write '\(key):' (the key followed by ':')" : "write '\(key): \(value)' (a key, ':' and a space, then the value)"
    }

    /// `firstLine`: where the key first appears, so that the two entries can be found and merged.
    static func repeatedKeyError(file: String, line: Int, column: Int, path: String, key: String, firstLine: Int) -> InputError {
        InputError(file: file, line: line, column: column, keyPath: path, message: "key '\(key)' appears twice in one mapping",
                   accepted: "each key once; merge the two entries into one (the first is on line \(firstLine)\(firstLine == line ? ", earlier on this line" : ""))")
    }

    public func error(_ message: String, accepted: String? = nil, suggestion: String? = nil) -> InputError {
        InputError(file: file, line: node.mark?.line, column: node.mark?.column, keyPath: keyPath,
                   message: message, accepted: accepted, suggestion: suggestion)
    }

    var kindName: String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// "expected a mapping, found a single value": with the full-width colon that made the mapping one value
    /// (`name： x`, `peak_year：2030`), when there is one.
    func notA(_ what: String) -> InputError {
        // 'targets:\n  peak_year 2028': the mapping's one key lost its colon and YAML read the line as a value.
        if what.contains("mapping"), case .scalar(let s) = node, s.style == .plain, s.string.contains(" "),
           let accepted = Self.colonAdvice(s.string) {
            return error("expected \(what), found \(kindName) '\(s.string)', a key without its colon", accepted: accepted)
        }
        return error("expected \(what), found \(kindName)" + (scalarString.flatMap(Self.fullWidthNote) ?? ""))
    }

    /// The entries of a mapping, in file order. Duplicate keys are an error.
    public func entries(what: String = "a mapping of keys") throws -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else { throw notA(what) }
        var seen = Set<String>()
        return try mapping.map { pair in
            guard case .scalar(let k) = pair.key else { throw error("keys must be plain words") }
            guard seen.insert(k.string).inserted else {
                throw YAMLNode(node: pair.key, file: file, path: path + [k.string]).error("key '\(k.string)' appears twice")
            }
            return (k.string, YAMLNode(node: pair.value, file: file, path: path + [k.string]))
        }
    }

    /// Entries in file order, refusing keys outside `allowed` with a did-you-mean: for reading a mapping
    /// entry by entry, so that the first error reported is the first in the file.
    public func orderedEntries(allowed: [String], what: String = "a mapping of keys") throws -> [(key: String, value: YAMLNode)] {
        let byKey = try entries(allowed: allowed, what: what)
        return try entries(what: what).map { ($0.key, byKey[$0.key]!) }
    }

    /// Entries in file order with the keys of `allowed`, and the error that tells every other key: the known keys are
    /// read beside an unknown one, so that one typo does not hide the file's other mistakes.
    public func knownEntries(allowed: [String], what: String = "a mapping of keys") throws -> KnownEntries {
        let all = try entries(what: what)
        var unknown: [InputError] = []
        do { _ = try entries(allowed: allowed, what: what) } catch let e as InputError { unknown = [e] }
        let known = all.filter { allowed.contains($0.key) }
        return KnownEntries(entries: known, byKey: Dictionary(known, uniquingKeysWith: { a, _ in a }), keys: Set(all.map(\.key)), errors: unknown)
    }

    /// A mapping's entries with allowed keys, in file order and by key; every key it has; and the error for its unknown
    /// keys (empty when there are none), which a loader's error list starts from so it does not hide the others.
    public struct KnownEntries {
        public let entries: [(key: String, value: YAMLNode)]
        public let byKey: [String: YAMLNode]
        public let keys: Set<String>
        public let errors: [InputError]
    }

    /// Entries, refusing keys outside `allowed` with a did-you-mean, every such key of the mapping at once.
    public func entries(allowed: [String], what: String = "a mapping of keys") throws -> [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        guard case .mapping(let mapping) = node else { throw notA(what) }
        try collectingErrors(try entries(what: what)) { key, value in
            guard allowed.contains(key) else {
                let keyNode = mapping.first { if case .scalar(let s) = $0.key { return s.string == key } else { return false } }?.key
                // `co2_intensity_cut： {15th: 20}` reads as the key "co2_intensity_cut： {15th": the colon is what is wrong,
                // told at the key the analyst wrote, as the syntax check tells a full-width colon.
                if let colon = key.firstIndex(of: "："), case let name = key[..<colon].trimmingCharacters(in: .whitespaces), !name.isEmpty {
                    let located = YAMLNode(node: keyNode ?? value.node, file: file, path: path + [name])
                    throw located.error("YAML syntax: a full-width colon '：' (a Chinese input method's) where YAML needs ':'",
                                        accepted: "YAML's ASCII punctuation: ':' ',' '{' '}' '[' ']' and spaces (switch the input method to half-width, 半角)",
                                        suggestion: allowed.contains(name) ? nil : didYouMean(name, in: allowed))
                }
                let located = YAMLNode(node: keyNode ?? value.node, file: file, path: path + [key])
                throw located.error("unknown key '\(key)'" + (Self.fullWidthNote(key) ?? ""), accepted: allowed.joined(separator: ", "),
                                    suggestion: didYouMean(key, in: allowed))
            }
            result[key] = value
        }
        return result
    }

    public var scalarString: String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    public func string() throws -> String {
        guard let s = scalarString else { throw error("expected text, found \(kindName)") }
        return s
    }

    /// A name as reports, tables and databases show it: text that is not blank. `default` is what leaving the key out gives.
    public func nonEmptyName(default fileName: String) throws -> String {
        let name = try string()
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw error("the name is empty: tables, charts and databases would show a nameless column",
                        accepted: "a name, for example name: \(fileName), or no 'name:' line (the file's name is used)")
        }
        return name
    }

    public func double() throws -> Double {
        guard let s = scalarString, let v = Double(s.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            // A number with its unit typed after it ('30%', '200 GW'): the field's unit is fixed, so the number alone.
            if let s = scalarString, let (number, unit) = Self.numberWithUnit(s) {
                throw error("expected a number, found '\(s)': write the number alone, without '\(unit)' (the field's unit is fixed)",
                            suggestion: unit == "%" || unit == "％" ? format(number) : nil)
            }
            throw error("expected a number, found \(scalarString.map { "'\($0)'" } ?? kindName)" + (scalarString.flatMap(Self.fullWidthNote) ?? ""))
        }
        return v
    }

    /// '30%' or '200 GW': the number and the text after it, when the text is no number (nor a year written '2030年').
    static func numberWithUnit(_ text: String) -> (Double, String)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard yearWritten(t) == nil, let end = t.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+")) }),
              end > t.startIndex, let v = Double(t[..<end]), v.isFinite else { return nil }
        let unit = t[end...].trimmingCharacters(in: .whitespaces)
        guard !unit.isEmpty, !unit.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        return (v, unit)
    }

    public func double(in range: ClosedRange<Double>, unit: String) throws -> Double {
        let v: Double
        do { v = try double() } catch let e as InputError where e.accepted == nil {
            // Not a number at all: say which numbers would do.
            throw InputError(file: e.file, line: e.line, column: e.column, keyPath: e.keyPath, message: e.message,
                             accepted: "a number, \(format(range.lowerBound)) to \(format(range.upperBound)) \(unit)", suggestion: e.suggestion)
        }
        guard range.contains(v) else {
            let hint = StatisticalUnit.hint(v, range: range, modelUnit: unit)
            throw error("\(format(v)) is out of range" + hint, accepted: "\(format(range.lowerBound)) to \(format(range.upperBound)) \(unit)",
                        suggestion: hint.isEmpty ? nil : format(v / StatisticalUnit.of(unit)!.factor))
        }
        return v
    }

    public func int() throws -> Int {
        let text = scalarString?.trimmingCharacters(in: .whitespaces) ?? ""
        if let v = Int(text) { return v }
        // A whole number written as a float (1e9, 2030.0) is one; within 2^53, where doubles are exact.
        if let d = Double(text), d.isFinite, d == d.rounded(), abs(d) <= 9_007_199_254_740_992 { return Int(d) }
        throw error("expected a whole number, found \(scalarString.map { "'\($0)'" } ?? kindName)" + (scalarString.flatMap(Self.fullWidthNote) ?? ""),
                    accepted: "a whole number, for example 1000")
    }

    /// A year written the Chinese way, "2030年" or "2030年底" (or with full-width digits): the year, for the suggestion.
    static func yearWritten(_ text: String) -> Int? {
        let digits = text.unicodeScalars.map { (0xFF10...0xFF19).contains($0.value) ? Character(Unicode.Scalar($0.value - 0xFEE0)!) : Character($0) }
        var t = String(digits).trimmingCharacters(in: .whitespaces)
        for suffix in ["年底", "年末", "年"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)); break }
        guard t.count == 4, let y = Int(t) else { return nil }
        return y
    }

    public func year(in range: ClosedRange<Int>) throws -> Int {
        let v: Int
        do { v = try int() } catch let e as InputError {
            // A year is whole: 2030.5 is told with the years accepted.
            throw InputError(file: e.file, line: e.line, column: e.column, keyPath: e.keyPath,
                             message: e.message.replacingOccurrences(of: "expected a whole number", with: "expected a year"),
                             accepted: "a year, \(range.lowerBound) to \(range.upperBound)",
                             suggestion: scalarString.flatMap(Self.yearWritten).map(String.init))
        }
        guard range.contains(v) else {
            throw error("year \(v) is outside the model horizon", accepted: "\(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    public func bool() throws -> Bool {
        switch scalarString?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(scalarString.map { "'\($0)'" } ?? kindName)", accepted: "true, false")
        }
    }

    public func doubles() throws -> [Double] {
        guard case .sequence(let seq) = node else { throw error("expected a list of numbers, found \(kindName)") }
        return try seq.enumerated().map { i, n in
            try YAMLNode(node: n, file: file, path: path + ["\(i)"]).double()
        }
    }

    public func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let s = try string()
        guard let v = T(rawValue: s) else {
            let all = T.allCases.map(\.rawValue)
            throw error("'\(s)' is not accepted", accepted: all.joined(separator: ", "), suggestion: didYouMean(s, in: all))
        }
        return v
    }
}

func format(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
}

#if canImport(Foundation)
import Foundation
#endif
