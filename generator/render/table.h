// An accessible data table as data: caption, column headers (th scope=col),
// row headers (th scope=row), numeric cells, and the customary note when a
// table has no rows. One partial (partials/table.mustache) and two cell
// templates (cells/head, cells/body) render them all, so every table on the
// portal has the same structure.
#pragma once

#include <string>
#include <vector>

#include "render/templates.h"

namespace gk {

struct Cell {
    std::string cell_html;  // escaped text or a pre-rendered link
    bool header = false;    // th (scope col in head rows, row in body rows)
    bool numeric = false;   // right-aligned, tabular figures
    int colspan = 1;
    int rowspan = 1;
    int level = 0;          // indentation of a row header (款 1, 项 2)
};

struct Row {
    std::vector<Cell> cells;
    bool total = false;  // a 合计 row: emphasised
};

struct Table {
    std::string id;            // unique on the page
    std::string caption;       // plain text
    std::string unit;          // plain text shown after the caption ("单位：万元"), may be empty
    std::vector<Row> head;
    std::vector<Row> body;
    std::string empty_note;    // shown instead of the body when it has no rows
    std::string note_html;     // optional note under the table
    // One of the standard disclosure tables (部门预算公开表), which restate
    // the disclosure's figures in the statutory layout: the theme may treat
    // them apart (the default theme leaves their column headings and
    // figures out of search, docs/search-format.md).
    bool standard = false;
    // Every row restates rows shown elsewhere on the page (another standard
    // table, a section's table): the default theme leaves them out of
    // search too.
    bool restated_rows = false;
};

Cell text_cell(const std::string& text, bool header = false);
Cell html_cell(std::string html, bool header = false);
Cell number_cell(std::string html);

// The table as template data for partials/table.mustache: id, caption,
// has_unit and unit, has_head, head and body (lists of rows), empty and
// empty_note, has_note and note_html, standard_table and restated_rows. A
// row has cells_html, its cells rendered one after another by
// cells/head.mustache (head rows) or cells/body.mustache (body rows), and
// total (true for a total row; the table says false for the others). A
// cell template sees cell_html, numeric, has_colspan and colspan,
// has_rowspan and rowspan, its table's standard_table and restated_rows,
// and scope ("col", "colgroup": head cells) or header and level (body
// cells), plus the labels and site values, but nothing else of the table
// or page around it (TemplateSet::Slotted: it is rendered once per shape
// of cell).
mu::data table_data(const TemplateSet& templates, const mu::data& globals, const Table& table);

}  // namespace gk
