import XCTest
import Foundation

/// `carbonsim calibrate`, end to end.
final class CalibrateCommandLineTests: XCTestCase {
    let cli = CLI()

    func testInnerMongoliaCalibrationWritesADatasetThatRunUses() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calibrated-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try cli.run(["calibrate", "--output", file.path])
        XCTAssertEqual(r.status, 0, r.err)
        for series in ["power", "ferrous_nonmetal", "nonferrous", "petro_coking", "chemicals", "transport", "other"] {
            XCTAssertTrue(r.out.contains(series), series)
        }
        XCTAssertTrue(r.out.contains("R²") && r.out.contains("±"))
        XCTAssertTrue(r.err.contains("calibrated dataset written"), r.err)
        let run = try cli.run(["run", "--dataset", file.path, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("scenario,region,section,indicator"), run.out)
        XCTAssertTrue(run.out.contains("baseline"))
    }

    func testAnyCEADsProvinceAndFormats() throws {
        let r = try cli.run(["calibrate", "--province", "Shanxi", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = r.out.split(separator: "\n")
        XCTAssertEqual(rows.count, 8)
        XCTAssertTrue(rows[1].hasPrefix("Shanxi,power,power,2005,2019,2019,"))
        let json = try cli.run(["calibrate", "--province", "Guangdong", "--series", "power", "transport", "--from", "2000", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.err)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        XCTAssertEqual((object?["series"] as? [Any])?.count, 2)
        XCTAssertEqual(object?["from"] as? Int, 2000)
    }

    /// Under --lang zh the levels are in 万吨CO2 (the statistical units), the model's with --units model; the CSV's
    /// numbers follow its header; JSON stays in Mt CO2.
    func testChineseLevelsAreInTheStatisticalUnits() throws {
        let model = try cli.run(["calibrate", "--series", "power", "--format", "csv"])
        let cn = try cli.run(["calibrate", "--series", "power", "--format", "csv", "--lang", "zh"])
        XCTAssertEqual(cn.status, 0, cn.err)
        XCTAssertTrue(cn.out.contains(",水平（万吨CO2/年）,"), cn.out)
        XCTAssertTrue(cn.out.contains("\n内蒙古,电力热力,power,"), cn.out)
        func level(_ csv: String) -> Double? { csv.split(separator: "\n")[1].split(separator: ",").dropFirst(6).first.flatMap { Double($0) } }
        let mt = try XCTUnwrap(level(model.out)), wt = try XCTUnwrap(level(cn.out))
        XCTAssertEqual(wt, 100 * mt, accuracy: 1e-9 * wt, "1 Mt = 100 万吨")
        let table = try cli.run(["calibrate", "--series", "power", "--lang", "zh", "--units", "model"])
        XCTAssertTrue(table.out.contains("2019年水平 L（百万吨CO2/年）"), table.out)
        let english = try cli.run(["calibrate", "--series", "power"])
        XCTAssertTrue(english.out.contains("level 2019 L (Mt CO2/yr)"), english.out)
    }

    func testErrorsNameWhatIsAccepted() throws {
        let unknown = try cli.run(["calibrate", "--province", "Shanxii"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("did you mean 'Shanxi'"), unknown.err)
        XCTAssertTrue(unknown.err.contains("InnerMongolia"), unknown.err)
        let window = try cli.run(["calibrate", "--from", "1990"])
        XCTAssertEqual(window.status, 2)
        XCTAssertTrue(window.err.contains("1997-2019"), window.err)
        let series = try cli.run(["calibrate", "--series", "steel"])
        XCTAssertEqual(series.status, 2)
        XCTAssertTrue(series.err.contains("accepted: power, ferrous_nonmetal"), series.err)
        // A dataset given explicitly must be the province's.
        let im = FileManager.default.temporaryDirectory.appendingPathComponent("im-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: im) }
        XCTAssertEqual(try cli.run(["calibrate", "--output", im.path]).status, 0)
        let never = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString).yaml")
        let other = try cli.run(["calibrate", "--province", "Shanxi", "--dataset", im.path, "--output", never.path])
        XCTAssertEqual(other.status, 2)
        XCTAssertTrue(other.err.contains("dataset of Shanxi"), other.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: never.path))
    }

    /// Another province gets a dataset derived from CEADs, calibrated, that `run` uses (baseline only).
    func testOtherProvinceGetsAHistoryFittedBaseline() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shanxi-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try cli.run(["calibrate", "--province", "Shanxi", "--output", file.path])
        XCTAssertEqual(r.status, 0, r.err)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("region: \"Shanxi\""))
        XCTAssertTrue(text.contains("Derived from the province's CEADs 2019 inventory"))
        XCTAssertTrue(text.contains("activities:") && text.contains("trend:"))
        let run = try cli.run(["run", "--dataset", file.path, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.contains("baseline only"), run.err)
        XCTAssertFalse(run.out.contains("announced"))
        // CEADs 2019 Shanxi: 564.9 Mt in the base year.
        let base = run.out.split(separator: "\n").first { $0.hasPrefix("baseline,Shanxi,period,CO2 gross,Mt CO2,base,") }
        XCTAssertNotNil(base, run.out)

        // A series that does not converge (Chongqing's tiny petro_coking) is reported and left out.
        let cq = try cli.run(["calibrate", "--province", "Chongqing"])
        XCTAssertEqual(cq.status, 0, cq.err)
        XCTAssertTrue(cq.err.contains("petro_coking") && cq.err.contains("best point"), cq.err)
    }
}
