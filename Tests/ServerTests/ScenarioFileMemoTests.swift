import Foundation
import Scenarios
import XCTest

/// The loader's memo of files (what `carbonsim serve` passes it): a file read again is the same scenario,
/// and a file edited since, or a file it extends edited since, is read anew.
final class ScenarioFileMemoTests: XCTestCase {
    func testAnEditedFileOrItsBaseIsReadAnew() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("base.yaml"), plan = dir.appendingPathComponent("plan.yaml")
        try "sector_plans: {power: {wind: {target: 200, start: 2021, full: 2030}}}\n".write(to: base, atomically: true, encoding: .utf8)
        try "extends: base.yaml\ntargets: {peak_year: 2028}\n".write(to: plan, atomically: true, encoding: .utf8)
        let dataset = try Dataset.innerMongolia()
        let memo = ScenarioFileMemo()
        let loader = ScenarioLoader(dataset: dataset, memo: memo)

        let first = try loader.load(path: plan.path)
        XCTAssertEqual(first.levers["sector_plans.power.wind"]?.target, 200)
        XCTAssertEqual(try loader.load(path: plan.path), first)
        XCTAssertEqual(try loader.load(path: plan.path), try ScenarioLoader(dataset: dataset).load(path: plan.path))

        try "sector_plans: {power: {wind: {target: 250, start: 2021, full: 2030}}}\n".write(to: base, atomically: true, encoding: .utf8)
        XCTAssertEqual(try loader.load(path: plan.path).levers["sector_plans.power.wind"]?.target, 250)
        try "extends: base.yaml\ntargets: {peak_year: 2027}\n".write(to: plan, atomically: true, encoding: .utf8)
        XCTAssertEqual(try loader.load(path: plan.path).targets.peakYear, 2027)

        // A document extending a kept file reads the kept file's current text.
        let doc = try loader.parse(#"{"extends": "plan.yaml"}"#, file: "request", directory: URL(fileURLWithPath: dir.path, isDirectory: true))
        XCTAssertEqual(doc.levers["sector_plans.power.wind"]?.target, 250)
        XCTAssertEqual(doc.targets.peakYear, 2027)
    }
}
