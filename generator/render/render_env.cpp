#include "render/render_env.h"

#include "render/urls.h"

namespace gk {

const std::string& RenderEnv::figure_label(Fig fig) const {
    return labels.get("figure." + std::string(figure_info(fig).name));
}

const std::string& TermDefinitions::html(const Glossary& glossary, std::size_t term) const {
    std::call_once(once_, [&] {
        html_.reserve(glossary.terms.size());
        for (const GlossaryTerm& t : glossary.terms) {
            MarkdownOptions options;
            options.heading_shift = 3;
            options.id_prefix = "term-" + t.id.value.value_or("") + "-";
            // Definitions may use other terms; those are not the page's own use.
            html_.push_back(render_markdown(t.definition, options).html);
        }
    });
    return html_.at(term);
}

std::string link(const std::string& from, const std::string& to) { return root_prefix(from) + to; }

mu::data link_item(const std::string& from, const std::string& name, const std::string& to) {
    mu::data d;
    set_moved(d, "name", name);
    set_moved(d, "href", link(from, to));
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
    set_moved(under_body, "root", root);
    std::string content_html = env.templates.render(body_template, body, env.globals, &under_body);
    if (finish) content_html = finish(std::move(content_html));

    mu::data page;
    set_moved(page, "root", root);
    set_moved(page, "title", frame.title);
    set_moved(page, "description", frame.description.empty() ? env.content.site.description : frame.description);
    set_moved(page, "content_html", std::move(content_html));
    set_moved(page, "illustrative", frame.illustrative);
    const std::string canonical = absolute_url(env.content.site.base_url, frame.path);
    set_moved(page, "has_canonical", !canonical.empty());
    set_moved(page, "canonical", canonical);
    mu::data crumbs{mu::data::type::list};
    for (const Crumb& c : frame.crumbs) {
        mu::data item;
        set_moved(item, "name", c.name);
        set_moved(item, "href", href(c.path));
        push_moved(crumbs, std::move(item));
    }
    set_moved(page, "crumbs", std::move(crumbs));
    set_moved(page, "has_crumbs", !frame.crumbs.empty());
    for (const char* section : {"home", "years", "glossary", "search", "data"})
        set_moved(page, std::string("nav_") + section, frame.section == section);
    set_moved(page, "home_href", href(overview_path()));
    set_moved(page, "glossary_href", href(glossary_index_path()));
    set_moved(page, "search_href", href(search_path()));
    set_moved(page, "data_href", href(data_index_path()));
    const RegionYear* latest = nullptr;
    for (const RegionYear& r : env.derived.regions) {
        if (r.kind == BudgetKind::budget) latest = &r;
    }
    set_moved(page, "latest_year_href", href(latest ? year_path(latest->year, latest->kind) : overview_path()));
    // Where relative links cannot reach the stylesheet, the page carries it.
    const bool inline_style = frame.path == "404.html" && env.content.site.base_url.empty();
    const auto css = env.theme.assets.find("style.css");
    set_moved(page, "inline_style", inline_style && css != env.theme.assets.end());
    set_moved(page, "inline_style_html", inline_style && css != env.theme.assets.end()
                                      ? "<style>" + css->second.text + "</style>"
                                      : std::string());
    sink.add(frame.path, env.templates.render("base", page, env.globals));
}

}  // namespace gk
