// The page builders: one function per page type, each in its own file.
// They turn derived figures into template data and emit finished pages.
#pragma once

#include <map>
#include <vector>

#include "index/search_index.h"

#include "render/output_reuse.h"
#include "render/render_env.h"

namespace gk {

// Which glossary terms a page linked, for the glossary pages' "used on".
struct TermUse {
    std::string page_path;
    std::string page_title;
    std::vector<std::size_t> terms;
    // The term pages group their links by disclosure year and kind.
    std::string department;  // the department's name, a link's text
    int year = 0;
    BudgetKind kind = BudgetKind::budget;
};

void render_overview(const RenderEnv& env, OutputSink& sink);                    // page_overview.cpp
void render_year(const RenderEnv& env, const RegionYear& region, OutputSink& sink); // page_year.cpp
void render_department(const RenderEnv& env, const Department& dept, OutputSink& sink);  // page_department.cpp
TermUse render_disclosure(const RenderEnv& env, const DepartmentYear& dy, OutputSink& sink);  // page_disclosure.cpp
// The term pages list the pages that use each term, so they come last; they
// render on up to `jobs` threads. With `reuse`, the index and each term page
// whose list of pages did not change are taken from the previous output.
void render_glossary(const RenderEnv& env, const std::vector<TermUse>& uses, OutputSink& sink, unsigned jobs = 1,
                     OutputReuse* reuse = nullptr);  // page_glossary.cpp
void render_data_index(const RenderEnv& env, OutputSink& sink);                  // page_data.cpp
void render_not_found(const RenderEnv& env, OutputSink& sink);                   // page_data.cpp
void render_search(const RenderEnv& env, OutputSink& sink);                      // page_search.cpp
// The department and year of each page, for search results and filters.
std::map<std::string, SearchPageInfo> search_page_info(const RenderEnv& env);  // page_search.cpp

// Helpers several pages use.
bool any_illustrative(const std::vector<const DepartmentYear*>& members);
std::string department_name(const Department& d);
std::string year_title(const RenderEnv& env, int year, BudgetKind kind);  // "2020年部门预算"

}  // namespace gk
