// Where each page lives in the output, and links between pages. Links are
// relative ("../../glossary/x/index.html") so the site works under any
// sub-path and from file://; they name index.html explicitly because a
// file:// browser does not look for it in a folder.
#pragma once

#include <string>

#include "compute/derived.h"

namespace gk {

std::string overview_path();                                  // index.html
std::string year_path(int year, BudgetKind kind);              // 2020/index.html, 2020-final/index.html
std::string department_path(const std::string& id);            // departments/<id>/index.html
std::string disclosure_path(const DepartmentYear& dy);         // departments/<id>/2020/index.html
std::string disclosure_path(const DisclosureRef& d);
std::string glossary_index_path();                             // glossary/index.html
std::string glossary_term_path(const std::string& term_id);    // glossary/<id>/index.html
std::string search_path();                                     // search/index.html
std::string data_index_path();                                 // data/index.html

// "../../" for "departments/x/index.html": from a page back to the root.
std::string root_prefix(const std::string& page_path);

// The absolute URL of an output path under base_url ("" when base_url is "").
std::string absolute_url(const std::string& base_url, const std::string& path);

}  // namespace gk
