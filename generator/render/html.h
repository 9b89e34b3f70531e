// Escaping for HTML and XML text and attribute values: the one function
// every pre-rendered fragment (a *_html value) goes through.
#pragma once

#include <string>
#include <string_view>

namespace gk {

// & < > " ' → entities. Safe in text and in quoted attribute values.
std::string escape_html(std::string_view text);
void append_escaped_html(std::string& out, std::string_view text);

}  // namespace gk
