// Templates of the theme, compiled once per rendering thread (kainjow
// mustache, used only here and in the page builders that fill its data).
// Rendering is strict: every name a template asks for that the page does not
// provide is recorded, and the build reports it, because a silently empty
// figure on a budget page is worse than a failed build.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "diag/diagnostics.h"
#include "model/theme.h"

namespace gk {

namespace mu = kainjow::mustache;

enum class LabelOutput { html, text };

// kainjow's data::set and data::push_back take their argument by const
// reference and copy it, and a copy is deep: a table built bottom-up is
// copied again at every level it is nested in (row into rows, rows into
// table, table into section...), which was the biggest cost of rendering a
// disclosure. Page builders use these two instead: the value is taken by
// value and moved in, so a temporary (a string, a bool, a finished table)
// is built once and never copied; pass a named value with std::move.
inline void set_moved(mu::data& object, const std::string& key, mu::data value) {
    if (object.is_object()) object[key] = std::move(value);
}
inline void push_moved(mu::data& list, mu::data item) {
    if (!list.is_list()) return;
    // list_value() is const only in the interface: the list is the data's own.
    auto& items = const_cast<mu::list&>(list.list_value());
    // mu::data's move constructor is not noexcept, so a growing std::vector
    // would copy (deeply) every item it relocates: grow it by moving instead.
    if (items.size() == items.capacity()) {
        mu::list grown;
        grown.reserve(std::max<std::size_t>(8, items.size() * 2));
        for (mu::data& x : items) grown.push_back(std::move(x));
        items.swap(grown);
    }
    items.push_back(std::move(item));
}

class TemplateSet {
public:
    // Expands `{{> name}}` by including templates/partials/<name>.mustache
    // (partials may include partials, not themselves), then compiles every
    // template that is not a partial. Reports templates that do not compile.
    TemplateSet(const Theme& theme, Diagnostics& diagnostics);
    ~TemplateSet();

    bool has(const std::string& name) const { return sources_.count(name) > 0; }

    // Renders template `name` with `page` in front of `globals` (the labels
    // and site-wide values every page sees), and `between`, when given,
    // between the two (values added to a page without copying its data).
    // Thread-safe.
    std::string render(const std::string& name, const mu::data& page, const mu::data& globals,
                       const mu::data* between = nullptr) const;

    // Renders a label that is itself a small template (a sentence such as
    // "{{year}}年收支预算{{total}}{{unit}}"); the result is HTML-escaped text,
    // or plain text (values inserted as they are) with LabelOutput::text.
    // Thread-safe.
    std::string render_label(const std::string& key, const std::string& text, const mu::data& data,
                             LabelOutput output = LabelOutput::html) const;

    // Reports every name templates asked for that no page provided, once each.
    void report_misses(Diagnostics& diagnostics) const;

private:
    struct Source {
        std::string text;  // partials included
        std::string path;
    };
    // A compiled template keeps error state while it renders, so two threads
    // may not render the same one at once. Each concurrent render borrows a
    // whole set of compiled copies (Copies) from a pool instead: no lock is
    // held while rendering, and there are never more sets than threads.
    struct Copies;
    class Lease;
    Lease borrow() const;
    void give_back(std::unique_ptr<Copies> copies) const;
    void record(const std::string& path, const std::set<std::string>& misses, const mu::mustache& tmpl) const;

    std::map<std::string, Source> sources_;
    mutable std::mutex mutex_;
    mutable std::vector<std::unique_ptr<Copies>> pool_;
    mutable std::set<std::pair<std::string, std::string>> misses_;  // (template path, name)
};

// Includes partials into `text` (exposed for tests). `depth` guards cycles.
std::string expand_partials(const std::string& text, const std::map<std::string, ThemeFile>& templates,
                            const std::string& path, Diagnostics& diagnostics, int depth = 0);

}  // namespace gk
