import XCTest
import Analysis
@testable import Scenarios
import Simulator

/// `carbonsim calibrate`: the embedded CEADs history, trends recovered from synthetic history, and the
/// calibrated dataset the model runs.
final class CalibrationTests: XCTestCase {
    func testEmbeddedHistoryMatchesTheDatasetBaseYearAndTheFacts() throws {
        let h = try CEADsHistory.embedded()
        XCTAssertEqual(h.provinces.count, 30)
        XCTAssertEqual(h.years, 1997...2019)
        let p = try Dataset.innerMongolia().modelParameters()
        for g in SectorGroup.allCases {
            let r = try XCTUnwrap(h.record("InnerMongolia", 2019, g))
            XCTAssertEqual(r.fuels.total, p.ceads[g].total, accuracy: 1e-3, g.key)
        }
        XCTAssertEqual(h.record("InnerMongolia", 2019, .nonmetal)?.process ?? 0, 9.8156, accuracy: 1e-4)
        // shared/data/inner-mongolia/facts.csv: CEADs scope-1 totals 240.5 (2005), 490.6 (2010), 601.5 (2015).
        for (year, total) in [(2005, 240.5), (2010, 490.6), (2015, 601.5), (2019, 794.3)] {
            let sum = try h.series("InnerMongolia", groups: SectorGroup.allCases, years: year...year)[0]
            XCTAssertEqual(sum, total, accuracy: 0.06, "\(year)")
        }
    }

