// An accessible data table as data: caption, column headers (th scope=col),
// row headers (th scope=row), numeric cells, and the customary note when a
// table has no rows. One partial (partials/table.mustache) renders them all,
// so every table on the portal has the same structure.
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
};

Cell text_cell(const std::string& text, bool header = false);
Cell html_cell(std::string html, bool header = false);
Cell number_cell(std::string html);

// The table as template data. Every cell has cell_html; a head cell also
// has scope ("col", "colgroup"); a cell says numeric, has_colspan and
// colspan, has_rowspan and rowspan, header and level (a body cell) only
// when it is numeric, spans more than one column or row, or is a row
// header, and a row says total only when it is one. The table itself holds
// the plain values (numeric, has_colspan, has_rowspan, header and total
// all false), which a template asking a plain cell or row finds there.
// Rows have cells.
mu::data table_data(const Table& table);

}  // namespace gk
