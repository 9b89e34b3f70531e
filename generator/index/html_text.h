// The words of a rendered page, as search indexes and shows them: the page's
// <title> and the text of its <main> (headings, paragraphs, lists, table
// cells, figures), without what is not reading matter there (<svg> charts,
// whose figures the table beside them repeats, <script>, <style>, and the
// table of contents `nav.toc`, which repeats the headings).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/search_tokenize.h"

namespace gk {

struct PageText {
    std::string title;  // plain text, whitespace normalised
    // The title, one space, then the main text: entities decoded, every run
    // of whitespace (and every boundary between blocks or table cells) one
    // space, no space at either end. UTF-8.
    std::string text;
    std::vector<FieldSpan> spans;  // the title and the headings, in order
    std::uint32_t length16 = 0;    // length of `text` in UTF-16 units
};

// `title_suffix` (" - 站点名") is removed from the end of the <title>, where
// the layout adds the site's name to every page. A short tag whose bytes
// the thread has seen before is not parsed again (what it does depends on
// its bytes alone); `remember_tags` false parses every tag, the tests'
// reference.
PageText extract_page_text(std::string_view html, std::string_view title_suffix, bool remember_tags = true);

// Whitespace runs to one space, trimmed (the normalisation of page text and
// of queries).
std::string normalize_space(std::string_view text);

}  // namespace gk
