#include "load/load_glossary.h"

#include "load/table_reader.h"

namespace gk {

Glossary load_glossary(const TomlDocument& doc, Diagnostics& diagnostics) {
    Glossary glossary;
    glossary.loc = SourceLoc{doc.file, 0, 0};
    if (!doc.root) return glossary;
    TableReader top(*doc.root, *doc.file, diagnostics, "glossary.toml");
    if (const toml::array* terms = top.array("term")) {
        for (const toml::table* t : tables_of(*terms, *doc.file, diagnostics, "term")) {
            TableReader reader(*t, *doc.file, diagnostics, "[[term]]");
            GlossaryTerm term;
            term.loc = reader.loc();
            term.id = reader.string("id", true);
            term.name = reader.string("name", true);
            term.aliases = reader.string_array("aliases");
            term.definition = reader.string("definition", true).value.value_or("");
            reader.finish();
            glossary.terms.push_back(std::move(term));
        }
    }
    top.finish();
    return glossary;
}

}  // namespace gk
