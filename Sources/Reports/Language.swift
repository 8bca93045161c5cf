import Simulator

/// Output language of tables and labels.
public enum Language: String, CaseIterable, Sendable {
    case en, zh
}

/// Labels of series, units and headings, in English and Chinese.
public enum Labels {
    static let seriesZH: [String: String] = [
        "co2_gross": "CO2排放总量", "co2_net": "CO2净排放", "co2_process": "工业过程排放",
        "ccus_captured": "CCUS捕集量", "sinks": "碳汇", "co2_sector_power": "电力热力排放",
        "energy_total": "能源消费总量（统计口径）", "energy_dual_control": "能耗双控口径能源消费",
        "non_fossil_share": "非化石能源消费比重", "gdp": "地区生产总值", "energy_intensity": "能耗强度（统计口径）",
        "energy_intensity_dual_control": "能耗强度（双控考核口径）", "alumina_imports": "外购氧化铝", "alumina_exports": "氧化铝外销",
        "co2_intensity": "碳排放强度", "capacity_wind": "风电装机", "capacity_solar": "光伏装机",
        "generation_coal": "煤电发电量", "heat_rate": "供电煤耗", "output_steel": "粗钢产量",
        "output_aluminium": "电解铝产量", "fly_ash_stock": "高铝粉煤灰堆存", "electricity_exports": "外送电量", "electricity_imports": "区外受入电量",
        "fly_ash_alumina_output": "粉煤灰提取氧化铝产量",
    ]
    static let seriesEN: [String: String] = [
        "co2_gross": "CO2 gross", "co2_net": "CO2 net", "co2_process": "Process CO2", "ccus_captured": "CCUS captured", "ccus_capacity": "CCUS capacity",
        "sinks": "Sinks", "co2_sector_power": "CO2 power and heat", "energy_total": "Energy total (statistical basis)",
        "energy_dual_control": "Energy (dual-control basis)", "non_fossil_share": "Non-fossil share", "gdp": "GDP",
        "energy_intensity": "Energy intensity (statistical basis)",
        "energy_intensity_dual_control": "Energy intensity (dual-control basis)", "alumina_imports": "Alumina bought from other provinces",
        "alumina_exports": "Alumina sold to other provinces", "co2_intensity": "CO2 intensity", "capacity_wind": "Wind capacity",
        "capacity_solar": "Solar capacity", "generation_coal": "Coal generation", "heat_rate": "Coal heat rate",
        "output_steel": "Crude steel output", "output_aluminium": "Aluminium output", "fly_ash_stock": "High-alumina fly-ash stock",
        "electricity_exports": "Electricity exports", "electricity_imports": "Electricity imports", "fly_ash_alumina_output": "Fly-ash alumina output",
    ]

    public static func series(_ name: String, _ lang: Language) -> String {
        (lang == .zh ? seriesZH[name] ?? SeriesNamesZH.name(name) : seriesEN[name]) ?? name
    }

    /// The shipped scenarios by name (基准情景 …); a user's own scenario keeps the name its file gives it.
    public static func scenario(_ name: String, _ lang: Language) -> String {
        guard lang == .zh else { return name }
        return ["baseline": "基准情景", "announced": "已公布政策情景", "accelerated": "强化政策情景"][name] ?? name
    }

    /// "在…情景下" in Chinese sentences: 基准情景下, my-plan情景下 (the shipped names already end in 情景).
    public static func underScenarioZH(_ name: String) -> String {
        let label = scenario(name, .zh)
        return label.hasSuffix("情景") ? "\(label)下" : "\(label)情景下"
    }

    /// A lever family (wedge groups) by its key: 政策措施 by what they act on.
    public static func family(_ key: String, _ lang: Language) -> String {
        let zh: [String: String] = [
            "capacity": "淘汰落后产能与产能控制", "efficiency": "节能降碳改造", "renewables": "风电光伏", "coal_power": "煤电节能与退役",
            "electrification": "电能替代", "ccus": "CCUS", "sinks": "碳汇", "fly_ash_alumina": "粉煤灰提取氧化铝",
            "deep_processing": "精深加工", "dual_control": "能耗双控", "assumptions and accounting": "假设与核算口径",
            "cement_materials": "水泥原料替代", "hydrogen": "绿氢替代", "electricity_demand": "新增用电与外送",
        ]
        return lang == .zh ? zh[key] ?? key : key.replacingOccurrences(of: "_", with: " ")
    }

