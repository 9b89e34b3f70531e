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

mu::data row_data(const Row& row, bool head) {
    mu::data cells{mu::data::type::list};
    for (const Cell& c : row.cells) {
        mu::data d;
        d.set("cell_html", c.cell_html);
        d.set("header", c.header);
        d.set("numeric", c.numeric);
        d.set("has_colspan", c.colspan > 1);
        d.set("colspan", std::to_string(c.colspan));
        d.set("has_rowspan", c.rowspan > 1);
        d.set("rowspan", std::to_string(c.rowspan));
        d.set("level", std::to_string(c.level));
        d.set("scope", head ? (c.colspan > 1 ? "colgroup" : "col") : "row");
        push_moved(cells, std::move(d));
    }
    mu::data r;
    set_moved(r, "cells", std::move(cells));
    r.set("total", row.total);
    return r;
}

}  // namespace

mu::data table_data(const Table& table) {
    mu::data head{mu::data::type::list};
    for (const Row& row : table.head) push_moved(head, row_data(row, true));
    mu::data body{mu::data::type::list};
    for (const Row& row : table.body) push_moved(body, row_data(row, false));
    mu::data d;
    d.set("id", table.id);
    d.set("caption", table.caption);
    d.set("has_unit", !table.unit.empty());
    d.set("unit", table.unit);
    set_moved(d, "head", std::move(head));
    set_moved(d, "body", std::move(body));
    d.set("has_head", !table.head.empty());
    d.set("empty", table.body.empty());
    d.set("empty_note", table.empty_note);
    d.set("has_note", !table.note_html.empty());
    d.set("note_html", table.note_html);
    return d;
}

}  // namespace gk
