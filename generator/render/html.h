// Escaping for HTML and XML text and attribute values: the one function
// every pre-rendered fragment (a *_html value) goes through.
#pragma once

#include <string>
#include <string_view>

namespace gk {

// & < > " ' → entities. Safe in text and in quoted attribute values.
std::string escape_html(std::string_view text);
void append_escaped_html(std::string& out, std::string_view text);

// The entities gongkai writes (escape_html's five, and &apos; from label
// templates) decoded; anything else stays as written. For text that comes
// back escaped and must be stored as plain text (the search index).
std::string unescape_html(std::string_view html);

// The text a reader sees in an HTML fragment that gongkai wrote: tags and
// comments dropped (other than inline tags such as <a> and <strong>, each
// becomes one space, so the words of adjacent cells do not run together),
// the entities unescape_html knows decoded. Not a
// general HTML parser: it reads only what gongkai's templates produce.
std::string visible_text(std::string_view html);
// Whether visible_text(html) has a character other than whitespace; stops
// at the first.
bool shows_text(std::string_view html);

}  // namespace gk
