//! The findings reference: for every rule, what it means, a message it really
//! gives, its usual cause and the fix, in Chinese for clerks.
//!
//! The entries live here, next to the rules, so that a new rule cannot be
//! added without one (the match below is exhaustive). `jixiao check --explain
//! CODE` prints an entry, and `docs/findings.md` is [`document`], kept up to
//! date by a test; each example is checked by a test to be what `check` says
//! of a small facts file.

use super::Rule;

/// A rule's entry in the reference.
pub struct Entry {
    /// What the rule checks.
    pub meaning: &'static str,
    /// A message the rule gives, as `check` prints it.
    pub example: &'static str,
    /// What usually leads to it.
    pub cause: &'static str,
    /// How to put it right.
    pub fix: &'static str,
}

impl Rule {
    /// Every rule, in the order of their codes.
    pub const ALL: [Rule; 26] = [
        Rule::PartsVsTotal,
        Rule::ReportedVsComputed,
        Rule::PrintedTwoWays,
        Rule::ScoreVsRule,
        Rule::ScoreOutOfRange,
        Rule::ScoreOutsideBand,
        Rule::ShortScoreUnexplained,
        Rule::LowExecutionUnexplained,
        Rule::WeightsNot100,
        Rule::ScoreMissing,
        Rule::AmountPrecision,
        Rule::UnknownFigure,
        Rule::Overspent,
        Rule::ItemsExceedTotal,
        Rule::Pending,
        Rule::OverAchievedUnexplained,
        Rule::TopWeightsDiffer,
        Rule::YearOutOfRange,
        Rule::StaffingImplausible,
        Rule::OverStaffed,
        Rule::AmountTooPrecise,
        Rule::Overflow,
        Rule::NotApplicableScored,
        Rule::NoApplicableIndicator,
        Rule::RescaledWeightsOff,
        Rule::ScoreTooPrecise,
    ];

