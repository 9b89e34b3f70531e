// The tables of a budget file other than its figure sections: 机构设置,
// classifications, performance, procurement, assets and notes.
#include "load/enum_key.h"
#include "load/load_budget.h"
#include "load/toml_document.h"

namespace gk {

namespace {

constexpr std::string_view kFunds[] = {"general_public", "government_fund", "state_capital"};
constexpr std::string_view kScopes[] = {"basic", "project"};
constexpr std::string_view kOperators[] = {">=", "<=", "=", ">", "<", "≥", "≤", "定性"};

// The rows of an array of tables `[[key]]`: `read` makes one row from a
// reader already made for it; `rows` is allocated once, at its final size.
template <class Row, class Read>
void read_rows(TableReader& top, std::string_view key, const std::string& where, std::vector<Row>& rows,
               Read&& read) {
    const toml::array* array = top.array(key);
    if (!array) return;
    const std::vector<const toml::table*> tables = tables_of(*array, top.file(), top.diagnostics(), key);
    rows.reserve(tables.size());
    for (const toml::table* table : tables) {
        TableReader reader(*table, top.file(), top.diagnostics(), where);
        reader.set_unit(top.unit());
        rows.push_back(read(reader));
        reader.finish();
    }
}

// Text "as published": a string, or a number kept exactly as written
// (二级指标 "2", a code written without quotes).
std::string text_or_number(TableReader& reader, std::string_view key) {
    return reader.number_text(key, true).value.value_or("");
}

}  // namespace

void load_units(TableReader& top, BudgetFile& budget) {
    read_rows(top, "units", "[[units]]", budget.units, [](TableReader& r) {
        UnitRow row;
        row.loc = r.loc();
        row.name = r.string("name", true).value.value_or("");
        row.nature = r.string("nature").value.value_or("");
        row.rank = r.string("rank").value.value_or("");
        row.funding = r.string("funding").value.value_or("");
        return row;
    });
}

void load_by_function(TableReader& top, BudgetFile& budget) {
    read_rows(top, "by_function", "[[by_function]]", budget.by_function, [](TableReader& r) {
        FunctionRow row;
        row.loc = r.loc();
        const Located<std::string> code = r.number_text("code", true);
        row.code = code;
        row.name = r.string("name", true).value.value_or("");
        row.basic = r.amount("basic");
        row.project = r.amount("project");
        row.total = r.amount("total");
        if (auto fund = read_enum(r, "fund", kFunds)) row.fund = static_cast<Fund>(*fund);
        return row;
    });
}

void load_by_economic(TableReader& top, BudgetFile& budget) {
    read_rows(top, "by_economic", "[[by_economic]]", budget.by_economic, [](TableReader& r) {
        EconomicRow row;
        row.loc = r.loc();
        row.code = r.number_text("code", true);
        row.name = r.string("name", true).value.value_or("");
        row.amount = r.amount("amount");
        if (auto scope = read_enum(r, "scope", kScopes)) row.scope = static_cast<EconomicScope>(*scope);
        return row;
    });
}

void load_performance(TableReader& top, BudgetFile& budget) {
    const toml::table* table = top.table("performance");
    if (!table) return;
    Performance& perf = budget.performance;
    TableReader reader(*table, top.file(), top.diagnostics(), "[performance]", top.unit());
    perf.present = true;
    perf.loc = reader.loc();
    perf.goal = reader.string("goal").value.value_or("");
    perf.targets = reader.string("targets").value.value_or("");
    perf.measures = reader.string("measures").value.value_or("");
    read_rows(reader, "indicators", "[[performance.indicators]]", perf.indicators, [](TableReader& r) {
        Indicator ind;
        ind.loc = r.loc();
        ind.level1 = text_or_number(r, "level1");
        ind.level2 = text_or_number(r, "level2");
        ind.level3 = text_or_number(r, "level3");
        ind.description = r.string("description").value.value_or("");
        if (auto op = read_enum(r, "operator", kOperators)) ind.op = std::string(kOperators[*op]);
        // A number for a quantitative indicator; text only when it is qualitative.
        ind.value = r.number_text("value", ind.op == "定性").value.value_or("");
        ind.unit = text_or_number(r, "unit");
        ind.basis = r.string("basis").value.value_or("");
        return ind;
    });
    reader.finish();
}

void load_procurement(TableReader& top, BudgetFile& budget) {
    read_rows(top, "procurement", "[[procurement]]", budget.procurement, [](TableReader& r) {
        ProcurementRow row;
        row.loc = r.loc();
        row.project = r.string("project").value.value_or("");
        row.item = r.string("item").value.value_or("");
        row.catalog = text_or_number(r, "catalog");
        row.measure = r.string("measure").value.value_or("");
        row.quantity = r.number("quantity");
        if (row.quantity.has() && row.quantity->negative && row.quantity->mantissa != 0)
            r.diagnostics().error(row.quantity.loc, "'quantity' in [[procurement]] must not be negative");
        row.unit_price = r.amount("unit_price");
        row.general_public = r.amount("general_public");
        row.government_fund = r.amount("government_fund");
        row.state_capital = r.amount("state_capital");
        row.special_account = r.amount("special_account");
        row.other = r.amount("other");
        row.total = r.amount("total");
        return row;
    });
}

void load_assets(TableReader& top, BudgetFile& budget) {
    const toml::table* table = top.table("assets");
    if (!table) return;
    Assets& assets = budget.assets;
    TableReader reader(*table, top.file(), top.diagnostics(), "[assets]", top.unit());
    assets.present = true;
    assets.loc = reader.loc();
    assets.as_of = reader.date("as_of");
    assets.total = reader.amount("total");
    assets.planned_purchase = reader.amount("planned_purchase");
    read_rows(reader, "items", "[[assets.items]]", assets.items, [](TableReader& r) {
        AssetItem item;
        item.loc = r.loc();
        item.name = r.string("name", true).value.value_or("");
        item.part_of = r.string("part_of").value.value_or("");
        item.measure = r.string("measure").value.value_or("");
        item.quantity = r.number("quantity");
        if (item.quantity.has() && item.quantity->negative && item.quantity->mantissa != 0)
            r.diagnostics().error(item.quantity.loc, "'quantity' in [[assets.items]] must not be negative");
        item.value = r.amount("value");
        return item;
    });
    reader.finish();
}

void load_notes(TableReader& top, BudgetFile& budget) {
    const toml::table* table = top.table("notes");
    if (!table) return;
    TableReader reader(*table, top.file(), top.diagnostics(), "[notes]");
    for (std::size_t i = 0; i < kNoteCount; ++i) {
        budget.notes[i] = reader.string(note_key_name(static_cast<NoteKey>(i)));
    }
    reader.finish();
}

}  // namespace gk
