// How search sees text: every code point is a space, part of a word (ASCII
// letters and digits, full-width ones folded to ASCII), punctuation (ASCII
// and CJK punctuation, full-width forms and a few common symbols) or a
// "character" (everything else: Chinese and other CJK, other symbols).
// Words are indexed whole and found by prefix; characters one by one and in
// runs (bigrams, trigrams with their positions), so that any run of
// characters is found exactly. Punctuation separates like a space: it is in
// the page's text but never in a token, so "“三公”经费" finds 三公 and 经费
// and a half-width "(境)" finds a full-width "（境）" (docs/search-format.md,
// "Code point classes", says why). The JavaScript client
// (themes/default/assets/search-core.js) classifies code points the same
// way; docs/search-format.md is the contract.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

// `space` is whitespace (the page text keeps one); `punctuation` stays in the
// text but, like a space, ends words and runs of characters.
enum class CharClass : std::uint8_t { space, word, character, punctuation };

// Where a piece of text sits on its page; ranking weighs title > heading > body.
enum class Field : std::uint8_t { body = 0, heading = 1, title = 2 };

// The class of any code point, out of line (the rare ones).
CharClass char_class_slow(char32_t c);

inline CharClass char_class(char32_t c) {
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) return CharClass::word;
        if (c == 0x20 || c == 0 || (c >= 0x09 && c <= 0x0D)) return CharClass::space;
        return CharClass::punctuation;
    }
    // Bopomofo, the CJK ideographs and everything up to the vertical forms:
    // no space, no word code point, no punctuation.
    if (c >= 0x3100 && c < 0xFE10) return CharClass::character;
    return char_class_slow(c);
}

// Quotation marks: “ ” ‘ ’ 「 」 『 』, and the ASCII and full-width " and '.
// Between two characters they do not end a run (docs/search-format.md,
// "Code point classes"): disclosures write “三公”经费 and “十四五”规划, and
// a citizen types 三公经费. Elsewhere they are punctuation like any other.
inline bool is_quotation_mark(char32_t c) {
    return c == 0x22 || c == 0x27 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
           (c >= 0x300C && c <= 0x300F) || c == 0xFF02 || c == 0xFF07;
}

// A word code point as it is indexed: lower-case ASCII.
inline char32_t fold_word_char(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width to ASCII
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    return c;
}

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes give
// U+FFFD. Out of line: every form, errors included.
char32_t next_code_point_slow(std::string_view s, std::size_t& i);

// Likewise, with ASCII and valid three-byte sequences (all of CJK) decoded
// inline; the result is the same as next_code_point_slow's.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
            const char32_t c = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
            if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
                i += 3;
                return c;
            }
        }
    }
    return next_code_point_slow(s, i);
}

inline void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
        return;
    }
    char b[4];
    std::size_t n;
    if (c < 0x800) {
        b[0] = static_cast<char>(0xC0 | (c >> 6));
        b[1] = static_cast<char>(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = static_cast<char>(0xE0 | (c >> 12));
        b[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        b[2] = static_cast<char>(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = static_cast<char>(0xF0 | (c >> 18));
        b[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        b[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        b[3] = static_cast<char>(0x80 | (c & 0x3F));
        n = 4;
    }
    out.append(b, n);
}

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
// (sorted, not overlapping), reporting to any type with the member functions
// of TokenVisitor (called directly, so a final visitor's are inlined). The
// indexer calls it; `tokenize` below is the same for a TokenVisitor. A
// visitor with a member code_point(char32_t) is also given every code point
// of the text in order (the indexer writes the text's UTF-16 from them
// rather than decode it a second time).
//
// Quotation marks between two characters are left out of the run they
// join: the characters after them are given positions as if the marks were
// not there (the run's first character keeps its own), so that a run of the
// query is found by the positions of its trigrams as anywhere else. A run
// never takes more positions than the text it spans, so its positions stay
// apart from every other run's and rise through the page.
template <class Visitor>
void tokenize_with(std::string_view text, const std::vector<FieldSpan>& spans, Visitor& visitor) {
    std::size_t span = 0;
    std::uint32_t pos = 0;  // UTF-16 offset of the current code point
    std::string word;
    std::uint32_t word_pos = 0;
    Field word_field = Field::body;
    char32_t prev = 0;  // the previous code point when it was a character, else 0
    std::uint32_t prev_pos = 0;
    Field prev_field = Field::body;
    char32_t prev2 = 0;  // the one before, likewise
    std::uint32_t prev2_pos = 0;
    Field prev2_field = Field::body;
    // UTF-16 units of quotation marks after the run's last character, and of
    // those left out of the run so far (its positions are pos − skipped).
    std::uint32_t quotes = 0, skipped = 0;
    // The field of the current position: spans[span] when pos is in it.
    std::uint32_t span_begin = spans.empty() ? ~0u : spans[0].begin;
    std::uint32_t span_end = spans.empty() ? ~0u : spans[0].end;

    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if constexpr (requires { visitor.code_point(c); }) visitor.code_point(c);
        while (pos >= span_end) {
            ++span;
            span_begin = span < spans.size() ? spans[span].begin : ~0u;
            span_end = span < spans.size() ? spans[span].end : ~0u;
        }
        const Field field = span_begin <= pos ? spans[span].field : Field::body;
        switch (char_class(c)) {
        case CharClass::punctuation:
            if (prev != 0 && is_quotation_mark(c)) {  // the run goes on if a character follows
                quotes += utf16_length(c);
                break;
            }
            [[fallthrough]];
        case CharClass::space:
            if (!word.empty()) {
                visitor.word(std::string_view(word), word_pos, word_field);
                word.clear();
            }
            prev = prev2 = 0;
            quotes = skipped = 0;
            break;
        case CharClass::word:
            if (word.empty()) word_pos = pos, word_field = field;
            word += static_cast<char>(fold_word_char(c));
            prev = prev2 = 0;
            quotes = skipped = 0;
            break;
        case CharClass::character: {
            if (!word.empty()) {
                visitor.word(std::string_view(word), word_pos, word_field);
                word.clear();
            }
            skipped += quotes;
            quotes = 0;
            const std::uint32_t at = pos - skipped;
            visitor.character(c, at, field);
            if (prev != 0) visitor.bigram(prev, c, prev_pos, prev_field);
            if (prev2 != 0) visitor.trigram(prev2, prev, c, prev2_pos, prev2_field);
            prev2 = prev, prev2_pos = prev_pos, prev2_field = prev_field;
            prev = c, prev_pos = at, prev_field = field;
            break;
        }
        }
        pos += utf16_length(c);
    }
    if (!word.empty()) visitor.word(std::string_view(word), word_pos, word_field);
}

void tokenize(std::string_view text, const std::vector<FieldSpan>& spans, TokenVisitor& visitor);

}  // namespace gk
