import XCTest
@testable import Scenarios
import Simulator

/// Every kind of bad scenario input gives an InputError naming the file, the line, the key path and
/// what is accepted; nothing crashes.
final class ValidationTests: XCTestCase {
    var loader: ScenarioLoader!
    var directory: URL!

    override func setUpWithError() throws {
        loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func error(_ text: String, file: String = "bad.yaml") throws -> InputError {
        let path = try write(file, text)
        do {
            _ = try loader.load(path: path)
        } catch let e as InputError {
            XCTAssertTrue(e.description.contains(path), "the message names the file: \(e)")
            return e
        }
        XCTFail("no error for:\n\(text)")
        throw XCTSkip("no error")
    }

    func testYAMLSyntaxErrorNamesTheLine() throws {
        let e = try error("name: x\nsector_plans:\n  industry: [unclosed\n")
        XCTAssertTrue(e.message.contains("YAML syntax"), e.message)
        XCTAssertNotNil(e.line)
    }

    /// libyaml's terse problems come with the usual cause to look for: a key without its colon, on the line before.
    func testAMissingColonSaysWhatToLookFor() throws {
        let colon = try error("name: x\nsector_plans:\n  power\n    wind: {target: 200, full: 2030}\n")
        XCTAssertTrue(colon.message.contains("YAML syntax"), colon.message)
        XCTAssertEqual(colon.line, 3, colon.description)
        XCTAssertEqual(colon.accepted, "write 'power:' (the key followed by ':')")
        let key = try error("name: x\ntargets:\n  peak_year 2030\n  neutrality_year: 2060\n")
        XCTAssertNotNil(key.accepted, key.description)
    }

    func testUnknownKeySuggestsTheClosestAndListsWhatIsAccepted() throws {
        let e = try error("""
        name: x
        sector_plans:
          industry:
            capacity_cutt:
              steel: {target: 10}
        """)
        XCTAssertEqual(e.line, 4)
        XCTAssertEqual(e.keyPath, "sector_plans.industry.capacity_cutt")
        XCTAssertEqual(e.suggestion, "capacity_cut")
        XCTAssertTrue(e.accepted?.contains("efficiency_benchmark") ?? false, e.accepted ?? "")
        XCTAssertTrue(e.description.contains("did you mean 'capacity_cut'"))
    }

    /// A key that is no lever where it is written but belongs elsewhere is pointed there: a power lever under
    /// industry, a measure under sector_plans, a target among the levers; every such key of the file at once.
    func testAMisplacedKeyIsPointedToWhereItBelongs() throws {
        let e = try error("""
        name: x
        sector_plans:
          industry:
            wind: {target: 200, start: 2026, full: 2030}
          power:
            non_fossil: 30
          ladder_pricing: 0.05
        """)
        let all = [e] + e.others
        XCTAssertEqual(all.map(\.keyPath), ["sector_plans.industry.wind", "sector_plans.power.non_fossil", "sector_plans.ladder_pricing"])
        XCTAssertEqual(all.map(\.suggestion), ["sector_plans.power.wind", "targets.non_fossil_share", "measures.ladder_pricing"])
        XCTAssertEqual(all.map(\.line), [4, 6, 7])
        XCTAssertTrue(e.description.contains("did you mean 'sector_plans.power.wind'?"), e.description)
        // A typo near a key of its own place keeps that suggestion; nothing elsewhere, none.
        XCTAssertEqual(try error("sector_plans:\n  power:\n    wnd: 200\n").suggestion, "wind")
        XCTAssertNil(try error("sector_plans:\n  power:\n    zzzzzz: 200\n").suggestion)
        XCTAssertEqual(try error("sector_plans:\n  dual_control: {enforce: true}\n").suggestion, "measures.dual_control")
        XCTAssertNil(try error("sector_plans:\n  power:\n    energy: 200\n").suggestion, "energy_cap or energy_intensity_cut: neither")
    }

    func testMisspeltTopLevelKeyAndProduct() throws {
        XCTAssertEqual(try error("name: x\ntarget:\n  peak_year: 2030\n").suggestion, "targets")
        let e = try error("sector_plans:\n  industry:\n    capacity_cut:\n      steal: {target: 5}\n")
        XCTAssertEqual(e.suggestion, "steel")
        XCTAssertEqual(e.line, 4)
    }

    func testWrongTypeSaysWhatWasExpected() throws {
        let e = try error("sector_plans:\n  power:\n    wind: {target: lots}\n")
        XCTAssertEqual(e.keyPath, "sector_plans.power.wind.target")
        XCTAssertEqual(e.line, 3)
        XCTAssertTrue(e.message.contains("expected a number"), e.message)
        XCTAssertEqual(e.accepted, "a number, 0 to 1000 GW", "which numbers would do")
        let list = try error("sector_plans:\n  power:\n    wind: [1, 2]\n")
        XCTAssertTrue(list.message.contains("lever"), list.message)
    }

    func testValueOutOfRangeGivesTheRangeAndUnit() throws {
        let e = try error("sector_plans:\n  industry:\n    capacity_cut:\n      steel: {target: 150}\n")
        XCTAssertEqual(e.keyPath, "sector_plans.industry.capacity_cut.steel.target")
        XCTAssertEqual(e.accepted, "0 to 100 %/yr")
        let heat = try error("sector_plans:\n  power:\n    coal_heat_rate: {target: 100}\n")
        XCTAssertEqual(heat.accepted, "250 to 400 gce/kWh")
    }

    func testYearOutsideTheHorizon() throws {
        let e = try error("sector_plans:\n  power:\n    wind: {target: 100, start: 2070}\n")
        XCTAssertEqual(e.keyPath, "sector_plans.power.wind.start")
        XCTAssertEqual(e.accepted, "2020 to 2060")
        let target = try error("targets:\n  peak_year: 2015\n")
        XCTAssertEqual(target.keyPath, "targets.peak_year")
        let share = try error("targets:\n  non_fossil_share:\n    2075: 30\n")
        XCTAssertTrue(share.message.contains("outside the model horizon"), share.message)
    }

    func testFullEffectBeforeStart() throws {
        let e = try error("sector_plans:\n  power:\n    wind: {target: 100, start: 2030, full: 2025}\n")
        XCTAssertEqual(e.keyPath, "sector_plans.power.wind.full")
    }

    func testUnknownShapeListsTheShapes() throws {
        let e = try error("sector_plans:\n  power:\n    wind: {target: 100, shape: linaer}\n")
        XCTAssertEqual(e.accepted, "step, linear, logistic")
        XCTAssertEqual(e.suggestion, "linear")
    }

    func testMissingTargetField() throws {
        let e = try error("sector_plans:\n  removals:\n    ccus: {start: 2030}\n")
        XCTAssertTrue(e.message.contains("needs a 'target'"), e.message)
    }

    func testMissingExtendsTarget() throws {
        let e = try error("extends: nowhere.yaml\n")
        XCTAssertEqual(e.keyPath, "extends")
        XCTAssertEqual(e.line, 1)
        XCTAssertTrue(e.message.contains("does not exist"), e.message)
    }

    /// A file of one's own, anywhere, extends the shipped plan by its name; the warning says which file it got.
    func testExtendsTheEmbeddedScenarioByName() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try loader.load(path: try write("shipped.yaml", "extends: \(repository.appendingPathComponent("scenarios/announced.yaml").path)\n"))
        for name in ["announced", "announced.yaml"] {
            let path = try write("mine.yaml", "name: mine\nextends: \(name)\n")
            let s = try loader.load(path: path)
            XCTAssertEqual(s.levers, shipped.levers, name)
            XCTAssertEqual(s.targets, shipped.targets, name)
            let w = try XCTUnwrap(s.warnings.first { $0.keyPath == "extends" }, "\(s.warnings)")
            XCTAssertEqual(w.line, 2)
            XCTAssertTrue(w.message.contains("embedded announced.yaml"), w.message)
        }
        // A local file of that name wins, without a warning.
        _ = try write("announced.yaml", "name: local\n")
        let local = try loader.load(path: try write("mine.yaml", "extends: announced.yaml\n"))
        XCTAssertTrue(local.levers.isEmpty)
        XCTAssertFalse(local.warnings.contains { $0.keyPath == "extends" })
        // A path with a folder is never replaced.
        let e = try error("extends: ../announced.yaml\n", file: "mine.yaml")
        XCTAssertTrue(e.message.contains("does not exist"), e.message)
        XCTAssertTrue(e.accepted?.contains("'announced'") == true, e.accepted ?? "")
    }

