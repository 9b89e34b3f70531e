// Glossary rules: every id a valid slug; no two terms share an id, a name
// or an alias (a word must link to one page only).
#include <map>

#include "model/slug.h"
#include "validate/validate.h"

namespace gk {

void check_glossary(const Glossary& glossary, Diagnostics& diagnostics) {
    std::map<std::string, const GlossaryTerm*> ids;
    // Every name and alias -> the term that has it and where.
    std::map<std::string, std::pair<const GlossaryTerm*, SourceLoc>> words;
    for (const GlossaryTerm& term : glossary.terms) {
        if (term.id.has()) {
            if (!is_valid_slug(*term.id)) {
                diagnostics.error(term.id.loc, "'" + *term.id +
                                                   "' is not a valid term id: use lowercase letters a-z, digits and "
                                                   "'-', starting with a letter or digit, at most 64 characters");
            }
            const auto [it, inserted] = ids.emplace(*term.id, &term);
            if (!inserted) {
                diagnostics.error(term.id.loc, "duplicate term id '" + *term.id + "'; first at line " +
                                                   std::to_string(it->second->id.loc.line));
            }
        }
        std::vector<Located<std::string>> labels;
        if (term.name.has()) labels.push_back(term.name);
        labels.insert(labels.end(), term.aliases.begin(), term.aliases.end());
        for (const Located<std::string>& label : labels) {
            if (label->empty()) {
                diagnostics.error(label.loc, "a term's name or alias must not be empty");
                continue;
            }
            const auto [it, inserted] = words.emplace(*label, std::pair(&term, label.loc));
            if (inserted || it->second.first == &term) continue;
            const std::string other = it->second.first->id.value.value_or("?");
            diagnostics.error(label.loc, "'" + *label + "' is already a name or alias of term '" + other +
                                             "' (line " + std::to_string(it->second.second.line) + ")");
        }
    }
}

}  // namespace gk
