// The disclosure page of one department-year, in the order of a standard
// disclosure. Its sections are built in disclosure_sections.cpp and its
// standard tables (部门预算公开表) in disclosure_tables.cpp.
#pragma once

#include <string>
#include <vector>

#include "render/figure_tables.h"
#include "render/render_env.h"

namespace gk {

// What the builders of one disclosure page share.
struct DisclosureContext {
    const RenderEnv& env;
    const DepartmentYear& dy;
    std::string path;      // the page's output path
    TermLinker linker;     // first use of each glossary term on this page
    bool final_accounts() const { return dy.kind == BudgetKind::final_accounts; }
    const std::optional<Amount>& value(Fig f) const { return dy.values[index(f)]; }
    // Sentence data with year, unit and the kind's words already set.
    mu::data sentence_data() const;
    // Markdown through cmark-gfm with glossary links; "" for empty text.
    std::string markdown(const std::string& text, const std::string& id_prefix, int heading_shift,
                         std::vector<Heading>* headings = nullptr);
    // The note of a section from [notes], as HTML ("" when absent).
    std::string note(NoteKey key);
};

// Each returns the data of one section (disclosure_sections.cpp).
mu::data duties_section(DisclosureContext& c);
mu::data overview_section(DisclosureContext& c);
mu::data change_section(DisclosureContext& c);
mu::data operating_section(DisclosureContext& c);
mu::data three_public_section(DisclosureContext& c);
mu::data performance_section(DisclosureContext& c);
mu::data procurement_section(DisclosureContext& c);
mu::data assets_section(DisclosureContext& c);

// The standard disclosure tables (disclosure_tables.cpp).
std::vector<Table> standard_tables(DisclosureContext& c);

}  // namespace gk
