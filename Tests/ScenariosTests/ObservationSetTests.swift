import XCTest
@testable import Scenarios
import Simulator

/// The observations file: a good file read to known values, every kind of bad row reported (all of them,
/// in file order, with line, column and what is accepted), a GBK file, and the rules that decide whether
/// a figure is compared, a lower bound or shown only.
final class ObservationSetTests: XCTestCase {
    let years = 2019...2025

    func parse(_ text: String) throws -> ObservationSet { try ObservationSet.parse(text, file: "obs.csv", years: years) }

    func inputError(_ body: () throws -> Any) -> InputError? {
        do { _ = try body() } catch let e as InputError { return e } catch { XCTFail("not an InputError: \(error)") }
        XCTFail("no error")
        return nil
    }

    func testAGoodFileIsReadWithItsUnitsConvertedAndItsBasesUnderstood() throws {
        // Columns in another order, a comment, CRLF line ends (Excel), a quoted field with a comma, and no notes column.
        let text = "# a comment\r\nyear,quantity,value,unit,basis,confidence,source\r\n"
            + "2022,generation,6440.3,10^8 kWh,annual; above designated size,high,\"IM statistics bureau, 2023\"\r\n"
            + "2023,capacity_wind_solar,9260,万千瓦,year-end,medium,chinaservicesinfo.com 2024-01-25\r\n"
            + "\r\n"
            + "2023,generation_growth,13.7,%,Jan-Oct; above designated size; taken as annual,medium,republished bulletin\r\n"
        let set = try parse(text)
        XCTAssertEqual(set.observations.count, 3)
        let g = set.observations[0]
        XCTAssertEqual(g.quantity.name, "generation")
        XCTAssertEqual(g.year, 2022)
        XCTAssertEqual(g.value, 6440.3)
        XCTAssertEqual(g.modelUnitValue, 644.03, accuracy: 1e-9)
        XCTAssertEqual(g.unitConversion, "10^8 kWh -> TWh: x 0.1")
        XCTAssertEqual(g.source, "IM statistics bureau, 2023")
        XCTAssertEqual(g.confidence, .high)
        XCTAssertEqual(g.line, 3)
        XCTAssertEqual(g.basis.description, "annual; above designated size")
        XCTAssertEqual(g.use, .lowerBound(reason: "above designated size figure: a lower bound on the annual value of the region"))
        let c = set.observations[1]
        XCTAssertEqual(c.modelUnitValue, 92.6, accuracy: 1e-9)
        XCTAssertEqual(c.use, .compared(conversion: nil))
        XCTAssertEqual(c.notes, "")
        XCTAssertEqual(set.observations[2].use,
                       .compared(conversion: "growth of Jan-Oct, above designated size taken as the annual growth of the region"))
    }

