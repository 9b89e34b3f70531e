// Templates of the theme, compiled once (kainjow mustache, used only here
// and in the page builders that fill its data). Rendering is strict: every
// name a template asks for that the page does not provide is recorded, and
// the build reports it, because a silently empty figure on a budget page is
// worse than a failed build.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include <kainjow/mustache.hpp>

#include "diag/diagnostics.h"
#include "model/theme.h"

namespace gk {

namespace mu = kainjow::mustache;

enum class LabelOutput { html, text };

class TemplateSet {
public:
    // Expands `{{> name}}` by including templates/partials/<name>.mustache
    // (partials may include partials, not themselves), then compiles every
    // template that is not a partial. Reports templates that do not compile.
    TemplateSet(const Theme& theme, Diagnostics& diagnostics);

    bool has(const std::string& name) const { return compiled_.count(name) > 0; }

    // Renders template `name` with `page` in front of `globals` (the labels
    // and site-wide values every page sees).
    std::string render(const std::string& name, const mu::data& page, const mu::data& globals) const;

    // Renders a label that is itself a small template (a sentence such as
    // "{{year}}年收支预算{{total}}{{unit}}"); the result is HTML-escaped text,
    // or plain text (values inserted as they are) with LabelOutput::text.
    std::string render_label(const std::string& key, const std::string& text, const mu::data& data,
                             LabelOutput output = LabelOutput::html) const;

    // Reports every name templates asked for that no page provided, once each.
    void report_misses(Diagnostics& diagnostics) const;

private:
    struct Compiled {
        std::unique_ptr<mu::mustache> tmpl;
        std::string path;
    };
    std::string render_compiled(const Compiled& compiled, const std::string& name, const mu::data& page,
                                const mu::data* globals) const;

    std::map<std::string, Compiled> compiled_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, Compiled> label_cache_;
    mutable std::set<std::pair<std::string, std::string>> misses_;  // (template path, name)
};

// Includes partials into `text` (exposed for tests). `depth` guards cycles.
std::string expand_partials(const std::string& text, const std::map<std::string, ThemeFile>& templates,
                            const std::string& path, Diagnostics& diagnostics, int depth = 0);

}  // namespace gk