    /// An error among the targets does not swallow the warnings of the others: they come with it.
    func testAnErrorAmongTheTargetsKeepsTheirWarnings() throws {
        let e = try error("targets:\n  non_fossil_share: {2030: 0.45}\n  peak_year: 2065\n  energy_cap: {2030: 16000}\n")
        XCTAssertTrue(e.message.contains("outside the model horizon"), e.message)
        XCTAssertEqual(e.warnings.map(\.keyPath), ["targets.non_fossil_share.2030", "targets.energy_cap.2030"], "\(e.warnings)")
        XCTAssertEqual(e.warnings.map(\.line), [2, 4])
    }

    func testExtendsCycle() throws {
        _ = try write("a.yaml", "extends: b.yaml\n")
        _ = try write("b.yaml", "extends: a.yaml\n")
        XCTAssertThrowsError(try loader.load(path: directory.appendingPathComponent("a.yaml").path)) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("cycle") ?? false, "\(error)")
        }
    }

    func testUnknownPlanPeriodAndTarget() throws {
        let e = try error("targets:\n  energy_intensity_cut:\n    13th: 15\n")
        XCTAssertTrue(e.accepted?.hasPrefix("14th, 15th") ?? false, e.accepted ?? "")
        let t = try error("targets:\n  peek_year: 2030\n")
        XCTAssertEqual(t.suggestion, "peak_year")
    }

    func testUnknownAssumptionPathSuggestsADatasetPath() throws {
        let e = try error("assumptions:\n  products.steel.base_outptu: 27\n")
        XCTAssertEqual(e.suggestion, "products.steel.base_output")
    }

    func testDuplicateKeysAreRefused() throws {
        let e = try error("name: a\nname: b\n")
        XCTAssertTrue(e.message.contains("'name'"), e.message)
        XCTAssertNotNil(e.line)
    }

    func testNonexistentFile() {
        XCTAssertThrowsError(try loader.load(path: "/no/such/file.yaml")) { error in
            XCTAssertEqual((error as? InputError)?.file, "/no/such/file.yaml")
        }
    }

    func testBadDatasetValueIsReportedWithItsLine() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "inner-mongolia", withExtension: "yaml", subdirectory: nil)
            ?? Optional(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/Scenarios/Datasets/inner-mongolia.yaml")))
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "base_output: {value: 26.0", with: "base_outptu: {value: 26.0")
        XCTAssertThrowsError(try Dataset.parse(text, file: "edited.yaml")) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.keyPath, "products.steel.base_outptu")
            XCTAssertEqual(e?.suggestion, "base_output")
            XCTAssertNotNil(e?.line)
        }
        let unsourced = text.replacingOccurrences(of: "{value: 0.45, unit: MWh/t, estimate: true, range: [0.35, 0.6], source: \"estimate: BF-BOF route\"}", with: "{value: 0.45}")
        XCTAssertThrowsError(try Dataset.parse(unsourced, file: "edited.yaml")) { error in
            // Both problems of the file, in file order: the misspelt key, then the unsourced value.
            let e = error as? InputError
            XCTAssertEqual(e?.keyPath, "products.steel.base_outptu")
            XCTAssertTrue(e?.others.first?.message.contains("source") ?? false, "\(error)")
        }
    }
}

