// search/index.html: the search form, filters and results list that the
// theme's search.js fills in; and what the search index shows and filters
// by for each page (its department and year).
#include <set>

#include "index/search_shards.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/urls.h"

namespace gk {

std::map<std::string, SearchPageInfo> search_page_info(const RenderEnv& env) {
    std::map<std::string, SearchPageInfo> pages;
    for (const Department& dept : env.content.departments) {
        SearchPageInfo& info = pages[department_path(dept.id)];
        info.department_id = dept.id;
        info.department = department_name(dept);
    }
    for (const DisclosureRef& d : env.derived.disclosures) {
        SearchPageInfo& info = pages[disclosure_path(d)];
        info.department_id = d.department->id;
        info.department = department_name(*d.department);
        info.year = d.year;
        info.year_label = unescape_html(year_title(env, d.year, d.kind));
    }
    for (const RegionYear& r : env.derived.regions) {
        SearchPageInfo& info = pages[year_path(r.year, r.kind)];
        info.year = r.year;
        info.year_label = unescape_html(year_title(env, r.year, r.kind));
    }
    return pages;
}

namespace {

// A digest of the theme's assets, for the search page's script URLs
// (`?v=`): static hosts send no Cache-Control, and a browser may keep a
// script it fetched a month ago for days; a new gongkai's client against an
// old cached one, or the reverse, must never meet. Only the search page
// carries it: on every page (the stylesheet) an edit of the CSS would
// rewrite every page of the site.
std::string assets_version(const Theme& theme) {
    FileDigest digest;  // (the search index names its files' version the same way)
    for (const auto& [name, file] : theme.assets) digest.add(name, file.text);
    return digest.hex();
}

}  // namespace

void render_search(const RenderEnv& env, OutputSink& sink) {
    PageFrame frame;
    frame.path = search_path();
    frame.section = "search";
    frame.title = env.label("search.title");
    frame.crumbs = {{env.label("nav.home"), overview_path()}};

    std::set<int> year_set;
    for (const RegionYear& r : env.derived.regions) year_set.insert(r.year);
    mu::data years{mu::data::type::list};
    for (auto it = year_set.rbegin(); it != year_set.rend(); ++it) {
        mu::data y;
        set_moved(y, "value", std::to_string(*it));
        mu::data d;
        set_moved(d, "year", std::to_string(*it));
        set_moved(y, "name_html", env.labels.sentence("search.year_option", d));
        push_moved(years, std::move(y));
    }
    mu::data departments{mu::data::type::list};
    for (const Department& dept : env.content.departments) {
        mu::data d;
        set_moved(d, "value", dept.id);
        set_moved(d, "name", department_name(dept));
        push_moved(departments, std::move(d));
    }
    mu::data body;
    set_moved(body, "years", std::move(years));
    set_moved(body, "departments", std::move(departments));
    set_moved(body, "action", "index.html");
    set_moved(body, "assets_v", assets_version(env.theme));
    emit_page(env, frame, "pages/search", body, sink);
}

}  // namespace gk
