// What every page builder shares: the model, its derived figures, the
// theme's templates and labels, and the page frame (layout) they all use.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "compute/derived.h"
#include "model/content.h"
#include "model/theme.h"
#include "render/labels.h"
#include "render/markdown.h"
#include "render/numbers.h"
#include "render/output.h"
#include "render/templates.h"

namespace gk {

// The glossary's definitions as HTML, rendered once per build when first
// asked: every disclosure lists the definitions of the terms it uses, and
// rendering them again for each page was most of its Markdown.
class TermDefinitions {
public:
    // The definition of glossary.terms[term] as the disclosures show it.
    // Thread-safe.
    const std::string& html(const Glossary& glossary, std::size_t term) const;

private:
    mutable std::once_flag once_;
    mutable std::vector<std::string> html_;
};

struct RenderEnv {
    const Content& content;
    const Derived& derived;
    const Theme& theme;
    const TemplateSet& templates;
    const Labels& labels;
    const Numbers& numbers;
    const GlossaryMatcher& glossary;
    mu::data globals;  // {{label.*}} and {{site.*}}: the same on every page
    // Filled on first use (the builder of the environment need not name it).
    std::shared_ptr<const TermDefinitions> term_definitions = std::make_shared<TermDefinitions>();

    const std::string& label(const std::string& key) const { return labels.get(key); }
    // The label for a figure name ("figure.income_total").
    const std::string& figure_label(Fig fig) const;
};

struct Crumb {
    std::string name;
    std::string path;  // output path; "" for the current page
};

// The layout around a page's own content.
struct PageFrame {
    std::string path;          // output path, e.g. "departments/x/2020/index.html"
    std::string title;         // plain text
    std::string description;   // meta description, plain text
    std::vector<Crumb> crumbs; // from the overview to the page's parent
    bool illustrative = false; // the page shows illustrative (example) figures
    std::string section;       // nav item to mark current: home, years, glossary, search, data
};

// A link from the page at `from` to the output path `to`.
std::string link(const std::string& from, const std::string& to);

// Completes a rendered body before the layout goes around it (the
// disclosure page lists the glossary terms its rendered text uses).
using BodyFinisher = std::function<std::string(std::string body_html)>;

// Renders `body_template` with `body`, passes the result through `finish`
// when given, then renders the layout ("base") around it and hands the page
// to the sink.
void emit_page(const RenderEnv& env, const PageFrame& frame, const std::string& body_template,
               const mu::data& body, OutputSink& sink, const BodyFinisher& finish = {});

// A list of {{name}}/{{href}} items for templates.
mu::data link_item(const std::string& from, const std::string& name, const std::string& to);

}  // namespace gk