    func testEveryBadRowIsReportedInFileOrderWithLineColumnAndAcceptedValues() throws {
        let text = """
            quantity,year,value,unit,basis,source,confidence,notes
            generaton,2022,644,TWh,annual,s,high,
            generation,2022,644,GWh,annual,s,high,
            generation,2022,644,TWh,anual,s,high,
            generation,2022,644,TWh,above designated size,s,high,
            generation,2022,644,TWh,annual; Jan-Jun,s,high,
            capacity_wind,2022,40,GW,annual,s,high,
            generation,2022,644,TWh,year-end,s,high,
            generation,2022,644,TWh,annual; taken as annual,s,high,
            generation,2022,nan,TWh,annual,s,high,
            generation,2022,1e999,TWh,annual,s,high,
            generation,2022,-5,TWh,annual,s,high,
            gdp_growth,2022,-100,%,annual,s,high,
            generation,2031,644,TWh,annual,s,high,
            generation,20x2,644,TWh,annual,s,high,
            gdp_growth,2019,6.3,%,annual,s,high,
            generation,2021,600,TWh,annual, ,high,
            generation,2020,581,TWh,annual,s,hihg,
            generation,2020,581,TWh,annual,s,high,
            generation,2020,582,TWh,Annual,other source,low,
            generation,2020,581,TWh,annual,s,high,x,extra
            generation,2020,581,TWh
            generation,2020,581,TWh,annual,"s,high,
            """
        let e = try XCTUnwrap(inputError { try self.parse(text) })
        let all = [e] + e.others
        let expected: [(line: Int, key: String, says: String)] = [
            (2, "quantity", "'generaton' is not a known quantity"),
            (3, "unit", "'GWh' is not a unit of generation"),
            (4, "basis", "'anual' is not a basis tag"),
            (5, "basis", "the basis names no period"),
            (6, "basis", "names two periods"),
            (7, "basis", "capacity_wind is a stock at a date, but the basis says annual"),
            (8, "basis", "is a flow over a period, not a stock at year-end"),
            (9, "basis", "'taken as annual' applies only to a growth rate"),
            (10, "value", "'nan' is not a finite number"),
            (11, "value", "'1e999' is not a finite number"),
            (12, "value", "-5 is negative"),
            (13, "value", "-100 % would mean"),
            (14, "year", "2031 is outside the years"),
            (15, "year", "'20x2' is not a year"),
            (16, "year", "a growth rate needs the year before"),
            (17, "source", "every observation needs a source"),
            (18, "confidence", "'hihg' is not a confidence"),
            (20, "quantity", "generation 2020 (annual) is already given on line 19"),
            (21, "", "9 fields, but the header names 8 columns"),
            (22, "", "the row ends before columns basis, source, confidence"),
            (23, "", "a quoted field is not closed on this line"),
        ]
        XCTAssertEqual(all.count, expected.count, e.description)
        for (got, want) in zip(all, expected) {
            XCTAssertEqual(got.file, "obs.csv")
            XCTAssertEqual(got.line, want.line, got.description)
            XCTAssertEqual(got.keyPath, want.key, got.description)
            XCTAssertTrue(got.message.contains(want.says), "line \(want.line): \(got.description)")
        }
        // Columns are where the field starts, counted in characters.
        XCTAssertEqual(all[1].column, 21)
        XCTAssertEqual(all[0].suggestion, "generation")
        XCTAssertEqual(all[2].suggestion, "annual")
        XCTAssertEqual(all[16].suggestion, "high")
        XCTAssertEqual(all[1].accepted, "TWh, 10^8 kWh, 100 GWh, 亿千瓦时")
        XCTAssertEqual(all[12].accepted, "2019 to 2025")
        XCTAssertEqual(all[14].accepted, "2020 to 2025")
        XCTAssertEqual(all[16].accepted, "high, medium, low")
        XCTAssertTrue(all[0].accepted?.contains("capacity_wind_solar") ?? false)
    }

    func testAHeaderWithoutARequiredColumnOrWithAnUnknownOneIsRefused() throws {
        let e = try XCTUnwrap(inputError { try self.parse("quantity,year,value,unit,basis,sources,confidence\n") })
        XCTAssertEqual(e.line, 1)
        XCTAssertEqual(e.column, 1)
        XCTAssertTrue(e.message.contains("lacks the column source"), e.description)
        XCTAssertEqual(e.others.count, 1)
        XCTAssertEqual(e.others[0].column, 32)
        XCTAssertEqual(e.others[0].suggestion, "source")
        XCTAssertTrue(try XCTUnwrap(inputError { try self.parse("# only a comment\n") }).message.contains("no header row"))
    }