    /// The rule of a code such as `J013` (any letter case, spaces around).
    pub fn of_code(code: &str) -> Option<Rule> {
        let code = code.trim();
        Rule::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code))
    }

    /// The rule's entry in the reference.
    pub fn entry(self) -> Entry {
        match self {
            Rule::PartsVsTotal => Entry {
                meaning: "基本支出的人员经费与公用经费之和不等于基本支出实际支出。",
                example: "人员经费 81 万元 + 公用经费 30.25 万元 = 111.25 万元，而基本支出实际支出为 110.25 万元，相差 -1 万元（第 24、25、26 行）",
                cause: "从决算表抄数时抄错一个数，或人员经费、公用经费取自调整前的表。",
                fix: "对照决算表核对 `basic_expenditure` 的 `personnel`、`public`、`actual` 三个数，改正抄错的那个。",
            },
            Rule::ReportedVsComputed => Entry {
                meaning: "`reported` 中记下的报告印出的数，与按事实计算的结果不符。",
                example: "「基本支出执行率」在二㈠印为 91.5%（第 87 行），而按事实计算应为 91.49%（基本支出执行率 = 基本支出实际支出 ÷ 基本支出全年预算 × 100%（四舍五入保留 2 位小数；分母为 0 时无执行率）；所依据的事实在第 23、24 行）；相差 0.01，疑似舍入方式不对（应四舍五入）或所用分项数字有误",
                cause: "原报告手工计算时算错、舍入方式不对（应四舍五入），或事实改了而报告没有跟着改。",
                fix: "用 `jixiao explain` 查看该数的公式和来源；事实有误就改事实，报告印错了就改 `reported` 中的值（生成的报告总是印计算结果）。",
            },
            Rule::PrintedTwoWays => Entry {
                meaning: "同一个数在报告的两处（如正文和附件）印成不同的数值。",
                example: "「基本支出年末结余」在报告中印成不同数值：10.25 万元（二㈠）与10.52 万元（附件1）；按事实计算应为 10.25 万元（第 87、88 行）",
                cause: "正文和附表分别手工填写，其中一处改过而另一处没有。",
                fix: "按事实计算的值（消息中给出）改正 `reported` 中写错的一处。",
            },
            Rule::ScoreVsRule => Entry {
                meaning: "作者填写的指标得分与按年度指标值和实际完成值计算的得分不符。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」印出的自评得分为 80 分，按目标与实际完成值计算应为 90 分（第 47、52 行）",
                cause: "手工评分时没有按评分规则（完成值达到指标值得满分，未达到按比例）计算，或 `actual_value` 折算有误。",
                fix: "核对 `target` 和 `actual_value`；二者无误时把 `score` 改为计算值，或删去 `score` 由 jixiao 计算。",
            },
            Rule::ScoreOutOfRange => Entry {
                meaning: "指标得分小于 0 或大于该指标的分值。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」得分 95 分 超出 0 至分值 90 分（第 47、51 行）",
                cause: "得分和分值填反，或多写了一位数。",
                fix: "核对该指标的 `weight` 和 `score`，得分应在 0 至分值之间。",
            },
            Rule::ScoreOutsideBand => Entry {
                meaning: "定性指标的得分不在其评价等级对应的区间内：达成为分值的 80%–100%，部分达成 60%–80%，未达成 0–60%。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」评为「达成」，其得分应在分值的 80%（含）–100%（含）之间（72 分 至 90 分），而作者评分为 50 分（第 47、51 行）",
                cause: "改了得分而没有改评价等级（`rating`），或反之。",
                fix: "使 `rating` 与 `score` 一致：改得分，或改评价等级。",
            },
            Rule::ShortScoreUnexplained => Entry {
                meaning: "指标得分低于分值，但没有填写偏差原因分析。这是警告，不影响生成。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」得分 80 分 低于分值 90 分，但没有填写偏差原因分析（deviation）（第 47、51 行）",
                cause: "扣了分而自评表“偏差原因分析及改进措施”一栏留空。",
                fix: "在该指标下填写 `deviation`，说明未达到的原因和改进措施。",
            },
            Rule::LowExecutionUnexplained => Entry {
                meaning: "基本支出、某个项目或单位整体的预算执行率低于 90%，但没有写明原因。这是警告。",
                example: "单位整体执行率 83.24%（实际 150.25 万元 ÷ 全年预算 180.5 万元）低于 90%，但没有写明原因（第 23、24、32、33 行）；请在 evaluation.execution_deviation 填写偏差原因",
                cause: "年底有未支出的资金（如项目延期、政府采购未完成），报告中没有说明。",
                fix: "基本支出填写 `basic_expenditure.deviation`，项目和单位整体填写 `evaluation.execution_deviation`（单位整体在 `self_evaluation` 下）。",
            },
            Rule::WeightsNot100 => Entry {
                meaning: "一张绩效自评表的分值（预算执行率的分值加各指标分值）合计不为 100。",
                example: "项目「运行维护经费」绩效自评表的分值合计为 90 分，应为 100（运行维护经费预算执行分值 10 分、运行维护经费产出指标分值 80 分）",
                cause: "增删指标后没有调整其他指标的分值，或某个分值抄错。",
                fix: "核对该表的 `execution_weight` 和各指标的 `weight`，使合计为 100。",
            },
            Rule::ScoreMissing => Entry {
                meaning: "某项得分无法得出：指标既不能按规则计算（定性指标或没有 `actual_value`），又没有填写 `score`；或全年预算为 0，没有执行率，预算执行得分无法计算。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」既无法按规则计算（定性指标或未填 actual_value），也没有填写 score（第 47 行）",
                cause: "定性指标漏填得分，或删去了 `actual_value`；全年预算误填为 0。",
                fix: "为该指标填写 `score`（或可比的 `actual_value`）；全年预算为 0 时核对 `full_year_budget`。",
            },
            Rule::AmountPrecision => Entry {
                meaning: "金额有三到四位小数，多于报告印出的位数（舍入规则 `rules.rounding` 的金额位数，默认 2 位；规则印出的位数不少于金额的位数时不报）。金额以万元计，通常保留两位小数。这是警告。",
                example: "金额 40.125 超过两位小数（第 34 行）；金额以万元计通常保留两位小数，请核对",
                cause: "把以元计的数换算成万元时多留了小数，或抄数时多打了一位。",
                fix: "核对该金额；确实到元的金额可以保留（要在报告中印出时，把舍入规则的金额位数改为 4），否则改为两位小数。",
            },
            Rule::UnknownFigure => Entry {
                meaning: "`reported` 中写的数字名称不存在，无法与计算结果比较。",
                example: "reported 中的「basic.execution_rat」不是已知的数字名称（第 87 行）；相近的名称有：basic.actual、basic.balance、basic.execution_rate、basic.full_year_budget、basic.initial_budget、basic.personnel、basic.public、basic.split_total",
                cause: "名称拼错，或项目名称改了而 `reported` 中的名称没有跟着改。",
                fix: "按消息中的相近名称改正，或用 `jixiao explain 文件 --list` 查看所有名称。",
            },
            Rule::Overspent => Entry {
                meaning: "实际支出超过全年预算（报告中写作“超支 N 万元”）。这是警告：可能属实，也可能抄错。",
                example: "项目「运行维护经费」实际支出 65 万元 超过全年预算 60 万元（第 32、33 行）",
                cause: "全年预算取了年初预算数而不是调整后的数，或实际支出抄错；也可能确实超支。",
                fix: "核对 `full_year_budget` 和 `actual`；属实时在偏差原因中说明。",
            },
            Rule::ItemsExceedTotal => Entry {
                meaning: "公用经费“其中”所列明细（办公经费、差旅费等）的合计超过同一栏的公用经费总数。",
                example: "公用经费“其中”明细合计 35 万元 超过公用经费本年预算数 30 万元（第 75、76 行）",
                cause: "公用经费或某项明细抄错，或某项明细用了另一栏（上年、预算、决算）的数。",
                fix: "核对 `base_data.public_funds` 的总数与 `items` 中同一栏的各项。",
            },
            Rule::Pending => Entry {
                meaning: "写作 `~` 的待填数字，或仍以“待填：”开头的文字。待填数字计算时按 0 计，依赖它的其他核对暂不进行；填完、改写完才能通过。",
                example: "「projects[0].last_year_actual」尚未填写（第 34 行）；填写前按 0 计算，依赖它的数字都不可信，涉及它的其他核对也暂不进行",
                cause: "`jixiao new` 生成的新单位文件或 `jixiao init` 生成的下一年文件中尚未填写的数和文字，或有意留空的数。",
                fix: "在消息给出的 YAML 路径和行填写该数（金额为零写 `0`），或把“待填：”及其后的说明改写为实际内容。",
            },
            Rule::OverAchievedUnexplained => Entry {
                meaning: "实际完成值超出 ≥ 目标的比例多于规则允许的比例（`rules.over_achievement`，national 规则为 50%），而没有写偏差原因分析。财预〔2020〕10号要求对远超目标的情况分析原因：目标可能定得偏低。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」实际完成值超出目标 66.67%，多于 50%（over_achievement，本文件 rules 所写）；请在 deviation 中说明超额的原因（目标是否定得偏低），确需扣分的在 score 中写扣减后的得分（第 47 行）",
                cause: "年初目标定得保守，或实际完成值折算的单位与目标不一致（如把“人”当成“万人次”）。",
                fix: "先核对 `actual_value` 与目标是否同一单位；属实的在该指标的 `deviation` 中说明超额原因；确因目标偏低需扣分的，在 `score` 中写扣减后的得分（低于按规则计算的得分），jixiao 即采用该得分。",
            },
            Rule::TopWeightsDiffer => Entry {
                meaning: "自评表的预算执行率和各一级指标的分值，与规则的标准分配（`rules.top_weights`，national 规则为 10/50/30/10）不符。",
                example: "单位整体支出绩效自评表的一级分值为预算执行率 10 分、产出指标 90 分，与标准分配 10/50/30/10（top_weights，national 规则）不符；确需调整的请在报告中说明理由（第 53、55 行）",
                cause: "沿用了旧的指标体系，或按本地做法调整了效益、满意度指标的权重。",
                fix: "按标准分配调整各指标的 `weight`；本地另有规定的，在 `rules.top_weights` 中写本地的分配，或写 `top_weights: []` 不作检查。",
            },
            Rule::YearOutOfRange => Entry {
                meaning: "年度不在 2000 至 2100 之间。",
                example: "年度 20240 不在 2000 至 2100 之间（第 4 行）；请写报告所属的年度，如 2024",
                cause: "多写或少写了数位，如 20240。",
                fix: "把 `year` 改为报告所属的年度，如 2024。",
            },
            Rule::StaffingImplausible => Entry {
                meaning: "编制数或实际在职人数超过 100000 人：一个预算单位不会有这么多人。",
                example: "编制数 100000000 人超过 100000 人，不像一个预算单位的人数（第 14 行）；请核对是否多写了数位",
                cause: "多写了数位。",
                fix: "核对 `unit.staffing` 的 `authorized` 和 `actual`。",
            },
            Rule::OverStaffed => Entry {
                meaning: "实际在职人数超过编制数（控制率超过 100%）。这是警告：可能属实。",
                example: "实际在职人数 12 人超过编制数 10 人，控制率 120%，超过 100%（第 14、15 行）；请核对，或在编制变动情况中说明",
                cause: "编制数和实际在职人数填反，或抄错；也可能确实超编。",
                fix: "核对 `unit.staffing`；属实时在编制变动情况中说明。",
            },
            Rule::AmountTooPrecise => Entry {
                meaning: "金额超过四位小数：万元的第四位小数是元，再往后的数报告印不出，会被舍去。",
                example: "金额 30.250001 万元有 6 位小数（第 26 行），超出万元的 4 位（即元）；报告中的金额四舍五入保留 2 位小数，其后的数不会印出。请核对单位是否为万元，并写到元为止",
                cause: "把以元计的数当作万元写入，或换算时没有舍入。",
                fix: "核对该金额的单位是否为万元，并写到元（四位小数）为止。",
            },
            Rule::Overflow => Entry {
                meaning: "数字过大，计算结果超出可计算的范围（约 7.9×10^28），该数及由它算出的数都印“—”。",
                example: "「人员经费与公用经费之和」（人员经费支出 + 公用经费支出）的结果超出可计算的范围（约 7.9×10^28），无法得出，报告中印“—”；所依据的数：人员经费支出 50000000000000000000000000000 万元，公用经费支出 50000000000000000000000000000 万元（第 25、26 行）。请核对这些数（金额以万元计）",
                cause: "金额多写了许多位，或把别的数字（如编号）填进了金额。",
                fix: "核对消息列出的所依据的数，金额以万元计。",
            },
            Rule::NotApplicableScored => Entry {
                meaning: "写了 `applicable: false`（本年不适用）的指标又填了实际完成值折算数（`actual_value`）、自评得分（`score`）或评价等级（`rating`）。不适用的指标不计分，这些值不会用到，二者必有一处写错。",
                example: "运行维护经费·产出指标·数量指标·「巡检次数」写明本年不适用（applicable: false），却填写了实际完成值折算数（actual_value）；不适用的指标不计分，这些值不会用到（第 47、51、52 行）",
                cause: "把上年的指标复制过来后标为不适用，却没有删去完成值或得分；或该指标其实适用，误标了不适用。",
                fix: "指标本年确不适用，就删去 `actual_value`、`score`、`rating`；适用，就删去 `applicable: false` 和 `reason`。",
            },
            Rule::NoApplicableIndicator => Entry {
                meaning: "一级指标下的三级指标都不适用（或适用的指标分值都为 0），其分值无法折算给任何指标，该一级指标只能按 0 分计。",
                example: "单位整体支出绩效自评表的一级指标「产出指标」下没有适用的指标（适用指标分值合计为 0），其分值 90 分 无法折算；该一级指标按 0 分计（第 55、63 行）",
                cause: "把一个一级指标下的指标全部标成了不适用，或适用的指标分值都写成了 0。",
                fix: "核对各指标的 `applicable`；确实全不适用时，按主管部门的要求调整指标体系（如改设适用的指标），使每个一级指标下至少有一个适用的指标。",
            },
            Rule::ScoreTooPrecise => Entry {
                meaning: "作者写的分值或自评得分（`weight`、`execution_weight`、`score`）的小数位数多于舍入规则中得分保留的位数：报告只能印出舍入后的数，与作者写的不同（如 89.999 印成 90.00），总分也随之不同。作者写的数只能照写印出或不收。",
                example: "「巡检次数作者评分」写作 89.999 分，有 3 位小数，而舍入规则（rules.rounding）的得分四舍五入保留 2 位小数，报告中将印为 90.00（第 51 行）；请按报告应印的数改写，或在 rules.rounding 中把「得分」改为 3 位小数",
                cause: "自评得分按公式算出后没有舍入就抄进了文件，或分值按比例折算后保留了过多小数。",
                fix: "把该数改写为报告应印的数（不多于规则的位数）；确需更多位数时，在 `rules.rounding` 中把「得分」改为所需的位数（至多 4 位），报告中的每个得分随之多印几位。",
            },
            Rule::RescaledWeightsOff => Entry {
                meaning: "一级指标中有不适用的指标，其分值按比例折算给适用的指标；各折算分值按舍入规则保留两位小数后，合计与一级指标分值相差几个 0.01。这是警告：各数都按规则计算，只是该一级指标的满分因舍入略高或略低于其分值。",
                example: "单位整体支出绩效自评表的一级指标「产出指标」中，适用指标的折算分值合计为 90.01 分，与该一级指标的分值 90 分 相差 0.01 分：各折算分值（分值 × 90 ÷ 70）保留两位小数所致；该一级指标最多可得 90.01 分（第 55、63、68、73、78 行）",
                cause: "适用指标分值合计不能整除一级指标分值（如 90 ÷ 70），各折算分值舍入后不再恰好相加为一级指标分值。",
                fix: "可在报告中说明；或与主管部门商定调整分值，使适用指标的分值合计能整除一级指标分值。",
            },
        }
    }
}

