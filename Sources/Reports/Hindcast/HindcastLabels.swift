import Analysis
import Scenarios
import Simulator

/// Words of the hindcast report in English and Chinese.
enum HindcastLabels {
    static let zh: [String: String] = [
        "quantity": "指标", "year": "年份", "observed": "观测值", "model": "模型值", "error": "误差", "error %": "误差%",
        "unit": "单位", "basis": "口径", "use": "用法", "confidence": "可信度", "window": "窗口", "compared": "比较数", "compared row": "比较",
        "mean abs error": "平均绝对误差", "MAPE %": "平均绝对百分比误差%", "bounds met": "下限满足", "bounds missed": "下限未满足",
        "not compared": "未比较", "in-sample": "样本内", "held-out": "留出", "bound met": "下限满足", "bound MISSED": "下限未满足",
        "shown only": "仅列示", "Hindcast": "回算检验", "Observations": "观测数据", "Mode": "模式", "Summary": "汇总",
        "Notes": "说明", "no observations": "无观测数据：本数据集未指定观测文件（--observations FILE 可指定）",
        "annual": "全年", "year-end": "年末", "above designated size": "规模以上", "grid-company": "电网公司口径",
        "taken as annual": "视同全年", "at least": "不低于", "approximate": "约数", "held back": "暂不比较", "high": "高", "medium": "中", "low": "低",
    ]

    static let quantityZH: [String: String] = [
        "gdp": "地区生产总值（2019年价）", "energy_total": "能源消费总量", "energy_intensity": "单位GDP能耗",
        "non_fossil_share": "非化石能源占比", "electricity_consumption": "全社会用电量", "electricity_exports": "外送电量",
        "generation": "发电量", "generation_thermal": "火电发电量", "generation_wind": "风电发电量", "generation_solar": "光伏发电量",
        "generation_wind_solar": "新能源发电量", "capacity_wind": "风电装机", "capacity_solar": "光伏装机",
        "capacity_wind_solar": "新能源装机", "capacity_thermal": "火电装机",
    ]

    static func text(_ key: String, _ l: Language) -> String { l == .zh ? zh[key] ?? key : key }

    /// The quantity's name as the file writes it; in Chinese, its Chinese name before it.
    static func quantity(_ q: ObservedQuantity, _ l: Language) -> String {
        guard l == .zh else { return q.name }
        let base = q.measure == .growth ? String(q.name.dropLast("_growth".count)) : q.name
        let product = base.hasPrefix("output_") ? ProductNames.zh(String(base.dropFirst("output_".count))).map { $0 + "产量" } : nil
        guard let name = quantityZH[base] ?? product else { return q.name }
        return (q.measure == .growth ? name + "增速" : name) + " " + q.name
    }

    static func basis(_ b: ObservationBasis, _ l: Language) -> String {
        guard l == .zh else { return b.description }
        return b.description.split(separator: ";").map { tag in
            let t = tag.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("Jan-") { return "1-\(monthNumber(t))月" }
            if t.hasPrefix("end-") { return "\(monthNumber(t))月末" }
            return zh[t] ?? t
        }.joined(separator: "；")
    }

    static func monthNumber(_ tag: String) -> Int {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (months.firstIndex(of: String(tag.dropFirst(4))) ?? 0) + 1
    }
}

extension HindcastLabels {
    /// Why a row is used as it is, in Chinese: built from the observation's basis and quantity by the same
    /// rules as `Observation.use`, not translated from the English sentence.
    static func reasonZH(_ r: Hindcast.Row) -> String? {
        let o = r.observation, b = o.basis
        var scope: [String] = []
        switch b.period {
        case .january(let m): scope.append("1-\(m)月")
        case .monthEnd(let m): scope.append("\(m)月末")
        case .annual, .yearEnd: break
        }
        if b.aboveDesignatedSize { scope.append("规模以上") }
        if b.gridCompany { scope.append("单一电网公司") }
        let partial = scope.joined(separator: "、")
        var parts: [String] = []
        if r.model == nil { parts.append("超出模型年份") }
        switch o.use {
        case .compared(let conversion):
            if conversion != nil { parts.append("\(partial)增速视同全区全年增速") }
        case .lowerBound:
            parts.append(scope.isEmpty ? "公布为“超过”：作为下限" : "\(partial)数据：全区全年值的下限")
        case .excluded:
            if b.heldBack {
                parts.append("文件暂不比较此值，原因见备注" + (o.notes.isEmpty ? "" : "：" + o.notes))
            } else if o.quantity.measure == .growth {
                parts.append("\(partial)增速不等于全年增速（在口径中写明“; taken as annual”方按全年比较）")
            } else if o.quantity.isRatio {
                parts.append("\(partial)比率不代表全年比率")
            } else {
                parts.append("\(partial)装机不一定低于年末值（机组会退役）")
            }
        }
        if let f = o.quantity.factor(for: o.unit), f != 1 {
            parts.append("单位换算：\(Self.unitZH(o.unit)) → \(Self.unitZH(o.quantity.modelUnit))，×\(NumberFormat.trimmed(f))")
        }
        if o.quantity.approximation != nil {
            parts.append(o.quantity.outputs.contains("capacity_coal") ? "模型：煤电装机，不含燃气和生物质机组"
                                                                     : "模型：燃煤发电，燃气和生物质发电计入其他发电")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "；")
    }

    /// An observations file's unit as Chinese statistics write it (a zh note said "100 GWh → TWh").
    static func unitZH(_ unit: String) -> String {
        let statistics = ["100 GWh": "亿千瓦时", "10^8 kWh": "亿千瓦时", "10^4 kW": "万千瓦", "10 MW": "万千瓦", "MW": "兆瓦",
                          "10^4 t": "万吨", "10 kt": "万吨", "Mt": "百万吨", "10^4 tce": "万吨标准煤"]
        return statistics[unit] ?? Labels.unit(unit, .zh)
    }
}

/// Chinese product names by product key.
enum ProductNames {
    static func zh(_ key: String) -> String? {
        Simulator.Product.allCases.first { $0.key == key }?.nameZH
    }
}
