import Foundation

/// Scenario files a loader has read, kept while their texts are unchanged: `carbonsim serve` reads the file
/// a request extends for every request, and parsing it again each time would cost as much as running the
/// model. A kept scenario is reused only when every file it was read from (the file and its `extends:`
/// chain) still holds the same text, and when reusing it cannot hide a cycle or a chain too deep.
public final class ScenarioFileMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: Scenario] = [:]

    public init() {}

    static func key(_ path: String, _ displayName: String) -> String { path + "\u{0}" + displayName }

    func scenario(path: String, displayName: String, chain: [String]) -> Scenario? {
        guard let s = lock.withLock({ kept[Self.key(path, displayName)] }),
              chain.count + s.sources.count <= ScenarioLoader.maximumExtendsDepth,
              !s.sources.contains(where: { chain.contains($0.path) }),
              s.sources.allSatisfy({ (try? readInputFile(URL(fileURLWithPath: $0.path), what: "scenario file")) == $0.text })
        else { return nil }
        return s
    }

    func keep(_ s: Scenario, path: String, displayName: String) {
        lock.withLock { kept[Self.key(path, displayName)] = s }
    }
}
