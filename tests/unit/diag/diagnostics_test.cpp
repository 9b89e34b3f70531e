#include <catch2/catch.hpp>

#include <string>

#include "diag/diagnostics.h"

using namespace gk;

namespace {

// One diagnostic at (line, column) of a file with `text`, formatted.
std::string formatted(const std::string& text, std::uint32_t line, std::uint32_t column,
                      Severity severity = Severity::error) {
    SourceSet sources;
    const SourceFile& file = sources.add("content/departments/union/2020.toml", text);
    Diagnostics diagnostics;
    if (severity == Severity::error) {
        diagnostics.error(SourceLoc{&file, line, column}, "the message");
    } else {
        diagnostics.warning(SourceLoc{&file, line, column}, "the message");
    }
    return format_diagnostic(diagnostics.sorted().at(0));
}

}  // namespace

TEST_CASE("a located error shows path, line and column, the quoted line and a caret under the column",
          "[diag]") {
    CHECK(formatted("year = 2020\ntotal = 36.28\n", 2, 9) ==
          "content/departments/union/2020.toml:2:9: error: the message\n"
          " 2 | total = 36.28\n"
          "   |         ^\n");
}

TEST_CASE("a warning says warning", "[diag]") {
    CHECK(formatted("amount = 0\n", 1, 10, Severity::warning) ==
          "content/departments/union/2020.toml:1:10: warning: the message\n"
          " 1 | amount = 0\n"
          "   |          ^\n");
}

TEST_CASE("the caret counts a Chinese character as two columns wide", "[diag]") {
    // Column 12 (code points) is the 5 of 5e3; 三 and 公 take two columns each.
    CHECK(formatted("x = [\"三公\", 5e3]\n", 1, 12) ==
          "content/departments/union/2020.toml:1:12: error: the message\n"
          " 1 | x = [\"三公\", 5e3]\n"
          "   |              ^\n");
    // Full-width punctuation is wide too.
    CHECK(formatted("a = \"（一）\" b\n", 1, 11) ==
          "content/departments/union/2020.toml:1:11: error: the message\n"
          " 1 | a = \"（一）\" b\n"
          "   |              ^\n");
}

TEST_CASE("the caret line keeps the quoted line's tabs so it lines up in any terminal", "[diag]") {
    CHECK(formatted("\tamount = -1\n", 1, 11) ==
          "content/departments/union/2020.toml:1:11: error: the message\n"
          " 1 | \tamount = -1\n"
          "   | \t         ^\n");
}

TEST_CASE("the gutter is as wide as the line number", "[diag]") {
    std::string text;
    for (int i = 1; i < 12; ++i) text += "# line\n";
    text += "total = 1\n";
    CHECK(formatted(text, 12, 9) ==
          "content/departments/union/2020.toml:12:9: error: the message\n"
          " 12 | total = 1\n"
          "    |         ^\n");
}

TEST_CASE("a line ending in CRLF is quoted without its carriage return", "[diag]") {
    CHECK(formatted("year = 2019\r\nx = 1\r\n", 1, 8) ==
          "content/departments/union/2020.toml:1:8: error: the message\n"
          " 1 | year = 2019\n"
          "   |        ^\n");
}

TEST_CASE("a caret past the end of the line stops at the line's end", "[diag]") {
    CHECK(formatted("x = 1", 1, 40) ==
          "content/departments/union/2020.toml:1:40: error: the message\n"
          " 1 | x = 1\n"
          "   |      ^\n");
}

TEST_CASE("an empty line or a line that does not exist is not quoted", "[diag]") {
    CHECK(formatted("\nx = 1\n", 1, 1) == "content/departments/union/2020.toml:1:1: error: the message\n");
    CHECK(formatted("x = 1\n", 7, 1) == "content/departments/union/2020.toml:7:1: error: the message\n");
}

TEST_CASE("a line without a column is quoted without a caret", "[diag]") {
    CHECK(formatted("x = 1\n", 1, 0) ==
          "content/departments/union/2020.toml:1: error: the message\n"
          " 1 | x = 1\n");
}

TEST_CASE("a problem with a whole file or folder has only its path", "[diag]") {
    Diagnostics diagnostics;
    diagnostics.error(std::string("content/departments/Bad_Id"), "not a valid department id");
    CHECK(format_diagnostic(diagnostics.sorted().at(0)) == "content/departments/Bad_Id: error: not a valid department id\n");
    SourceSet sources;
    const SourceFile& file = sources.add("content/site.toml", "title = 1\n");
    diagnostics.error(SourceLoc{&file, 0, 0}, "whole file");
    CHECK(format_report(diagnostics) ==
          "content/departments/Bad_Id: error: not a valid department id\n"
          "content/site.toml: error: whole file\n"
          "2 errors in 2 files\n");
}

