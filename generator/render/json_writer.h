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
    // A value already written as JSON, inserted as it is (compact_json of
    // another writer's output, for instance).
    JsonWriter& raw(std::string_view json);

    // Room for `bytes` in all: a writer that grows to tens of megabytes
    // (all.json) otherwise copies itself at every doubling, into memory
    // that is new each time.
    void reserve(std::size_t bytes) { out_.reserve(bytes); }

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

// What an indenting JsonWriter wrote, as JsonWriter(0) writes the same
// values: the line breaks and the indentation after them, and the space
// after each key's colon, are dropped. Strings are copied as they are (a
// writer's strings hold no raw line break: append_json_string escapes it).
std::string compact_json(std::string_view indented);

}  // namespace gk
