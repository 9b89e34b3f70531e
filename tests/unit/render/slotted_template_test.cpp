// TemplateSet::Slotted renders a template once per shape of data and reuses
// the text around the value: whatever the template does with the value, the
// output must be what rendering it for each value gives.
#include <catch2/catch.hpp>

#include "render/table.h"
#include "render/templates.h"

using namespace gk;

namespace {

// The cell template, and the reference: the same without the file's last
// line break, which is not part of a slotted template.
Theme theme_with(const std::string& cell) {
    Theme theme;
    theme.templates["cell"] = ThemeFile{cell, "templates/cell.mustache"};
    std::string reference = cell;
    if (reference.ends_with('\n')) reference.pop_back();
    theme.templates["reference"] = ThemeFile{reference, "templates/reference.mustache"};
    return theme;
}

// A theme of one cell template, compiled, and empty globals.
struct OneCell {
    explicit OneCell(const std::string& cell) : theme(theme_with(cell)), templates(theme, diagnostics) {}
    Diagnostics diagnostics;
    Theme theme;
    TemplateSet templates;
    mu::data globals;
};

// A theme of a table partial and its two cell templates.
struct TableTheme {
    TableTheme(const std::string& head, const std::string& body, const std::string& table)
        : theme(table_theme(head, body, table)), templates(theme, diagnostics) {}
    static Theme table_theme(const std::string& head, const std::string& body, const std::string& table) {
        Theme t;
        t.templates["cells/head"] = ThemeFile{head, "head"};
        t.templates["cells/body"] = ThemeFile{body, "body"};
        t.templates["table"] = ThemeFile{table, "table"};
        return t;
    }
    Diagnostics diagnostics;
    Theme theme;
    TemplateSet templates;
};

mu::data cell_data(bool numeric) {
    mu::data d;
    set_moved(d, "numeric", numeric);
    return d;
}

// The same cells through Slotted and through render(), one by one.
void check_same_as_render(const std::string& cell) {
    Diagnostics diagnostics;
    const Theme theme = theme_with(cell);
    const TemplateSet templates(theme, diagnostics);
    REQUIRE(!diagnostics.has_errors());
    mu::data globals;
    set_moved(globals, "unit", "万元");
    const std::vector<std::pair<bool, std::string>> cells = {
        {true, "1,234.00"}, {false, "人员经费"}, {true, ""}, {true, "5.00"}, {false, "<a href=\"x\">R&amp;D</a>"},
        {false, ""}, {true, "1,234.00"}, {false, "a line\n"}, {false, "\n"}};
    std::string slotted, each;
    {
        TemplateSet::Slotted renderer(templates, "cell", "html", globals);
        for (const auto& [numeric, html] : cells) {
            int made = 0;
            renderer.append(slotted, numeric ? 1 : 0, html, [&] {
                ++made;
                return cell_data(numeric);
            });
            CHECK(made <= 1);
        }
    }
    for (const auto& [numeric, html] : cells) {
        mu::data d = cell_data(numeric);
        set_moved(d, "html", html);
        each += templates.render("reference", d, globals);
    }
    CHECK(slotted == each);
    Diagnostics misses;
    templates.report_misses(misses);
    CHECK(!misses.has_errors());
}

}  // namespace

TEST_CASE("a slotted template gives what rendering it for each value gives", "[render][templates]") {
    SECTION("the value shown once, as it is") {
        check_same_as_render("<td{{#numeric}} class=\"num\"{{/numeric}}>{{{html}}}</td>\n");
    }
    SECTION("the value escaped") { check_same_as_render("<td>{{html}}</td>"); }
    SECTION("the value shown twice") { check_same_as_render("<td title=\"{{{html}}}\">{{{html}}}</td>"); }
    SECTION("the value only tested") { check_same_as_render("<td>{{#html}}x{{/html}}{{^html}}-{{/html}}</td>"); }
    SECTION("the value not shown, a global shown") { check_same_as_render("<td>{{unit}}</td>"); }
    SECTION("the value alone, the file ending in a line break") { check_same_as_render("{{{html}}}\n"); }
    SECTION("the value alone") { check_same_as_render("{{{html}}}"); }
}

TEST_CASE("a slotted template makes the data once per shape when it shows the value once", "[render][templates]") {
    const OneCell one("<td{{#numeric}} class=\"num\"{{/numeric}}>{{{html}}}</td>");
    TemplateSet::Slotted renderer(one.templates, "cell", "html", one.globals);
    std::string out;
    int made = 0;
    for (const char* html : {"1", "2", "3", "", ""}) {
        renderer.append(out, 1, html, [&] {
            ++made;
            return cell_data(true);
        });
    }
    CHECK(out == "<td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">3</td>"
                 "<td class=\"num\"></td><td class=\"num\"></td>");
    CHECK(made == 2);  // one with a value, one empty
}

