/// Sheet names and headings of workbooks, in English and Chinese. Sheet names stay within Excel's 31
/// characters and avoid []:*?/\.
extension Labels {
    static let workbookEN: [String: String] = [
        "sheet_periods": "Plan periods", "sheet_targets": "Targets", "sheet_headline": "Headline", "sheet_costs": "Costs",
        "sheet_annual": "Annual", "sheet_metadata": "Metadata", "sheet_lmdi": "LMDI", "sheet_notices": "Notices",
        "notice_kind": "Kind", "notice_key": "Lever or key", "first_year": "First year", "worst_year": "Worst year", "amount": "Amount",
        "notice_text": "What happened", "location": "File:line", "warning": "Input warning", "none": "None",
        "year_basis": "Basis", "base_year": "base year", "observed": "observed year (history mode)", "projected": "model",
        "key": "Key", "value": "Value", "region": "Region", "dataset": "Dataset", "dataset_checksum": "Dataset checksum (FNV-1a)",
        "scenario_file": "Scenario file", "tool_version": "Tool version", "date": "Date (UTC)", "command": "Command",
        "convention": "Convention", "observed_years": "Observed years (history mode)", "source": "Source", "series_key": "Key", "cost_family": "Cost family",
        "discounted": "discounted to 2020", "total": "Total", "discount_rate": "Discount rate", "cost_prefix": "Cost: ",
        "sector": "Sector", "ratio": "Ratio (multiplicative)", "from": "From", "to": "To",
        "sheet_bands": "Percentile bands", "sheet_probabilities": "Target probabilities", "sheet_sensitivity": "Sensitivity",
        "sheet_runs": "Runs", "runs_item": "Item", "runs_count": "Count", "runs_all": "All scenarios", "runs_stored": "Runs stored",
        "runs_planned": "Runs planned", "runs_failed": "Runs failed", "runs_failure": "Runs failed with this error",
        "runs_incomplete": "incomplete: every figure is of the stored runs (an interrupted sweep: --resume it; or shards not yet merged)",
        "runs_failed_note": "the bands, probabilities and sensitivities are of the runs that succeeded",
        "runs_base_samples": "Complete Sobol base samples: ",
        "probability": "Probability (%)", "lower": "Lower (95%)", "upper": "Upper (95%)", "runs": "Runs",
        "shortfall_median": "Shortfall, median", "shortfall_p90": "Shortfall, P90", "output": "Output",
        "method": "Method", "factor": "Factor", "first": "First order (Sobol) or SRC", "total_order": "Total order", "note": "Note",
        "note_outside": "outside [0, 1]: sampling error at this n; read the interval, or rerun with a larger n",
        "note_noise": "the 95% interval holds 0: not told apart from no effect at this number of runs (nor its sign)",
        "note_constant": "the output does not vary across the runs: no sensitivity",
        "sweep_": "Sweep ", "sweep_name": "Sweep name", "sweep_design": "Sweep design", "sweep_spec_file": "Sweep spec file",
        "sweep_run_count": "Sweep runs", "sweep_tool_version": "Sweep run by", "units": "Units", "observations_file": "Observations file", "windows": "Windows", "reason": "Why",
        "decomposition": "LMDI decomposition of gross CO2 (additive effects in Mt CO2; last row multiplicative)",
        "balances": "How the columns add up: energy_total = energy_coal + energy_coke + energy_oil + energy_gas + energy_feedstock + energy_non_fossil - energy_export_deduction (the energy_sector_* columns are the fossil fuels only); co2_gross = the co2_sector_* columns = the co2_fuel_* columns + co2_process; co2_net = co2_gross - ccus_captured - sinks. energy_new_renewables is renewable energy above its 2020 level, which the dual-control basis leaves out.",
    ]
    static let workbookZH: [String: String] = [
        "sheet_periods": "五年规划", "sheet_targets": "目标", "sheet_headline": "核心指标", "sheet_costs": "成本",
        "sheet_annual": "逐年", "sheet_metadata": "说明", "sheet_lmdi": "LMDI分解", "sheet_notices": "提示",
        "notice_kind": "类别", "notice_key": "政策措施或键", "first_year": "首年", "worst_year": "最大差距年份", "amount": "数量",
        "notice_text": "内容", "location": "文件:行", "warning": "输入警告", "none": "无",
        "year_basis": "年份性质", "base_year": "基年", "observed": "观测年份（历史模式）", "projected": "模型计算",
        "key": "项目", "value": "内容", "region": "地区", "dataset": "数据集", "dataset_checksum": "数据集校验值（FNV-1a）",
        "scenario_file": "情景文件", "tool_version": "软件版本", "date": "日期（UTC）", "command": "命令",
        "convention": "统计口径", "observed_years": "观测年份（历史模式）", "source": "数据来源", "series_key": "变量名", "cost_family": "成本类别",
        "discounted": "贴现至2020年", "total": "合计", "discount_rate": "贴现率", "cost_prefix": "成本：",
        "sector": "部门", "ratio": "比值（乘法分解）", "from": "起点", "to": "终点",
        "sheet_bands": "分位数区间", "sheet_probabilities": "目标实现概率", "sheet_sensitivity": "敏感性",
        "sheet_runs": "运行情况", "runs_item": "项目", "runs_count": "次数", "runs_all": "全部情景", "runs_stored": "已存储的运行",
        "runs_planned": "计划的运行", "runs_failed": "失败的运行", "runs_failure": "因此错误失败的运行",
        "runs_incomplete": "不完整：各项数字只基于已存储的运行（扫描中断，可用 --resume 续算；或分片尚未全部合并）",
        "runs_failed_note": "分位数区间、概率和敏感性只基于成功的运行",
        "runs_base_samples": "完整的Sobol基样本：",
        "probability": "概率（%）", "lower": "下限（95%）", "upper": "上限（95%）", "runs": "运行次数",
        "shortfall_median": "差距中位数", "shortfall_p90": "差距P90", "output": "输出",
        "method": "方法", "factor": "因素", "first": "一阶指数（Sobol）或标准化回归系数", "total_order": "总指数", "note": "备注",
        "note_outside": "超出0到1：当前样本量下的抽样误差；请参阅区间，或增大 n 后重新扫描",
        "note_noise": "95%置信区间包含0：以当前运行次数无法与没有影响区分（符号也不可信）",
        "note_constant": "该输出在各次运行间不变：无敏感性可言",
        "sweep_": "参数扫描 ", "sweep_name": "参数扫描名称", "sweep_design": "参数扫描设计", "sweep_spec_file": "参数扫描规格文件",
        "sweep_run_count": "参数扫描运行次数", "sweep_tool_version": "参数扫描所用版本", "units": "计量单位", "observations_file": "观测数据文件", "windows": "窗口", "reason": "说明",
        "decomposition": "CO2排放总量变化的LMDI分解（加法分解，单位百万吨CO2；末行为乘法分解）",
        "balances": "各列关系：能源消费总量（统计口径）= 煤炭 + 焦炭 + 油品 + 天然气 + 原料用能 + 非化石能源消费量 − 外送电扣减能耗（各部门能源消费列只含化石能源）；CO2排放总量 = 各部门CO2之和 = 各燃料CO2之和 + 工业过程CO2；净排放 = 排放总量 − CCUS捕集量 − 碳汇。“新增可再生能源消费（较2020年）”为双控考核口径不计的部分。",
    ]

