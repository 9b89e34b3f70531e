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

namespace {

// The file at `path`: the previous build's when `reuse` offers it, else made.
template <typename Make>
void data_file(const std::string& path, OutputSink& sink, OutputReuse* reuse, Make make) {
    std::optional<ReusedOutput> previous = reuse ? reuse->reuse(path, nullptr) : std::nullopt;
    sink.add(path, previous ? std::move(previous->bytes) : make());
    if (reuse) reuse->wrote(path, nullptr, {});
}

}  // namespace

void render_data(const Content& content, const Derived& derived, OutputSink& sink, OutputReuse* reuse) {
    for (const DepartmentYear& dy : derived.department_years)
        data_file(department_year_json_path(dy), sink, reuse, [&] { return department_year_json(dy, content.site); });
    for (const RegionYear& region : derived.regions)
        data_file(region_year_csv_path(region), sink, reuse, [&] { return region_year_csv(region, content.site); });
    data_file("data/all.json", sink, reuse, [&] { return all_json(content, derived); });
}

}  // namespace gk