    func testAGBKObservationsFileSaysSaveAsUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("obs-gbk-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // "内蒙" (C4 DA C3 C9) in the source column of the first row.
        let data = Data("quantity,year,value,unit,basis,source,confidence\ngeneration,2020,581.1,TWh,annual,".utf8)
            + Data([0xC4, 0xDA, 0xC3, 0xC9]) + Data(",high\n".utf8)
        try data.write(to: url)
        let e = try XCTUnwrap(inputError { try ObservationSet.load(url: url, displayName: "gbk.csv", years: self.years) })
        XCTAssertEqual(e.file, "gbk.csv")
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 34)
        XCTAssertTrue(e.accepted?.contains("GBK (GB18030)") ?? false, e.description)
    }

    func testHowEachBasisIsUsed() throws {
        func use(_ quantity: String, _ basis: String, unit: String = "TWh") throws -> Observation.Use {
            try parse("quantity,year,value,unit,basis,source,confidence\n\(quantity),2023,10,\(unit),\(basis),s,high\n").observations[0].use
        }
        XCTAssertEqual(try use("generation", "annual"), .compared(conversion: nil))
        XCTAssertEqual(try use("capacity_wind", "year-end", unit: "GW"), .compared(conversion: nil))
        // January to December is the year (a trial's 'Jan-Dec' was offered 'Jan-Feb'), the end of December its end.
        XCTAssertEqual(try use("generation", "Jan-Dec"), .compared(conversion: nil))
        XCTAssertEqual(try use("capacity_wind", "end-Dec", unit: "GW"), .compared(conversion: nil))
        XCTAssertEqual(try use("generation", "Jan-Jun"), .lowerBound(reason: "Jan-Jun figure: a lower bound on the annual value of the region"))
        XCTAssertEqual(try use("capacity_wind", "year-end; grid-company", unit: "GW"),
                       .lowerBound(reason: "one grid company figure: a lower bound on the annual value of the region"))
        XCTAssertEqual(try use("generation_growth", "Jan-Jun", unit: "%"),
                       .excluded(reason: "growth of Jan-Jun is not the annual growth (write '; taken as annual' in the basis to use it as such)"))
        XCTAssertEqual(try use("generation_growth", "annual; above designated size", unit: "%"),
                       .excluded(reason: "growth of above designated size is not the annual growth (write '; taken as annual' in the basis to use it as such)"))
        XCTAssertEqual(try use("generation_growth", "Jan-Oct; taken as annual", unit: "%"),
                       .compared(conversion: "growth of Jan-Oct taken as the annual growth of the region"))
        XCTAssertEqual(try use("capacity_wind_solar", "end-Sep", unit: "GW"),
                       .lowerBound(reason: "end-Sep figure: a lower bound on the annual value of the region"))
        XCTAssertEqual(try use("capacity_thermal", "end-Sep", unit: "GW"),
                       .excluded(reason: "a capacity at end-Sep need not be below the year-end one: units retire"))
        XCTAssertEqual(try use("capacity_wind_solar", "year-end; at least", unit: "GW"), .lowerBound(reason: "published as 'more than': a lower bound"))
        XCTAssertEqual(try use("generation", "annual; approximate"), .compared(conversion: nil))
        XCTAssertEqual(try parse("quantity,year,value,unit,basis,source,confidence\ngeneration,2021,600,TWh,Approximate; ANNUAL,s,high\n")
                           .observations[0].basis.description, "annual; approximate")
        XCTAssertEqual(try use("non_fossil_share", "Jan-Jun", unit: "%"),
                       .excluded(reason: "a ratio over Jan-Jun says nothing certain about the annual ratio"))
    }

    /// A held-back figure stays in the record, out of every comparison, bound and fit, and must say why.
    func testAHeldBackFigureIsShownOnlyAndNeedsItsReason() throws {
        let header = "quantity,year,value,unit,basis,source,confidence,notes\n"
        for basis in ["annual; held back", "Jan-Jun; Held Back", "annual; at least; held back"] {
            let o = try parse(header + "generation,2023,10,TWh,\(basis),s,high,another basis\n").observations[0]
            XCTAssertEqual(o.use, .excluded(reason: "held back by the file: its notes say why"), basis)
            XCTAssertTrue(o.basis.description.hasSuffix("held back"), o.basis.description)
        }
        let set = try parse(header + "generation,2022,646.5,TWh,annual; held back,s,high,conflicts with line 3\n"
                            + "generation,2022,640,TWh,annual,s,high,\n")
        XCTAssertEqual(set.comparedAsTheyStand(["generation"], in: 2020...2025).map(\.value), [640])
        XCTAssertThrowsError(try parse(header + "generation,2022,646.5,TWh,annual; held back,s,high,\n")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("obs.csv:2:") && message.contains("notes") && message.contains("held back"), message)
        }
        XCTAssertThrowsError(try parse(header + "generation,2022,646.5,TWh,annual; held bak,s,high,why\n")) { error in
            XCTAssertTrue("\(error)".contains("held back"), "a typo gets the tag suggested: \(error)")
        }
    }

    func testUnitConversionsAreTheDeclaredFactors() throws {
        let cases: [(String, String, Double, Double)] = [
            ("generation", "亿千瓦时", 5810, 581), ("generation", "100 GWh", 5810, 581), ("capacity_wind", "万千瓦", 3729, 37.29),
            ("capacity_wind", "MW", 37290, 37.29), ("energy_total", "万吨标准煤", 26100, 261), ("output_coke", "万吨", 4211, 42.11),
            ("output_coke", "Mt", 42.11, 42.11),
        ]
        for (q, unit, value, expected) in cases {
            let basis = ObservedQuantity.named(q)!.isStock ? "year-end" : "annual"
            let o = try parse("quantity,year,value,unit,basis,source,confidence\n\(q),2021,\(value),\(unit),\(basis),s,high\n").observations[0]
            XCTAssertEqual(o.modelUnitValue, expected, accuracy: 1e-9, "\(q) in \(unit)")
        }
    }

    func testEveryQuantityIsFormedFromOutputsTheModelHas() {
        let names = Set(OutputCatalog.shared.names)
        for q in ObservedQuantity.all {
            for o in q.outputs { XCTAssertTrue(names.contains(o), "\(q.name): no output \(o)") }
            XCTAssertEqual(q.factor(for: q.modelUnit), 1, q.name)
        }
        XCTAssertEqual(Set(ObservedQuantity.all.map(\.name)).count, ObservedQuantity.all.count)
    }

    func testTheEmbeddedObservationsLoadAndEveryOneHasASourceAndABasis() throws {
        let dataset = try Dataset.innerMongolia()
        XCTAssertEqual(dataset.observations, "inner-mongolia-observations.csv")
        let set = try XCTUnwrap(try ObservationSet.forDataset(dataset, datasetPath: nil, override: nil, years: ObservationSet.years(for: dataset)))
        XCTAssertEqual(set.file, "inner-mongolia-observations.csv (embedded)")
        XCTAssertGreaterThanOrEqual(set.observations.count, 30)
        for o in set.observations {
            XCTAssertGreaterThanOrEqual(o.source.count, 20, "line \(o.line): a source names a publication and its date")
            XCTAssertFalse(o.source.lowercased().hasPrefix("same"), "line \(o.line): a source is written out, not \"same as above\"")
            XCTAssertFalse(o.basis.description.isEmpty)
        }
        // The figures the issue quotes are there.
        XCTAssertTrue(set.observations.contains { $0.quantity.name == "electricity_consumption_growth" && $0.year == 2023 && $0.value == 12.4 })
        XCTAssertTrue(set.observations.contains { $0.quantity.name == "energy_intensity_growth" && $0.year == 2020 && $0.value == 6.89 })
    }

    func testADatasetThatNamesNoObservationsHasNone() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml"), encoding: .utf8)
        let without = text.replacingOccurrences(of: "observations: inner-mongolia-observations.csv\n", with: "")
        XCTAssertNotEqual(without, text)
        let dataset = try Dataset.parse(without, file: "plain.yaml")
        XCTAssertNil(try ObservationSet.forDataset(dataset, datasetPath: "plain.yaml", override: nil, years: 2019...2026))
        // The dataset written back keeps its observations key.
        XCTAssertTrue(try Dataset.innerMongolia().yaml(header: []).contains("observations: \"inner-mongolia-observations.csv\""))
    }
}

