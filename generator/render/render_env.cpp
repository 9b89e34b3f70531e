#include "render/render_env.h"

#include "render/urls.h"

namespace gk {

const std::string& RenderEnv::figure_label(Fig fig) const {
    return labels.get("figure." + std::string(figure_info(fig).name));
}

std::string link(const std::string& from, const std::string& to) { return root_prefix(from) + to; }

mu::data link_item(const std::string& from, const std::string& name, const std::string& to) {
    mu::data d;
    d.set("name", name);
    d.set("href", link(from, to));
    return d;
}

namespace {

// 404.html is served at any depth, so relative links cannot work there:
// it links absolutely when the site knows its base URL.
// 404.html is shown at whatever address was not found, at any depth: its
// links start from base_url, or without one from the root of the host
// (right for a site at the root; a site under a sub-path sets base_url).
std::string page_root(const RenderEnv& env, const PageFrame& frame) {
    if (frame.path != "404.html") return root_prefix(frame.path);
    const std::string& base = env.content.site.base_url;
    if (base.empty()) return "/";
    return base.ends_with('/') ? base : base + "/";
}

}  // namespace

void emit_page(const RenderEnv& env, const PageFrame& frame, const std::string& body_template,
               const mu::data& body, OutputSink& sink, const BodyFinisher& finish) {
    const std::string root = page_root(env, frame);
    const auto href = [&](const std::string& to) { return root + to; };
    // {{root}} sits under the body's own values rather than being set in a
    // copy of them: a disclosure's data is large, and copying it is deep.
    mu::data under_body;
    under_body.set("root", root);
    std::string content_html = env.templates.render(body_template, body, env.globals, &under_body);
    if (finish) content_html = finish(std::move(content_html));

    mu::data page;
    page.set("root", root);
    page.set("title", frame.title);
    page.set("description", frame.description.empty() ? env.content.site.description : frame.description);
    page.set("content_html", content_html);
    page.set("illustrative", frame.illustrative);
    const std::string canonical = absolute_url(env.content.site.base_url, frame.path);
    page.set("has_canonical", !canonical.empty());
    page.set("canonical", canonical);
    mu::data crumbs{mu::data::type::list};
    for (const Crumb& c : frame.crumbs) {
        mu::data item;
        item.set("name", c.name);
        item.set("href", href(c.path));
        crumbs.push_back(item);
    }
    page.set("crumbs", crumbs);
    page.set("has_crumbs", !frame.crumbs.empty());
    for (const char* section : {"home", "years", "glossary", "search", "data"})
        page.set(std::string("nav_") + section, frame.section == section);
    page.set("home_href", href(overview_path()));
    page.set("glossary_href", href(glossary_index_path()));
    page.set("search_href", href(search_path()));
    page.set("data_href", href(data_index_path()));
    const RegionYear* latest = nullptr;
    for (const RegionYear& r : env.derived.regions) {
        if (r.kind == BudgetKind::budget) latest = &r;
    }
    page.set("latest_year_href", href(latest ? year_path(latest->year, latest->kind) : overview_path()));
    // Where relative links cannot reach the stylesheet, the page carries it.
    const bool inline_style = frame.path == "404.html" && env.content.site.base_url.empty();
    const auto css = env.theme.assets.find("style.css");
    page.set("inline_style", inline_style && css != env.theme.assets.end());
    page.set("inline_style_html", inline_style && css != env.theme.assets.end()
                                      ? "<style>" + css->second.text + "</style>"
                                      : std::string());
    sink.add(frame.path, env.templates.render("base", page, env.globals));
}

}  // namespace gk
