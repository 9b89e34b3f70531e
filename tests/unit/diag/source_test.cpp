// SourceFile's line index: every diagnostic quotes its line through it.
#include <catch2/catch.hpp>

#include <string>

#include "diag/source.h"

using namespace gk;

TEST_CASE("a source file finds every line, whatever the line lengths around the 8-byte steps", "[diag][source]") {
    // Lines of 0 to 20 bytes, so line breaks fall on every offset of a word.
    std::string text;
    std::vector<std::string> lines;
    for (int length = 0; length <= 20; ++length) {
        lines.push_back(std::string(static_cast<std::size_t>(length), static_cast<char>('a' + length % 26)));
        text += lines.back() + "\n";
    }
    SourceSet sources;
    const SourceFile& file = sources.add("content/a.toml", text);
    for (std::size_t n = 1; n <= lines.size(); ++n) CHECK(file.line(static_cast<std::uint32_t>(n)) == lines[n - 1]);
    CHECK(file.line(static_cast<std::uint32_t>(lines.size() + 1)).empty());  // after the last line break
    CHECK(file.line(static_cast<std::uint32_t>(lines.size() + 2)).empty());  // past the end
}

TEST_CASE("a source file's last line needs no line break, and CRLF lines lose their CR", "[diag][source]") {
    SourceSet sources;
    const SourceFile& file = sources.add("content/a.toml", "x = 1\r\n\xe6\x94\xb6\xe5\x85\xa5 = 2\r\nlast");
    CHECK(file.line(1) == "x = 1");
    CHECK(file.line(2) == "\xe6\x94\xb6\xe5\x85\xa5 = 2");
    CHECK(file.line(3) == "last");
    CHECK(file.line(4).empty());
    CHECK(file.column_to_byte(2, 2) == 3);  // one Chinese character is one column, three bytes
}

TEST_CASE("a source file of bytes with the high bit set does not count them as line breaks", "[diag][source]") {
    // 0x8A is '\n' with the high bit set: a byte-wise comparison must not match it.
    SourceSet sources;
    const SourceFile& file = sources.add("content/a.md", std::string(16, '\x8a') + "\n" + std::string(9, '\x0b'));
    CHECK(file.line(1) == std::string(16, '\x8a'));
    CHECK(file.line(2) == std::string(9, '\x0b'));
    CHECK(file.line(3).empty());
}
