// glossary/index.html and glossary/<term-id>/index.html: each term, its
// definition, and the pages that use it.
#include <algorithm>

#include "parallel/parallel_for.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/urls.h"

namespace gk {

namespace {

std::string term_id(const GlossaryTerm& t) { return t.id.value.value_or(""); }

// The aliases as a list the template joins with the theme's separator:
// {name, first}.
void set_aliases(const GlossaryTerm& t, mu::data& d) {
    mu::data aliases{mu::data::type::list};
    for (std::size_t i = 0; i < t.aliases.size(); ++i) {
        mu::data alias;
        set_moved(alias, "name", *t.aliases[i]);
        set_moved(alias, "first", i == 0);
        push_moved(aliases, std::move(alias));
    }
    set_moved(d, "aliases", std::move(aliases));
    set_moved(d, "has_aliases", !t.aliases.empty());
}

// The pages using a term, by disclosure year and kind (newest first, the
// budget before the final accounts of a year), each linked by its
// department's name: a common term is used by thousands of disclosures.
mu::data use_groups(const RenderEnv& env, const std::string& from, std::vector<const TermUse*> users) {
    std::stable_sort(users.begin(), users.end(), [](const TermUse* a, const TermUse* b) {
        return std::pair(-a->year, a->kind) < std::pair(-b->year, b->kind);
    });
    mu::data groups{mu::data::type::list};
    for (std::size_t begin = 0; begin < users.size();) {
        std::size_t end = begin;
        mu::data pages{mu::data::type::list};
        while (end < users.size() && users[end]->year == users[begin]->year && users[end]->kind == users[begin]->kind) {
            push_moved(pages, link_item(from, users[end]->department, users[end]->page_path));
            ++end;
        }
        mu::data group;
        set_moved(group, "title", year_title(env, users[begin]->year, users[begin]->kind));
        set_moved(group, "count_text", env.labels.text("glossary.group_count", Numbers::count_data(end - begin)));
        set_moved(group, "pages", std::move(pages));
        push_moved(groups, std::move(group));
        begin = end;
    }
    return groups;
}

// What a term's page lists, as a hash: the paths of the pages that use
// it, in order. Everything else on it (the term, department names, year
// titles, the theme) is an input every page shares.
Hash128 listed_pages(const std::vector<const TermUse*>& users) {
    std::string paths;
    for (const TermUse* use : users) {
        paths += use->page_path;
        paths += '\n';
    }
    return hash128(paths);
}

}  // namespace

void render_glossary(const RenderEnv& env, const std::vector<TermUse>& uses, OutputSink& sink, unsigned jobs,
                     OutputReuse* reuse) {
    const Glossary& glossary = env.content.glossary;
    // Terms sorted as a reader looks for them: by name (byte order groups
    // the same leading characters together; the theme may not care).
    std::vector<std::size_t> order(glossary.terms.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;

    const std::string index_path = glossary_index_path();
    reuse_or_make(reuse, index_path, sink, [&] {
        PageFrame frame;
        frame.path = index_path;
        frame.section = "glossary";
        frame.title = env.label("glossary.title");
        frame.crumbs = {{env.label("nav.home"), overview_path()}};
        mu::data terms{mu::data::type::list};
        for (std::size_t i : order) {
            const GlossaryTerm& t = glossary.terms[i];
            mu::data d = link_item(index_path, t.name.value.value_or(""), glossary_term_path(term_id(t)));
            MarkdownOptions options;
            options.heading_shift = 2;
            options.id_prefix = term_id(t) + "-";
            set_moved(d, "definition_html", render_markdown(t.definition, options).html);
            set_aliases(t, d);
            set_moved(d, "id", term_id(t));
            push_moved(terms, std::move(d));
        }
        mu::data body;
        set_moved(body, "terms", std::move(terms));
        set_moved(body, "has_terms", !glossary.terms.empty());
        emit_page(env, frame, "pages/glossary_index", body, sink);
    });

    // Which pages use each term, gathered in one pass over the uses (in
    // page order) rather than one pass per term.
    std::vector<std::vector<const TermUse*>> users(glossary.terms.size());
    for (const TermUse& use : uses) {
        for (std::size_t term : use.terms) {
            if (term < users.size() && (users[term].empty() || users[term].back() != &use))
                users[term].push_back(&use);
        }
    }

    // A common term's page links thousands of pages: one task per term. A
    // narrative edit seldom changes which pages use a term: then the page is
    // the previous build's (a megabyte each at 9,000 department-years).
    parallel_for(order.size(), jobs, [&](std::size_t k) {
        const std::size_t i = order[k];
        const GlossaryTerm& t = glossary.terms[i];
        const std::string path = glossary_term_path(term_id(t));
        const Hash128 listed = listed_pages(users[i]);
        if (reuse) reuse->wrote_listing(path, listed);
        if (std::optional<ReusedOutput> previous = reuse ? reuse->reuse_listing(path, listed) : std::nullopt) {
            sink.keep(path, previous->file);
            return;
        }
        PageFrame frame;
        frame.path = path;
        frame.section = "glossary";
        frame.title = t.name.value.value_or("");
        frame.crumbs = {{env.label("nav.home"), overview_path()}, {env.label("glossary.title"), index_path}};
        mu::data body;
        set_moved(body, "name", frame.title);
        MarkdownOptions options;
        options.heading_shift = 1;
        options.id_prefix = "definition-";
        set_moved(body, "definition_html", render_markdown(t.definition, options).html);
        set_aliases(t, body);
        set_moved(body, "has_pages", !users[i].empty());
        set_moved(body, "groups", use_groups(env, frame.path, users[i]));
        emit_page(env, frame, "pages/glossary_term", body, sink);
    });
}

}  // namespace gk