extension ValidationTests {
    func testEnforcedDualControlWithoutACapIsAnError() throws {
        let path = try write("dc.yaml", "measures:\n  dual_control: {enforce: true}\n")
        let s = try loader.load(path: path)
        XCTAssertThrowsError(try PreparedScenario(s, dataset: loader.dataset)) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.keyPath, "measures.dual_control.enforce")
            XCTAssertTrue(e?.accepted?.contains("targets.energy_cap") ?? false)
        }
    }

    func testDeepProcessingOnlyWhereItHasAnEffect() throws {
        let e = try error("sector_plans:\n  industry:\n    deep_processing:\n      clinker: {target: 50}\n")
        XCTAssertEqual(e.accepted, "aluminium, coal_chemicals, steel")
    }

    /// A full-width colon that leaves YAML valid (`name： x` is one value, not a key and a value) is named too.
    func testAFullWidthColonThatMakesOneValueIsNamed() throws {
        let top = try error("name： x\n")
        XCTAssertTrue(top.message.contains("found a single value (it holds the full-width colon '：'"), top.message)
        let inner = try error("targets:\n  peak_year：2030\n")
        XCTAssertEqual(inner.keyPath, "targets")
        XCTAssertTrue(inner.message.contains("(it holds the full-width colon '：'"), inner.message)
        // Before a flow mapping it makes a key of the name and half the mapping: told at the key written, as a colon.
        let flow = try error("targets:\n  co2_intensity_cut： {15th: 20}\n")
        XCTAssertEqual(flow.keyPath, "targets.co2_intensity_cut")
        XCTAssertEqual(flow.line, 2)
        XCTAssertEqual(flow.message, "YAML syntax: a full-width colon '：' (a Chinese input method's) where YAML needs ':'")
        XCTAssertNil(flow.suggestion)
        XCTAssertEqual(try error("targets:\n  co2_intensity_cutt： {15th: 20}\n").suggestion, "co2_intensity_cut")
    }

    /// A file saved with Windows line ends (CRLF, Notepad's) is told the same mistakes at the same lines as with LF.
    func testCRLFFilesGetTheSameMessagesAtTheSameLines() throws {
        let text = "name： 全角\nsector_plans:\n  power:\n    wind: {target: 250， full: 2030}\ntargets:\n  non_fossil_share: ｛2030: 45｝\n\tpeak_year: 2029\n"
        let lf = try error(text), crlf = try error(text.replacingOccurrences(of: "\n", with: "\r\n"), file: "crlf.yaml")
        XCTAssertEqual(([crlf] + crlf.others).map(\.line), [1, 4, 6, 7], crlf.description)
        // Each names the key of its line, as an error YAML could read does.
        XCTAssertEqual(([crlf] + crlf.others).map(\.keyPath), ["name", "sector_plans.power.wind", "targets.non_fossil_share", "targets.peak_year"])
        XCTAssertEqual(([crlf] + crlf.others).map(\.message), ([lf] + lf.others).map(\.message))
        XCTAssertEqual(([crlf] + crlf.others).map(\.column), ([lf] + lf.others).map(\.column))
        // A lone CR (old Mac editors) counts as a line break as YAML counts it.
        XCTAssertEqual(try error("name: x\rtargets:\r\tpeak_year: 2029\r", file: "cr.yaml").line, 3)
        // And a CRLF file without mistakes loads as its LF twin.
        let good = "name: w\nsector_plans:\n  power:\n    wind: {path: {2026: 140, 2030: 200}}\n"
        let a = try loader.load(path: try write("good.yaml", good)), b = try loader.load(path: try write("good-crlf.yaml", good.replacingOccurrences(of: "\n", with: "\r\n")))
        XCTAssertEqual(a.levers, b.levers)
    }

    /// A key whose colon was left out is told at its own line with the line as it should be, not at the next line
    /// where the parser notices.
    func testAKeyWithoutItsColonIsToldAtItsLine() throws {
        let inner = try error("name: x\ntargets:\n  peak_year 2028\n  non_fossil_share: {2030: 30}\n")
        XCTAssertEqual(inner.line, 3, inner.description)
        XCTAssertEqual(inner.column, 3)
        XCTAssertTrue(inner.message.contains("'peak_year 2028' has no ':' after its key"), inner.message)
        XCTAssertEqual(inner.accepted, "write 'peak_year: 2028' (a key, ':' and a space, then the value)")
        let section = try error("name: x\n# the 1\n\ntargets\n  peak_year: 2028\n")
        XCTAssertEqual(section.line, 4, section.description)
        XCTAssertEqual(section.accepted, "write 'targets:' (the key followed by ':')")
        // The mapping's only key: YAML reads the line as a value.
        let only = try error("name: x\ntargets:\n  peak_year 2028\n")
        XCTAssertEqual(only.keyPath, "targets")
        XCTAssertTrue(only.message.contains("'peak_year 2028', a key without its colon"), only.message)
        XCTAssertEqual(only.accepted, "write 'peak_year: 2028' (a key, ':' and a space, then the value)")
        // A value that runs on over two lines is YAML's own (no error), and a colon-less line in quotes is no key.
        XCTAssertNil(YAMLNode.keyWithoutColon(in: "name: 'a\n  b c'\nx: {", near: 3))
        let dual = try error("measures:\n  dual_control: true\n")
        XCTAssertTrue(dual.message.contains("expected a mapping {enforce: true} or {enforce: false}, found a single value"), dual.message)
    }

    /// Full-width punctuation that breaks the YAML is told on every line it is on, braces and brackets too
    /// (`｛2030: 45｝` reads as one value holding ': '), with tabs in the indentation, in line order.
    func testEveryLineWithFullWidthPunctuationOrATabIsTold() throws {
        let e = try error("name： 全角\nsector_plans:\n  power:\n    wind: {target: 250， full: 2030}\ntargets:\n  non_fossil_share: ｛2030: 45｝\n\tpeak_year: 2029\n")
        let all = [e] + e.others
        XCTAssertEqual(all.map(\.line), [1, 4, 6, 7], e.description)
        XCTAssertTrue(all[1].message.contains("full-width comma '，'"), all[1].message)
        XCTAssertTrue(all[2].message.contains("full-width brace '｛'") && all[2].message.contains("needs '{'"), all[2].message)
        XCTAssertTrue(all[3].message.contains("tabs"), all[3].message)
        XCTAssertEqual(try error("targets:\n  non_fossil_share: ｛2030: 45｝\n").column, 21)
        // Inside text a full-width bracket is the text's own: the real mistake is told.
        let real = try error("name: a\ndescription_zh: 依据内政发［2021］60号\ntargets: {peak_year： 2030}\n")
        XCTAssertEqual(real.line, 3, real.description)
    }

    /// Every repeated key of the file is told, not only the first the parser stops at.
    func testEveryRepeatedKeyIsTold() throws {
        let e = try error("name: dup\ntargets:\n  non_fossil_share: {2030: 40}\n  non_fossil_share: {2030: 45}\nsector_plans:\n  power:\n    wind: {target: 200, full: 2030}\n    solar: 50\n    wind: {target: 210, full: 2030}\n  industry:\n    wind: 3\n")
        let all = [e] + e.others
        // With the file's other errors, read past the repeats (industry has no wind lever).
        XCTAssertEqual(all.map(\.line), [4, 9, 11], e.description)
        XCTAssertEqual(all.map(\.keyPath), ["targets.non_fossil_share", "sector_plans.power.wind", "sector_plans.industry.wind"])
        XCTAssertEqual(all.map { $0.message.contains("appears twice") }, [true, true, false])
        // Text is not keys: a block scalar's lines, quoted keys with colons, a full-width bracket inside Chinese text;
        // only the real repeat is told, at its line.
        let text = try error("""
            name: a
            description: |
              Source: IM plan
              Source: national plan
            description_zh: 依据内政发［2021］60号
            "a: b": 1
            "a: c": 2
            targets:
              peak_year: 2030
              peak_year: 2029
            """)
        let repeats = ([text] + text.others).filter { $0.message.contains("appears twice") }
        XCTAssertEqual(repeats.map(\.line), [10], text.description)
        XCTAssertEqual(repeats.first?.keyPath, "targets.peak_year")
        // Two repeats in one mapping: each at its line, once.
        let two = try error("targets:\n  peak_year: 2030\n  neutrality_year: 2060\n  peak_year: 2029\n  neutrality_year: 2059\n")
        XCTAssertEqual(([two] + two.others).map(\.line), [4, 5], two.description)
    }

    /// A file of `---` and comments is an empty scenario, as an empty file is: a warning, not an error.
    func testADocumentMarkerAloneIsAnEmptyScenario() throws {
        let path = try write("marker.yaml", "# nothing yet\n---\n")
        let s = try loader.load(path: path)
        XCTAssertTrue(s.levers.isEmpty)
        XCTAssertTrue(s.warnings.first?.message.hasPrefix("empty scenario") ?? false, "\(s.warnings)")
    }
}
