#include "render/templates.h"

#include <unordered_map>

namespace gk {

namespace {

// The names of the template being rendered that contain dots
// ("label.nav.home"), split once per thread: kainjow's own context splits
// such a name through a stringstream at every lookup.
using DottedNames = std::unordered_map<std::string, std::vector<std::string>>;

// A context that remembers the names it could not find. It resolves names
// exactly as kainjow's mu::context does (the innermost value that has the
// whole dotted path wins; "." is the innermost value), but keeps the stack
// top last (push and pop without moving the rest) and splits each dotted
// name only once.
class StrictContext : public mu::basic_context<std::string> {
public:
    StrictContext(std::set<std::string>& misses, DottedNames& dotted) : misses_(misses), dotted_(dotted) {}

    void push(const mu::data* data) override { items_.push_back(data); }
    void pop() override { items_.pop_back(); }

    const mu::data* get(const std::string& name) const override {
        const mu::data* found = find(name);
        if (!found) misses_.insert(name);
        return found;
    }

    const mu::data* get_partial(const std::string& name) const override {
        for (auto item = items_.rbegin(); item != items_.rend(); ++item) {
            if (const mu::data* var = (*item)->get(name)) return var;
        }
        return nullptr;
    }

private:
    const mu::data* find(const std::string& name) const {
        if (name.size() == 1 && name[0] == '.') return items_.back();
        if (name.find('.') == std::string::npos) return get_partial(name);
        auto parts = dotted_.find(name);
        // mu::split itself, so that odd names ("a..b") split as kainjow splits them.
        if (parts == dotted_.end()) parts = dotted_.emplace(name, mu::split(name, '.')).first;
        for (auto item = items_.rbegin(); item != items_.rend(); ++item) {
            const mu::data* var = *item;
            for (const std::string& part : parts->second) {
                var = var->get(part);
                if (!var) break;
            }
            if (var) return var;
        }
        return nullptr;
    }

    std::vector<const mu::data*> items_;  // innermost last
    std::set<std::string>& misses_;
    DottedNames& dotted_;
};

bool is_escaped_by_kainjow(char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; }

// kainjow's html_escape, byte for byte (& < > " ' as &amp; &lt; &gt; &quot;
// &apos;), without its character-by-character appends: most values have
// nothing to escape and are returned as they are.
std::string escape_like_kainjow(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && !is_escaped_by_kainjow(s[i])) ++i;
    if (i == s.size()) return s;
    std::string out;
    out.reserve(s.size() + s.size() / 4 + 8);
    out.append(s, 0, i);
    for (; i < s.size(); ++i) {
        switch (s[i]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += s[i]; break;
        }
    }
    return out;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '/' || c == '.';
}

}  // namespace

