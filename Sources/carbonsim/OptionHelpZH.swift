/// The one-line help of each option, flag and argument in Chinese, for the "说明：" line of a usage error and the
/// help page under `--lang zh` (the parser writes the English help). Keyed by "command --option"
/// or "command <argument>" where commands say different things, else by the option alone; a test checks that
/// every option and argument that takes a value has its line.
enum OptionHelpZH {
    static func help(command: String, name: String) -> String? {
        byCommand[command + " " + name] ?? shared[name]
    }

    /// The parser's help line names an option as typed: `-o` is `--output` (the one short name the commands give).
    static func longName(_ name: String) -> String { name == "-o" ? "--output" : name }

    /// What an option means the same way in every command that has it.
    private static let shared: [String: String] = [
        "--lang": "标签语言：en 或 zh。",
        "--units": "单位：model（Mt CO2、Mtce、GW、TWh）或 cn（万吨、万吨标准煤、万千瓦、亿千瓦时；--lang zh 时默认）。",
        "--dataset": "数据集 YAML 文件（默认：内置的内蒙古数据集）。",
        "--province": "CEADs 省份，例如 山西 或 Shanxi：其内置数据集，或由其 CEADs 2019 年清单导出的数据集。",
        "--format": "输出格式：table、markdown、csv、json 或 xlsx（Excel 工作簿，须配合 --output 文件.xlsx）。",
        "--output": "写入此文件而不打印（xlsx 必须指定）。",
        "--db": "参数扫描数据库。",
        "--series": "要绘制的序列。",
        "--bootstrap": "Sobol 指数置信区间的自助重抽样次数（10 到 100000）。",
        "<files>": "情景 YAML 文件。",
        "--bom": "CSV 输出以 UTF-8 字节顺序标记（BOM）开头（--lang zh 时总是如此，以便 Excel 正确读取中文）。",
        "--no-history": "从基年起运行，不跟随数据集的观测值（数据集指定了观测值文件时默认为历史模式）。",
        "--version": "显示版本。",
        "--help": "显示帮助信息。",
    ]