TEST_CASE("the report ends with a count of errors, warnings and files", "[diag]") {
    SourceSet sources;
    const SourceFile& a = sources.add("content/a.toml", "x = 1\ny = 2\n");
    const SourceFile& b = sources.add("content/b.toml", "z = 3\n");
    Diagnostics diagnostics;
    CHECK(format_report(diagnostics).empty());

    diagnostics.error(SourceLoc{&b, 1, 5}, "e1");
    const std::string one_error = format_report(diagnostics);
    CHECK(one_error.ends_with("\n1 error in 1 file\n"));

    diagnostics.warning(SourceLoc{&a, 2, 5}, "w1");
    diagnostics.error(SourceLoc{&a, 1, 5}, "e2");
    CHECK(diagnostics.error_count() == 2);
    CHECK(diagnostics.warning_count() == 1);
    CHECK(format_report(diagnostics) ==
          "content/a.toml:1:5: error: e2\n"
          " 1 | x = 1\n"
          "   |     ^\n"
          "content/a.toml:2:5: warning: w1\n"
          " 2 | y = 2\n"
          "   |     ^\n"
          "content/b.toml:1:5: error: e1\n"
          " 1 | z = 3\n"
          "   |     ^\n"
          "2 errors and 1 warning in 2 files\n");

    Diagnostics warnings;
    warnings.warning(SourceLoc{&a, 1, 1}, "w1");
    warnings.warning(SourceLoc{&a, 2, 1}, "w2");
    CHECK(format_report(warnings).ends_with("\n2 warnings in 1 file\n"));
    CHECK_FALSE(warnings.has_errors());
}

TEST_CASE("diagnostics are sorted by path, line and column whatever order they came in", "[diag]") {
    SourceSet sources;
    const SourceFile& a = sources.add("content/a.toml", "");
    const SourceFile& b = sources.add("content/b.toml", "");
    Diagnostics diagnostics;
    diagnostics.error(SourceLoc{&b, 1, 1}, "b1");
    diagnostics.error(SourceLoc{&a, 10, 1}, "a10");
    diagnostics.error(SourceLoc{&a, 2, 7}, "a2:7");
    diagnostics.error(SourceLoc{&a, 2, 3}, "a2:3");
    diagnostics.error(std::string("content/a.toml"), "a whole");
    std::vector<std::string> order;
    for (const Diagnostic& d : diagnostics.sorted()) order.push_back(d.message);
    CHECK(order == std::vector<std::string>{"a whole", "a2:3", "a2:7", "a10", "b1"});
}

TEST_CASE("the same problem reported twice is shown once", "[diag]") {
    SourceSet sources;
    const SourceFile& a = sources.add("content/a.toml", "x = 1\n");
    Diagnostics diagnostics;
    diagnostics.error(SourceLoc{&a, 1, 5}, "same");
    diagnostics.error(SourceLoc{&a, 1, 5}, "same");
    diagnostics.error(SourceLoc{&a, 1, 5}, "other");
    diagnostics.warning(SourceLoc{&a, 1, 5}, "same");
    std::vector<std::string> kept;
    for (const Diagnostic& d : diagnostics.sorted())
        kept.push_back((d.severity == Severity::error ? "error " : "warning ") + d.message);
    CHECK(kept == std::vector<std::string>{"warning same", "error other", "error same"});
    CHECK(format_report(diagnostics).ends_with("\n2 errors and 1 warning in 1 file\n"));
}

TEST_CASE("promoting warnings turns every warning into an error", "[diag]") {
    SourceSet sources;
    const SourceFile& a = sources.add("content/a.toml", "x = 1\n");
    Diagnostics diagnostics;
    diagnostics.warning(SourceLoc{&a, 1, 1}, "w");
    CHECK_FALSE(diagnostics.has_errors());
    diagnostics.promote_warnings();
    CHECK(diagnostics.has_errors());
    CHECK(diagnostics.warning_count() == 0);
    CHECK(format_report(diagnostics) == "content/a.toml:1:1: error: w\n 1 | x = 1\n   | ^\n1 error in 1 file\n");
}

TEST_CASE("a diagnostic keeps its quoted line after the sources are gone", "[diag]") {
    Diagnostics diagnostics;
    {
        SourceSet sources;
        const SourceFile& a = sources.add("content/a.toml", "total = 36.28\n");
        diagnostics.error(SourceLoc{&a, 1, 9}, "m");
    }
    CHECK(format_report(diagnostics) == "content/a.toml:1:9: error: m\n 1 | total = 36.28\n   |         ^\n1 error in 1 file\n");
}
