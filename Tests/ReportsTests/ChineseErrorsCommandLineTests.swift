import XCTest
import Foundation
import Reports
import Scenarios

/// Under `--lang zh` the mistakes users make are told in Chinese: the place, the key, what is accepted and the
/// likely fix, and the common messages themselves.
final class ChineseErrorsCommandLineTests: XCTestCase {
    let cli = CLI()
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("zh-errors") }
    override func tearDownWithError() throws { scratch.remove() }

    func write(_ name: String, _ text: String) throws -> String { try scratch.write(name, text) }

    /// `carbonsim run FILE --no-history --lang zh`, checked for its status and for each of `told` on standard error.
    @discardableResult
    func runZH(_ file: String, status: Int32, told: [String], line: UInt = #line) throws -> String {
        let r = try cli.run(["run", file, "--no-history", "--lang", "zh"])
        XCTAssertEqual(r.status, status, r.err, line: line)
        for part in told { XCTAssertTrue(r.err.contains(part), "\(part) not in:\n\(r.err)", line: line) }
        return r.err
    }

    func testATypoIsToldInChineseWithTheKeyTheAcceptedNamesAndTheLikelyOne() throws {
        let file = try write("typo.yaml", "name: 错键\nsector_plans:\n  power:\n    wnd: {target: 150, start: 2024, full: 2030}\n")
        try runZH(file, status: 2, told: ["\(file):4:5：错误（键 'sector_plans.power.wnd'）：未知的键 'wnd'",
                                          "可接受：coal_heat_rate, coal_retirement", "是否想写 'wind'？"])
        // Without --lang the same error is in English.
        let en = try cli.run(["run", file, "--no-history"])
        XCTAssertTrue(en.err.contains("error at 'sector_plans.power.wnd': unknown key 'wnd'"), en.err)
        XCTAssertTrue(en.err.contains("did you mean 'wind'?"), en.err)
        // validate tells it the same way.
        let validate = try cli.run(["validate", file, "--no-history", "--lang", "zh"])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.err.contains("未知的键 'wnd'"), validate.err)
    }

    func testAFractionForAPercentageIsAChineseWarningWithTheLikelyValue() throws {
        let file = try write("fraction.yaml", """
            name: 小数
            sector_plans:
              industry:
                capacity_cut:
                  steel: {target: 0.3, start: 2024, full: 2027}
            targets:
              non_fossil_share: {2030: 0.25}
            """)
        try runZH(file, status: 0, told: [
            "\(file):5：警告（键 'sector_plans.industry.capacity_cut.steel.target'）：0.3 %/年 像是小数：此项以百分数计，若指 30 %/年，请写 30",
            "0.25 % 像是小数：此项以百分数计，若指 25 %，请写 25"])
    }

    func testAYearOutsideTheHorizonAValueOutOfRangeAndAWrongTypeAreToldInChinese() throws {
        let file = try write("range.yaml", """
            name: 范围
            sector_plans:
              power:
                wind: {target: 200, start: 2024, full: 2070}
                solar: {target: abc, start: 2024, full: 2030}
              industry:
                capacity_cut:
                  steel: {target: 250, start: 2024, full: 2027}
            """)
        try runZH(file, status: 2, told: ["错误（键 'sector_plans.power.wind.full'）：年份 2070 超出模型年限\n  可接受：2020 至 2060",
                                          "错误（键 'sector_plans.power.solar.target'）：应为数字，实际为 'abc'",
                                          "：250 超出取值范围\n  可接受：0 至 100 %/年"])
    }

    func testATargetBelowTheInstalledCapacityNamesItInChinese() throws {
        let file = try write("below.yaml", "name: 低于装机\nsector_plans:\n  power:\n    wind: {target: 20, start: 2024, full: 2030}\n")
        try runZH(file, status: 2, told: ["建设目标（2030 年末 20 吉瓦）低于 2024 年初已有的", "此措施只增加装机", "可接受：不逐期下降、且不低于已有装机（2024 年初 "])
    }

    func testAGBKFileIsToldToBeSavedAsUTF8InChinese() throws {
        // "name: 国标码" as a Chinese Windows editor saves it (GBK: 国 B9 FA, 标 B1 EA, 码 C2 EB).
        let data = Data("name: ".utf8) + Data([0xB9, 0xFA, 0xB1, 0xEA, 0xC2, 0xEB])
            + Data("\nsector_plans:\n  power:\n    wind: {target: 200, start: 2024, full: 2030}\n".utf8)
        try data.write(to: URL(fileURLWithPath: scratch.path("gbk.yaml")))
        try runZH(scratch.path("gbk.yaml"), status: 2, told: ["：错误（键 'name'）：文件不是 UTF-8 编码：第 1 行第 7 列", "请另存为 UTF-8"])
    }

    /// Messages with units of several words, quoted shapes and file kinds read whole in Chinese.
    /// A sweep stores a failed run's error as English text: `summarize --lang zh` shows it in Chinese, place and message.
    func testAStoredErrorLineIsToldInChinese() {
        XCTAssertEqual(InputMessagesZH.line("sw.yaml: error at 'sector_plans.power.wind': a build-out target of 177.5 GW by the end of 2030 is below the 190 GW installed at the start of 2029; this lever only adds capacity (zero is a value, not 'off'; retiring capacity is another lever's job)"),
                       "sw.yaml：错误（键 'sector_plans.power.wind'）：建设目标（2030 年末 177.5 吉瓦）低于 2029 年初已有的 190 吉瓦：此措施只增加装机（0 是一个取值，不表示“关闭”；退役由其他措施负责）")
        XCTAssertEqual(InputMessagesZH.line("plan.yaml:4:11: warning at 'x': expected a number, found 'abc'"), "plan.yaml:4:11：警告（键 'x'）：应为数字，实际为 'abc'")
        // Not an error line (a GSL status, say): kept as it is.
        XCTAssertEqual(InputMessagesZH.line("the integrator failed at t = 2031.5"), "the integrator failed at t = 2031.5")
    }

    func testTheTableReadsUnitsShapesAndFileKinds() {
        let m = InputMessagesZH.message
        XCTAssertEqual(m("a build-out target of 50 Mt CO2/yr by the end of 2035 is below the 100 Mt CO2/yr installed at the start of 2031; this lever only adds capacity (zero is a value, not 'off'; retiring capacity is another lever's job)"),
                       "建设目标（2035 年末 50 百万吨CO2/年）低于 2031 年初已有的 100 百万吨CO2/年：此措施只增加装机（0 是一个取值，不表示“关闭”；退役由其他措施负责）")
        XCTAssertEqual(m("with the delta, a build-out target of 30.67 GW by the end of 2026 is below the 111.07 GW installed at the start of 2026; this lever only adds capacity (zero is a value, not 'off'; retiring capacity is another lever's job)"),
                       "加上增量后，建设目标（2026 年末 30.67 吉瓦）低于 2026 年初已有的 111.07 吉瓦：此措施只增加装机（0 是一个取值，不表示“关闭”；退役由其他措施负责）")
        XCTAssertEqual(m("expected years with shares in %, found a single value"), "应为各年份的比重（%），实际为单个数值")
        XCTAssertEqual(m("expected a number, found 'abc'"), "应为数字，实际为 'abc'")
        XCTAssertEqual(m("key 'wind' appears twice in one mapping"), "键 'wind' 在同一映射中出现了两次")
        XCTAssertEqual(m("each key once; merge the two entries into one"), "每个键只写一次：把两处合并为一处")
        XCTAssertEqual(m("each key once; merge the two entries into one (the first is on line 3)"), "每个键只写一次：把两处合并为一处（第一处在第 3 行）")
        XCTAssertEqual(m("each key once; merge the two entries into one (the first is on line 5, earlier on this line)"), "每个键只写一次：把两处合并为一处（第一处在第 5 行，本行前面）")
        XCTAssertEqual(m("milestones 2023, 2024, 2025 at or before 2025 superseded by observed capacity (history mode)"),
                       "里程碑 2023、2024、2025 在 2025 年及以前，由观测装机取代（历史模式）")
        XCTAssertEqual(m("14th, 15th, 16th (or 15, 十五五)"), "14th, 15th, 16th（也可写 15、十五五）")
        XCTAssertEqual(m("a lever takes one of 'target', 'path' and 'delta', not target and delta"),
                       "政策措施只取 'target'、'path'、'delta' 三种写法之一，不能同时用 target 和 delta")
        XCTAssertEqual(m("empty scenario: this runs the frozen-policy baseline (the file has no keys, only blanks or comments)"),
                       "空情景：按冻结政策的基准情景运行（文件里没有键，只有空行或注释）")
        XCTAssertEqual(m("this is a folder, not a scenario file"), "这是文件夹，不是情景文件")
        XCTAssertEqual(m("the path of an existing CSV observations file"), "已有的观测数据 CSV 文件的路径")
        XCTAssertEqual(m("'线性' is not accepted"), "不接受 '线性'")
        XCTAssertEqual(m("0 to 100 %/yr"), "0 至 100 %/年")
        XCTAssertEqual(m("250 to 400 gce/kWh"), "250 至 400 克标准煤/千瓦时")
        XCTAssertEqual(m("expected a mapping of alumina, steel, found a single value"), "应为由 alumina, steel 组成的映射，实际为单个数值")
    }

    /// A message the table does not know keeps its English words inside the Chinese frame: nothing is lost.
    func testAnUnknownMessageKeepsItsEnglishInsideTheChineseFrame() {
        let e = InputError(file: "a.yaml", line: 3, column: 2, keyPath: "x.y", message: "something rare happened",
                           accepted: "one of p, q", suggestion: "p")
        XCTAssertEqual(InputMessagesZH.describe(e), "a.yaml:3:2：错误（键 'x.y'）：something rare happened\n  可接受：one of p, q\n  是否想写 'p'？")
        XCTAssertEqual(Language.en.describe(e), e.description)
        let w = InputWarning(file: "b.yaml", line: nil, keyPath: "", message: "year 2099 is outside the model horizon")
        XCTAssertEqual(InputMessagesZH.describe(w), "b.yaml：警告：年份 2099 超出模型年限")
    }
}
