// Markdown → HTML with cmark-gfm (the only user of cmark-gfm): GitHub
// tables, strikethrough, autolinks and the tag filter; raw HTML is never
// passed through (safe mode); headings get ids for a table of contents; the
// first use of each glossary term on a page links to its glossary page.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/glossary.h"

namespace gk {

// Finds glossary names and aliases in text: longest match first, in one
// pass over the text (no quadratic scan however many terms there are).
// Built once per build from the glossary; immutable and shareable across threads.
class GlossaryMatcher {
public:
    explicit GlossaryMatcher(const Glossary& glossary);
    ~GlossaryMatcher();
    GlossaryMatcher(const GlossaryMatcher&) = delete;
    GlossaryMatcher& operator=(const GlossaryMatcher&) = delete;

    struct Match {
        std::size_t begin = 0;   // byte offset in the text
        std::size_t length = 0;  // bytes
        std::size_t term = 0;    // index into glossary.terms
    };
    // Non-overlapping matches from left to right; at each position the
    // longest name or alias wins.
    std::vector<Match> find_all(std::string_view text) const;
    // The same into `matches` (cleared first), for callers that match many
    // short texts and can keep one vector's room between them.
    void find_all(std::string_view text, std::vector<Match>& matches) const;
    bool empty() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The state of one page: which terms have been linked already, so each term
// is linked at its first use only. Not thread-safe: one per page.
class TermLinker {
public:
    // `href_prefix` is prepended to "glossary/<id>/index.html" (e.g. "../../").
    TermLinker(const GlossaryMatcher& matcher, const Glossary& glossary, std::string href_prefix);

    const GlossaryMatcher& matcher() const { return matcher_; }
    const Glossary& glossary() const { return glossary_; }
    const std::string& href_prefix() const { return href_prefix_; }

    // Marks `term` used; true when this is its first use on the page.
    bool first_use(std::size_t term);
    // Terms used on the page, in order of first use.
    const std::vector<std::size_t>& used() const { return used_; }

private:
    const GlossaryMatcher& matcher_;
    const Glossary& glossary_;
    std::string href_prefix_;
    std::set<std::size_t> seen_;
    std::vector<std::size_t> used_;
};

struct Heading {
    int level = 0;     // after shifting (see MarkdownOptions)
    std::string text;  // plain text of the heading
    std::string id;    // unique on the page
};

struct MarkdownOptions {
    // The shallowest heading of the text becomes level 1 + heading_shift and
    // the others keep their depth below it, so that a narrative's "#" (or
    // "##", when the author started there) becomes an h3 inside the page's
    // h2 section (levels are capped at 6).
    int heading_shift = 0;
    // Prefix of heading ids, unique per Markdown block on a page ("narrative-").
    std::string id_prefix;
    // Links glossary terms when set; terms inside links, code and headings are
    // never linked.
    TermLinker* linker = nullptr;
};

struct MarkdownResult {
    std::string html;
    std::vector<Heading> headings;
};

MarkdownResult render_markdown(std::string_view markdown, const MarkdownOptions& options);

// Heading id from its text: keeps letters, digits and CJK characters,
// turns runs of anything else into '-', lower-cases ASCII ("预算 2020" ->
// "预算-2020"); an empty result becomes "section".
std::string slugify_heading(std::string_view text);

}  // namespace gk
