import XCTest
@testable import Scenarios
import Simulator

/// Numbers copied from a Chinese statistical table (万吨, 万千瓦, 万吨标准煤) into a file in the model's units (Mt, GW,
/// Mtce) are a hundred times too large; a total quoted in 亿吨 is a hundred times too small. Such a number is told,
/// with the value it probably meant, and one plan period written two ways is an error.
final class StatisticalUnitTests: XCTestCase {
    var loader: ScenarioLoader!
    var directory: URL!

    override func setUpWithError() throws {
        loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func load(_ text: String) throws -> Scenario {
        let url = directory.appendingPathComponent("s.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try loader.load(path: url.path)
    }

    func error(_ text: String) throws -> InputError {
        do { _ = try load(text) } catch let e as InputError { return e }
        XCTFail("no error for:\n\(text)")
        throw XCTSkip("no error")
    }

    /// The region's 2019 fossil energy from CEADs on the energy statistics' basis, as the warning quotes it.
    var fossilEnergy: Double {
        get throws { let p = try Dataset.innerMongolia().modelParameters(); return p.ceads.fossilEnergy(p.factors) * p.energyStatisticsRatio }
    }

    func testAnEnergyCapInTenThousandTonnesIsToldWithTheValueInMtce() throws {
        let s = try load("targets:\n  energy_cap: {2030: 20000}\n")
        XCTAssertEqual(s.targets.energyCap[2030], 20000, "a warning, not a change: the file's number is what runs")
        let w = try XCTUnwrap(s.warnings.first { $0.keyPath == "targets.energy_cap.2030" }, "\(s.warnings)")
        XCTAssertEqual(w.line, 2)
        let times = (20000 / (try fossilEnergy)).rounded()
        XCTAssertTrue(w.message.hasPrefix("20000 Mtce is \(format(times)) times the region's 2019 fossil energy ("), w.message)
        XCTAssertTrue(w.message.hasSuffix("if you meant 20000 万吨标准煤 (10^4 tce), as Chinese statistics write it, write 200"), w.message)
    }

    /// The same cap typed on the command line (`solve --target energy_cap:2030=20000`) is told as in a file, with no line.
    func testACommandLineCapInTenThousandTonnesIsToldToo() throws {
        let dataset = try Dataset.innerMongolia()
        let p = try dataset.modelParameters()
        let parser = TargetParser(dataset: dataset)
        let cap = try parser.parse("energy_cap:2030=20000").commandLineWarnings(file: "--target", parameters: p)
        XCTAssertEqual(cap.map(\.keyPath), ["energy_cap.2030"])
        XCTAssertTrue(cap[0].message.hasSuffix("if you meant 20000 万吨标准煤 (10^4 tce), as Chinese statistics write it, write 200"), cap[0].message)
        XCTAssertEqual(try parser.parse("peak_ceiling=90000").commandLineWarnings(file: "--target", parameters: p).map(\.keyPath), ["peak_ceiling"])
        XCTAssertEqual(try parser.parse("non_fossil_share:2030=0.4").commandLineWarnings(file: "--target", parameters: p).map(\.keyPath),
                       ["non_fossil_share.2030"], "fractions are still told")
        XCTAssertEqual(try parser.parse("energy_cap:2030=250").commandLineWarnings(file: "--target", parameters: p), [])
    }

    func testAnEnergyCapInHundredMillionTonnesIsToldToo() throws {
        let s = try load("targets:\n  energy_cap: {2030: 2}\n")
        let w = try XCTUnwrap(s.warnings.first, "\(s.warnings)")
        XCTAssertTrue(w.message.contains("% of the region's 2019 fossil energy"), w.message)
        XCTAssertTrue(w.message.hasSuffix("if you meant 2 亿吨标准煤 (10^8 tce), as Chinese statistics write it, write 200"), w.message)
    }

    func testPlausibleCapsAndCeilingsAreQuiet() throws {
        // Between a twentieth and ten times the region's level: no warning (250 Mtce, 900 Mt CO2).
        let s = try load("targets:\n  energy_cap: {2030: 250}\n  peak_ceiling: 900\n")
        XCTAssertTrue(s.warnings.isEmpty, "\(s.warnings)")
        let ceiling = try load("targets:\n  peak_ceiling: 90000\n")
        XCTAssertTrue(ceiling.warnings.first?.message.hasSuffix("if you meant 90000 万吨 (10^4 t CO2), as Chinese statistics write it, write 900") ?? false,
                      "\(ceiling.warnings)")
    }

    func testCCUSOfAQuarterOfTheRegionsCO2IsToldAsProbablyTenThousandTonnes() throws {
        let s = try load("sector_plans:\n  removals:\n    ccus: {target: 500, start: 2027, full: 2030}\n")
        let w = try XCTUnwrap(s.warnings.first { $0.keyPath == "sector_plans.removals.ccus" }, "\(s.warnings)")
        XCTAssertEqual(w.line, 3)
        XCTAssertTrue(w.message.contains("% of the region's 2019 CO2"), w.message)
        XCTAssertTrue(w.message.hasSuffix("if you meant 500 万吨/年 (10^4 t CO2/yr), as Chinese statistics write it, write 5"), w.message)
        // The accelerated scenario's 150 Mt by 2050 is a deliberate what-if, under a quarter: quiet.
        XCTAssertTrue(try load("sector_plans:\n  removals:\n    ccus: {target: 150, start: 2028, full: 2050}\n").warnings.isEmpty)
    }

    func testAWindLevelOutOfRangeInTenThousandKilowattsSaysTheValueInGigawatts() throws {
        let e = try error("sector_plans:\n  power:\n    wind: {target: 28000, start: 2026, full: 2030}\n")
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.message, "28000 is out of range (in 万千瓦 (10^4 kW), the unit of Chinese statistics, it would be 280 GW)")
        XCTAssertEqual(e.accepted, "0 to 1000 GW")
        XCTAssertEqual(e.suggestion, "280")
        // Out of range whatever the unit: no hint.
        let far = try error("sector_plans:\n  power:\n    wind: {target: 280000, start: 2026, full: 2030}\n")
        XCTAssertEqual(far.message, "280000 is out of range")
        XCTAssertNil(far.suggestion)
    }

    func testOnePlanPeriodWrittenTwoWaysIsAnError() throws {
        let e = try error("targets:\n  co2_intensity_cut: {十六五: 18, 16th: 15}\n")
        XCTAssertEqual(e.keyPath, "targets.co2_intensity_cut.16th")
        XCTAssertEqual(e.message, "'16th' is the 16th plan period, already given as '十六五' on line 2")
        XCTAssertEqual(e.accepted, "each plan period once")
    }

    func testTheReportsConvertWithTheSameTable() {
        XCTAssertEqual(StatisticalUnit.of("GW")?.factor, 100)
        XCTAssertEqual(StatisticalUnit.of("TWh")?.factor, 10)
        XCTAssertEqual(StatisticalUnit.of("Mtce")?.chinese, "万吨标准煤")
        XCTAssertNil(StatisticalUnit.of("%"))
    }
}
