#include "load/load_site.h"

#include "load/enum_key.h"
#include "load/table_reader.h"

namespace gk {

namespace {

constexpr std::string_view kLanguages[] = {"zh-CN", "en"};
constexpr std::string_view kUnits[] = {"元", "万元", "亿元"};

bool is_valid_base_url(std::string_view url) {
    const bool scheme = url.starts_with("https://") || url.starts_with("http://");
    return scheme && url.back() == '/' && url.find_first_of(" \t\r\n\"'<>") == std::string_view::npos;
}

}  // namespace

// A pack of more pages than any portal has is one pack: the same as the most.
constexpr std::int64_t kMaxSearchPackPages = 1'000'000;

SiteConfig load_site(const TomlDocument& doc, Diagnostics& diagnostics) {
    SiteConfig site;
    site.loc = SourceLoc{doc.file, 0, 0};
    if (!doc.root) return site;
    TableReader reader(*doc.root, *doc.file, diagnostics, "site.toml");
    site.title = reader.string("title", true).value.value_or("");
    site.region = reader.string("region", true).value.value_or("");
    site.description = reader.string("description").value.value_or("");
    if (auto i = read_enum(reader, "language", kLanguages)) site.language = std::string(kLanguages[*i]);
    if (auto i = read_enum(reader, "unit", kUnits)) site.unit = *parse_unit(kUnits[*i]);
    reader.set_unit(site.unit);

    const Located<std::int64_t> decimals = reader.integer("decimals");
    if (decimals.has()) {
        if (*decimals < 0 || *decimals > max_decimals(site.unit)) {
            diagnostics.error(decimals.loc, "'decimals' in site.toml must be between 0 and " +
                                                std::to_string(max_decimals(site.unit)) + " for amounts in " +
                                                std::string(unit_name(site.unit)));
        } else {
            site.decimals = static_cast<int>(*decimals);
        }
    }
    if (const Located<Amount> tolerance = reader.amount("tolerance"); tolerance.has()) site.tolerance = *tolerance;

    const Located<std::string> base_url = reader.string("base_url");
    if (base_url.has() && !base_url->empty()) {
        if (is_valid_base_url(*base_url)) {
            site.base_url = *base_url;
        } else {
            diagnostics.error(base_url.loc,
                              "'base_url' in site.toml must be empty or an absolute http(s) URL ending in '/', got '" +
                                  *base_url + "'");
        }
    }
    const Located<std::int64_t> pack_pages = reader.integer("search_pack_pages");
    if (pack_pages.has()) {
        if (*pack_pages < 1 || *pack_pages > kMaxSearchPackPages) {
            diagnostics.error(pack_pages.loc, "'search_pack_pages' in site.toml must be between 1 and " +
                                                  std::to_string(kMaxSearchPackPages) + ", got " +
                                                  std::to_string(*pack_pages));
        } else {
            site.search_pack_pages = static_cast<int>(*pack_pages);
        }
    }
    const Located<std::string> theme = reader.string("theme");
    site.theme_loc = theme.has() ? theme.loc : reader.loc();
    if (theme.has()) site.theme = *theme;
    reader.finish();
    return site;
}

}  // namespace gk
