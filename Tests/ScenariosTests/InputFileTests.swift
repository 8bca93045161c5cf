import XCTest
@testable import Scenarios
import Simulator

/// Reading input files (scenario, dataset, sweep spec, optimisation spec) through one place: a folder given
/// as a file, non-UTF-8 text (GBK in particular), tabs in YAML indentation, and empty scenario files.
final class InputFileTests: XCTestCase {
    var directory: URL!
    var dataset: Dataset!

    override func setUpWithError() throws {
        dataset = try Dataset.innerMongolia()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ data: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func inputError(_ body: () throws -> Any) -> InputError? {
        do { _ = try body() } catch let e as InputError { return e } catch { XCTFail("not an InputError: \(error)") }
        XCTFail("no error")
        return nil
    }

    /// "name: 内蒙" in GBK (内 = C4 DA, 蒙 = C3 C9), after an ASCII line.
    let gbk = Data("description: x\nname: ".utf8) + Data([0xC4, 0xDA, 0xC3, 0xC9]) + Data("\n".utf8)

    func testAFolderGivenAsAFileIsSaidToBeAFolderByEveryReader() throws {
        let folder = directory.path
        let loaders: [(String, () throws -> Any)] = [
            ("scenario", { try ScenarioLoader(dataset: self.dataset).load(path: folder) }),
            ("dataset", { try Dataset.load(url: URL(fileURLWithPath: folder)) }),
            ("sweep", { try SweepSpecLoader(dataset: self.dataset).load(path: folder) }),
            ("optimize", { try OptimizeSpecLoader(dataset: self.dataset).load(path: folder) }),
        ]
        for (what, load) in loaders {
            let e = try XCTUnwrap(inputError(load), what)
            XCTAssertTrue(e.message.contains("is a folder"), "\(what): \(e.description)")
            XCTAssertFalse(e.description.contains("NSCocoaErrorDomain"), e.description)
        }
    }

    func testAGBKScenarioNamesTheFirstBadByteAndSaysSaveAsUTF8() throws {
        let path = try write("gbk.yaml", gbk)
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: path) })
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 7)
        XCTAssertEqual(e.keyPath, "name", "the key of the line, read past the bad bytes")
        // With Windows line ends too (the lines are YAML's: CRLF ends one), nested.
        let crlf = Data("sector_plans:\r\n  power:\r\n    wind: {target: 200}  # ".utf8) + Data([0xB7, 0xE7, 0xB5, 0xE7]) + Data("\r\n".utf8)
        let nested = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: try self.write("gbk-crlf.yaml", crlf)) })
        XCTAssertEqual([nested.line, nested.column], [3, 28])
        XCTAssertEqual(nested.keyPath, "sector_plans.power.wind")
        XCTAssertTrue(e.message.contains("not UTF-8") && e.message.contains("0xC4") && e.message.contains("offset 21"), e.description)
        XCTAssertTrue(e.accepted?.contains("GBK (GB18030)") ?? false, e.description)
        XCTAssertTrue(e.accepted?.contains("save it as UTF-8") ?? false, e.description)
        for load in [{ try Dataset.load(url: URL(fileURLWithPath: path)) } as () throws -> Any,
                     { try SweepSpecLoader(dataset: self.dataset).load(path: path) },
                     { try OptimizeSpecLoader(dataset: self.dataset).load(path: path) }] {
            XCTAssertTrue(inputError(load)?.accepted?.contains("GBK") ?? false)
        }
    }

    /// An optimisation spec's base scenario by the shipped name, from anywhere; a misspelt one is suggested.
    func testAnOptimisationSpecTakesTheEmbeddedScenarioByName() throws {
        let spec = "name: o\nscenario: baseline\nvariables:\n  sector_plans.power.wind: {range: [160, 300], start: 2026, full: 2030}\ntargets:\n  peak_year: 2030\n"
        let loaded = try OptimizeSpecLoader(dataset: dataset).load(path: try write("o.yaml", Data(spec.utf8)))
        XCTAssertEqual(loaded.base.name, "baseline")
        let typo = spec.replacingOccurrences(of: "scenario: baseline", with: "scenario: Baseline.yml")
        let e = try XCTUnwrap(inputError { try OptimizeSpecLoader(dataset: self.dataset).load(path: try self.write("t.yaml", Data(typo.utf8))) })
        XCTAssertEqual(e.suggestion, "baseline", e.description)
        XCTAssertTrue(e.accepted?.contains("'baseline' or 'announced'") == true, e.description)
    }

    func testOtherNonUTF8TextIsNotCalledGBK() throws {
        // Latin-1 "é" followed by ASCII: not a GBK pair.
        let path = try write("latin1.yaml", Data("name: caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: path) })
        XCTAssertEqual(e.line, 1)
        XCTAssertEqual(e.column, 10)
        XCTAssertEqual(e.accepted, "save it as UTF-8")
    }

    func testUTF8WithAByteOrderMarkIsRead() throws {
        let path = try write("bom.yaml", Data([0xEF, 0xBB, 0xBF]) + Data("name: 山西\n".utf8))
        XCTAssertEqual(try ScenarioLoader(dataset: dataset).load(path: path).name, "山西")
    }

    /// The parser names the mapping; the error points at the key written the second time.
    func testARepeatedKeyIsLocatedAtItsSecondOccurrence() throws {
        let text = "name: twice\nsector_plans:\n  power:\n    wind: {target: 200}\n    # a comment\n    solar: {target: 80}\n    wind: {target: 250}\n"
        let path = try write("twice.yaml", Data(text.utf8))
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: path) })
        XCTAssertEqual(e.message, "key 'wind' appears twice in one mapping")
        XCTAssertEqual(e.line, 7)
        XCTAssertEqual(e.column, 5)
        XCTAssertEqual(e.keyPath, "sector_plans.power.wind")
        XCTAssertEqual(YAMLNode.enclosingKeys(ofLine: 5, in: "a:\n  b:\n    # c:\n\n    d: 1\n"), ["a", "b"])
        XCTAssertEqual(YAMLNode.enclosingKeys(ofLine: 1, in: "a: 1\n"), [])
        XCTAssertNil(YAMLNode.repeatedKey("a", in: "x:\n  a: 1\n  b: 2\ny: 3\n  a: 4\n", mappingAt: 2, column: 3))
        XCTAssertNil(YAMLNode.repeatedKey("a", in: "a: 1\n", mappingAt: 9, column: 1))
    }

    /// A repeated key or Chinese punctuation stops the parser; the rest of the file is read for its other errors, so
    /// one round of fixes is enough (a tester fixed the repeat, then met a typo and a negative level in turn).
    func testARepeatedKeyOrFullWidthColonDoesNotHideTheOtherErrors() throws {
        let repeated = "name: dup\ntargets:\n  peak_yaer: 2028\nsector_plans:\n  power:\n    wind: {target: 300, start: 2026, full: 2030}\n"
            + "    wind:\n      target: 250\n  removals:\n    ccus: -5\n"
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).parse(repeated, file: "dup.yaml") })
        XCTAssertEqual(([e] + e.others).map { "\($0.line ?? 0) \($0.keyPath)" },
                       ["3 targets.peak_yaer", "7 sector_plans.power.wind", "10 sector_plans.removals.ccus"], e.description)
        let colon = "name: c\ntargets:\n  peak_yaer: 2028\nsector_plans：\n  power:\n    wind: {target: -3，start: 2026}\n"
        let c = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).parse(colon, file: "c.yaml") })
        let told = ([c] + c.others).map { "\($0.line ?? 0) \($0.keyPath)" }
        XCTAssertEqual(told, ["3 targets.peak_yaer", "4 sector_plans", "6 sector_plans.power.wind.target", "6 sector_plans.power.wind"], c.description)
        XCTAssertEqual(c.others[1].message, "-3 is out of range", c.description)
        XCTAssertEqual(YAMLNode.withFullWidthPunctuationAsASCII("a：\n  b: {c: 1， d: 2}\n"), "a:\n  b: {c: 1, d: 2}\n")
        // A repeat inside braces too (a second trial's {2030: 40, 2030: 45} hid a horizon error and a negative level).
        let flow = "targets:\n  non_fossil_share: {2030: 40, 2030: 45}\n  peak_year: 2100\nsector_plans:\n  power:\n    wind: {target: -1, start: 2026}\n"
        let f = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).parse(flow, file: "f.yaml") })
        XCTAssertEqual(([f] + f.others).map { "\($0.line ?? 0) \($0.keyPath)" },
                       ["2 targets.non_fossil_share.2030", "3 targets.peak_year", "6 sector_plans.power.wind.target"], f.description)
        XCTAssertEqual(YAMLNode.withoutFlowEntry(Array("x: {a: 1, a: 2}"), at: 10).map { String($0) }, "x: {a: 1}")
        XCTAssertEqual(YAMLNode.withoutFlowEntry(Array("x: {a: {b: 1}, c: 2, a: [1, 2], d: 3}"), at: 21).map { String($0) }, "x: {a: {b: 1}, c: 2, d: 3}")
        XCTAssertNil(YAMLNode.withFullWidthPunctuationAsASCII("a: 依据内政发［2021］60号\n"))
    }

    /// A sweep database or a workbook given where a YAML file goes is said to be one, not bad UTF-8 (a second trial).
    func testADatabaseOrWorkbookGivenAsAYAMLFileIsNamed() throws {
        let db = try write("results.sqlite", Data("SQLite format 3\u{0}".utf8) + Data([0xF8, 0x00, 0x10]))
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: db) })
        XCTAssertEqual(e.message, "this is an SQLite database (a sweep's results), not a YAML file")
        let xlsx = try write("table.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
        let x = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: xlsx) })
        XCTAssertTrue(x.message.hasPrefix("this is a zip archive"), x.message)
    }

    /// A symbolic link whose target is missing (scenarios/ copied with `cp -r`): said, with how to copy the files.
    func testABrokenSymbolicLinkIsNamed() throws {
        let link = try write("gone-target.yaml", Data("name: x\n".utf8))
        let url = URL(fileURLWithPath: link).deletingLastPathComponent().appendingPathComponent("linked.yaml")
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "../nowhere/baseline.yaml")
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: url.path) })
        XCTAssertEqual(e.message, "no such scenario file: it is a symbolic link to '../nowhere/baseline.yaml', which does not exist (copied without following links? `cp -rL` copies the files themselves)")
        XCTAssertEqual(noSuchFile(link + ".missing", what: "sweep spec"), "no such sweep spec")
    }

    /// Two files joined, each saved with a byte-order mark: the mark in the middle is named at its line (a trial got a
    /// plain "did not find expected key").
    func testAByteOrderMarkInsideTheFileIsNamed() throws {
        let text = "\u{FEFF}name: joined\n\u{FEFF}sector_plans:\n  power:\n    wind: {target: 200}\n"
        let path = try write("joined.yaml", Data(text.utf8))
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: path) })
        XCTAssertEqual(e.line, 2, e.description)
        XCTAssertEqual(e.column, 1, e.description)
        XCTAssertTrue(e.message.contains("byte-order mark (U+FEFF)"), e.description)
        XCTAssertEqual(YAMLNode.byteOrderMarks("\u{FEFF}a: 1\nb: \u{FEFF}2\n").map { "\($0.line):\($0.column)" }, ["2:4"])
    }

    /// A key repeated inside a one-line flow mapping is told at its own column with its path and the accepted line,
    /// and beside the file's other repeats (a trial saw a bare message, or nothing when a block key repeated too).
    func testRepeatedKeysInFlowMappingsAreToldWithTheirPath() throws {
        let text = "name: twice\nname: again\nsector_plans:\n  power:\n    wind: {target: 200, start: 2026, full: 2030, target: 220}\n"
            + "    solar: {path: {2027: 10, \"2027\": 20}}  # target: 1, target: 2\n"
        let path = try write("flow.yaml", Data(text.utf8))
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: path) })
        // With the file's other error, read past the repeats: solar's 10 GW by 2027 is below what is installed.
        let all = [e] + e.others, repeats = all.filter { $0.message.contains("appears twice") }
        XCTAssertEqual(repeats.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.keyPath) \($0.message)" }, [
            "2:1 name key 'name' appears twice in one mapping",
            "5:50 sector_plans.power.wind.target key 'target' appears twice in one mapping",
            "6:30 sector_plans.power.solar.path.2027 key '2027' appears twice in one mapping",
        ])
        // Each names where the key first appears, to merge the two.
        XCTAssertEqual(repeats.map(\.accepted), ["each key once; merge the two entries into one (the first is on line 1)",
                                                 "each key once; merge the two entries into one (the first is on line 5, earlier on this line)",
                                                 "each key once; merge the two entries into one (the first is on line 6, earlier on this line)"])
        XCTAssertEqual(all.count, 4)
        XCTAssertTrue(all.contains { $0.line == 6 && $0.message.hasPrefix("a build-out target of 10 GW by the end of 2027") }, e.description)
        XCTAssertTrue(YAMLNode.repeatedFlowKeys("{a: 1, b: {a: 2}, c: [1, 2]}", column: 1, under: []).isEmpty)
    }

    /// Enforcing dual control without a cap is refused where `enforce` is written, in the file that writes it.
    func testEnforcedDualControlWithoutACapPointsAtEnforce() throws {
        let base = try write("enforce.yaml", Data("name: e\nmeasures:\n  dual_control:\n    enforce: true\n".utf8))
        let child = try write("child.yaml", Data("name: c\nextends: enforce.yaml\n".utf8))
        for path in [base, child] {
            let scenario = try ScenarioLoader(dataset: dataset).load(path: path)
            let e = try XCTUnwrap(inputError { try PreparedScenario(scenario, dataset: self.dataset) })
            XCTAssertEqual(e.message, "enforcing dual control needs an energy cap to enforce")
            XCTAssertTrue(e.file.hasSuffix("enforce.yaml"), e.file)
            XCTAssertEqual(e.line, 4)
            XCTAssertEqual(e.keyPath, "measures.dual_control.enforce")
        }
    }

    func testTabsInIndentationAreSaidWithLineAndColumn() throws {
        let path = try write("tabs.yaml", Data("name: t\nsector_plans:\n\tpower:\n\t\twind: {target: 100}\n".utf8))
        let e = try XCTUnwrap(inputError { try ScenarioLoader(dataset: self.dataset).load(path: path) })
        XCTAssertTrue(e.message.contains("tabs are not allowed for indentation in YAML; use spaces"), e.description)
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.column, 1)
        // The key of the line, read from the indentation as an editor shows it (a tab as eight columns).
        XCTAssertEqual(e.keyPath, "sector_plans.power")
        XCTAssertEqual(e.others.first?.keyPath, "sector_plans.power.wind")
    }

    func testAnEmptyOrCommentOnlyScenarioWarnsThatItRunsTheBaseline() throws {
        for (name, text) in [("empty.yaml", ""), ("comments.yaml", "# nothing yet\n\n# still nothing\n")] {
            let path = try write(name, Data(text.utf8))
            let s = try ScenarioLoader(dataset: dataset).load(path: path)
            XCTAssertEqual(s.warnings.count, 1, name)
            XCTAssertTrue(s.warnings.first?.description.contains("empty scenario: this runs the frozen-policy baseline") ?? false, "\(s.warnings)")
            XCTAssertTrue(s.warnings.first?.description.hasPrefix(path) ?? false)
        }
        let full = try write("full.yaml", Data("name: x\n".utf8))
        XCTAssertTrue(try ScenarioLoader(dataset: dataset).load(path: full).warnings.isEmpty)
    }
}

