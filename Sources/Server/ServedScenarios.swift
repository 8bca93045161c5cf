import Foundation

/// The scenario files the page may read: the `.yaml` files under the served folder (sweep and optimisation
/// specs excluded), each known by its path relative to the folder. A request names a file by that name and
/// is answered only when the name is in this list, so no request reads outside the folder (`..` and absolute
/// paths are never in the list). A link the folder itself holds (scenarios/announced.yaml links to the
/// embedded default) is served: whoever set up the folder chose it.
public struct ServedScenarios: Sendable {
    public let folder: URL
    /// Relative names, sorted: top-level files first, then those in subfolders.
    public let names: [String]

    /// Subfolders whose YAML files are specs of other commands, not scenarios.
    static let notScenarios: Set<String> = ["sweeps", "optimize"]

    public init(folder path: String) throws {
        // A directory URL: `extends:` in a request resolves relative to it.
        let folder = URL(fileURLWithPath: URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServeError.badOption("--scenarios", "\(path) is not a folder", accepted: "a folder of scenario files, for example scenarios")
        }
        self.folder = folder
        var names: [String] = []
        let root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        if let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walk where url.pathExtension == "yaml" || url.pathExtension == "yml" {
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(root) else { continue }
                let name = String(path.dropFirst(root.count))
                if let top = name.split(separator: "/").first, name.contains("/"), Self.notScenarios.contains(String(top)) { continue }
                if Self.isSpec(url) { continue }
                names.append(name)
            }
        }
        self.names = names.sorted { ($0.contains("/") ? 1 : 0, $0) < ($1.contains("/") ? 1 : 0, $1) }
    }

    /// A sweep or optimisation spec kept among the scenarios (its top-level `factors:` and `design:`, or `variables:`):
    /// the loader would refuse it as a scenario, so the picker does not offer it.
    static func isSpec(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url), data.count < 1 << 20, let text = String(data: data, encoding: .utf8) else { return false }
        let keys = Set(text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        })
        return keys.isSuperset(of: ["factors", "design"]) || keys.contains("variables")
    }

    /// The file a request names, or nil when the name is not one of the served files.
    public func url(of name: String) -> URL? {
        names.contains(name) ? folder.appendingPathComponent(name) : nil
    }
}
