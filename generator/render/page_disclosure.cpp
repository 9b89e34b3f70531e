// departments/<id>/<year>/index.html: the disclosure itself.
#include "render/data_json.h"
#include "render/disclosure.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/term_links.h"
#include "render/urls.h"

namespace gk {

namespace {

bool is_web_url(const std::string& url) {
    return (url.starts_with("https://") || url.starts_with("http://")) &&
           url.find_first_of(" \t\r\n\"'<>\\") == std::string::npos;
}

mu::data toc_item(const std::string& id, const std::string& number, const std::string& heading) {
    mu::data d;
    set_moved(d, "id", id);
    set_moved(d, "number", number);
    set_moved(d, "heading", heading);
    return d;
}

// Numbers the sections in order ("一、") and builds the table of contents.
mu::data number_sections(const RenderEnv& env, std::vector<mu::data*> sections) {
    mu::data toc{mu::data::type::list};
    int n = 0;
    for (mu::data* s : sections) {
        const std::string number = env.label("numeral." + std::to_string(++n));
        set_moved(*s, "number", number);
        const mu::data* id = s->get("id");
        const mu::data* heading = s->get("heading");
        push_moved(toc, toc_item(id->string_value(), number, heading->string_value()));
    }
    return toc;
}

// The glossary section is filled in after the rest of the page is rendered:
// it lists every term the page's text uses — in the narrative and in the
// generated headings, sentences and tables alike — in order of first use.
constexpr std::string_view kTermsMarker = "<!--gongkai:glossary-terms-->";

mu::data glossary_section(const RenderEnv& env) {
    mu::data s;
    set_moved(s, "id", "glossary");
    set_moved(s, "heading", env.label("disclosure.section.glossary"));
    set_moved(s, "terms_html", std::string(kTermsMarker));
    return s;
}

// Terms whose name or alias occurs in `text`, each once, in order of first
// occurrence.
std::vector<std::size_t> terms_in(const GlossaryMatcher& matcher, std::string_view text) {
    std::vector<std::size_t> terms;
    std::vector<bool> seen;
    for (const GlossaryMatcher::Match& m : matcher.find_all(text)) {
        if (m.term >= seen.size()) seen.resize(m.term + 1, false);
        if (seen[m.term]) continue;
        seen[m.term] = true;
        terms.push_back(m.term);
    }
    return terms;
}

std::string terms_html(const RenderEnv& env, const std::string& path, const std::vector<std::size_t>& used) {
    mu::data terms{mu::data::type::list};
    for (std::size_t i : used) {
        const GlossaryTerm& term = env.content.glossary.terms[i];
        mu::data t;
        set_moved(t, "name", term.name.value.value_or(""));
        set_moved(t, "href", link(path, glossary_term_path(term.id.value.value_or(""))));
        set_moved(t, "definition_html", env.term_definitions->html(env.content.glossary, i));
        push_moved(terms, std::move(t));
    }
    mu::data body;
    set_moved(body, "has_terms", !terms.is_empty_list());
    set_moved(body, "terms", std::move(terms));
    return env.templates.render("pages/disclosure_terms", body, env.globals);
}

}  // namespace

TermUse render_disclosure(const RenderEnv& env, const DepartmentYear& dy, OutputSink& sink) {
    const Department& dept = *dy.department;
    const std::string path = disclosure_path(dy);
    DisclosureContext c{env, dy, path, TermLinker(env.glossary, env.content.glossary, root_prefix(path))};

    PageFrame frame;
    frame.path = path;
    frame.section = "years";
    frame.illustrative = dept.illustrative;
    mu::data title;
    set_moved(title, "department", department_name(dept));
    set_moved(title, "year_title", year_title(env, dy.year, dy.kind));
    frame.title = env.labels.get("disclosure.title").empty() ? department_name(dept)
                                                              : env.labels.text("disclosure.title", title);
    frame.crumbs = {{env.label("nav.home"), overview_path()},
                    {year_title(env, dy.year, dy.kind), year_path(dy.year, dy.kind)},
                    {department_name(dept), department_path(dept.id)}};

    mu::data body;
    set_moved(body, "department", department_name(dept));
    set_moved(body, "year_title", year_title(env, dy.year, dy.kind));
    set_moved(body, "final_accounts", dy.kind == BudgetKind::final_accounts);
    set_moved(body, "unit", env.numbers.unit());
    set_moved(body, "has_published", dy.file->published.has());
    set_moved(body, "published", dy.file->published.has() ? env.numbers.date(*dy.file->published) : "");
    set_moved(body, "has_source", is_web_url(dy.file->source));
    set_moved(body, "source", is_web_url(dy.file->source) ? dy.file->source : "");
    set_moved(body, "json_href", link(path, department_year_json_path(dy)));
    set_moved(body, "csv_href", link(path, "data/" + std::to_string(dy.year) + kind_suffix(dy.kind) + ".csv"));
    set_moved(body, "department_href", link(path, department_path(dept.id)));
    // The pager is left out when there is no year either side: an empty
    // navigation landmark is announced by screen readers, and drawn as a
    // stray rule.
    set_moved(body, "has_neighbours", dy.previous != nullptr || dy.next != nullptr);
    set_moved(body, "has_previous", dy.previous != nullptr);
    set_moved(body, "previous_href", dy.previous ? link(path, disclosure_path(*dy.previous)) : "");
    set_moved(body, "previous_title", dy.previous ? year_title(env, dy.previous->year, dy.kind) : "");
    set_moved(body, "has_next", dy.next != nullptr);
    set_moved(body, "next_href", dy.next ? link(path, disclosure_path(*dy.next)) : "");
    set_moved(body, "next_title", dy.next ? year_title(env, dy.next->year, dy.kind) : "");
    const DepartmentYear* other = dy.kind == BudgetKind::budget ? dy.final_accounts : dy.budget;
    set_moved(body, "has_other_kind", other != nullptr);
    set_moved(body, "other_kind_href", other ? link(path, disclosure_path(*other)) : "");
    set_moved(body, "other_kind_title", other ? year_title(env, other->year, other->kind) : "");

    // Sections in the order of a standard disclosure; Markdown is rendered in
    // page order so each glossary term links at its first use.
    mu::data duties = duties_section(c);
    mu::data overview = overview_section(c);
    mu::data change = change_section(c);
    mu::data operating = operating_section(c);
    mu::data three_public = three_public_section(c);
    mu::data performance = performance_section(c);
    mu::data procurement = procurement_section(c);
    mu::data assets = assets_section(c);

    mu::data tables{mu::data::type::list};
    for (const Table& t : standard_tables(c)) push_moved(tables, table_data(c.env.templates, c.env.globals, t));
    mu::data standard;
    set_moved(standard, "id", "standard-tables");
    set_moved(standard, "heading", env.label("disclosure.section.standard_tables"));
    set_moved(standard, "tables", std::move(tables));

    mu::data narrative;
    set_moved(narrative, "id", "narrative");
    set_moved(narrative, "heading", env.label("disclosure.section.narrative"));
    std::vector<Heading> headings;
    const std::string narrative_text = dy.file->narrative.file ? dy.file->narrative.file->text() : "";
    const std::string narrative_html = c.markdown(narrative_text, "narrative-", 2, &headings);
    set_moved(narrative, "narrative_html", narrative_html);
    // A narrative that shows nothing (blank lines, a comment alone, which
    // safe mode renders as "<!-- raw HTML omitted -->") is none.
    const bool shows_something = shows_text(narrative_html) || narrative_html.find("<img") != std::string::npos;
    set_moved(narrative, "has_narrative", shows_something);
    set_moved(narrative, "other_html", c.note(NoteKey::other));
    mu::data sub{mu::data::type::list};
    for (const Heading& h : headings) {
        if (h.level > 3) continue;
        mu::data item;
        set_moved(item, "id", h.id);
        set_moved(item, "text", h.text);
        push_moved(sub, std::move(item));
    }
    set_moved(narrative, "has_headings", !sub.is_empty_list());
    set_moved(narrative, "headings", std::move(sub));

    mu::data glossary = glossary_section(env);
    // The sections in page order, as the template names them.
    const std::pair<const char*, mu::data*> sections[] = {
        {"duties", &duties}, {"overview", &overview}, {"change", &change}, {"operating", &operating},
        {"three_public", &three_public}, {"performance", &performance}, {"procurement", &procurement},
        {"assets", &assets}, {"narrative", &narrative}, {"standard", &standard}, {"glossary", &glossary}};
    std::vector<mu::data*> numbered;
    for (const auto& section : sections) numbered.push_back(section.second);
    set_moved(body, "toc", number_sections(env, numbered));
    for (const auto& [name, data] : sections) set_moved(body, name, std::move(*data));
    std::vector<std::size_t> used;
    emit_page(env, frame, "pages/disclosure", body, sink, [&](const std::string& html) {
        // A theme may leave the section out; the terms still count as used.
        const std::size_t marker = std::min(html.find(kTermsMarker), html.size());
        // The Markdown linked its terms' first uses; the generated text
        // links the first use of every other term.
        std::string page = link_terms_in_html(std::string_view(html).substr(0, marker), c.linker);
        used = terms_in(env.glossary, visible_text(page));
        if (marker == html.size()) return page;
        page += terms_html(env, path, used);
        page.append(html, marker + kTermsMarker.size(), std::string::npos);
        return page;
    });
    return TermUse{path, frame.title, used, department_name(dept), dy.year, dy.kind};
}

}  // namespace gk
