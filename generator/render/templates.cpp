#include "render/templates.h"

namespace gk {

namespace {

// A context that remembers the names it could not find.
class StrictContext : public mu::context<std::string> {
public:
    explicit StrictContext(std::set<std::string>& misses) : misses_(misses) {}

    const mu::data* get(const std::string& name) const override {
        const mu::data* found = mu::context<std::string>::get(name);
        if (!found) misses_.insert(name);
        return found;
    }

private:
    std::set<std::string>& misses_;
};

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
    std::map<std::string, std::unique_ptr<mu::mustache>> templates;
    std::map<std::string, std::unique_ptr<mu::mustache>> labels;  // "text:" + key for plain text

    mu::mustache& get(const std::string& name, const std::string& text) {
        auto& slot = templates[name];
        if (!slot) slot = std::make_unique<mu::mustache>(text);
        return *slot;
    }
    mu::mustache& label(const std::string& key, const std::string& text, LabelOutput output) {
        // A plain-text rendering is a second compiled copy: the escape
        // function belongs to the compiled template.
        auto& slot = labels[output == LabelOutput::text ? "text:" + key : key];
        if (!slot) {
            slot = std::make_unique<mu::mustache>(text);
            if (output == LabelOutput::text) slot->set_custom_escape([](const std::string& s) { return s; });
        }
        return *slot;
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

std::string render_strict(mu::mustache& tmpl, const mu::data& page, const mu::data* globals,
                          std::set<std::string>& misses, const mu::data* between = nullptr) {
    StrictContext ctx(misses);
    if (globals) ctx.push(globals);
    if (between) ctx.push(between);
    ctx.push(&page);
    TextOut out;
    tmpl.render(ctx, out);
    return std::move(out.text);
}

}  // namespace

TemplateSet::TemplateSet(const Theme& theme, Diagnostics& diagnostics) {
    auto first = std::make_unique<Copies>();
    for (const auto& [name, file] : theme.templates) {
        if (name.starts_with("partials/")) continue;
        std::string text = expand_partials(file.text, theme.templates, file.path, diagnostics);
        mu::mustache& tmpl = first->get(name, text);
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

TemplateSet::Lease TemplateSet::borrow() const {
    std::unique_ptr<Copies> copies;
    {
        std::lock_guard lock(mutex_);
        if (!pool_.empty()) {
            copies = std::move(pool_.back());
            pool_.pop_back();
        }
    }
    if (!copies) copies = std::make_unique<Copies>();  // compiled lazily, as used
    return Lease(*this, std::move(copies));
}

void TemplateSet::give_back(std::unique_ptr<Copies> copies) const {
    std::lock_guard lock(mutex_);
    pool_.push_back(std::move(copies));
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
        std::lock_guard lock(mutex_);
        misses_.emplace("templates/" + name + ".mustache", "(the template is missing)");
        return {};
    }
    const Lease lease = borrow();
    mu::mustache& tmpl = lease->get(name, it->second.text);
    std::set<std::string> misses;
    std::string out = render_strict(tmpl, page, &globals, misses, between);
    record(it->second.path, misses, tmpl);
    return out;
}

std::string TemplateSet::render_label(const std::string& key, const std::string& text, const mu::data& data,
                                      LabelOutput output) const {
    const Lease lease = borrow();
    mu::mustache& tmpl = lease->label(key, text, output);
    if (!tmpl.is_valid()) {
        std::lock_guard lock(mutex_);
        misses_.emplace("label '" + key + "'", "(does not compile: " + tmpl.error_message() + ")");
        return {};
    }
    std::set<std::string> misses;
    std::string out = render_strict(tmpl, data, nullptr, misses);
    if (!misses.empty() || !tmpl.is_valid()) record("label '" + key + "'", misses, tmpl);
    return out;
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
