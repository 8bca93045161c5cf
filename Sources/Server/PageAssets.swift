import Foundation

/// The page's files (HTML, CSS, JavaScript), resources of this module read once at start: a request names
/// one by its file name and gets it from memory, never from a path it made up.
struct PageAssets: Sendable {
    struct Asset: Sendable {
        let bytes: Data
        let contentType: String
    }

    let files: [String: Asset]

    static let contentTypes = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
                               "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png"]

    init() throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Assets") else {
            throw ServeError.badOption("serve", "the page's files are missing from this build", accepted: "a carbonsim built with `swift build`")
        }
        var files: [String: Asset] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            guard let type = Self.contentTypes[URL(fileURLWithPath: name).pathExtension] else { continue }
            files[name] = Asset(bytes: try Data(contentsOf: folder.appendingPathComponent(name)), contentType: type)
        }
        self.files = files
    }
}
