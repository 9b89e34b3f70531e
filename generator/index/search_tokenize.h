// How search sees text: every code point is a space, part of a word (ASCII
// letters and digits, full-width ones folded to ASCII) or a "character"
// (everything else: Chinese and other CJK, punctuation, symbols). Words are
// indexed whole and found by prefix; characters one by one and in adjacent
// pairs (bigrams) with their positions, so that any run of characters is
// found exactly. The JavaScript client (themes/default/assets/search-core.js)
// classifies code points the same way; docs/search-format.md is the contract.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

enum class CharClass : std::uint8_t { space, word, character };

// Where a piece of text sits on its page; ranking weighs title > heading > body.
enum class Field : std::uint8_t { body = 0, heading = 1, title = 2 };

CharClass char_class(char32_t c);
// A word code point as it is indexed: lower-case ASCII.
char32_t fold_word_char(char32_t c);

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t c);
// Code units the code point takes in UTF-16: positions are counted in them,
// as JavaScript strings are.
inline std::uint32_t utf16_length(char32_t c) { return c >= 0x10000 ? 2 : 1; }

// A stretch of text in one field, as [begin, end) in UTF-16 units.
struct FieldSpan {
    std::uint32_t begin = 0, end = 0;
    Field field = Field::body;
};

// What the tokenizer reports; positions are UTF-16 offsets into the text.
class TokenVisitor {
public:
    virtual ~TokenVisitor() = default;
    virtual void character(char32_t c, std::uint32_t pos, Field field) = 0;
    virtual void bigram(char32_t first, char32_t second, std::uint32_t pos, Field field) = 0;
    virtual void trigram(char32_t first, char32_t second, char32_t third, std::uint32_t pos, Field field) = 0;
    // `word` is folded (lower-case ASCII).
    virtual void word(std::string_view word, std::uint32_t pos, Field field) = 0;
};

// Tokenizes normalised text (UTF-8) whose non-body stretches are `spans`
// (sorted, not overlapping).
void tokenize(std::string_view text, const std::vector<FieldSpan>& spans, TokenVisitor& visitor);

}  // namespace gk