/// The error reported for a scenario with several is the first in the file, whatever the hash order.
final class ErrorOrderTests: XCTestCase {
    /// Five errors, in an order no dictionary keeps.
    static let severalErrors = """
        name: several errors
        sector_plans:
          power:
            wind: {target: 99999}
          industry:
            capacity_cut:
              steel: {target: 500}
        measures:
          ccus: {targt: 1}
        targets:
          peak_year: 1900
          neutrality_year: 1800
        """

    func testTheFirstErrorInTheFileIsReported() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        let text = Self.severalErrors
        for _ in 0..<3 {
            XCTAssertThrowsError(try loader.parse(text, file: "two.yaml")) { error in
                XCTAssertEqual((error as? InputError)?.line, 4, "\(error)")
            }
        }
    }

    func testEveryErrorOfAScenarioFileIsReportedInFileOrder() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        let text = Self.severalErrors
        XCTAssertThrowsError(try loader.parse(text, file: "five.yaml")) { error in
            guard let e = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual([e.line] + e.others.map(\.line), [4, 7, 9, 11, 12])
            XCTAssertEqual(e.description.components(separatedBy: "five.yaml:").count - 1, 5, e.description)
        }
    }

    func testTheFirstErrorInTheFileIsReportedFirstWhateverTheSectionOrder() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        let targetsFirst = """
            targets:
              neutrality_year: 1800
              peak_year: 1900
            sector_plans:
              power:
                wind: {target: 99999}
            """
        XCTAssertThrowsError(try loader.parse(targetsFirst, file: "t.yaml")) { error in
            XCTAssertEqual((error as? InputError)?.line, 2, "\(error)")
            XCTAssertEqual((error as? InputError)?.keyPath, "targets.neutrality_year", "\(error)")
        }
    }

    func testEveryErrorOfADatasetIsReportedInFileOrder() throws {
        // Four problems in the embedded dataset: a misspelt key (line 50), a value outside its own range, a
        // misspelt field of a value, and an unknown group further down.
        let embedded = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml")
        var lines = try String(contentsOf: embedded, encoding: .utf8).components(separatedBy: "\n")
        func edit(_ containing: String, _ from: String, _ to: String) throws -> Int {
            let i = try XCTUnwrap(lines.firstIndex { $0.contains(containing) }, containing)
            lines[i] = lines[i].replacingOccurrences(of: from, with: to)
            return i + 1
        }
        let typo = try edit("share_of_group_fuel: {value: 0.7,", "share_of_group_fuel", "share_of_group_fule")
        let range = try edit("base_coal: {value:", "{value: ", "{value: -")
        let field = try edit("wind_capacity_factor:", "source:", "sorce:")
        let group = try edit("group: petro_coking", "petro_coking", "petro_cooking")
        XCTAssertThrowsError(try Dataset.parse(lines.joined(separator: "\n"), file: "four.yaml")) { error in
            guard let e = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual([e.line] + e.others.map(\.line), [typo, group, range, field].sorted(), e.description)
            XCTAssertEqual(e.description.components(separatedBy: "four.yaml:").count - 1, 4, e.description)
            XCTAssertTrue(e.description.contains("did you mean 'share_of_group_fuel'"), e.description)
        }
    }

    func testEveryErrorOfASweepSpecIsReportedInFileOrder() throws {
        let text = """
            scenarios: [baseline]
            design: sobol
            n: 16
            factors:
              sector_plans.power.wnd.target: {range: [80, 250]}
              products.steel.base_output: {distribution: normal, mean: 26, sd: -1}
            keep: [co2_gross, co2_grss]
            integrator: {method: rk99}
            """
        let loader = SweepSpecLoader(dataset: try Dataset.innerMongolia())
        XCTAssertThrowsError(try loader.parse(text, file: "s.yaml", directory: URL(fileURLWithPath: "/"))) { error in
            guard let e = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual([e.line] + e.others.map(\.line), [5, 6, 7, 8], e.description)
        }
    }

    func testEveryErrorOfAnOptimizeSpecIsReportedInFileOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-optimize-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/announced.yaml").path
        let spec = folder.appendingPathComponent("o.yaml")
        try """
            scenario: \(scenarios)
            objective: total_cst
            variables:
              sector_plans.power.wnd: {range: [80, 250]}
              sector_plans.power.solar: {range: [1, 250]}
            starts: 0
            seed: -1
            """.write(to: spec, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OptimizeSpecLoader(dataset: try Dataset.innerMongolia()).load(path: spec.path)) { error in
            guard let e = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual([e.line] + e.others.map(\.line), [2, 4, 5, 6, 7], e.description)
            // announced's solar is a path whose last move starts from its 2026 milestone, 69.33 GW
            XCTAssertTrue(e.description.contains("below 69.33 GW, the least the setting's last milestone (2030) may reach"), e.description)
        }
    }
}
