import Simulator

/// Chinese names of dataset paths, for sweep factors and assumptions in Chinese reports (`economy.growth` as
/// 经济增速路径（倍数）): the section or product, then the field. A path with a field not named here keeps its key.
public enum DatasetLabels {
    public static func zh(_ path: String) -> String? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 2, let field = fields[parts.last!] ?? fields[parts.dropFirst().joined(separator: ".")] else { return nil }
        let owner: String
        if parts[0] == "products", parts.count == 3, let p = Product.allCases.first(where: { $0.key == parts[1] }) {
            owner = p.nameZH
        } else if parts[0] == "activities", parts.count == 3 {
            owner = activities[parts[1]] ?? parts[1]
        } else if parts.count == 2 {
            owner = sections[parts[0]] ?? parts[0]
        } else {
            return nil
        }
        return owner + field
    }

    static let sections = [
        "economy": "经济", "power": "电力", "heat_supply": "供热", "hydrogen": "绿氢", "fly_ash": "粉煤灰提铝",
        "ccus": "CCUS", "sinks": "碳汇", "industry_policy": "产业政策", "dual_control": "能耗双控", "costs": "成本：",
        "emission_factors": "排放因子：",
    ]

    static let activities = [
        "heat_supply": "供热", "other_nonferrous": "其他有色", "other_nonmetal": "其他非金属", "refining_and_other_coking": "炼油及其他炼焦",
        "other_chemicals": "其他化工", "transport": "交通运输", "buildings": "建筑", "agriculture": "农业", "other_industry": "其他工业",
    ]

    static let fields = [
        // economy
        "growth": "增速路径（倍数）", "replacement_share": "替代产业比例", "replacement_fuel_coal": "替代产业单位增加值耗煤",
        "replacement_fuel_gas": "替代产业单位增加值耗气", "replacement_electricity": "替代产业单位增加值用电",
        "electrification_mwh_per_tce": "电能替代折算（兆瓦时/吨标准煤）",
        // products
        "base_output": "基准年产量", "base_utilisation": "基准年产能利用率", "max_utilisation": "最大产能利用率",
        "old_share": "落后产能比例", "old_lifetime": "落后产能寿命", "new_lifetime": "新产能寿命", "adjustment_time": "产能调整时间",
        "old_relative_intensity": "落后产能相对能耗", "share_of_group_fuel": "占部门燃料比例", "electricity_per_tonne": "单位产品电耗",
        "benchmark_relative_intensity": "标杆水平相对能耗", "entry_relative_intensity": "准入水平相对能耗",
        "efficiency_relaxation_time": "能效改造时间", "value_added_per_tonne": "单位产品增加值", "deep_processing_base": "基准年精深加工比例",
        "deep_processing_value_uplift": "精深加工增值系数", "deep_processing_energy_uplift": "精深加工能耗系数",
        "demand_index": "需求路径（倍数）", "restricted_share": "限制类装备比例", "restricted_energy_gap": "限制类装备能耗差距",
        "feedstock_tce_per_tonne": "单位产品原料用能",
        // activities
        "gdp_elasticity": "对GDP弹性", "autonomous_efficiency": "自主能效提升率", "base_electricity": "基准年用电量",
        // power
        "base_wind": "基准年风电装机", "base_solar": "基准年光伏装机", "base_coal": "基准年煤电装机", "wind_build_rate": "风电趋势新增",
        "solar_build_rate": "光伏趋势新增", "coal_lifetime": "煤电寿命", "wind_capacity_factor": "风电容量系数",
        "solar_capacity_factor": "光伏容量系数", "wind_curtailment": "弃风率", "solar_curtailment": "弃光率",
        "curtailment_slope": "弃电率斜率", "other_generation": "其他发电量", "base_in_region_consumption": "基准年区内用电量",
        "exports": "外送电量路径", "base_heat_rate": "基准年供电煤耗", "retired_heat_rate_penalty": "退役机组煤耗差",
        "heat_rate_relaxation_time": "煤耗改造时间", "coal_planning_capacity_factor": "煤电规划利用率",
        "coal_must_run_capacity_factor": "煤电最低出力率", "coal_adjustment_time": "煤电调整时间", "new_load": "新增负荷路径",
        "imports": "受入电量路径", "renewable_hours_index": "风电光伏利用小时指数", "coal_pipeline": "煤电在建规模", "storage_hours": "储能时长", "storage_cycles_per_year": "储能年循环次数",
        "dedicated_export_renewable_share": "外送通道新能源比例", "dedicated_export_wind_share": "外送通道风电比例",
        "storage_efficiency": "储能效率",
        // heat, hydrogen, fly ash, CCUS, sinks
        "heat_supplied": "供热量", "coal_per_heat": "单位供热耗煤", "fuel_tce_per_tonne": "单位产品燃料消耗", "grid_share": "网电比例",
        "ash_per_tce": "单位燃煤产灰量", "building_material_use": "建材利用比例", "high_alumina_share": "高铝灰比例",
        "base_stock": "基准年存量", "ash_per_tonne_alumina": "单位氧化铝耗灰", "utilisation": "利用率", "scarcity_stock": "稀缺存量",
        "process_co2_per_tonne": "单位产品过程排放", "import_displacement": "替代进口比例", "max_capture_share": "最大捕集比例",
        "base_flux": "基准年碳汇量", "maturation_time": "成熟时间",
        // policy responses
        "ladder_gap_response": "阶梯电价能效响应", "ladder_exit_response": "阶梯电价退出响应", "max_curtailment": "最大限产比例",
        "response_rate": "响应速度",
        // costs
        "discount_rate": "贴现率", "capacity_elimination": "淘汰产能", "wind_capex": "风电投资", "wind_learning_rate": "风电学习率",
        "solar_capex": "光伏投资", "solar_learning_rate": "光伏学习率", "efficiency_retrofit": "节能改造", "ccus": "CCUS",
        "afforestation": "造林", "uptake_per_hectare": "每公顷固碳量", "electrification": "电能替代", "fly_ash_alumina_capex": "粉煤灰提铝投资",
        "deep_processing": "精深加工", "coal_retirement": "煤电提前退役", "storage_capex": "储能投资", "clinker_substitution": "熟料替代",
        "carbide_slag": "电石渣替代石灰石", "cement_capacity_transfer": "水泥产能转移", "green_hydrogen_premium": "绿氢溢价",
        "heat_rate_retrofit": "煤耗改造",
        // emission factors
        "coal": "煤", "coke": "焦炭", "oil": "油品", "gas": "天然气",
    ]
}
