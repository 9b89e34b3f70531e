// The commented templates of `gongkai new`. They are files the webmaster
// edits, not page text: the comments name each figure as published
// disclosures do, so a figure can be copied from the document beside its key.
#include <string_view>

#include "scaffold/scaffold.h"

namespace gk {

namespace {

// Replaces every `token` in `text` with `value`.
std::string replace_all(std::string text, std::string_view token, const std::string& value) {
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
    return text;
}

constexpr std::string_view kDepartment = R"(# 部门基本信息（各年度通用）。把 name 改为部门全称；其余各项可选，去掉行首的 # 即启用。
name = "@ID@"                   # 部门全称，如“张家口市桥西区总工会”
# short    = ""                 # 简称，如“区总工会”
# code     = ""                 # 预算单位编码，如 "401001"
# region   = ""                 # 所属地区（默认 site.toml 的 region）
# category = ""                 # 分类，如“群团”
# order    = 10                 # 排序（小者在前，其次按名称）
# illustrative = false          # 示例数据（非公开数据）时为 true，每页都会注明
)";

constexpr std::string_view kYearTop = R"(# @YEAR@年部门预算。照录公开文件所列数字：文件未列的数字不填（页面显示“—”，不是 0）。
# 去掉行首的 # 即启用该项；表头（[income] 等）也要一并启用。金额单位默认为 site.toml 的 unit。
# 顶层键（year、published、source、unit、procurement_total）须写在各表之前。
#
# 文字说明写在同名的 @YEAR@.md 中（Markdown；空文件即“未附说明”）。其中的标题（## ……）构成页面目录，
# 公开文件通常包括：一、部门职责及机构设置；二、收支预算总体情况；三、机关运行经费安排情况；
# 四、财政拨款“三公”经费预算情况；五、绩效目标设置情况；六、政府采购预算情况；七、国有资产占用情况。

year = @YEAR@
# published = @YEAR@-01-01      # 公开日期
# source    = "https://"        # 原文件网址
# unit      = "万元"            # 本文件金额单位：元、万元或亿元
# procurement_total = 0         # 政府采购预算总额

# 一、部门职责、机构设置等基本情况 —— 机构设置，每个预算单位一段
# [[units]]
# name    = ""                  # 单位名称
# nature  = ""                  # 单位性质
# rank    = ""                  # 单位规格
# funding = ""                  # 经费保障形式

# 二、收入预算
# [income]
# general_public     = 0        # 一般公共预算拨款收入
# government_fund    = 0        # 政府性基金预算拨款收入
# state_capital      = 0        # 国有资本经营预算拨款收入
# special_account    = 0        # 财政专户管理资金收入（财政专户核拨）
# business           = 0        # 事业收入
# business_operation = 0        # 事业单位经营收入
# superior_subsidy   = 0        # 上级补助收入
# subsidiary_remit   = 0        # 附属单位上缴收入
# non_fiscal_balance = 0        # 使用非财政拨款结余
# unit_funds         = 0        # 单位资金
# other              = 0        # 其他收入
# carryover          = 0        # 上年结转（年初结转和结余）
# total              = 0        # 收入合计（可选：填了就与各项之和核对）

# 三、支出预算
# [expenditure]
# personnel          = 0        # 基本支出 — 人员经费
# public             = 0        # 基本支出 — 日常公用经费
# basic              = 0        # 基本支出（可选：= 人员经费 + 日常公用经费）
# project            = 0        # 项目支出
# remit_superior     = 0        # 上缴上级支出
# business_operation = 0        # 经营支出
# subsidiary_subsidy = 0        # 对附属单位补助支出
# other              = 0        # 其他支出
# total              = 0        # 支出合计（可选）
# carry_forward      = 0        # 结转下年（年末结转和结余），不计入支出合计

# 四、机关运行经费
# [operating_expenses]
# amount = 0                    # 机关运行经费

# 五、财政拨款“三公”经费
# [three_public]
# outbound          = 0         # 因公出国（境）费
# vehicle_purchase  = 0         # 公务用车购置费
# vehicle_operation = 0         # 公务用车运行维护费
# vehicle_total     = 0         # 公务用车购置及运行维护费（可选）
# reception         = 0         # 公务接待费
# total             = 0         # 财政拨款“三公”经费合计（可选）

# [three_public.counts]         # 实物量（不是金额）
# vehicles_owned     = 0        # 公务用车保有量（辆）
# vehicles_purchased = 0        # 购置车辆（辆）
# reception_batches  = 0        # 公务接待（批次）
# reception_people   = 0        # 公务接待（人次）
# outbound_groups    = 0        # 因公出国（境）团组
# outbound_people    = 0        # 因公出国（境）人次

# 会议费、培训费
# [meetings_training]
# meeting  = 0                  # 会议费
# training = 0                  # 培训费

@PREVIOUS@
# 原文件印出的计算结果（可选）：逐项与 gongkai 算出的数字核对，不一致时警告
# [printed.change.expenditure_total]
# amount  = 0                   # “比上年增加……万元”
# percent = 0                   # “增长……%”
# [printed.share]
# personnel = 0                 # “人员经费占……%”

# 一般公共预算支出表（按支出功能分类），每行一段
# [[by_function]]
# code    = ""                  # 功能分类科目编码：3 位（类）、5 位（款）或 7 位（项）
# name    = ""                  # 科目名称，如“行政运行”
# basic   = 0                   # 基本支出
# project = 0                   # 项目支出（或只填 total = 合计）
# fund    = "general_public"    # general_public | government_fund | state_capital

# 一般公共预算基本支出表（按经济分类），每行一段
# [[by_economic]]
# code   = ""                   # 经济分类科目编码：3 位（类）或 5 位（款）
# name   = ""                   # 科目名称，如“基本工资”
# amount = 0                    # 金额
# scope  = "basic"              # basic | project

# 部门整体绩效目标
# [performance]
# goal     = ""                 # 总体目标（Markdown）
# targets  = ""                 # 分项绩效目标
# measures = ""                 # 工作保障措施
# [[performance.indicators]]
# level1      = ""              # 一级指标，如“产出指标”
# level2      = ""              # 二级指标
# level3      = ""              # 三级指标
# description = ""              # 绩效指标描述
# operator    = ">="            # >= <= = > < ≥ ≤ 或 定性
# value       = 0               # 指标值
# unit        = ""              # 度量单位
# basis       = ""              # 指标值确定依据

# 政府采购预算，每个采购项目一段
# [[procurement]]
# project         = ""          # 项目名称
# item            = ""          # 采购物品名称
# catalog         = ""          # 政府采购目录序号
# measure         = ""          # 计量单位
# quantity        = 0           # 数量
# unit_price      = 0           # 单价
# general_public  = 0           # 一般公共预算
# government_fund = 0           # 政府性基金预算
# state_capital   = 0           # 国有资本经营预算
# special_account = 0           # 财政专户管理资金
# other           = 0           # 其他资金
# total           = 0           # 合计（可选）

# 国有资产占用情况
# [assets]
# as_of            = @LASTYEAR@-12-31   # 截止日期
# total            = 0          # 资产总额
# planned_purchase = 0          # 本年度拟购置固定资产总额
# [[assets.items]]
# name     = "房屋"             # 资产名称
# measure  = "平方米"           # 计量单位
# quantity = 0                  # 数量
# value    = 0                  # 价值
# [[assets.items]]
# name     = "办公用房"
# part_of  = "房屋"             # 其中：上面某一项的分项
# measure  = "平方米"
# quantity = 0
# value    = 0

# 原文件对各部分的说明（Markdown），显示在相应表格之下
# [notes]
# duties             = ""       # 部门职责
# income             = ""       # 收入说明
# expenditure        = ""       # 支出说明
# change             = ""       # 比上年增减情况
# operating_expenses = ""       # 机关运行经费说明
# three_public       = ""       # “三公”经费增减变化原因
# performance        = ""       # 绩效目标说明
# procurement        = ""       # 政府采购说明
# assets             = ""       # 国有资产占用情况说明
# other              = ""       # 其他说明情况
)";

constexpr std::string_view kPreviousTemplate = R"(# 比上年增减：原文件所述上年数（可选）。不填时与本部门 @LASTYEAR@.toml 的数字比较。
# [previous]
# basis = "budget"              # 上年数的口径：budget（预算）| execution（执行数）| final（决算）| adjusted（调整预算）
# note  = ""                    # 口径说明，如“剔除……”
# expenditure_total  = 0        # 上年支出合计
# basic              = 0        # 上年基本支出
# three_public_total = 0        # 上年“三公”经费
# operating_expenses = 0        # 上年机关运行经费
)";

}  // namespace

std::string department_template(const std::string& dept_id) {
    return replace_all(std::string(kDepartment), "@ID@", dept_id);
}

std::string year_template(int year, const std::string& previous_block) {
    const std::string previous = previous_block.empty() ? std::string(kPreviousTemplate) : previous_block;
    std::string text = replace_all(std::string(kYearTop), "@PREVIOUS@", previous);
    text = replace_all(std::move(text), "@LASTYEAR@", std::to_string(year - 1));
    return replace_all(std::move(text), "@YEAR@", std::to_string(year));
}

}  // namespace gk