    /// A cost family (CostModel.families) by its key.
    public static func costColumn(_ key: String, _ lang: Language) -> String {
        let zh: [String: String] = [
            "capacity": "淘汰落后产能", "efficiency": "节能改造", "renewables": "风电光伏建设", "coal_power": "煤电退役与改造",
            "electrification": "电能替代", "ccus": "CCUS", "sinks": "碳汇", "fly_ash_alumina": "粉煤灰提取氧化铝",
            "deep_processing": "精深加工", "dual_control": "能耗双控限产", "cement_materials": "水泥原料替代与产能转移",
            "hydrogen": "绿氢替代",
        ]
        return lang == .zh ? "成本：" + (zh[key] ?? key) : "cost_" + key
    }

    static let unitZH: [String: String] = [
        "Mt CO2": "百万吨CO2", "Mtce": "百万吨标准煤", "%": "%", "10^8 yuan (2019 prices)": "亿元，2019年价",
        "tce per 10^4 yuan": "吨标准煤/万元", "t CO2 per 10^4 yuan": "吨CO2/万元", "GW": "吉瓦", "TWh": "太瓦时",
        "gce/kWh": "克标准煤/千瓦时", "Mt/yr": "百万吨/年", "Mt": "百万吨", "10^8 yuan": "亿元",
        // Chinese statistical units (UnitSystem.cn).
        "10^4 t CO2": "万吨CO2", "10^4 t CO2/yr": "万吨CO2/年", "10^8 t CO2": "亿吨CO2", "10^4 tce": "万吨标准煤",
        "10^4 kW": "万千瓦", "10^4 kW/yr": "万千瓦/年", "10^8 kWh": "亿千瓦时", "10^4 t/yr": "万吨/年", "10^4 t": "万吨",
        "pp": "个百分点", "yr": "年", "year": "年份",
        // Annual measures (per year of the move).
        "Mt/yr per yr": "百万吨产能/年", "Mtce/yr per yr": "百万吨标准煤/年，当年新增", "GW gce/kWh per yr": "吉瓦·克标准煤/千瓦时，当年改造",
        "10^4 t/yr per yr": "万吨产能/年", "10^4 tce/yr per yr": "万吨标准煤/年，当年新增",
        "10^4 kW gce/kWh per yr": "万千瓦·克标准煤/千瓦时，当年改造", "GW/yr": "吉瓦/年", "Mt CO2/yr": "百万吨CO2/年",
        "share/yr": "比例/年", "% curtailed": "%（弃电）",
    ]

    public static func unit(_ unit: String, _ lang: Language) -> String {
        lang == .zh ? unitZH[unit] ?? unit : unit
    }

    /// A "1" target's label; `units` names the unit of caps and ceilings (百万吨 or 万吨 ...).
    public static func target(_ kind: String, _ lang: Language, units: UnitSystem = .model) -> String {
        let co2 = unit(units.presented("Mt CO2").unit, lang), energy = unit(units.presented("Mtce").unit, lang)
        let en: [String: String] = [
            "peak_year": "CO2 peak no later than", "peak_ceiling": "CO2 peak at most (\(co2))",
            "neutrality_year": "Net zero no later than", "energy_intensity_cut": "Energy intensity cut over period, dual-control basis (%)",
            "co2_intensity_cut": "CO2 intensity cut over period (%)", "energy_cap": "Energy cap, dual-control basis (\(energy))",
            "non_fossil_share": "Non-fossil share at least (%)",
        ]
        let zh: [String: String] = [
            "peak_year": "碳达峰年份不晚于", "peak_ceiling": "碳排放峰值不超过（\(co2)）", "neutrality_year": "碳中和年份不晚于",
            "energy_intensity_cut": "规划期内能耗强度降低（双控考核口径，%）", "co2_intensity_cut": "规划期内碳排放强度降低（%）",
            "energy_cap": "能耗双控总量上限（\(energy)）", "non_fossil_share": "非化石能源消费比重不低于（%）",
        ]
        return (lang == .zh ? zh[kind] : en[kind]) ?? kind
    }