extension ObservationSetTests {
    func testObservationsRunFromTheBaseYearToTheCurrentYear() throws {
        let dataset = try Dataset.innerMongolia()
        let day = { (y: Int) in Calendar(identifier: .gregorian).date(from: DateComponents(year: y, month: 6, day: 1))! }
        XCTAssertEqual(ObservationSet.years(for: dataset, today: day(2026)), 2019...2026)
        XCTAssertEqual(ObservationSet.years(for: dataset, today: day(2100)), 2019...2060)
        XCTAssertEqual(ObservationSet.years(for: dataset, today: day(2000)), 2019...2019)
    }

    /// A figure in 万吨标准煤 or 万千瓦 written under the model's unit name (28000 "Mtce") is told against the model's own
    /// value for its year, with the unit it probably is; one in 亿 units (2.9 "Mtce") too; plausible figures are not.
    func testFiguresInAnotherUnitAreTold() throws {
        let set = try parse("quantity,year,value,unit,basis,source,confidence,notes\n" + """
            energy_total,2021,28000,Mtce,annual,bulletin,high,
            capacity_wind,2023,7000,GW,year-end,bulletin,high,
            energy_total,2022,2.9,Mtce,annual,bulletin,high,
            energy_total,2023,330,Mtce,annual,bulletin,high,
            capacity_wind,2022,700000,万千瓦,year-end,bulletin,high,
            non_fossil_share,2023,2000,%,annual,bulletin,high,
            """)
        let model: [String: Double] = ["energy_total": 311.6, "capacity_wind": 54.1, "non_fossil_share": 20]
        let told = set.unitWarnings { output, _ in model[output] }
        XCTAssertEqual(told.map(\.line), [2, 3, 4, 6], "\(told)")
        XCTAssertEqual(told[0].message, "energy_total 2021: 28000 Mtce is 90 times the model's 311.6 Mtce for that year without history mode, which would follow it; if it is in 万吨标准煤 (10^4 tce), give that unit (or write 280 Mtce)")
        XCTAssertTrue(told[1].message.hasSuffix("give that unit (or write 70 GW)"), told[1].message)
        XCTAssertEqual(told[2].message, "energy_total 2022: 2.9 Mtce is 0.9 % of the model's 311.6 Mtce for that year without history mode, which would follow it; if it is in 亿吨标准煤 (10^8 tce), write 290 Mtce")
        XCTAssertTrue(told[3].message.hasPrefix("capacity_wind 2022: 7000 GW is 129 times"), "in the model's unit: \(told[3].message)")
        XCTAssertEqual(told.map(\.keyPath), Array(repeating: "value", count: 4))
    }
}
