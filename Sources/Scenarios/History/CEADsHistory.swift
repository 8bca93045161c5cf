import Foundation
import Simulator

/// CEADs provincial emissions 1997-2019 by carbonsim sector group (Mt CO2), embedded with the package
/// (`Datasets/ceads-sector-groups.csv`, built from the CEADs inventories by `scripts/ceads_sector_groups.py`).
public struct CEADsHistory: Sendable {
    public struct Record: Sendable {
        public let fuels: FuelVector
        /// Cement process CO2 (nonmetal group only).
        public let process: Double
        public var total: Double { fuels.total + process }
    }

    public let file: String
    /// Province names as CEADs spells them (`InnerMongolia`), in file order.
    public let provinces: [String]
    public let years: ClosedRange<Int>
    private let records: [String: Record]

    private static func key(_ province: String, _ year: Int, _ group: SectorGroup) -> String { "\(province)|\(year)|\(group.key)" }

    public func record(_ province: String, _ year: Int, _ group: SectorGroup) -> Record? {
        records[Self.key(province, year, group)]
    }

    public static func embedded() throws -> CEADsHistory {
        let name = "ceads-sector-groups.csv"
        let text = try embeddedText("ceads-sector-groups", "csv", what: "the embedded CEADs history")
        return try parse(text, file: name + " (embedded)")
    }

    public static func parse(_ text: String, file: String) throws -> CEADsHistory {
        var records: [String: Record] = [:], provinces: [String] = [], seen = Set<String>()
        var first = Int.max, last = Int.min
        var header = true
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if header { header = false; continue }
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 8, let year = Int(f[1]), let group = SectorGroup.allCases.first(where: { $0.key == f[2] }) else {
                throw InputError(file: file, line: number + 1, message: "expected province,year,group,coal,coke,oil,gas,process")
            }
            let v = try f[3...].map { s -> Double in
                guard let x = Double(s) else { throw InputError(file: file, line: number + 1, message: "'\(s)' is not a number") }
                return x
            }
            if seen.insert(f[0]).inserted { provinces.append(f[0]) }
            first = min(first, year)
            last = max(last, year)
            records[key(f[0], year, group)] = Record(fuels: FuelVector(coal: v[0], coke: v[1], oil: v[2], gas: v[3]), process: v[4])
        }
        guard !provinces.isEmpty else { throw InputError(file: file, message: "no rows") }
        return CEADsHistory(file: file, provinces: provinces, years: first...last, records: records)
    }

    /// The CEADs spelling of a province: `Inner Mongolia`, `inner-mongolia` and `InnerMongolia` all match.
    /// An unknown name is an error that lists the provinces and suggests the closest.
    public func province(named name: String) throws -> String {
        let normal = Self.comparable
        if let p = provinces.first(where: { normal($0) == normal(name) }) { return p }
        // Chinese names (山西, 山西省, 内蒙古自治区) through the embedded facts' name_zh, and pinyin aliases.
        var zh = name.trimmingCharacters(in: .whitespaces)
        for suffix in ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"] where zh.hasSuffix(suffix) && zh.count > suffix.count {
            zh = String(zh.dropLast(suffix.count))
            break
        }
        let facts = (try? ProvinceDataset.facts()) ?? []
        if let f = facts.first(where: { $0.nameZH == zh || $0.nameZH == name }),
           let p = provinces.first(where: { normal($0) == normal(f.province) }) { return p }
        if let alias = Self.pinyinAliases[normal(name)] ?? Self.chineseAbbreviations[name.trimmingCharacters(in: .whitespaces)],
           let p = provinces.first(where: { normal($0) == normal(alias) }) { return p }
        // Each with its Chinese name, so that a Chinese user finds theirs in the list.
        let listed = provinces.map { p in facts.first { normal($0.province) == normal(p) }.map { "\(p) \($0.nameZH)" } ?? p }
        let uncovered = ["西藏", "Tibet", "Xizang", "香港", "Hong Kong", "HongKong", "澳门", "Macao", "Macau", "台湾", "Taiwan"]
        let message = uncovered.contains(where: { normal($0) == normal(zh) })
            ? "'\(name)' has no CEADs inventory: CEADs covers 30 provinces, without Tibet, Hong Kong, Macao and Taiwan"
            : "'\(name)' is not one of the \(provinces.count) CEADs provinces"
        throw InputError(file: "--province", keyPath: "--province", message: message,
                         accepted: listed.joined(separator: ", ") + "; the English or the Chinese name",
                         suggestion: didYouMean(normal(name), in: provinces.map(normal)).flatMap { s in provinces.first { normal($0) == s } })
    }

    /// The provinces' one-character abbreviations (简称) and short names, as plans and tables write them: 晋 is Shanxi,
    /// 陕 (秦) Shaanxi.
    static let chineseAbbreviations: [String: String] = [
        "京": "Beijing", "津": "Tianjin", "冀": "Hebei", "晋": "Shanxi", "蒙": "Inner Mongolia", "内蒙": "Inner Mongolia",
        "辽": "Liaoning", "吉": "Jilin", "黑": "Heilongjiang", "沪": "Shanghai", "苏": "Jiangsu", "浙": "Zhejiang",
        "皖": "Anhui", "闽": "Fujian", "赣": "Jiangxi", "鲁": "Shandong", "豫": "Henan", "鄂": "Hubei", "湘": "Hunan",
        "粤": "Guangdong", "桂": "Guangxi", "琼": "Hainan", "渝": "Chongqing", "川": "Sichuan", "蜀": "Sichuan",
        "黔": "Guizhou", "贵": "Guizhou", "滇": "Yunnan", "云": "Yunnan", "陕": "Shaanxi", "秦": "Shaanxi",
        "甘": "Gansu", "陇": "Gansu", "青": "Qinghai", "宁": "Ningxia", "新": "Xinjiang",
    ]

    /// Pinyin spellings that differ from the CEADs (English) names.
    static let pinyinAliases = ["neimenggu": "Inner Mongolia", "neimongol": "Inner Mongolia", "neimenggu zizhiqu": "Inner Mongolia",
                                "shaanxisheng": "Shaanxi", "shanxisheng": "Shanxi"]
        .reduce(into: [String: String]()) { $0[comparable($1.key)] = $1.value }

    /// A province name reduced to lower-case letters, so spellings with spaces or hyphens compare equal.
    public static func comparable(_ name: String) -> String { name.lowercased().filter { $0.isLetter } }

    /// Total CO2 of `groups` in each year of `years`, Mt.
    public func series(_ province: String, groups: [SectorGroup], years: ClosedRange<Int>) throws -> [Double] {
        try years.map { year in
            try groups.reduce(0.0) { sum, g in
                guard let r = record(province, year, g) else {
                    throw InputError(file: file, message: "no CEADs row for \(province) \(year) \(g.key)")
                }
                return sum + r.total
            }
        }
    }
}
