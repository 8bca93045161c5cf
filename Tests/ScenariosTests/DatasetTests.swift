import XCTest
@testable import Scenarios
import Simulator

/// The embedded dataset carries its sources; estimates are marked and ranged.
final class DatasetTests: XCTestCase {
    func testEveryNumberHasASourceAndEveryEstimateARange() throws {
        let d = try Dataset.innerMongolia()
        XCTAssertEqual(d.region, "Inner Mongolia")
        var numbers = 0, estimates = 0
        for e in d.entries {
            switch e.value {
            case .text, .flag: continue
            default: break
            }
            numbers += 1
            XCTAssertFalse(e.source.trimmingCharacters(in: .whitespaces).isEmpty, e.path)
            if e.estimate {
                estimates += 1
                XCTAssertNotNil(e.range, "\(e.path) is an estimate without a range")
                XCTAssertTrue(e.source.lowercased().contains("estimate"), "\(e.path): an estimate's source says so")
            }
            if case .scalar(let v) = e.value, e.estimate, let r = e.range {
                XCTAssertTrue(r.contains(v), "\(e.path) = \(v) outside \(r)")
            }
        }
        XCTAssertGreaterThan(numbers, 150)
        XCTAssertGreaterThan(estimates, 50)
    }

    func testCEADsBaseYearInTheDatasetMatchesTheSharedInventory() throws {
        // Row sums of shared/data/ceads for InnerMongolia 2019: 794.2794 Mt in total.
        let p = try Dataset.innerMongolia().modelParameters()
        XCTAssertEqual(p.ceads.total, 794.2794, accuracy: 0.001)
        XCTAssertEqual(p.ceads[.power].total, 604.1764, accuracy: 0.001)
        XCTAssertEqual(p.ceads.cementProcess, 9.8156, accuracy: 1e-6)
    }

    func testShareOfGroupFuelNeverExceedsTheGroup() throws {
        let p = try Dataset.innerMongolia().modelParameters()
        for g in SectorGroup.allCases {
            let claimed = p.products.filter { $0.group == g }.map(\.shareOfGroupFuel).reduce(0, +)
            XCTAssertLessThanOrEqual(claimed, 1.0 + 1e-12, g.key)
        }
    }

    func testLeverCatalogIsComplete() throws {
        let p = try Dataset.innerMongolia().modelParameters()
        XCTAssertEqual(Set(LeverRegistry.all.map(\.path)).count, LeverRegistry.all.count, "paths are unique")
        for l in LeverRegistry.all {
            XCTAssertFalse(l.description.isEmpty, l.path)
            XCTAssertFalse(l.descriptionZH.isEmpty, l.path)
            XCTAssertFalse(l.label.isEmpty || l.labelZH.isEmpty || l.entersModel.isEmpty, l.path)
            if let b = l.baselineLevel(p, at: Double(p.baseYear + 1)), !l.path.contains("capacity_cap") {
                XCTAssertTrue(l.range.contains(b), "\(l.path): baseline \(b) outside \(l.range)")
            }
        }
        for family in ["capacity", "efficiency", "deep_processing", "fly_ash_alumina", "renewables", "coal_power",
                       "electrification", "ccus", "sinks"] {
            XCTAssertTrue(LeverRegistry.all.contains { $0.family == family }, family)
        }
    }

    /// A dataset written by an earlier version (a calibrated file, say) still carries build-out lags that no
    /// longer enter the model: the loader says so and what to do, rather than "unknown key".
    func testRetiredParametersAreToldAsSuch() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "\nccus:\n", with: "\nccus:\n  build_time: {value: 3, unit: yr, estimate: true, range: [2, 6], source: \"estimate\"}\n")
        XCTAssertThrowsError(try Dataset.parse(text, file: "old.yaml").modelParameters()) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.keyPath, "ccus.build_time")
            XCTAssertTrue(e?.message.contains("no longer a parameter") == true, "\($0)")
            XCTAssertEqual(e?.accepted, "delete this line")
        }
    }
}