    private static let byCommand: [String: String] = [
        "run --output": "写入年度序列（每个情景一个 CSV）、表格和 JSON 结果的目录；配合 --format xlsx 时为工作簿文件（.xlsx）。",
        "run --from": fromPlanPeriods,
        "compare --from": fromPlanPeriods,
        "compare --until": "只显示不晚于此年份结束的规划期（默认：全部，直至数据集末年）。",
        "compare <files>": "情景 YAML 文件；第一个为参照。",
        "hindcast --output": "把报告写入此文件而不打印（xlsx 必须指定）。",
        "hindcast --scenario": "作为模型运行的情景文件（默认：内置的已公布政策情景；内蒙古以外为基准情景）。",
        "hindcast --observations": "观测值 CSV 文件（默认：数据集指定的文件）。",
        "hindcast --chart": "另将观测点与模型曲线的图写入此 SVG 文件。",
        "summarize --format": "输出格式：markdown（table 亦然：汇总的表格为 markdown）、csv、json 或 xlsx（Excel 工作簿，须配合 --output 文件.xlsx）。",
        "summarize --series": "百分位区间的序列（默认：保存的全部序列）。",
        "summarize --years": "百分位表的年份（默认：规划期末年 2025、2030、2035 …）。",
        "summarize <db>": "参数扫描数据库。",
        "calibrate --format": "报告格式：table、markdown、csv 或 json。",
        "calibrate --output": "把校准后的数据集写入此 YAML 文件。",
        "calibrate --from": "历史窗口的第一年。",
        "calibrate --to": "历史窗口的最后一年。",
        "calibrate --series": "要拟合的序列（默认：全部）：power、ferrous_nonmetal、nonferrous、petro_coking、chemicals、transport、other。",
        "sweep <spec>": "参数扫描规格 YAML 文件。",
        "sweep --db": "要写入的 SQLite 数据库（默认：<规格名>.sqlite）。",
        "sweep --jobs": "工作线程数；默认为处理器核数。",
        "sweep --shard": "只运行第 i 个分片（共 n 个，从 0 起）：从 i 起每隔 n 个运行取一个，写作 i/n。",
        "sweep --csv": "另把各次运行写入此 CSV 文件（保存的序列写在其旁：runs.csv 对应 runs.series.csv）。",
        "merge --output": "合并后的数据库。",
        "merge <shards>": "分片数据库。",
        "plot trajectory <files>": "情景文件（默认：内置的基准情景和已公布政策情景）。",
        "plot trajectory --output": svgOutput,
        "plot stack --output": svgOutput,
        "plot wedges --output": svgOutput,
        "plot fan --output": svgOutput,
        "plot tornado --output": svgOutput,
        "plot stack <file>": "情景文件（默认：内置的已公布政策情景）。",
        "plot stack --by": "sector（按部门）或 fuel（按燃料）。",
        "plot wedges --series": "要归因的序列。",
        "plot wedges --csv": "另将楔形数值写入此 CSV 文件：每年一行，含基准、政策、各措施类别的楔形及其合计（政策减基准）。",
        "plot wedges --baseline": "基准情景文件。",
        "plot wedges --policy": "政策情景文件。",
        "plot fan <db>": "参数扫描数据库。",
        "plot fan --series": "要绘制的保存序列（默认：扫描保存了 co2_net 时为 co2_net，否则为保存的第一个序列）。",
        "plot fan --scenario": "扫描的基础情景（默认：其第一个）。",
        "plot tornado <db>": "参数扫描数据库。",
        "plot tornado --scenario": "扫描的基础情景（默认：其第一个）。",
        "plot tornado --of": "输出：peak_value、cumulative_co2 或 co2_gross_2030（默认：其中第一个在各次运行间有变化的；历史模式下峰值常落在观测年份而不变）。",
        "plot gallery --dir": "写入的目录。",
        "plot gallery --scenarios": "存放情景文件的目录。",
        "decompose <file>": "两年之间变化所用的情景文件（默认：内置的已公布政策情景；内蒙古以外为基准情景）。",
        "decompose --format": "输出格式：table、markdown、csv、json 或 xlsx（Excel 工作簿，须配合 --output 文件.xlsx）。",
        "decompose --units": "表格、CSV、工作簿和图表的单位：model（Mt CO2）或 cn（万吨CO2；--lang zh 时默认）。JSON 始终为 Mt CO2。",
        "decompose --from": "第一年（默认 2020；与 --baseline 和 --policy 同用时不适用，它们在 --to 的年份比较）。",
        "decompose --to": "第二年。",
        "decompose --baseline": "在 --to 的年份比较两个情景：基准情景文件。",
        "decompose --policy": "在 --to 的年份比较两个情景：政策情景文件。",
        "decompose --chart": "另把瀑布图（SVG）写到这里。",
        "solve --scenario": "基础情景文件（默认：内置的基准情景）。",
        "solve --lever": "政策措施路径（见 `carbonsim levers`）。",
        "solve --target": "要达到的目标，例如 peak_year=2028。",
        "solve --start": "措施起始年（默认：情景中的值，否则 2021；历史模式下为观测年份之后的第一年，2026）。",
        "solve --full": "措施全面见效年（默认：情景中的值；否则为带年份目标的考核年，如 non_fossil_share:2030 或 co2_intensity_cut:15th 的 2030 年，且晚于起始年；否则为起始年）。",
        "solve --shape": "推进形状：step（阶跃）、linear（线性）或 logistic（S 形）。",
        "optimize <spec>": "优化规格 YAML 文件。",
        "optimize --output": "写入最优解的情景文件（默认：<规格名>-optimum.yaml）。",
        "optimize --starts": "起点个数（覆盖规格中的值）。",
        "sweep --resume": "在已有的数据库中继续参数扫描，只计算缺少的运行。",
        "sweep --quiet": "不显示进度。",
        "summarize --all-years": "给出每一年的百分位表（不给 --years 时 JSON 含每一年）。",
        "decompose --bom": "CSV 输出以 UTF-8 字节顺序标记（BOM）开头（--lang zh 时总是如此）。",
        "solve --maximum": "求满足目标的最大取值，而非最小。",
        "levers --parameters": "列出数据集的参数（可写在 `assumptions:` 下的路径）及其来源。",
        "levers --markdown": "以 docs/model.md 所载的 Markdown 表格打印措施（配合 --lang zh 为中文）。",
        "serve --lang": "页面打开时的语言：zh 或 en。",
        "serve --db": "页面显示其扇形图、目标达成概率和敏感性的参数扫描数据库。",
        "serve --scenarios": "页面提供的情景文件所在文件夹（只读取其中的文件；默认：scenarios，否则为内置的基准情景和已公布政策情景）。",
        "serve --host": "监听地址（127.0.0.1：仅本机）。",
        "serve --port": "监听端口（0：任一空闲端口，启动时打印）。",
    ]

    private static let fromPlanPeriods = "规划期表格的第一列，一个年份：所示规划期从其后开始。默认：历史模式下为最后观测年份（以 2025 年数据作为十五五的起点），否则为基年所在规划期的末年（基年 2019 时为 2020，作为十四五的起点）；--from 2020 在历史模式下也显示十四五。"
    private static let svgOutput = "要写入的 SVG 文件。"
}
