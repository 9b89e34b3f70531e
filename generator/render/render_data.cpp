#include "render/render_data.h"

#include "render/data_csv.h"
#include "render/data_json.h"
#include "render/json_writer.h"

namespace gk {

namespace {

constexpr const char* kAllJsonPath = "data/all.json";

// all.json up to its list of department-years, which the caller fills.
void begin_all_json(JsonWriter& json, const Content& content) {
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
}

std::string end_all_json(JsonWriter& json) {
    json.end_array();
    json.end_object();
    std::string out = json.take();
    out += '\n';
    return out;
}

// Reserves all.json's room from its size after the first department-year.
void reserve_all(JsonWriter& all, std::size_t department_years) {
    const std::size_t per = all.str().size();
    all.reserve(per + per * department_years / 4 * 5);
}

}  // namespace

std::string all_json(const Content& content, const Derived& derived) {
    JsonWriter json(0);  // compact: this file holds every department-year
    begin_all_json(json, content);
    for (const DepartmentYear& dy : derived.department_years) write_department_year(json, dy, content.site);
    return end_all_json(json);
}

void render_data(const Content& content, const Derived& derived, OutputSink& sink, OutputReuse* reuse) {
    // all.json holds every department-year's data, compact: when it is made,
    // a department-year whose own file is made too takes that file's text
    // without its indentation (compact_json), which costs less than writing
    // the data again; the others are written.
    std::optional<ReusedOutput> all_previous = reuse ? reuse->reuse(kAllJsonPath, nullptr) : std::nullopt;
    JsonWriter all(0);
    if (!all_previous) begin_all_json(all, content);
    bool reserved = false;
    for (const DisclosureRef& d : derived.disclosures) {
        const std::string path = department_year_json_path(d);
        bool in_all = all_previous.has_value();
        reuse_or_make(reuse, path, sink, [&] {
            // (The data of a budget file left unread is the previous
            // build's, or the build starts over with every figure.)
            if (!d.dy) throw FiguresNotLoaded(path);
            std::string indented = department_year_json(*d.dy, content.site);
            if (!in_all) all.raw(compact_json(indented));
            in_all = true;
            sink.add(path, std::move(indented));
        });
        if (!in_all) {
            if (!d.dy) throw FiguresNotLoaded(kAllJsonPath);
            write_department_year(all, *d.dy, content.site);
        }
        if (!all_previous && !reserved) {
            // The first department-year's size, a quarter more for the
            // ones with more rows, times their number (82 MB at 9,000).
            reserve_all(all, derived.disclosures.size());
            reserved = true;
        }
    }
    for (const RegionYear& region : derived.regions) {
        const std::string path = region_year_csv_path(region);
        reuse_or_make(reuse, path, sink, [&] { sink.add(path, region_year_csv(region, content.site)); });
    }
    if (all_previous) {
        sink.keep(kAllJsonPath, all_previous->file);
    } else {
        sink.add(kAllJsonPath, end_all_json(all));
    }
    if (reuse) reuse->wrote(kAllJsonPath, nullptr, {});
}

}  // namespace gk
