// The theme's labels: every word a page shows. C++ refers to labels by key
// only; a key the labels file lacks is reported, never replaced by English.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "diag/diagnostics.h"
#include "model/theme.h"
#include "render/templates.h"

namespace gk {

class Labels {
public:
    Labels(const Theme& theme, const TemplateSet& templates);

    // The label's text (plain, not escaped); "" when missing (recorded).
    const std::string& get(const std::string& key) const;
    bool has(const std::string& key) const { return labels_.count(key) > 0; }

    // A label that is a small template, rendered with `data`: HTML-escaped.
    std::string sentence(const std::string& key, const mu::data& data) const;
    // The same, as plain text (values not escaped): for a page title, which
    // the templates escape where they print it. A sentence there would show
    // its entities ("&lt;") to the reader.
    std::string text(const std::string& key, const mu::data& data) const;

    // All labels as nested mustache data: {{label.figure.income_total}}.
    const mu::data& data() const { return data_; }

    void report_missing(Diagnostics& diagnostics) const;

private:
    const std::map<std::string, std::string>& labels_;
    std::string labels_path_;
    const TemplateSet& templates_;
    mu::data data_;
    mutable std::mutex mutex_;
    mutable std::set<std::string> missing_;
};

}  // namespace gk
