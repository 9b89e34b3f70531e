#include "render/table.h"

#include "render/html.h"

namespace gk {

Cell text_cell(const std::string& text, bool header) {
    Cell c;
    c.cell_html = escape_html(text);
    c.header = header;
    return c;
}

Cell html_cell(std::string html, bool header) {
    Cell c;
    c.cell_html = std::move(html);
    c.header = header;
    return c;
}

Cell number_cell(std::string html) {
    Cell c;
    c.cell_html = std::move(html);
    c.numeric = true;
    return c;
}

namespace {

// A cell's values as cells/head.mustache or cells/body.mustache see them
// (table.h), but its html, which the slotted template fills in.
mu::data cell_data(const Cell& c, bool head, const Table& table) {
    mu::data d;
    set_moved(d, "numeric", c.numeric);
    set_moved(d, "standard_table", table.standard);
    set_moved(d, "restated_rows", table.restated_rows);
    set_moved(d, "has_colspan", c.colspan > 1);
    set_moved(d, "colspan", std::to_string(c.colspan));
    set_moved(d, "has_rowspan", c.rowspan > 1);
    set_moved(d, "rowspan", std::to_string(c.rowspan));
    if (head) {
        set_moved(d, "scope", c.colspan > 1 ? "colgroup" : "col");
    } else {
        set_moved(d, "header", c.header);
        set_moved(d, "level", std::to_string(c.level));
    }
    return d;
}

// Everything cell_data puts in a cell's data, as one number: cells of the
// same shape differ only in their html. Spans and levels are small in any
// table gongkai makes; a cell beyond these bounds is rendered alone.
constexpr std::uint64_t kSpanBits = 20, kLevelBits = 8;

bool fits_shape(const Cell& c) {
    return c.colspan >= 0 && c.rowspan >= 0 && c.level >= 0 && c.colspan < (1 << kSpanBits) &&
           c.rowspan < (1 << kSpanBits) && c.level < (1 << kLevelBits);
}

// A shape's fragments outlive the table (TemplateSet keeps them for its
// thread), so what the cell sees of its table is part of the shape.
std::uint64_t cell_shape(const Cell& c, const Table& table) {
    std::uint64_t shape = static_cast<std::uint64_t>(c.colspan);
    shape = (shape << kSpanBits) | static_cast<std::uint64_t>(c.rowspan);
    shape = (shape << kLevelBits) | static_cast<std::uint64_t>(c.level);
    shape = (shape << 2) | (table.standard ? 2u : 0u) | (table.restated_rows ? 1u : 0u);
    return (shape << 2) | (c.header ? 2u : 0u) | (c.numeric ? 1u : 0u);
}

mu::data row_data(const Row& row, TemplateSet::Slotted& cells, bool head, const Table& table) {
    std::string html;
    for (const Cell& c : row.cells) {
        const auto make = [&] { return cell_data(c, head, table); };
        if (fits_shape(c)) {
            cells.append(html, cell_shape(c, table), c.cell_html, make);
        } else {
            cells.append_alone(html, c.cell_html, make());
        }
    }
    mu::data r;
    set_moved(r, "cells_html", std::move(html));
    if (row.total) set_moved(r, "total", true);
    return r;
}

}  // namespace

mu::data table_data(const TemplateSet& templates, const mu::data& globals, const Table& table) {
    mu::data head{mu::data::type::list};
    if (!table.head.empty()) {
        TemplateSet::Slotted cells(templates, "cells/head", "cell_html", globals);
        for (const Row& row : table.head) push_moved(head, row_data(row, cells, true, table));
    }
    mu::data body{mu::data::type::list};
    if (!table.body.empty()) {
        TemplateSet::Slotted cells(templates, "cells/body", "cell_html", globals);
        for (const Row& row : table.body) push_moved(body, row_data(row, cells, false, table));
    }
    mu::data d;
    set_moved(d, "id", table.id);
    set_moved(d, "caption", table.caption);
    set_moved(d, "has_unit", !table.unit.empty());
    set_moved(d, "unit", table.unit);
    set_moved(d, "head", std::move(head));
    set_moved(d, "body", std::move(body));
    set_moved(d, "has_head", !table.head.empty());
    set_moved(d, "empty", table.body.empty());
    set_moved(d, "empty_note", table.empty_note);
    set_moved(d, "has_note", !table.note_html.empty());
    set_moved(d, "note_html", table.note_html);
    set_moved(d, "standard_table", table.standard);
    set_moved(d, "restated_rows", table.restated_rows);
    set_moved(d, "total", false);  // what a row that is not a total finds
    return d;
}

}  // namespace gk
