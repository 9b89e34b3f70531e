// Templates of the theme, compiled once per rendering thread (kainjow
// mustache, used only here and in the page builders that fill its data).
// Rendering is strict: every name a template asks for that the page does not
// provide is recorded, and the build reports it, because a silently empty
// figure on a budget page is worse than a failed build.
#pragma once

#include <algorithm>
#include <cstdint>
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

    class Slotted;

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
    std::unique_ptr<Copies> take_copies() const;  // from the pool, or a new set
    void give_back(std::unique_ptr<Copies> copies) const;
    void record(const std::string& path, const std::set<std::string>& misses, const mu::mustache& tmpl) const;
    void record_missing(const std::string& name) const;  // a template the theme does not have

    std::map<std::string, Source> sources_;
    mutable std::mutex mutex_;
    mutable std::vector<std::unique_ptr<Copies>> pool_;
    mutable std::set<std::pair<std::string, std::string>> misses_;  // (template path, name)
};

// What a slotted template gave for one shape of data (see below): the whole
// text (the value was empty), the text either side of the value, or nothing
// to reuse (the template does not show the value once, as it is).
struct SlotFragment {
    enum class Kind : std::uint8_t { untried, whole, split, each };
    Kind kind = Kind::untried;
    std::string before, after;
};

// Renders one template again and again for data that differ only in one
// string value, appending each result to a text: a table's cells, some six
// hundred on a disclosure page, where a data tree and a kainjow render per
// cell were a sixth of a build. kainjow renders the template once per
// shape — a number the caller derives from everything in the data but the
// value — with a marker in the value's place, and the text either side of
// the marker is kept: a cell is then two appends around its value. A
// template that does not show the value exactly once as it is (it escapes
// it, repeats it or only tests it) is rendered for each value instead; the
// output is the same either way. The template sees its data and the
// globals, nothing of the page around it, and its file's last line break
// is not part of it (a cell's file may end in one). Holds one set of
// compiled templates for its lifetime: make one per table, on one thread.
class TemplateSet::Slotted {
public:
    Slotted(const TemplateSet& templates, const std::string& name, std::string slot, const mu::data& globals);
    ~Slotted();
    Slotted(const Slotted&) = delete;
    Slotted& operator=(const Slotted&) = delete;

    // Appends the template's output for `make()` (the data, made only when
    // this shape was not rendered yet) with the slot set to `value`.
    // `shape` must be below 2^63 and tell apart every two data that differ
    // in anything but the value.
    template <class MakeData>
    void append(std::string& out, std::uint64_t shape, const std::string& value, MakeData&& make) {
        const SlotFragment* f = find(shape, value.empty());
        if (f && (f->kind == SlotFragment::Kind::whole || f->kind == SlotFragment::Kind::split)) {
            out += f->before;
            if (f->kind == SlotFragment::Kind::split) {
                out += value;
                out += f->after;
            }
            return;
        }
        add(out, shape, value, make());
    }

    // Appends the template's output for `data` with the slot set to
    // `value`, rendered for this value alone.
    void append_alone(std::string& out, const std::string& value, mu::data data);

private:
    const SlotFragment* find(std::uint64_t shape, bool empty) const;
    void add(std::string& out, std::uint64_t shape, const std::string& value, mu::data data);
    std::string render(const mu::data& data);

    const TemplateSet& owner_;
    std::unique_ptr<Copies> copies_;
    const Source* source_ = nullptr;  // null: the theme has no such template
    std::string name_;
    std::string slot_;
    const mu::data& globals_;
    std::map<std::uint64_t, SlotFragment>* fragments_ = nullptr;
    std::set<std::string> misses_;
};

// Includes partials into `text` (exposed for tests). `depth` guards cycles.
std::string expand_partials(const std::string& text, const std::map<std::string, ThemeFile>& templates,
                            const std::string& path, Diagnostics& diagnostics, int depth = 0);

}  // namespace gk