TEST_CASE("a slotted template that asks for a missing name or is missing is reported", "[render][templates]") {
    const OneCell one("<td>{{{html}}}{{nowhere}}</td>");
    const TemplateSet& templates = one.templates;
    {
        TemplateSet::Slotted renderer(templates, "cell", "html", one.globals);
        std::string out;
        for (const char* html : {"1", "2"}) renderer.append(out, 0, html, [] { return mu::data(); });
        CHECK(out == "<td>1</td><td>2</td>");
        TemplateSet::Slotted missing(templates, "cells/none", "html", one.globals);
        missing.append(out, 0, "3", [] { return mu::data(); });
        CHECK(out == "<td>1</td><td>2</td>");
    }
    Diagnostics report;
    templates.report_misses(report);
    REQUIRE(report.error_count() == 2);
    const std::vector<Diagnostic> sorted = report.sorted();
    CHECK(format_diagnostic(sorted[0]).find("templates/cell.mustache: error: the template asks for 'nowhere'") !=
          std::string::npos);
    CHECK(format_diagnostic(sorted[1]).find("templates/cells/none.mustache: error: the template is missing") !=
          std::string::npos);
}

TEST_CASE("table cells come from the theme's cell templates", "[render][templates]") {
    const TableTheme theme(
        "<th s=\"{{scope}}\">{{{cell_html}}}</th>\n",
        "{{#header}}<th l=\"{{level}}\">{{{cell_html}}}</th>{{/header}}{{^header}}<td{{#numeric}} n{{/numeric}}"
        "{{#has_colspan}} c=\"{{colspan}}\"{{/has_colspan}}>{{{cell_html}}}</td>{{/header}}\n",
        "{{#head}}[{{{cells_html}}}]{{/head}}{{#body}}[{{#total}}T{{/total}}{{{cells_html}}}]{{/body}}");
    const TemplateSet& templates = theme.templates;
    REQUIRE(!theme.diagnostics.has_errors());
    Table table;
    Cell wide = text_cell("年度", true);
    wide.colspan = 2;
    table.head.push_back(Row{{wide}, false});
    Cell header = text_cell("人员经费", true);
    header.level = 1;
    Cell spanned = number_cell("1.00");
    spanned.colspan = 3;
    table.body.push_back(Row{{header, number_cell("2,734.69"), spanned}, false});
    table.body.push_back(Row{{text_cell("合计"), number_cell("3,173.48"), text_cell("a<b")}, true});
    const mu::data globals;
    const mu::data data = table_data(templates, globals, table);
    CHECK(templates.render("table", data, globals) ==
          "[<th s=\"colgroup\">年度</th>]"
          "[<th l=\"1\">人员经费</th><td n>2,734.69</td><td n c=\"3\">1.00</td>]"
          "[T<td>合计</td><td n>3,173.48</td><td>a&lt;b</td>]");
}

// A cell shape's fragment outlives its table (TemplateSet keeps it for the
// thread): a standard table's numeric cell must not be given the fragment
// a plain table's cell of the same shape made, or the theme's
// standard_table test (search skips those figures) is lost.
TEST_CASE("a standard table's cells and rows see standard_table and restated_rows", "[render][templates]") {
    const TableTheme theme(
        "<th>{{{cell_html}}}</th>",
        "<td{{#numeric}}{{#standard_table}}{{^restated_rows}} skip{{/restated_rows}}{{/standard_table}}{{/numeric}}>"
        "{{{cell_html}}}</td>",
        "<thead{{#standard_table}} s{{/standard_table}}>{{#head}}{{{cells_html}}}{{/head}}</thead>"
        "<tbody{{#restated_rows}} r{{/restated_rows}}>{{#body}}{{{cells_html}}}{{/body}}</tbody>");
    const TemplateSet& templates = theme.templates;
    REQUIRE(!theme.diagnostics.has_errors());
    const auto make = [](bool standard, bool restated) {
        Table table;
        table.head.push_back(Row{{text_cell("项目", true)}, false});
        table.body.push_back(Row{{text_cell("行政运行"), number_cell("236.28")}, false});
        table.standard = standard;
        table.restated_rows = restated;
        return table;
    };
    const mu::data globals;
    const auto render = [&](const Table& table) { return templates.render("table", table_data(templates, globals, table), globals); };
    CHECK(render(make(false, false)) == "<thead><th>项目</th></thead><tbody><td>行政运行</td><td>236.28</td></tbody>");
    CHECK(render(make(true, false)) ==
          "<thead s><th>项目</th></thead><tbody><td>行政运行</td><td skip>236.28</td></tbody>");
    CHECK(render(make(true, true)) ==
          "<thead s><th>项目</th></thead><tbody r><td>行政运行</td><td>236.28</td></tbody>");
    CHECK(render(make(false, false)) == "<thead><th>项目</th></thead><tbody><td>行政运行</td><td>236.28</td></tbody>");
}
