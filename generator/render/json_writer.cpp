#include "render/json_writer.h"

namespace gk {

namespace {

// Bytes written as they are: not a quote, a backslash or a control
// character, and not 0xE2, which may start U+2028 or U+2029.
bool is_plain_json_byte(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\' && c != 0xE2; }

// Appends the escape of the special byte at value[i]; returns the number of
// bytes of `value` it stands for.
std::size_t append_json_escape(std::string& out, std::string_view value, std::size_t i) {
    static constexpr char kHex[] = "0123456789abcdef";
    const unsigned char c = static_cast<unsigned char>(value[i]);
    switch (c) {
        case '"': out += "\\\""; return 1;
        case '\\': out += "\\\\"; return 1;
        case '\n': out += "\\n"; return 1;
        case '\r': out += "\\r"; return 1;
        case '\t': out += "\\t"; return 1;
        default: break;
    }
    if (c < 0x20) {
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
        return 1;
    }
    // c is 0xE2. U+2028 / U+2029 are valid JSON but break JavaScript string literals.
    if (i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(value[i + 2]) == 0xA8 || static_cast<unsigned char>(value[i + 2]) == 0xA9)) {
        out += static_cast<unsigned char>(value[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
        return 3;
    }
    out += static_cast<char>(c);
    return 1;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
    out += '"';
    // Runs of plain bytes are appended at once, not byte by byte.
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size();) {
        if (is_plain_json_byte(static_cast<unsigned char>(value[i]))) {
            ++i;
            continue;
        }
        out.append(value, run, i - run);
        i += append_json_escape(out, value, i);
        run = i;
    }
    out.append(value, run, std::string_view::npos);
    out += '"';
}

std::string compact_json(std::string_view indented) {
    std::string out;
    out.reserve(indented.size());
    bool in_string = false;
    std::size_t run = 0;  // indented[run, i) is still to be copied
    for (std::size_t i = 0; i < indented.size(); ++i) {
        const char c = indented[i];
        if (in_string) {
            if (c == '\\') {
                ++i;  // the escaped character, a quote included, stays in the string
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '\n' || (c == ' ' && i > 0 && indented[i - 1] == ':')) {
            out.append(indented, run, i - run);
            std::size_t next = i + 1;
            if (c == '\n') {
                while (next < indented.size() && indented[next] == ' ') ++next;
            }
            run = next;
            i = next - 1;
        }
    }
    out.append(indented, run, std::string_view::npos);
    return out;
}

void JsonWriter::newline() {
    if (indent_ == 0) return;
    out_ += '\n';
    out_.append(has_element_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_element_.empty()) {
        if (has_element_.back()) out_ += ',';
        has_element_.back() = true;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    has_element_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool had = has_element_.back();
    has_element_.pop_back();
    if (had) newline();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    has_element_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_json_string(out_, name);
    out_ += indent_ == 0 ? ":" : ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
    before_value();
    append_json_string(out_, value);
    return *this;
}

JsonWriter& JsonWriter::number(std::string_view decimal_text) {
    before_value();
    out_ += decimal_text;
    return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t value) {
    before_value();
    out_ += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    before_value();
    out_ += json;
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

}  // namespace gk
