#include "diag/diagnostics.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace gk {

namespace {

Diagnostic make(Severity severity, SourceLoc loc, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.path = loc.file ? loc.file->path() : std::string();
    d.line = loc.line;
    d.column = loc.column;
    d.message = std::move(message);
    if (loc.file && loc.line > 0) d.source_line = std::string(loc.file->line(loc.line));
    return d;
}

// Decodes one UTF-8 code point at `i` and advances past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : extra == 1 ? (c & 0x1F) : c;
    ++i;
    for (; extra > 0 && i < s.size(); --extra, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

// Terminal columns a code point takes: East Asian wide characters take two.
int display_width(char32_t cp) {
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
}

// Spaces (and the line's own tabs) that put a caret under 1-based `column`.
std::string caret_padding(std::string_view line, std::uint32_t column) {
    std::string pad;
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
        if (line[i] == '\t') {
            pad += '\t';
            ++i;
            continue;
        }
        pad.append(static_cast<std::size_t>(display_width(next_code_point(line, i))), ' ');
    }
    return pad;
}

}  // namespace

void Diagnostics::error(SourceLoc loc, std::string message) {
    report(make(Severity::error, loc, std::move(message)));
}

void Diagnostics::warning(SourceLoc loc, std::string message) {
    report(make(Severity::warning, loc, std::move(message)));
}

void Diagnostics::error(std::string path, std::string message) {
    Diagnostic d;
    d.path = std::move(path);
    d.message = std::move(message);
    report(std::move(d));
}

void Diagnostics::report(Diagnostic d) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(d));
}

void Diagnostics::append(Diagnostics&& other) {
    std::vector<Diagnostic> moved;
    {
        std::lock_guard lock(other.mutex_);
        moved.swap(other.items_);
    }
    if (moved.empty()) return;
    std::lock_guard lock(mutex_);
    items_.insert(items_.end(), std::make_move_iterator(moved.begin()), std::make_move_iterator(moved.end()));
}

std::size_t Diagnostics::error_count() const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    }));
}

std::size_t Diagnostics::warning_count() const {
    std::lock_guard lock(mutex_);
    return items_.size() - static_cast<std::size_t>(std::count_if(
                               items_.begin(), items_.end(),
                               [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

void Diagnostics::promote_warnings() {
    std::lock_guard lock(mutex_);
    for (Diagnostic& d : items_) d.severity = Severity::error;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out;
    {
        std::lock_guard lock(mutex_);
        out = items_;
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.column, a.severity, a.message) <
               std::tie(b.path, b.line, b.column, b.severity, b.message);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Diagnostic& a, const Diagnostic& b) {
                              return std::tie(a.path, a.line, a.column, a.severity, a.message) ==
                                     std::tie(b.path, b.line, b.column, b.severity, b.message);
                          }),
              out.end());
    return out;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.path;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    out += '\n';
    if (d.line > 0) {
        const std::string_view line = d.source_line;
        if (!line.empty()) {
            const std::string number = std::to_string(d.line);
            const std::string gutter(number.size(), ' ');
            out += ' ' + number + " | " + std::string(line) + '\n';
            if (d.column > 0) out += ' ' + gutter + " | " + caret_padding(line, d.column) + "^\n";
        }
    }
    return out;
}

std::string format_report(const Diagnostics& diagnostics) {
    const std::vector<Diagnostic> items = diagnostics.sorted();
    if (items.empty()) return {};
    std::string out;
    std::set<std::string> paths;
    std::size_t errors = 0, warnings = 0;
    for (const Diagnostic& d : items) {
        out += format_diagnostic(d);
        paths.insert(d.path);
        (d.severity == Severity::error ? errors : warnings)++;
    }
    auto count = [](std::size_t n, const char* word) {
        return std::to_string(n) + ' ' + word + (n == 1 ? "" : "s");
    };
    std::string summary;
    if (errors > 0) summary = count(errors, "error");
    if (warnings > 0) summary += (summary.empty() ? "" : " and ") + count(warnings, "warning");
    out += summary + " in " + count(paths.size(), "file") + '\n';
    return out;
}

}  // namespace gk
