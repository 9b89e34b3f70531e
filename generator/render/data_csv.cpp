#include "render/data_csv.h"

#include "render/data_json.h"

namespace gk {

void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string region_year_csv_path(const RegionYear& region) {
    return "data/" + std::to_string(region.year) + kind_suffix(region.kind) + ".csv";
}

std::string region_year_csv(const RegionYear& region, const SiteConfig& site) {
    // A byte-order mark, so that spreadsheet programs on Chinese Windows read
    // the file as UTF-8 instead of the local code page.
    std::string out = "\xEF\xBB\xBF";
    out += "department_id,department_name,year,kind,unit,illustrative";
    for (const FigureInfo& info : all_figures()) {
        out += ',';
        out += info.name;
    }
    out += "\r\n";
    for (const DepartmentYear* dy : region.members) {
        append_csv_field(out, dy->department->id);
        out += ',';
        append_csv_field(out, dy->department->name.value.value_or(""));
        out += ',' + std::to_string(dy->year);
        out += dy->kind == BudgetKind::final_accounts ? ",final," : ",budget,";
        out += unit_name(site.unit);
        out += dy->department->illustrative ? ",true" : ",false";
        for (const FigureInfo& info : all_figures()) {
            out += ',';
            if (const auto& v = dy->values[index(info.fig)]) out += format_exact(*v, site.unit, site.decimals);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace gk
