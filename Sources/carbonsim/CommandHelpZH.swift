/// Each command's overview in Chinese, for `--help` under `--lang zh` (`HelpPageZH`): the one-line abstract and the
/// discussion, keyed by the command's path ("", "run", "plot fan"). They say what the English configuration says; a
/// test checks that every command has its text.
enum CommandHelpZH {
    static func text(_ path: String) -> (abstract: String, discussion: String)? { texts[path] }

    private static let texts: [String: (abstract: String, discussion: String)] = [
        "": ("为省级分析人员提供的碳达峰、碳中和情景模拟（默认地区：内蒙古）。",
             """
             情景文件为 YAML，采用“1+N+X”结构：targets（“1”，目标）、sector_plans（“N”，分领域行动方案）、\
             measures（“X”，配套措施）。文件只写与数据集基准不同之处，并可用 `extends:` 继承另一文件。
             """),
        "run": ("运行情景并打印五年规划表。",
                """
                不给文件时运行内置的默认情景：基准情景（baseline）和已公布政策情景（announced）。

                --format xlsx --output 文件.xlsx 改为写出 Excel 工作簿：各情景并列的规划期表、目标（要求值、实现值、差距、\
                结果）、主要指标、成本、各情景的逐年序列，以及元数据表（地区、数据集及其校验和、情景文件、工具版本、日期、\
                口径说明、数据来源）。
                """),
        "compare": ("按规划期比较情景：相对第一个情景的差异、目标差距、峰值、累计CO2排放和成本。",
                    """
                    第一个文件为参照：其余各情景显示为与它的差值，包括绝对差（指标自身的单位；比重为百分点）和占参照值的\
                    百分比。不给文件时比较内置的基准情景和已公布政策情景。

                    --lang zh 时全部标签为中文，并默认使用中国统计单位（--units cn：万吨CO2、万吨标准煤、万千瓦、亿千瓦时）；\
                    中文 CSV 以 UTF-8 字节顺序标记开头。JSON 无论 --units 如何，始终为模型单位（Mt CO2、Mtce、GW、TWh）。

                    --format xlsx 写出 Excel 工作簿（--output 文件.xlsx）：各情景并列并含差异的规划期表，目标的要求值、\
                    实现值、差距和结果，主要指标，成本，各情景的逐年序列，以及元数据表。
                    """),
        "sweep": ("运行参数扫描并写入 SQLite 数据库（可续跑、可分片）。",
                  """
                  同一规格无论 --jobs 为多少结果都相同；中断的扫描用 --resume 继续。然后用 `carbonsim summarize <数据库>` \
                  得到百分位、目标达成概率和敏感性。

                  规格（全部键见 README 的“Parameter sweeps”；scenarios/sweeps/ 中每种设计各有一例）。因素为政策措施\
                  字段（carbonsim levers）或数据集参数（carbonsim levers --parameters）：

                    name: wind-solar
                    scenarios: [announced]     # 情景文件，或 baseline / announced
                    design: lhs                # grid | random | lhs | sobol | saltelli
                    n: 20                      # 运行次数（saltelli：基础样本数）
                    seed: 1
                    factors:
                      sector_plans.power.wind.target: {range: [131, 250]}
                      sector_plans.power.solar.target: {range: [70, 150]}
                    keep: [co2_gross, co2_net] # 每次运行保存的逐年序列
                  """),
        "summarize": ("汇总参数扫描数据库：百分位区间、各目标的达成概率、Sobol 指数或标准化回归系数（SRC）。", ""),
        "merge": ("合并同一参数扫描的分片数据库（拒绝不同规格的分片）。", ""),
        "plot": ("写出 SVG 图：情景轨迹、堆叠排放、减排楔形、扇形图、龙卷风图。", ""),
        "plot trajectory": ("一条序列、多个情景，标出峰值和目标。", ""),
        "plot stack": ("按部门组或按燃料堆叠的排放总量。", ""),
        "plot wedges": ("从基准情景到政策情景的减排量，按措施类别分解（Shapley 值）。", ""),
        "plot fan": ("参数扫描数据库中一条序列的百分位区间。", ""),
        "plot tornado": ("参数扫描数据库中一个输出的敏感性（Sobol 指数或 SRC）。", ""),
        "plot gallery": ("用默认数据和 scenarios/ 重新生成图集（plots/）。", ""),
        "decompose": ("两年之间或两个情景之间CO2排放变化的 LMDI 分解。",
                      """
                        C = sum_ij GDP (E/GDP) (E_i/E) (E_ij/E_i) (C_ij/E_ij) + sum_i GDP (P_i/GDP)

                      按 CEADs 部门组 i 和能源品种 j（煤、焦炭、油、气、非化石）分解为经济活动、能源强度、产业结构、\
                      能源结构、排放因子和工业过程CO2效应；有加法分解（Mt CO2，各效应之和恰为变化量）和乘法分解（比值，\
                      各效应之积恰为变化之比）。E 含按煤电煤耗折算的非化石电力（计入电力部门），因此可再生能源替代煤电\
                      主要表现为能源结构效应；随煤电发电量下降的供热残差表现为能源强度效应（只增加光伏时约占总变化的五分之一：电力行业一行约七分之一，其余在未受影响的行业，与行业结构效应相互抵消）。\
                      详见 docs/model.md。
                      """),
        "solve": ("求满足一个目标的某项措施的最小（或最大）取值（Brent 区间法）。",
                  """
                  目标：peak_year=2028、peak_ceiling=900、neutrality_year=2060、energy_intensity_cut:14th=15、\
                  co2_intensity_cut:15th=20、energy_cap:2030=250、non_fossil_share:2030=30。

                  --target 叠加在情景的目标之上：它替换情景中同类（且同一年份或规划期）的目标；情景的其他目标都保留在\
                  运行中（因此强制执行的能耗双控保留其能耗上限）并予报告，但只对 --target 求解。

                  答案为该措施在全面见效年年末达到的水平。情景以路径（path）设定该措施时，其较早的里程碑保留；以增量\
                  （delta）设定时，答案仍是水平值（增量即相对于所继承情景需要多出的部分）。建设类措施（风电、光伏、储能、\
                  CCUS、粉煤灰提取氧化铝）从其开始时的已有规模起搜索。

                  示例：carbonsim solve --lever sector_plans.power.wind --target peak_year=2028 --start 2021 --full 2030
                  """),
        "optimize": ("求满足目标的最低成本措施组合（gsl_multimin 单纯形法、增广拉格朗日法、多起点）。",
                     """
                     目标：基础情景的目标，叠加规格中的目标。规格中的一项替换同类（且同一年份或规划期）的目标；基础情景的\
                     其他目标仍为约束，因此强制执行的能耗双控保留其能耗上限。`none` 去掉基础情景的某个目标：\
                     neutrality_year: none、energy_intensity_cut: none、energy_cap: {2035: none}。

                     变量：变量所声明的措施，以规格中的 start、full 和 shape 为准；规格未写的取自基础情景对该措施的设定，\
                     否则 start = 基年 + 2、full = start、linear（线性）。

                     把最优解写成独立的情景文件，格式与情景文件相同（措施按其路径写在 sector_plans 或 measures 下，能耗\
                     双控写在 measures 下），`carbonsim run` 可复现：基础情景的措施、配套措施、假设和核算设置，最优点的\
                     变量，以及上述目标。
                     """),
        "calibrate": ("用 CEADs 历史数据拟合部门组趋势（gsl_multifit_nlinear），写出校准后的数据集。",
                      """
                      每条序列（一个部门组，或钢铁与非金属矿物合并）以非线性最小二乘拟合 logistic 趋势 \
                      E(t) = L / (φ + (1 - φ) exp(-k (t - 2019)))；报告给出估计值及其标准误、R² 和 RMSE。给出 --output \
                      时，这些部门组产品的基准增长（demand_index）和活动（trend）替换为相对基年的拟合趋势，结果写成数据集\
                      文件，供 `carbonsim run --dataset 文件` 使用。

                      30 个 CEADs 省份都可拟合。被校准的数据集为给出的 --dataset 文件；否则内蒙古用内置数据集，其他省份用\
                      由其 CEADs 2019 年清单和全国数值导出的数据集（docs/data.md）：部门组不分产品，各自遵循拟合趋势。\
                      趋势不收敛的序列报告其最优点，并且不写入。

                      示例：carbonsim calibrate --output inner-mongolia-calibrated.yaml
                            carbonsim calibrate --province Shanxi --output shanxi.yaml
                      """),
        "validate": ("检查情景文件：语法、键、类型、取值范围、年份和 extends 目标。", ""),
        "levers": ("列出每项政策措施（单位、有效范围、基准值、说明）和目标，或数据集的参数。", ""),
        "hindcast": ("把模型与基年之后公布的观测值比较：按指标和年份，以及按指标汇总。",
                     """
                     观测值为数据集自带的文件（其 `observations:` 键；格式见 docs/data.md）或 --observations 文件。\
                     每个数字与模型的全年全区数值比较；只涵盖年内部分时段或部分地区的数字（1-6月、规模以上、一家电网公司）\
                     作为模型必须达到的下限，或仅作展示：部分口径的数字从不当作全年数比较。

                     模型为历史模式下的情景（默认：内蒙古用内置的已公布政策情景，其他地区用基准情景）：到最后观测年份 N \
                     为止跟随观测的 GDP 增速、外送电量和风电光伏装机，并按观测的全社会用电量、发电总量（通过区外受入电量）、\
                     产品产量、风电光伏发电量和能源消费总量校准（docs/model.md 的“History mode”）。口径注有 \
                     '; held back' 的行只展示、不比较。“样本内”各行把每个观测与该拟合比较；“留出”各行为留出最后几年的检验：\
                     历史模式只到 N - 2，在 N - 1 和 N 年比较。使用 --no-history 时模型为从基年起的预测，N - 2 年及以前为\
                     样本内。没有观测值的数据集照常运行，并说明无可比较。

                     示例：carbonsim hindcast
                           carbonsim hindcast --format markdown --chart hindcast.svg
                           carbonsim hindcast --observations my-bulletin.csv --scenario scenarios/baseline.yaml --lang zh
                           carbonsim hindcast --lang zh --format xlsx --output hindcast.xlsx

                     --format xlsx --output 文件.xlsx 写出 Excel 工作簿：每个量和年份一行（观测值、模型值、误差、误差%、\
                     单位、口径、用途、可信度、窗口），每个量的汇总，以及注明观测值文件的元数据表。工作簿和图表使用 --units\
                     （--lang zh 时默认为万吨标准煤、亿千瓦时、万千瓦）；文本、CSV 和 JSON 报告保持模型单位。
                     """),
        "serve": ("启动交互式情景推演页面（本机网页服务；Ctrl-C 停止）。",
                  """
                  在浏览器中打开它打印的地址。每项措施和目标都是一个控件；每次改动都重新运行情景。页面及其接口只读取：\
                  任何请求都不写文件、不运行参数扫描。默认只监听 127.0.0.1（仅本机），除非 --host 另行指定；\
                  --host 0.0.0.0 让网络上能访问本机的任何人使用页面，并读取 --scenarios 中的情景文件。不给 --scenarios \
                  且当前文件夹中没有 scenarios 文件夹时，页面提供内置的基准情景和已公布政策情景。
                  """),
    ]
}
