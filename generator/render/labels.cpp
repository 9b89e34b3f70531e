#include "render/labels.h"

namespace gk {

namespace {

// The labels as a tree of dotted names, then as nested mustache objects.
struct LabelNode {
    std::map<std::string, LabelNode> children;
    const std::string* text = nullptr;
};

void insert(LabelNode& root, const std::string& key, const std::string& text) {
    LabelNode* node = &root;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        node = &node->children[key.substr(start, dot == std::string::npos ? std::string::npos : dot - start)];
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    node->text = &text;
}

mu::data to_data(const LabelNode& node) {
    mu::data d{mu::data::type::object};
    for (const auto& [name, child] : node.children) {
        // A key that is both a label and a group ("a" and "a.b") keeps the group.
        if (child.children.empty() && child.text) {
            set_moved(d, name, *child.text);
        } else {
            set_moved(d, name, to_data(child));
        }
    }
    return d;
}

}  // namespace

Labels::Labels(const Theme& theme, const TemplateSet& templates)
    : labels_(theme.labels), templates_(templates), data_(mu::data::type::object) {
    if (!theme.label_paths.empty()) labels_path_ = theme.label_paths.begin()->second;
    LabelNode root;
    for (const auto& [key, value] : labels_) insert(root, key, value);
    data_ = to_data(root);
}

const std::string& Labels::get(const std::string& key) const {
    static const std::string kEmpty;
    const auto it = labels_.find(key);
    if (it != labels_.end()) return it->second;
    std::lock_guard lock(mutex_);
    missing_.insert(key);
    return kEmpty;
}

std::string Labels::sentence(const std::string& key, const mu::data& data) const {
    const std::string& text = get(key);
    if (text.empty()) return {};
    return templates_.render_label(key, text, data);
}

std::string Labels::text(const std::string& key, const mu::data& data) const {
    const std::string& text = get(key);
    if (text.empty()) return {};
    return templates_.render_label(key, text, data, LabelOutput::text);
}

void Labels::report_missing(Diagnostics& diagnostics) const {
    std::lock_guard lock(mutex_);
    for (const std::string& key : missing_) {
        diagnostics.error(labels_path_.empty() ? std::string("labels") : labels_path_,
                          "missing label '" + key + "'");
    }
}

}  // namespace gk