    public static func workbook(_ key: String, _ lang: Language) -> String {
        (lang == .zh ? workbookZH[key] : workbookEN[key]) ?? key
    }

    /// A cost family (`CostModel.families`) as a plan report names it.
    public static func costFamily(_ family: String, _ lang: Language) -> String {
        let en: [String: String] = [
            "capacity": "Capacity elimination", "efficiency": "Efficiency retrofits", "renewables": "Wind and solar",
            "coal_power": "Coal power retirement and retrofits", "electrification": "Electrification", "ccus": "CCUS",
            "sinks": "Sinks (afforestation)", "fly_ash_alumina": "Fly-ash alumina", "deep_processing": "Deep processing",
            "dual_control": "Output curtailed by dual control",
            "cement_materials": "Cement materials and capacity transfer", "hydrogen": "Green hydrogen",
        ]
        let zh: [String: String] = [
            "capacity": "淘汰落后产能", "efficiency": "节能改造", "renewables": "风电光伏", "coal_power": "煤电退役与改造",
            "electrification": "电能替代", "ccus": "CCUS", "sinks": "碳汇（造林）", "fly_ash_alumina": "粉煤灰提取氧化铝",
            "deep_processing": "精深加工", "dual_control": "能耗双控限产", "cement_materials": "水泥原料替代与产能转移",
            "hydrogen": "绿氢替代",
        ]
        return (lang == .zh ? zh[family] : en[family]) ?? family
    }

    /// The units a workbook's numbers are in, with the factors from the model's units (docs: UnitSystem).
    public static func workbookUnits(_ units: UnitSystem, _ lang: Language) -> String {
        switch (units, lang) {
        case (.cn, .zh): return "中国统计单位：万吨CO2、万吨标准煤、万千瓦、亿千瓦时、亿元（1百万吨＝100万吨，1吉瓦＝100万千瓦，1太瓦时＝10亿千瓦时）；比重之差为个百分点"
        case (.cn, .en): return "Chinese statistical units: 10^4 t CO2, 10^4 tce, 10^4 kW, 10^8 kWh, 10^8 yuan (1 Mt = 100 × 10^4 t, 1 GW = 100 × 10^4 kW, 1 TWh = 10 × 10^8 kWh); shares differ in percentage points"
        case (.model, .zh): return "模型单位：百万吨CO2、百万吨标准煤、吉瓦、太瓦时、亿元；比重之差为个百分点"
        case (.model, .en): return "Model units: Mt CO2, Mtce, GW, TWh, 10^8 yuan; shares differ in percentage points"
        }
    }

    /// "10^8 yuan" as a Chinese table writes it.
    public static func money(_ lang: Language) -> String { lang == .zh ? "亿元" : "10^8 yuan" }
}
