import Foundation
import XCTest
import Scenarios
import Sweeps

/// What the sweep tests share: a temporary folder, the embedded dataset, and specs written and loaded there
/// (`SCENARIOS` in a spec's text stands for the repository's scenarios/ folder).
struct SpecFixture {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    let directory: URL
    let dataset: Dataset

    init() throws {
        dataset = try Dataset.innerMongolia()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-sweeps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func spec(_ text: String, name: String = "spec.yaml") throws -> SweepSpec {
        let url = directory.appendingPathComponent(name)
        try text.replacingOccurrences(of: "SCENARIOS", with: Self.scenarios.path).write(to: url, atomically: true, encoding: .utf8)
        return try SweepSpecLoader(dataset: dataset).load(path: url.path)
    }

    func specError(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> InputError {
        do {
            _ = try spec(text)
        } catch let e as InputError {
            return e
        }
        XCTFail("no error for:\n\(text)", file: file, line: line)
        throw XCTSkip()
    }
}
