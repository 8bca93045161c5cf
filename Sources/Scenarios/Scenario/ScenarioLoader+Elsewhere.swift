import Simulator

/// A key that is no lever where it is written but is something elsewhere in a scenario file: `wind` under
/// `sector_plans.industry` (a power lever), `non_fossil` under `sector_plans.power` (the target
/// `non_fossil_share`), `ladder_pricing` under `sector_plans` (a measure). The edit-distance suggestion only
/// looks among the keys allowed in place; this one says where the key belongs.
extension ScenarioLoader {
    /// The dotted path a misplaced lever key most likely meant, or nil.
    static func placeElsewhere(_ key: String, under parent: String) -> String? {
        if let named = chineseName(key, under: parent) { return named }
        let word = key.lowercased()
        // A lever (or group of levers) of that name elsewhere: the shortest path ending in it.
        // Dual control is a measure read beside the levers, not one of them.
        let levers = (LeverRegistry.all.map(\.path) + ["measures.dual_control"]).compactMap { leverPath -> String? in
            let parts = leverPath.split(separator: ".").map(String.init)
            guard let i = parts.firstIndex(where: { $0.lowercased() == word }) else { return nil }
            let path = parts[...i].joined(separator: ".")
            return path == parent + "." + key ? nil : path
        }
        if let shortest = levers.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        // A target, named in full, by its first words (`non_fossil`) or with a typo.
        // A first word two targets share (`energy`: energy_cap, energy_intensity_cut) points to neither.
        let starting = targetKeys.filter { $0.hasPrefix(word + "_") }
        if let target = targetKeys.first(where: { $0 == word }) ?? (starting.count == 1 ? starting[0] : nil)
            ?? (starting.isEmpty ? didYouMean(word, in: targetKeys) : nil) {
            return "targets.\(target)"
        }
        return nil
    }

    /// A key written in Chinese, as the lever's or product's Chinese name has it (`风电` for wind, `钢铁` for steel under
    /// capacity_cut): the key in place when the lever is under `parent`, else its path. nil for an ASCII key.
    static func chineseName(_ key: String, under parent: String) -> String? {
        let word = key.trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty, !word.allSatisfy(\.isASCII) else { return nil }
        // A product under a per-product lever, by the statistics' name or one plans use.
        if let product = Product.allCases.first(where: { $0.otherNamesZH.contains(word) })
                      ?? Product.allCases.first(where: { $0.nameZH == word || $0.nameZH.contains(word) }),
           LeverRegistry.lever(parent + "." + product.key) != nil {
            return product.key
        }
        // Dual control is a measure read beside the levers.
        if ["双控", "能耗双控", "能源双控"].contains(word) { return parent == "measures" ? "dual_control" : "measures.dual_control" }
        let named = LeverRegistry.all.filter { $0.labelZH.contains(word) }
        guard let lever = named.first(where: { $0.path.hasPrefix(parent + ".") }) ?? named.first else { return nil }
        // The key in place when the lever sits right under `parent`; else its whole path (`储能` under sector_plans).
        let rest = lever.path.hasPrefix(parent + ".") ? String(lever.path.dropFirst(parent.count + 1)) : lever.path
        return rest.contains(".") ? lever.path : rest
    }

    /// `error` and the others it carries, each unknown key under `sector_plans` or `measures` that has no
    /// suggestion in place given the place it belongs elsewhere.
    static func suggestingElsewhere(_ error: InputError) -> InputError {
        func one(_ e: InputError) -> InputError {
            guard e.message.hasPrefix("unknown key '"), let dot = e.keyPath.lastIndex(of: ".") else { return e }
            let parent = String(e.keyPath[..<dot]), key = String(e.keyPath[e.keyPath.index(after: dot)...])
            // A Chinese name's key beats the spelling suggestion, which has nothing to go on there.
            guard e.suggestion == nil || !key.allSatisfy(\.isASCII),
                  parent.hasPrefix("sector_plans") || parent.hasPrefix("measures"), LeverRegistry.lever(parent) == nil,
                  let elsewhere = placeElsewhere(key, under: parent) else { return e }
            return InputError(file: e.file, line: e.line, column: e.column, keyPath: e.keyPath, message: e.message,
                              accepted: e.accepted, suggestion: elsewhere)
        }
        var first = one(error)
        first.others = error.others.map(one)
        first.warnings = error.warnings
        return first
    }
}