    func testProvinceNamesAndUnknownProvinces() throws {
        let h = try CEADsHistory.embedded()
        XCTAssertEqual(try h.province(named: "Inner Mongolia"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "inner-mongolia"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "shanxi"), "Shanxi")
        XCTAssertThrowsError(try h.province(named: "Shanxii")) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.suggestion, "Shanxi")
            XCTAssertTrue(e?.accepted?.contains("Shaanxi 陕西, Shandong 山东") ?? false, e?.accepted ?? "")
            XCTAssertEqual(e?.message, "'Shanxii' is not one of the 30 CEADs provinces")
        }
        // CEADs has no inventory for Tibet (nor Hong Kong, Macao, Taiwan): said so, whichever name is used.
        for name in ["Tibet", "西藏", "西藏自治区", "Xizang", "香港"] {
            XCTAssertThrowsError(try h.province(named: name)) { error in
                XCTAssertEqual((error as? InputError)?.message,
                               "'\(name)' has no CEADs inventory: CEADs covers 30 provinces, without Tibet, Hong Kong, Macao and Taiwan")
            }
        }
    }

    /// Synthetic CEADs history generated from known trends (plus noise) for every series: calibration
    /// recovers each parameter within two standard errors.
    func testChineseAndPinyinProvinceNames() throws {
        let h = try CEADsHistory.embedded()
        XCTAssertEqual(try h.province(named: "山西"), "Shanxi")
        XCTAssertEqual(try h.province(named: "山西省"), "Shanxi")
        XCTAssertEqual(try h.province(named: "陕西"), "Shaanxi")
        XCTAssertEqual(try h.province(named: "内蒙古"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "内蒙古自治区"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "Nei Menggu"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "新疆维吾尔自治区"), "Xinjiang")
        XCTAssertEqual(try h.province(named: "北京市"), "Beijing")
        // The one-character abbreviations (简称) plans write: 晋 is Shanxi, 陕 Shaanxi; 内蒙 is Inner Mongolia.
        XCTAssertEqual(try h.province(named: "晋"), "Shanxi")
        XCTAssertEqual(try h.province(named: "陕"), "Shaanxi")
        XCTAssertEqual(try h.province(named: "内蒙"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "蒙"), "InnerMongolia")
        XCTAssertEqual(try h.province(named: "粤"), "Guangdong")
        XCTAssertThrowsError(try h.province(named: "藏")) { error in  // Tibet: no CEADs inventory
            XCTAssertEqual((error as? InputError)?.file, "--province", "the error is at the option, not the CEADs file")
        }
        XCTAssertThrowsError(try h.province(named: "西藏")) { error in
            XCTAssertTrue((error as? InputError)?.accepted?.contains("山西") ?? false, "\(error)")
        }
    }

    func testCalibrationRecoversKnownTrendsFromSyntheticHistory() throws {
        let truths: [String: LogisticTrend] = [
            "power": LogisticTrend(level: 600, rate: 0.2, saturationShare: 0.7, reference: 2019),
            "ferrous_nonmetal": LogisticTrend(level: 80, rate: 0.25, saturationShare: 0.9, reference: 2019),
            "nonferrous": LogisticTrend(level: 9, rate: 0.15, saturationShare: 0.5, reference: 2019),
            "petro_coking": LogisticTrend(level: 17, rate: 0.12, saturationShare: 0.4, reference: 2019),
            "chemicals": LogisticTrend(level: 8, rate: -0.2, saturationShare: 0.5, reference: 2019),
            "transport": LogisticTrend(level: 16, rate: 0.3, saturationShare: 0.8, reference: 2019),
            "other": LogisticTrend(level: 55, rate: 0.1, saturationShare: 0.3, reference: 2019),
        ]
        let (history, noise) = synthetic(truths, seed: 11)
        let c = try HistoryCalibration.fit(history: history, province: "Testland")
        XCTAssertEqual(c.fits.count, 7)
        for f in c.fits {
            let truth = try XCTUnwrap(truths[f.series.name])
            for j in 0..<3 {
                let estimate = f.fit.trend.parameters[j], se = f.fit.standardErrors[j]
                XCTAssertLessThanOrEqual(abs(estimate - truth.parameters[j]), 2 * se,
                                         "\(f.series.name) \(LogisticTrend.parameterNames[j]): \(estimate) ± \(se), truth \(truth.parameters[j])")
            }
            XCTAssertEqual(f.fit.rmse, noise[f.series.name]!, accuracy: noise[f.series.name]!, f.series.name)
        }
    }

    /// The calibrated dataset runs, and a group carried by one activity follows its fitted trend from the
    /// CEADs base year: CO2(t) = CO2(2019) T(t) / T(2019).
    func testCalibratedDatasetCarriesTheTrendIntoTheModel() throws {
        let dataset = try Dataset.innerMongolia()
        let truths = ["transport": LogisticTrend(level: 16, rate: 0.3, saturationShare: 0.6, reference: 2019)]
        let (history, _) = synthetic(truths, seed: 5, province: "InnerMongolia")
        let c = try HistoryCalibration.fit(history: history, province: "Inner Mongolia", series: try HistorySeries.named(["transport"]))
        let calibrated = try c.calibrating(dataset)
        XCTAssertNotNil(calibrated.entry("activities.transport.trend"))
        XCTAssertTrue(calibrated.entry("activities.transport.trend")!.source.contains("carbonsim calibrate"))
        XCTAssertTrue(calibrated.entry("activities.transport.trend")!.estimate)

        let scenario = try DefaultScenarios.load(dataset: calibrated)[0]
        let result = try PreparedScenario(scenario, dataset: calibrated).run()
        let trend = c.fits[0].fit.trend
        let base = try XCTUnwrap(result.trajectory.value("co2_sector_transport", year: 2019))
        XCTAssertEqual(base, dataset.entry("ceads_2019.transport").map { e -> Double in
            if case .fuels(let f) = e.value { return f.total }
            return 0
        } ?? 0, accuracy: 0.01)
        for year in [2025, 2030, 2045, 2060] {
            let expected = base * trend.value(at: Double(year)) / trend.value(at: 2019)
            let got = try XCTUnwrap(result.trajectory.value("co2_sector_transport", year: year))
            XCTAssertEqual(got, expected, accuracy: 2e-3 * expected, "\(year)")
        }
        // Other groups keep their own growth: the uncalibrated dataset gives the same power path.
        let original = try PreparedScenario(DefaultScenarios.load(dataset: dataset)[0], dataset: dataset).run()
        XCTAssertEqual(original.trajectory.value("co2_sector_ferrous", year: 2040)!,
                       result.trajectory.value("co2_sector_ferrous", year: 2040)!, accuracy: 1e-9)
    }

    func testInnerMongoliaCalibrationSkipsUnboundedSeriesAndRoundTrips() throws {
        let dataset = try Dataset.innerMongolia()
        let c = try HistoryCalibration.fit(history: try CEADsHistory.embedded(), province: "Inner Mongolia")
        let calibrated = try c.calibrating(dataset)
        let applied = c.applied(base: dataset.baseYear, end: dataset.endYear).map(\.series)
        XCTAssertEqual(applied.map(\.name), ["power", "ferrous_nonmetal", "chemicals", "transport", "other"])
        for f in c.fits {
            let groups = f.series.groups
            let p = try dataset.modelParameters()
            for q in p.products where groups.contains(q.group) && q.product != .alumina {
                let source = calibrated.entry("products.\(q.product.key).demand_index")!.source
                XCTAssertEqual(source.contains("carbonsim calibrate"), applied.contains(f.series), "\(f.series.name) \(q.product.key)")
            }
        }
        // The written file reads back to the same dataset.
        let text = calibrated.yaml(header: ["test"])
        let reread = try Dataset.parse(text, file: "calibrated.yaml")
        XCTAssertEqual(reread.entries.count, calibrated.entries.count)
        XCTAssertEqual(reread.yaml(header: ["test"]), text)
    }

    /// A five-year window (2015-2019) fits exponential declines with no floor (transport at -8 %/yr, to 4 % of its
    /// level by 2060) and a chemicals trend whose 2030 growth is known only within x0.002-550: none is carried (found
    /// in a trial, where they were written into the dataset with a sweep range of x550). Each says why.
    func testAShortWindowCarriesNeitherUnboundedDeclinesNorUndeterminedGrowth() throws {
        let dataset = try Dataset.innerMongolia()
        let c = try HistoryCalibration.fit(history: try CEADsHistory.embedded(), province: "Inner Mongolia", years: 2015...2019)
        let why = Dictionary(uniqueKeysWithValues: c.fits.map { ($0.series.name, $0.exclusion(base: dataset.baseYear, end: dataset.endYear)) })
        XCTAssertEqual(why["transport"], .unboundedDecline)
        XCTAssertEqual(why["other"], .unboundedDecline)
        guard case .tooUncertain(let low, let high)?? = why["chemicals"] else { return XCTFail("\(String(describing: why["chemicals"]))") }
        XCTAssertEqual(low * high, 1, accuracy: 1e-9)
        XCTAssertGreaterThan(high, HistoryCalibration.maximumSpread)
        XCTAssertEqual(c.applied(base: dataset.baseYear, end: dataset.endYear).count, 0)
        // Every fit carried by the default window is within the range, and a carried range is at most x3 either way.
        let full = try HistoryCalibration.fit(history: try CEADsHistory.embedded(), province: "Inner Mongolia")
        for f in full.applied(base: dataset.baseYear, end: dataset.endYear) {
            let calibrated = try full.calibrating(dataset)
            let p = try dataset.modelParameters()
            for a in p.activities where f.series.groups.contains(a.group) {
                let range = try XCTUnwrap(calibrated.entry("activities.\(a.key).trend")?.range)
                XCTAssertLessThanOrEqual(range.upperBound, HistoryCalibration.maximumSpread + 1e-12, f.series.name)
            }
        }
    }

    func testWrittenEmbeddedDatasetRunsIdentically() throws {
        let dataset = try Dataset.innerMongolia()
        let copy = try Dataset.parse(dataset.yaml(header: []), file: "copy.yaml")
        let a = try PreparedScenario(DefaultScenarios.load(dataset: dataset)[1], dataset: dataset).run()
        let b = try PreparedScenario(DefaultScenarios.load(dataset: copy)[1], dataset: copy).run()
        XCTAssertEqual(a.trajectory.series("co2_gross"), b.trajectory.series("co2_gross"))
        XCTAssertEqual(a.trajectory.series("gdp"), b.trajectory.series("gdp"))
    }

    func testBadWindowsAndOtherProvincesDatasets() throws {
        let h = try CEADsHistory.embedded()
        XCTAssertThrowsError(try HistoryCalibration.fit(history: h, province: "Shanxi", years: 1990...2019)) {
            XCTAssertTrue(($0 as? InputError)?.accepted?.contains("1997-2019") ?? false)
        }
        XCTAssertThrowsError(try HistoryCalibration.fit(history: h, province: "Shanxi", years: 2016...2019))
        XCTAssertThrowsError(try HistorySeries.named(["powr"])) { XCTAssertEqual(($0 as? InputError)?.suggestion, "power") }
        let shanxi = try HistoryCalibration.fit(history: h, province: "Shanxi")
        XCTAssertThrowsError(try shanxi.calibrating(try Dataset.innerMongolia())) { error in
            XCTAssertTrue("\(error)".contains("--dataset"), "\(error)")
        }
    }

    /// A CEADs-shaped history whose series follow `truths` with Gaussian noise of 2% of the 2019 level;
    /// series not in `truths` are flat. Ferrous and nonmetal split their series 40/60.
    private func synthetic(_ truths: [String: LogisticTrend], seed: UInt64, province: String = "Testland")
        -> (CEADsHistory, [String: Double]) {
        let rng = RandomGenerator(seed: seed)
        var lines = ["province,year,group,coal,coke,oil,gas,process"], noise: [String: Double] = [:]
        var values: [String: [Int: Double]] = [:]
        for s in HistorySeries.defaults {
            let t = truths[s.name] ?? LogisticTrend(level: 10, rate: 0, saturationShare: 1, reference: 2019)
            let sigma = truths[s.name] == nil ? 0 : 0.02 * t.level
            noise[s.name] = sigma
            for year in 1997...2019 {
                let v = max(t.value(at: Double(year)) + rng.gaussian(sigma: sigma), 0)
                for (i, g) in s.groups.enumerated() {
                    values[g.key, default: [:]][year] = s.groups.count == 1 ? v : v * (i == 0 ? 0.4 : 0.6)
                }
            }
        }
        for year in 1997...2019 {
            for g in SectorGroup.allCases { lines.append("\(province),\(year),\(g.key),\(values[g.key]![year]!),0,0,0,0") }
        }
        return (try! CEADsHistory.parse(lines.joined(separator: "\n"), file: "synthetic.csv"), noise)
    }
}
