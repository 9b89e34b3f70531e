// glossary.toml: the terms a disclosure explains (spec §3).
#pragma once

#include <string>
#include <vector>

#include "model/located.h"

namespace gk {

struct GlossaryTerm {
    Located<std::string> id;    // slug, the term's URL segment
    Located<std::string> name;
    std::vector<Located<std::string>> aliases;
    std::string definition;     // Markdown
    SourceLoc loc;              // the [[term]] header
};

struct Glossary {
    std::vector<GlossaryTerm> terms;  // in file order
    SourceLoc loc;
};

}  // namespace gk
