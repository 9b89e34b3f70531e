// A small streaming JSON writer: keys in the order written (so output is
// deterministic), numbers passed as their exact decimal text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

class JsonWriter {
public:
    // indent 0 writes compact JSON; otherwise that many spaces per level.
    explicit JsonWriter(int indent = 2) : indent_(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);

    JsonWriter& string(std::string_view value);
    // A number written exactly as given ("36.27", "-10.67"): never via double.
    JsonWriter& number(std::string_view decimal_text);
    JsonWriter& integer(std::int64_t value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void before_value();
    void newline();
    JsonWriter& close(char bracket);

    std::string out_;
    int indent_;
    // One entry per open container: whether it has had an element yet.
    std::vector<bool> has_element_;
    bool after_key_ = false;
};

// JSON string escaping (quotes included).
void append_json_string(std::string& out, std::string_view value);

}  // namespace gk
