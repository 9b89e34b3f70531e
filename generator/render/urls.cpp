#include "render/urls.h"

#include "render/data_json.h"

namespace gk {

std::string overview_path() { return "index.html"; }

std::string year_path(int year, BudgetKind kind) { return std::to_string(year) + kind_suffix(kind) + "/index.html"; }

std::string department_path(const std::string& id) { return "departments/" + id + "/index.html"; }

std::string disclosure_path(const DisclosureRef& d) {
    return "departments/" + d.department->id + "/" + std::to_string(d.year) + kind_suffix(d.kind) + "/index.html";
}

std::string disclosure_path(const DepartmentYear& dy) {
    return disclosure_path(DisclosureRef{dy.department, dy.year, dy.kind, &dy});
}

std::string glossary_index_path() { return "glossary/index.html"; }

std::string glossary_term_path(const std::string& term_id) { return "glossary/" + term_id + "/index.html"; }

std::string search_path() { return "search/index.html"; }

std::string data_index_path() { return "data/index.html"; }

std::string root_prefix(const std::string& page_path) {
    std::string prefix;
    for (char c : page_path) {
        if (c == '/') prefix += "../";
    }
    return prefix;
}

std::string absolute_url(const std::string& base_url, const std::string& path) {
    if (base_url.empty()) return {};
    // Folders are linked without "index.html" where a server will find it.
    std::string p = path;
    if (p == "index.html") p.clear();
    else if (p.ends_with("/index.html")) p.resize(p.size() - 10);
    return base_url + p;
}

}  // namespace gk
