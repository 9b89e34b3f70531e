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

// A cell carries only what partials/table.mustache can ask of it (see
// table.h), and only where it differs from a plain cell: a table has
// hundreds of cells, each value is a heap object in kainjow's data, and
// building and freeing them was a tenth of a build. What a plain cell
// would say is said once, by the table (plain_cell_defaults), where a
// lookup that misses the cell and its row finds it.
mu::data cell_data(const Cell& c, bool head) {
    mu::data d;
    set_moved(d, "cell_html", c.cell_html);
    if (c.numeric) set_moved(d, "numeric", true);
    if (c.colspan > 1) {
        set_moved(d, "has_colspan", true);
        set_moved(d, "colspan", std::to_string(c.colspan));
    }
    if (c.rowspan > 1) {
        set_moved(d, "has_rowspan", true);
        set_moved(d, "rowspan", std::to_string(c.rowspan));
    }
    if (head) {
        set_moved(d, "scope", c.colspan > 1 ? "colgroup" : "col");
    } else if (c.header) {
        set_moved(d, "header", true);
        set_moved(d, "level", std::to_string(c.level));
    }
    return d;
}

mu::data row_data(const Row& row, bool head) {
    mu::data cells{mu::data::type::list};
    for (const Cell& c : row.cells) push_moved(cells, cell_data(c, head));
    mu::data r;
    set_moved(r, "cells", std::move(cells));
    if (row.total) set_moved(r, "total", true);
    return r;
}

// The values of a plain cell and row, which cell_data and row_data leave
// out: not numeric, no colspan or rowspan, not a row header, not a total.
void plain_cell_defaults(mu::data& table) {
    set_moved(table, "numeric", false);
    set_moved(table, "has_colspan", false);
    set_moved(table, "has_rowspan", false);
    set_moved(table, "header", false);
    set_moved(table, "total", false);
}

}  // namespace

mu::data table_data(const Table& table) {
    mu::data head{mu::data::type::list};
    for (const Row& row : table.head) push_moved(head, row_data(row, true));
    mu::data body{mu::data::type::list};
    for (const Row& row : table.body) push_moved(body, row_data(row, false));
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
    plain_cell_defaults(d);
    return d;
}

}  // namespace gk