/// A rule's entry as Markdown: the section `check --explain` prints and
/// `docs/findings.md` holds.
pub fn entry_text(rule: Rule) -> String {
    let e = rule.entry();
    format!(
        "## {code} {title}（{severity}）\n\n含义：{meaning}\n\n示例：\n\n    {severity} {code} {title}：{example}\n\n常见原因：{cause}\n\n改正：{fix}\n",
        code = rule.code(),
        title = rule.title(),
        severity = rule.severity().label(),
        meaning = e.meaning,
        example = e.example,
        cause = e.cause,
        fix = e.fix,
    )
}

/// The codes, in order, as a clerk reads a list: “J001、J002…”.
pub fn codes() -> String {
    Rule::ALL.map(Rule::code).join("、")
}

/// The whole reference, as `docs/findings.md` holds it.
pub fn document() -> String {
    let mut out = String::from(
        "# 审核结果（J 代码）一览\n\n\
         `jixiao check` 的每条审核结果都以代码开头，如 `错误 J013`。本文逐条说明每个代码的含义、\
         一条实际的消息、常见原因和改正方法；同一内容可在命令行查看：`jixiao check --explain J013`。\n\n\
         **错误**使 `check` 以退出码 1 结束，`build` 不生成报告（除非加 `--allow-errors`）；\
         **警告**只提示，不影响生成（加 `--deny-warnings` 时 `check` 以退出码 1 结束）。\
         示例取自一个最小的数据文件（`tests/bad_inputs/minimal.yaml`）改动一处后的核对结果，行号是改动后的文件的行号。\n\n\
         本文由程序中的说明生成（`src/audit/reference.rs`），请改那里，再运行 \
         `JIXIAO_WRITE_DOCS=1 cargo test --test findings_reference` 重新生成。\n\n",
    );
    out.push_str("| 代码 | 级别 | 名称 |\n|---|---|---|\n");
    for rule in Rule::ALL {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            rule.code(),
            rule.severity().label(),
            rule.title()
        ));
    }
    for rule in Rule::ALL {
        out.push('\n');
        out.push_str(&entry_text(rule));
    }
    out
}
