import Foundation
import Scenarios

/// The comparison tray's request: `{"scenarios": [document, ...]}`, each document a scenario as the
/// evaluate endpoint takes it. Each is handed on as JSON text to the scenario loader.
enum ComparisonRequest {
    static func documents(_ body: String) throws -> [String] {
        let bad = InputError(file: WhatIfService.requestFile, keyPath: "scenarios", message: "not a JSON object with a list of scenario documents",
                             accepted: "{\"scenarios\": [{\"extends\": \"announced.yaml\", ...}, ...]}")
        guard let top = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
              let list = top["scenarios"] as? [Any] else { throw bad }
        return try list.map { item in
            guard item is [String: Any] else { throw bad }
            return String(decoding: try JSONSerialization.data(withJSONObject: item, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        }
    }
}
