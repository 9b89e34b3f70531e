// data/index.html (the open data downloads) and 404.html.
#include "render/data_csv.h"
#include "render/data_json.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/urls.h"

namespace gk {

void render_data_index(const RenderEnv& env, OutputSink& sink) {
    PageFrame frame;
    frame.path = data_index_path();
    frame.section = "data";
    frame.title = env.label("data.title");
    frame.crumbs = {{env.label("nav.home"), overview_path()}};
    mu::data years{mu::data::type::list};
    for (auto it = env.derived.regions.rbegin(); it != env.derived.regions.rend(); ++it) {
        const RegionYear& r = *it;
        mu::data y = link_item(frame.path, year_title(env, r.year, r.kind), region_year_csv_path(r));
        set_moved(y, "rows_text", env.labels.text("data.rows", Numbers::count_data(r.members.size())));
        mu::data files{mu::data::type::list};
        for (const DepartmentYear* dy : r.members)
            push_moved(files, link_item(frame.path, department_name(*dy->department), department_year_json_path(*dy)));
        set_moved(y, "files", std::move(files));
        push_moved(years, std::move(y));
    }
    mu::data body;
    set_moved(body, "years", std::move(years));
    set_moved(body, "all_href", link(frame.path, "data/all.json"));
    set_moved(body, "unit", env.numbers.unit());
    emit_page(env, frame, "pages/data", body, sink);
}

void render_not_found(const RenderEnv& env, OutputSink& sink) {
    PageFrame frame;
    frame.path = "404.html";
    frame.title = env.label("not_found.title");
    mu::data body;
    emit_page(env, frame, "pages/not_found", body, sink);
}

}  // namespace gk
