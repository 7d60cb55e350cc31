//! The facts that only the 基础数据表 (附件1) holds: 三公经费, 公用经费 items,
//! 政府采购, 楼堂馆所, 厉行节约.

use schemars::JsonSchema;
use serde::Deserialize;

use super::quantity::{Amount, Text, written};

/// 经费控制情况的三栏：上年决算数、本年预算数、本年决算数。
#[derive(Debug, Clone, Copy, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearColumns {
    /// 上年决算数，万元，如 25.56。
    pub last_year: Amount,
    /// 本年预算数，万元，如 20。
    pub budget: Amount,
    /// 本年决算数，万元，如 17.8。
    pub actual: Amount,
}

/// 单位整体支出绩效评价基础数据表（附件1）中只有该表才有的数。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaseData {
    /// 三公经费：公车购置、公车运行维护、出国经费、公务接待，各三栏。
    pub three_public: ThreePublic,
    /// 上年有、本年无的项目支出行（本年两栏为 0），如 { name: 其他事业发展资金, last_year: 422.2 }；可省（无）。
    #[serde(default)]
    pub past_projects: Vec<PastProject>,
    /// 省级专项资金，每个专项一行（name 和三栏）；可省（无，表中该行印 0）。
    #[serde(default)]
    pub special_funds: Vec<NamedColumns>,
    /// 公用经费：上年决算数、本年预算数和“其中”各项（本年决算数取自 basic_expenditure.public）。
    pub public_funds: PublicFunds,
    /// 政府采购金额：本年预算数、本年决算数。
    pub procurement: Procurement,
    /// 楼堂馆所（本年完工项目），一项一条；可省（无，表中该行印 0）。
    #[serde(default)]
    pub buildings: Vec<Building>,
    /// 厉行节约保障措施，一项一条，如“严格规范“三公”经费方面的支出”；可省（无）。
    #[serde(default)]
    pub thrift_measures: Vec<Text>,
}

/// 三公经费各项。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    /// 公车购置的三栏，如 { last_year: 25, budget: 18, actual: 18 }。
    pub vehicle_purchase: YearColumns,
    /// 公车运行维护的三栏，如 { last_year: 25.56, budget: 20, actual: 17.8 }。
    pub vehicle_operation: YearColumns,
    /// 出国经费的三栏，如 { last_year: 0, budget: 10, actual: 0 }。
    pub overseas: YearColumns,
    /// 公务接待的三栏，如 { last_year: 0.44, budget: 1.8, actual: 0.36 }。
    pub reception: YearColumns,
}

/// 上年有、本年无的项目支出行。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PastProject {
    /// 项目名称，如“其他事业发展资金”。
    pub name: Text,
    /// 上年决算数，万元，如 422.2。
    pub last_year: Amount,
}

/// 有名称的一行三栏（如一个省级专项资金）。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedColumns {
    /// 名称，如“产业发展专项资金”。
    pub name: Text,
    /// 上年决算数，万元，如 120。
    pub last_year: Amount,
    /// 本年预算数，万元，如 150。
    pub budget: Amount,
    /// 本年决算数，万元，如 148.5。
    pub actual: Amount,
}

/// 公用经费：上年决算数和本年预算数；本年决算数即基本支出中的公用经费。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicFunds {
    /// 公用经费上年决算数，万元，如 1215.97。
    pub last_year: Amount,
    /// 公用经费本年预算数，万元，如 1215.97。
    pub budget: Amount,
    /// 公用经费“其中”各项（办公经费，水费、电费、差旅费，会议费、培训费……）；可省（无）。
    #[serde(default)]
    pub items: Vec<PublicFundItem>,
}

/// A 公用经费“其中” row. Only this year's actual is required: a unit may know
/// the breakdown of what it spent without a breakdown of last year or of the
/// budget; a column left out prints “—”.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(description = "公用经费“其中”的一行：只有本年决算数必填，不写的栏在表中印“—”。")]
#[serde(deny_unknown_fields)]
pub struct PublicFundItem {
    /// 名称，如“办公经费”。
    pub name: Text,
    /// 上年决算数，万元，如 50.35；可省（表中印“—”）；写 ~ 表示待填。
    #[serde(default, deserialize_with = "written")]
    #[schemars(with = "Amount")]
    pub last_year: Option<Amount>,
    /// 本年预算数，万元，如 42；可省（表中印“—”）；写 ~ 表示待填。
    #[serde(default, deserialize_with = "written")]
    #[schemars(with = "Amount")]
    pub budget: Option<Amount>,
    /// 本年决算数，万元，如 43.13。
    pub actual: Amount,
}

/// 政府采购金额 (this year only). The budget may be left out when only the
/// actual amount is known; it then prints “—”.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(description = "政府采购金额（只有本年）：本年决算数必填，本年预算数可省（表中印“—”）。")]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 政府采购金额本年预算数，万元，如 0；可省（表中印“—”）；写 ~ 表示待填。
    #[serde(default, deserialize_with = "written")]
    #[schemars(with = "Amount")]
    pub budget: Option<Amount>,
    /// 政府采购金额本年决算数，万元，如 0。
    pub actual: Amount,
}

/// 楼堂馆所：一个本年完工的项目。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Building {
    /// 项目名称，如“业务用房维修改造”。
    pub name: Text,
    /// 批复规模（㎡），如 1200。
    pub approved_area: Amount,
    /// 实际规模（㎡），如 1180.5。
    pub actual_area: Amount,
    /// 预算投资（万元），如 350。
    pub budget_investment: Amount,
    /// 实际投资（万元），如 342.6。
    pub actual_investment: Amount,
}
