// JSON strings of the open data: what must be escaped is escaped, the rest
// (Chinese text included) is copied as it is.
#include <catch2/catch.hpp>

#include <string>

#include "render/json_writer.h"

namespace {

std::string json_string(std::string_view value) {
    std::string out;
    gk::append_json_string(out, value);
    return out;
}

}  // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters only", "[render][json]") {
    CHECK(json_string("") == "\"\"");
    CHECK(json_string("一般公共预算 36.27") == "\"一般公共预算 36.27\"");
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string("x\ny\rz\t") == "\"x\\ny\\rz\\t\"");
    CHECK(json_string(std::string("\x01\x1f", 2) + "end") == "\"\\u0001\\u001fend\"");
    CHECK(json_string(std::string("\0", 1)) == "\"\\u0000\"");
}

TEST_CASE("JSON strings escape U+2028 and U+2029 and keep other characters that share their first byte",
          "[render][json]") {
    CHECK(json_string("行\xE2\x80\xA8段\xE2\x80\xA9") == "\"行\\u2028段\\u2029\"");
    // “ ” (E2 80 9C, E2 80 9D) and a cut-off E2 at the end are copied.
    CHECK(json_string("“三公”经费") == "\"“三公”经费\"");
    CHECK(json_string("a\xE2\x80") == "\"a\xE2\x80\"");
}

TEST_CASE("the writer separates, indents and closes containers", "[render][json]") {
    gk::JsonWriter pretty(2);
    pretty.begin_object().key("a").integer(1).key("b").begin_array().string("x").null().end_array();
    pretty.key("c").begin_object().end_object().end_object();
    CHECK(pretty.str() == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    null\n  ],\n  \"c\": {}\n}");
    gk::JsonWriter compact(0);
    compact.begin_array().number("36.27").boolean(true).boolean(false).end_array();
    CHECK(compact.str() == "[36.27,true,false]");
}

namespace {

// The same values through a writer of the given indentation.
std::string write_sample(int indent) {
    gk::JsonWriter json(indent);
    json.begin_object();
    json.key("名称").string("a: b, \"c\": [d]\n  e\\");
    json.key("key: with colon ").string("\\\"");
    json.key("empty").begin_object().end_object();
    json.key("list").begin_array().number("-10.67").null().begin_array().end_array().begin_object();
    json.key("x").boolean(false).end_object().integer(2021).end_array();
    json.key("last").string(" ");
    json.end_object();
    return json.take();
}

}  // namespace

TEST_CASE("an indented writer's output made compact is the compact writer's output", "[render][json]") {
    CHECK(gk::compact_json(write_sample(2)) == write_sample(0));
    CHECK(gk::compact_json(write_sample(4) + "\n") == write_sample(0));
    CHECK(gk::compact_json(write_sample(0)) == write_sample(0));
    gk::JsonWriter outer(0);
    outer.begin_array().raw(gk::compact_json(write_sample(2))).raw("1").end_array();
    CHECK(outer.str() == "[" + write_sample(0) + ",1]");
}