    public static func text(_ key: String, _ lang: Language) -> String {
        let en: [String: String] = [
            "indicator": "Indicator", "unit": "Unit", "scenario": "Scenario", "targets": "Targets ('1')",
            "target": "Target", "period": "Period", "year": "Year", "required": "Required", "achieved": "Achieved",
            "result": "Result", "pass": "PASS", "fail": "FAIL", "headline": "Headline indicators",
            "peak": "Peak of gross CO2", "not_peaked": "not peaked by", "plateau": "Plateau (within 2% of peak)",
            "cumulative": "Cumulative net CO2", "neutrality": "Net zero", "not_reached": "not reached by",
            "plan": "plan", "base": "base", "never": "never", "cost": "Cost of the measures (2020-2060)",
            "shortfalls": "Cannot be honoured", "gap": "Margin (+ met, − short)", "region": "Region", "dataset": "Dataset",
            "levers": "Levers", "pp": "pp", "years_early": "yr",
            "brackets": "Each plan-period column shows its end year, with the change from the column before in brackets (a share's in percentage points).",
            "convention": "Capacities and stocks at year-end; flows are annual totals; intensities and shares are ratios of annual totals. CO2 gross is before sinks and CCUS capture; net CO2 deducts both. The CO2 peak, CO2 intensity and their targets are on gross CO2 (CCUS and sinks count towards net CO2 and net zero only). The dual-control basis leaves out renewable energy above its 2020 level (and feedstock where the accounting says so), as the national rules do: its cuts are larger than the statistical basis's. Non-fossil share is non-fossil electricity, counted at the coal fleet's heat rate, over the statistical total; net electricity exports are deducted as coal power as far as coal generation goes, the rest from non-fossil energy. Wind and solar capacity leave out the bases built for dedicated export lines.",
        ]
        let zh: [String: String] = [
            "indicator": "指标", "unit": "单位", "scenario": "情景", "targets": "目标（“1”）", "target": "目标",
            "period": "时期", "year": "年份", "required": "要求", "achieved": "实现", "result": "结果", "pass": "达标",
            "fail": "未达标", "headline": "核心指标", "peak": "CO2排放峰值",
            "plateau": "平台期（峰值2%以内）", "cumulative": "累计净排放", "neutrality": "碳中和",
            "plan": "五年规划", "base": "基期", "never": "未实现", "cost": "措施成本（2020-2060）",
            "shortfalls": "无法按设定实现之处", "gap": "差距（+超额，−不足）", "region": "地区", "dataset": "数据集",
            "levers": "政策措施", "pp": "个百分点", "years_early": "年",
            "brackets": "各规划期列为期末年份数值，括号内为较前一列的变化（比重为百分点变化）。",
            "convention": "装机与存量为年末数；流量为全年合计；强度与比重为全年合计之比。CO2排放总量未扣除碳汇与CCUS捕集量，净排放扣除二者。碳达峰、碳排放强度及其目标按排放总量计（CCUS与碳汇只计入净排放和碳中和）。双控考核口径按国家规定不计超过2020年水平的可再生能源消费（按核算设置不计原料用能），其降幅因此大于统计口径。非化石能源消费比重为非化石电力（按当年煤电机组煤耗折标，即发电煤耗法）占统计口径能源消费总量之比；净外送电先按煤电扣减（以煤电发电量为限），其余从非化石能源中扣减。风电、光伏装机不含特高压外送专线配套的新能源基地。",
        ]
        return (lang == .zh ? zh[key] : en[key]) ?? key
    }

    /// An LMDI effect, as a Chinese plan report names it (能源强度 for efficiency, 能源结构 for the energy mix).
    public static func effect(_ e: LMDI.Effect, _ lang: Language) -> String {
        switch (e, lang) {
        case (.activity, .en): return "activity"
        case (.intensity, .en): return "energy intensity"
        case (.structure, .en): return "sector structure"
        case (.mix, .en): return "energy mix"
        case (.emissionFactor, .en): return "emission factor"
        case (.process, .en): return "process CO2"
        case (.activity, .zh): return "经济规模"
        case (.intensity, .zh): return "能源强度"
        case (.structure, .zh): return "产业结构"
        case (.mix, .zh): return "能源结构"
        case (.emissionFactor, .zh): return "排放因子"
        case (.process, .zh): return "工业过程"
        }
    }

    /// A CEADs sector group by its key.
    public static func sector(_ key: String, _ lang: Language) -> String {
        lang == .zh ? SeriesNamesZH.sectors[key] ?? key : key
    }

    /// "14th (2021-25)" or "十四五（2021-25）". Plans are named 十四五, 十五五, 十六五 … up to the 19th; from the
    /// 20th on, "二十五" would read as the number 25, so those are written 第二十个五年, 第二十一个五年 ….
    public static func period(_ number: Int, start: Int, end: Int, _ lang: Language) -> String {
        let span = "\(start)-\(String(end).suffix(2))"
        if lang == .zh { return "\(periodNameZH(number))（\(span)）" }
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix) (\(span))"
    }

    /// 十四五, 十五五 … 十九五, then 第二十个五年 ….
    public static func periodNameZH(_ number: Int) -> String { PlanPeriod(number: number).nameZH }
}
