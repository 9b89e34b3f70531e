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

TemplateSet::TemplateSet(const Theme& theme, Diagnostics& diagnostics) {
    for (const auto& [name, file] : theme.templates) {
        if (name.starts_with("partials/")) continue;
        const std::string text = expand_partials(file.text, theme.templates, file.path, diagnostics);
        auto tmpl = std::make_unique<mu::mustache>(text);
        if (!tmpl->is_valid()) {
            diagnostics.error(file.path, "the template does not compile: " + tmpl->error_message());
            continue;
        }
        compiled_.emplace(name, Compiled{std::move(tmpl), file.path});
    }
}

std::string TemplateSet::render_compiled(const Compiled& compiled, const std::string& name, const mu::data& page,
                                         const mu::data* globals) const {
    std::set<std::string> misses;
    StrictContext ctx(misses);
    if (globals) ctx.push(globals);
    ctx.push(&page);
    // A compiled template keeps error state, so one render at a time per template.
    std::lock_guard lock(mutex_);
    std::string out = compiled.tmpl->render(ctx);
    for (const std::string& miss : misses) misses_.emplace(compiled.path, miss);
    if (!compiled.tmpl->is_valid()) misses_.emplace(compiled.path, "(render error: " + compiled.tmpl->error_message() + ")");
    (void)name;
    return out;
}

std::string TemplateSet::render(const std::string& name, const mu::data& page, const mu::data& globals) const {
    const auto it = compiled_.find(name);
    if (it == compiled_.end()) {
        std::lock_guard lock(mutex_);
        misses_.emplace("templates/" + name + ".mustache", "(the template is missing)");
        return {};
    }
    return render_compiled(it->second, name, page, &globals);
}

std::string TemplateSet::render_label(const std::string& key, const std::string& text, const mu::data& data,
                                      LabelOutput output) const {
    const Compiled* compiled = nullptr;
    {
        std::lock_guard lock(mutex_);
        // A plain-text rendering is a second compiled copy: the escape
        // function belongs to the compiled template.
        const std::string cache_key = output == LabelOutput::text ? "text:" + key : key;
        auto it = label_cache_.find(cache_key);
        if (it == label_cache_.end()) {
            auto tmpl = std::make_unique<mu::mustache>(text);
            if (output == LabelOutput::text) tmpl->set_custom_escape([](const std::string& s) { return s; });
            it = label_cache_.emplace(cache_key, Compiled{std::move(tmpl), "label '" + key + "'"}).first;
        }
        compiled = &it->second;
    }
    if (!compiled->tmpl->is_valid()) {
        std::lock_guard lock(mutex_);
        misses_.emplace(compiled->path, "(does not compile: " + compiled->tmpl->error_message() + ")");
        return {};
    }
    return render_compiled(*compiled, key, data, nullptr);
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
