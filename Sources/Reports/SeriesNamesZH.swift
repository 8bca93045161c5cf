/// Chinese names of every annual output, including the composed ones (co2_sector_power, energy_power_coal,
/// output_steel, …), so that an annual CSV under `--lang zh` has no snake_case header left.
enum SeriesNamesZH {
    /// CEADs sector groups, in every table and chart (石油炼焦: petroleum processing and coking, 石油加工及炼焦业).
    static let sectors: [String: String] = [
        "power": "电力热力", "ferrous": "黑色金属", "nonferrous": "有色金属", "nonmetal": "非金属矿物",
        "petro_coking": "石油炼焦", "chemicals": "化工", "transport": "交通运输", "other": "其他",
    ]
    static let fuels: [String: String] = ["coal": "煤炭", "coke": "焦炭及焦炉煤气", "oil": "油品", "gas": "天然气"]
    static let products: [String: String] = [
        "steel": "粗钢", "aluminium": "电解铝", "alumina": "氧化铝", "clinker": "水泥熟料", "coke": "焦炭",
        "ferroalloy": "铁合金", "carbide": "电石", "coal_chemicals": "煤化工",
    ]
    static let plain: [String: String] = [
        "energy_non_fossil": "非化石能源消费量", "energy_feedstock": "原料用能", "energy_export_deduction": "外送电扣减能耗",
        "energy_non_fossil_generated": "非化石能源发电量折标煤（不扣外送）",
        "energy_cap": "能耗总量上限", "electricity_generation": "发电量", "electricity_demand_in_region": "区内用电量", "electricity_imports": "区外受入电量",
        "generation_wind": "风电发电量", "generation_solar": "光伏发电量", "generation_other": "其他发电量",
        "curtailed_renewables": "弃风弃光电量", "capacity_coal": "煤电装机", "fly_ash_generated": "高铝粉煤灰产生量",
        "fly_ash_alumina_capacity": "粉煤灰提取氧化铝产能", "alumina_imports": "氧化铝调入量", "ccus_capacity": "CCUS捕集能力",
        "ccus_capture_potential": "CCUS可捕集量", "dual_control_curtailment": "能耗双控限产比例",
        "capacity_eliminated": "淘汰落后产能", "retrofit_savings": "节能改造节能量", "electrified_fossil_energy": "电能替代化石能源量",
        "deep_processed_extra": "新增精深加工量", "coal_retired_early": "煤电提前退役", "heat_rate_retrofit": "煤电节能改造",
        "curtailed_value_added": "限产损失增加值",
        // Power side: new load, storage, dedicated export; industry side: the coal-power residual, green hydrogen.
        "renewable_consumption": "区内可再生能源消纳电量", "coal_power_residual": "煤电核算余量（随发电用煤）",
        "energy_new_renewables": "新增可再生能源消费（较2020年）", "electricity_new_load": "新增高载能负荷用电量",
        "storage_discharged": "储能放电量", "capacity_storage": "新型储能装机",
        "generation_dedicated_export": "沙戈荒基地专线外送电量", "capacity_dedicated_renewables": "外送基地新能源装机",
        "green_hydrogen": "绿氢产量", "hydrogen_displaced_fuel": "绿氢替代用煤量",
        "cement_capacity_transferred": "跨省转出熟料产能", "clinker_substituted": "固废替代熟料量",
        "carbide_slag_avoided_co2": "电石渣替代减少工艺排放",
    ]

    /// The Chinese name, or nil for a name this table does not know.
    static func name(_ s: String) -> String? {
        if let p = plain[s] { return p }
        func rest(_ prefix: String) -> String? { s.hasPrefix(prefix) ? String(s.dropFirst(prefix.count)) : nil }
        if let g = rest("co2_sector_"), let n = sectors[g] { return "CO2排放：\(n)" }
        if let f = rest("co2_fuel_"), let n = fuels[f] { return "CO2排放：\(n)" }
        if let g = rest("co2_process_"), let n = sectors[g] { return "工业过程排放：\(n)" }
        if let g = rest("energy_sector_"), let n = sectors[g] { return "能源消费：\(n)" }
        if let p = rest("capacity_old_"), let n = products[p] { return "\(n)落后产能" }
        if let p = rest("capacity_"), let n = products[p] { return "\(n)产能" }
        if let p = rest("output_"), let n = products[p] { return "\(n)产量" }
        if let f = rest("energy_"), let n = fuels[f] { return "能源消费：\(n)" }
        for (prefix, what) in [("energy_", "能源消费"), ("co2_", "CO2排放")] {
            guard let pair = rest(prefix) else { continue }
            for (g, gn) in sectors where pair.hasPrefix(g + "_") {
                if let fn = fuels[String(pair.dropFirst(g.count + 1))] { return "\(what)：\(gn)·\(fn)" }
            }
        }
        return nil
    }
}
