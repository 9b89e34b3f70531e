#include "render/render_data.h"

#include "render/data_csv.h"
#include "render/data_json.h"
#include "render/json_writer.h"

namespace gk {

std::string all_json(const Content& content, const Derived& derived) {
    JsonWriter json(0);  // compact: this file holds every department-year
    json.begin_object();
    json.key("site").begin_object();
    json.key("title").string(content.site.title);
    json.key("region").string(content.site.region);
    json.key("unit").string(unit_name(content.site.unit));
    json.key("years").begin_array();
    for (int year : content.years()) json.integer(year);
    json.end_array();
    json.end_object();
    json.key("department_years").begin_array();
    for (const DepartmentYear& dy : derived.department_years) write_department_year(json, dy, content.site);
    json.end_array();
    json.end_object();
    std::string out = json.take();
    out += '\n';
    return out;
}

void render_data(const Content& content, const Derived& derived, OutputSink& sink, OutputReuse* reuse) {
    // Each file from the previous build when it offers it, else made.
    const auto file = [&](const std::string& path, auto make) {
        reuse_or_make(reuse, path, sink, [&] { sink.add(path, make()); });
    };
    for (const DepartmentYear& dy : derived.department_years)
        file(department_year_json_path(dy), [&] { return department_year_json(dy, content.site); });
    for (const RegionYear& region : derived.regions)
        file(region_year_csv_path(region), [&] { return region_year_csv(region, content.site); });
    file("data/all.json", [&] { return all_json(content, derived); });
}

}  // namespace gk
