// Glossary links in HTML that gongkai rendered: the disclosure page links
// the first use of each term in its generated sentences and tables too, not
// only in the Markdown it renders (markdown.cpp links those as it goes).
#pragma once

#include <string>
#include <string_view>

#include "render/markdown.h"

namespace gk {

// `<a class="term" href="…" title="…">`: the opening of a term's link, the
// same in Markdown and in generated HTML.
std::string term_link_open(const TermLinker& linker, std::size_t term);

// Wraps the first use of each term the linker has not linked yet in a link.
// Only running text is linked: never inside a link, a heading, a table
// header or caption, navigation, code, or an SVG chart. Reads only HTML as
// gongkai's templates write it (well-formed, attributes quoted).
std::string link_terms_in_html(std::string_view html, TermLinker& linker);

}  // namespace gk
