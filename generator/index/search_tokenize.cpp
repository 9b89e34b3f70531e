#include "index/search_tokenize.h"

namespace gk {

CharClass char_class(char32_t c) {
    // JavaScript's \s (and NUL), so that the client splits queries where pages split text.
    if (c == 0 || (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
        (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
        c == 0x3000 || c == 0xFEFF)
        return CharClass::space;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::word;
    // Full-width digits and letters, common in Chinese documents.
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
        return CharClass::word;
    return CharClass::character;
}

char32_t fold_word_char(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width to ASCII
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    return c;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    int extra = 0;
    char32_t c = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        extra = 1, c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, c = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, c = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + extra >= s.size()) {  // truncated at the end
        i = s.size();
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            i += k;
            return 0xFFFD;
        }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    i += extra + 1;
    // Overlong forms, surrogates and out-of-range values are not text.
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (c < kMin[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

void tokenize(std::string_view text, const std::vector<FieldSpan>& spans, TokenVisitor& visitor) {
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

    const auto flush_word = [&] {
        if (!word.empty()) visitor.word(word, word_pos, word_field);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        while (span < spans.size() && spans[span].end <= pos) ++span;
        const Field field = span < spans.size() && spans[span].begin <= pos ? spans[span].field : Field::body;
        switch (char_class(c)) {
        case CharClass::space:
            flush_word();
            prev = prev2 = 0;
            break;
        case CharClass::word:
            if (word.empty()) word_pos = pos, word_field = field;
            append_utf8(word, fold_word_char(c));
            prev = prev2 = 0;
            break;
        case CharClass::character:
            flush_word();
            visitor.character(c, pos, field);
            if (prev != 0) visitor.bigram(prev, c, prev_pos, prev_field);
            if (prev2 != 0) visitor.trigram(prev2, prev, c, prev2_pos, prev2_field);
            prev2 = prev, prev2_pos = prev_pos, prev2_field = prev_field;
            prev = c, prev_pos = pos, prev_field = field;
            break;
        }
        pos += utf16_length(c);
    }
    flush_word();
}

}  // namespace gk
