// [previous] pre-filled from last year's file. It stays commented out: without
// [previous] gongkai already compares with last year's file, so these lines
// only matter when the document restates a different base (then the
// webmaster edits them and says why in `note`).
#include <algorithm>

#include "model/figures.h"
#include "scaffold/scaffold.h"

namespace gk {

std::string previous_block_from(const DepartmentYear& last_year, Unit unit) {
    const std::string year = std::to_string(last_year.year);
    std::string text = "# 比上年增减：原文件所述上年数（可选）。不填时与本部门 " + year + ".toml 的数字比较。\n";
    text += "# 以下数字取自 " + year + ".toml；原文件的上年数口径不同时，启用并改为原文件所列数字。\n";
    text += "# [previous]\n";
    text += "# basis = \"budget\"              # budget（预算）| execution（执行数）| final（决算）| adjusted（调整预算）\n";
    text += "# note  = \"\"                    # 口径说明，如“剔除……”\n";
    std::size_t width = 0;
    for (const FigureInfo& info : all_figures()) width = std::max(width, info.name.size());
    for (const FigureInfo& info : all_figures()) {
        const std::optional<Amount>& value = last_year.values[index(info.fig)];
        if (info.fig == Fig::balance || !value) continue;
        std::string key(info.name);
        key.resize(width, ' ');
        text += "# " + key + " = " + format_exact(*value, unit, 0) + "\n";
    }
    return text;
}

}  // namespace gk