std::string expand_partials(const std::string& text, const std::map<std::string, ThemeFile>& templates,
                            const std::string& path, Diagnostics& diagnostics, int depth) {
    if (depth > 16) {
        diagnostics.error(path, "partials include each other too deeply (a partial may not include itself)");
        return {};
    }
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        const std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::size_t b = open + 3, e = close;
        while (b < e && text[b] == ' ') ++b;
        while (e > b && text[e - 1] == ' ') --e;
        const std::string name = text.substr(b, e - b);
        out.append(text, pos, open - pos);
        bool valid = !name.empty();
        for (char c : name) valid = valid && is_name_char(c);
        const auto it = valid ? templates.find("partials/" + name) : templates.end();
        if (it == templates.end()) {
            diagnostics.error(path, "the template includes '{{> " + name + "}}' but there is no templates/partials/" +
                                        name + ".mustache");
        } else {
            out += expand_partials(it->second.text, templates, it->second.path, diagnostics, depth + 1);
        }
        pos = close + 2;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

// One compiled copy of every template and label a thread has used.
struct TemplateSet::Copies {
    struct Compiled {
        std::unique_ptr<mu::mustache> tmpl;
        std::size_t last_size = 0;  // of its last output: room to reserve for the next
    };
    std::map<std::string, Compiled> templates;
    std::map<std::string, Compiled> labels;  // "text:" + key for plain text
    DottedNames dotted;
    // Slotted templates' fragments, by template, then by (shape << 1) | the
    // value was empty.
    std::map<std::string, std::map<std::uint64_t, SlotFragment>> fragments;

    Compiled& get(const std::string& name, const std::string& text) {
        auto& slot = templates[name];
        if (!slot.tmpl) {
            slot.tmpl = std::make_unique<mu::mustache>(text);
            slot.tmpl->set_custom_escape(escape_like_kainjow);
        }
        return slot;
    }
    Compiled& label(const std::string& key, const std::string& text, LabelOutput output) {
        // A plain-text rendering is a second compiled copy: the escape
        // function belongs to the compiled template.
        auto& slot = labels[output == LabelOutput::text ? "text:" + key : key];
        if (!slot.tmpl) {
            slot.tmpl = std::make_unique<mu::mustache>(text);
            if (output == LabelOutput::text) {
                slot.tmpl->set_custom_escape([](const std::string& s) { return s; });
            } else {
                slot.tmpl->set_custom_escape(escape_like_kainjow);
            }
        }
        return slot;
    }
};

// A set of copies borrowed for one render, returned to the pool at the end.
class TemplateSet::Lease {
public:
    Lease(const TemplateSet& owner, std::unique_ptr<Copies> copies) : owner_(owner), copies_(std::move(copies)) {}
    ~Lease() { owner_.give_back(std::move(copies_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Copies* operator->() const { return copies_.get(); }

private:
    const TemplateSet& owner_;
    std::unique_ptr<Copies> copies_;
};

namespace {

// Collects the rendered text without an ostringstream (whose set-up and
// copy-out showed in profiles): kainjow only needs `stream << string`.
struct TextOut {
    std::string text;
    TextOut& operator<<(const std::string& s) {
        text += s;
        return *this;
    }
};

// `last_size`: the length of the template's previous output, updated.
std::string render_strict(mu::mustache& tmpl, std::size_t& last_size, DottedNames& dotted, const mu::data& page,
                          const mu::data* globals, std::set<std::string>& misses, const mu::data* between = nullptr) {
    StrictContext ctx(misses, dotted);
    if (globals) ctx.push(globals);
    if (between) ctx.push(between);
    ctx.push(&page);
    TextOut out;
    // Pages of one kind have much the same length: growing the text by
    // doubling would copy it again and again.
    out.text.reserve(last_size + last_size / 8);
    tmpl.render(ctx, out);
    last_size = out.text.size();
    return std::move(out.text);
}

}  // namespace

TemplateSet::TemplateSet(const Theme& theme, Diagnostics& diagnostics) {
    auto first = std::make_unique<Copies>();
    for (const auto& [name, file] : theme.templates) {
        if (name.starts_with("partials/")) continue;
        std::string text = expand_partials(file.text, theme.templates, file.path, diagnostics);
        mu::mustache& tmpl = *first->get(name, text).tmpl;
        if (!tmpl.is_valid()) {
            diagnostics.error(file.path, "the template does not compile: " + tmpl.error_message());
            first->templates.erase(name);
            continue;
        }
        sources_.emplace(name, Source{std::move(text), file.path});
    }
    pool_.push_back(std::move(first));
}

TemplateSet::~TemplateSet() = default;

std::unique_ptr<TemplateSet::Copies> TemplateSet::take_copies() const {
    {
        std::lock_guard lock(mutex_);
        if (!pool_.empty()) {
            std::unique_ptr<Copies> copies = std::move(pool_.back());
            pool_.pop_back();
            return copies;
        }
    }
    return std::make_unique<Copies>();  // compiled lazily, as used
}

TemplateSet::Lease TemplateSet::borrow() const { return Lease(*this, take_copies()); }

void TemplateSet::give_back(std::unique_ptr<Copies> copies) const {
    std::lock_guard lock(mutex_);
    pool_.push_back(std::move(copies));
}

void TemplateSet::record_missing(const std::string& name) const {
    std::lock_guard lock(mutex_);
    misses_.emplace("templates/" + name + ".mustache", "(the template is missing)");
}

void TemplateSet::record(const std::string& path, const std::set<std::string>& misses, const mu::mustache& tmpl) const {
    if (misses.empty() && tmpl.is_valid()) return;
    std::lock_guard lock(mutex_);
    for (const std::string& miss : misses) misses_.emplace(path, miss);
    if (!tmpl.is_valid()) misses_.emplace(path, "(render error: " + tmpl.error_message() + ")");
}

std::string TemplateSet::render(const std::string& name, const mu::data& page, const mu::data& globals,
                                const mu::data* between) const {
    const auto it = sources_.find(name);
    if (it == sources_.end()) {
        record_missing(name);
        return {};
    }
    const Lease lease = borrow();
    Copies::Compiled& compiled = lease->get(name, it->second.text);
    std::set<std::string> misses;
    std::string out = render_strict(*compiled.tmpl, compiled.last_size, lease->dotted, page, &globals, misses, between);
    record(it->second.path, misses, *compiled.tmpl);
    return out;
}

std::string TemplateSet::render_label(const std::string& key, const std::string& text, const mu::data& data,
                                      LabelOutput output) const {
    const Lease lease = borrow();
    Copies::Compiled& compiled = lease->label(key, text, output);
    const mu::mustache& tmpl = *compiled.tmpl;
    if (!tmpl.is_valid()) {
        std::lock_guard lock(mutex_);
        misses_.emplace("label '" + key + "'", "(does not compile: " + tmpl.error_message() + ")");
        return {};
    }
    std::set<std::string> misses;
    std::string out = render_strict(*compiled.tmpl, compiled.last_size, lease->dotted, data, nullptr, misses);
    if (!misses.empty() || !tmpl.is_valid()) record("label '" + key + "'", misses, tmpl);
    return out;
}

namespace {

// Stands for a slotted value while its template is rendered once: text no
// template or label writes, which escaping would change ('<').
constexpr std::string_view kSlotMarker = "<\x01gongkai-slot\x01>";

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

}  // namespace

TemplateSet::Slotted::Slotted(const TemplateSet& templates, const std::string& name, std::string slot,
                              const mu::data& globals)
    : owner_(templates), slot_(std::move(slot)), globals_(globals) {
    const auto it = templates.sources_.find(name);
    if (it == templates.sources_.end()) {
        templates.record_missing(name);
        return;
    }
    source_ = &it->second;
    copies_ = templates.take_copies();
    // A copy of its own, without the file's last line break (a cell's
    // file may end in one; the cell does not): the break is the template
    // file's, so a value that ends in one keeps it.
    name_ = "slotted:" + name;
    std::string_view text = source_->text;
    if (text.ends_with('\n')) text.remove_suffix(text.ends_with("\r\n") ? 2 : 1);
    copies_->get(name_, std::string(text));
    fragments_ = &copies_->fragments[name_];
}

TemplateSet::Slotted::~Slotted() {
    if (source_ && !misses_.empty()) {
        std::lock_guard lock(owner_.mutex_);
        for (const std::string& miss : misses_) owner_.misses_.emplace(source_->path, miss);
    }
    if (copies_) owner_.give_back(std::move(copies_));
}

const SlotFragment* TemplateSet::Slotted::find(std::uint64_t shape, bool empty) const {
    if (!fragments_) return nullptr;
    const auto it = fragments_->find((shape << 1) | (empty ? 1 : 0));
    return it == fragments_->end() ? nullptr : &it->second;
}

std::string TemplateSet::Slotted::render(const mu::data& data) {
    Copies::Compiled& compiled = copies_->templates.at(name_);
    std::string out = render_strict(*compiled.tmpl, compiled.last_size, copies_->dotted, data, &globals_, misses_);
    if (!compiled.tmpl->is_valid()) misses_.insert("(render error: " + compiled.tmpl->error_message() + ")");
    return out;
}

void TemplateSet::Slotted::add(std::string& out, std::uint64_t shape, const std::string& value, mu::data data) {
    if (!source_) return;
    const std::uint64_t key = (shape << 1) | (value.empty() ? 1 : 0);
    SlotFragment& fragment = (*fragments_)[key];
    if (value.empty()) {
        set_moved(data, slot_, std::string());
        fragment.kind = SlotFragment::Kind::whole;
        fragment.before = render(data);
        out += fragment.before;
        return;
    }
    if (fragment.kind == SlotFragment::Kind::untried) {
        set_moved(data, slot_, std::string(kSlotMarker));
        std::string text = render(data);
        if (count_of(text, kSlotMarker) == 1) {
            const std::size_t at = text.find(kSlotMarker);
            fragment.kind = SlotFragment::Kind::split;
            fragment.after = text.substr(at + kSlotMarker.size());
            text.resize(at);
            fragment.before = std::move(text);
            out += fragment.before;
            out += value;
            out += fragment.after;
            return;
        }
        fragment.kind = SlotFragment::Kind::each;
    }
    append_alone(out, value, std::move(data));
}

void TemplateSet::Slotted::append_alone(std::string& out, const std::string& value, mu::data data) {
    if (!source_) return;
    set_moved(data, slot_, value);
    out += render(data);
}

void TemplateSet::report_misses(Diagnostics& diagnostics) const {
    std::lock_guard lock(mutex_);
    for (const auto& [path, name] : misses_) {
        if (name.starts_with("(")) {
            diagnostics.error(path, name.substr(1, name.size() - 2));
        } else {
            diagnostics.error(path, "the template asks for '" + name + "', which this page does not provide");
        }
    }
}

}  // namespace gk
