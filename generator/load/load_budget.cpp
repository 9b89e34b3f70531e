#include "load/load_budget.h"

#include <vector>

#include "diag/did_you_mean.h"
#include "load/enum_key.h"
#include "load/toml_document.h"

namespace gk {

namespace {

constexpr std::string_view kUnits[] = {"元", "万元", "亿元"};
constexpr std::string_view kBases[] = {"budget", "execution", "final", "adjusted"};

// Names of every figure that has a value of its own (not `balance`), for
// [previous] and [printed] keys and their "did you mean". Made once.
const std::vector<std::string_view>& figure_names() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const FigureInfo& info : all_figures()) {
            if (info.fig != Fig::balance) out.push_back(info.name);
        }
        return out;
    }();
    return names;
}

Section section_of(std::string_view name) {
    if (name == "income") return Section::income;
    if (name == "expenditure") return Section::expenditure;
    if (name == "three_public") return Section::three_public;
    if (name == "operating_expenses") return Section::operating_expenses;
    return Section::meetings_training;
}

// Reads the amounts of one figure section ([income], [expenditure], ...).
void load_figure_section(TableReader& top, BudgetFile& budget, std::string_view section_name,
                         Unit unit) {
    const toml::table* table = top.table(section_name);
    if (!table) return;
    const Section section = section_of(section_name);
    budget.section_present[static_cast<std::size_t>(section)] = true;
    TableReader reader(*table, top.file(), top.diagnostics(), "[" + std::string(section_name) + "]", unit);
    budget.section_loc[static_cast<std::size_t>(section)] = reader.loc();
    for (const FigureInfo& info : all_figures()) {
        if (info.section == section_name) budget.stated[index(info.fig)] = reader.amount(info.key);
    }
    if (section == Section::three_public) {
        if (const toml::table* counts = reader.table("counts")) {
            TableReader c(*counts, top.file(), top.diagnostics(), "[three_public.counts]", unit);
            ThreePublicCounts& n = budget.counts;
            n.vehicles_owned = c.integer("vehicles_owned");
            n.vehicles_purchased = c.integer("vehicles_purchased");
            n.reception_batches = c.integer("reception_batches");
            n.reception_people = c.integer("reception_people");
            n.outbound_groups = c.integer("outbound_groups");
            n.outbound_people = c.integer("outbound_people");
            for (const Located<std::int64_t>* v : {&n.vehicles_owned, &n.vehicles_purchased, &n.reception_batches,
                                                   &n.reception_people, &n.outbound_groups, &n.outbound_people}) {
                if (v->has() && **v < 0) top.diagnostics().error(v->loc, "a count in [three_public.counts] must not be negative");
            }
            c.finish();
        }
    }
    reader.finish();
}

void load_previous(TableReader& top, BudgetFile& budget, Unit unit) {
    const toml::table* table = top.table("previous");
    if (!table) return;
    TableReader reader(*table, top.file(), top.diagnostics(), "[previous]", unit);
    Previous& previous = budget.previous;
    previous.present = true;
    previous.loc = reader.loc();
    if (auto basis = read_enum(reader, "basis", kBases)) previous.basis = static_cast<PreviousBasis>(*basis);
    previous.note = reader.string("note").value.value_or("");
    for (const FigureInfo& info : all_figures()) {
        if (info.fig != Fig::balance) previous.values[index(info.fig)] = reader.amount(info.name);
    }
    reader.finish();
}

// Reads `name = number` keys of a [printed.*] table that must name figures.
std::vector<PrintedNumber> load_printed_numbers(const toml::table& table, TableReader& parent,
                                                const std::string& where) {
    std::vector<PrintedNumber> out;
    const std::vector<std::string_view>& names = figure_names();
    TableReader reader(table, parent.file(), parent.diagnostics(), where);
    for (auto&& [key, value] : table) {
        const std::optional<Fig> fig = figure_by_name(key.str());
        if (!fig || fig == Fig::balance) continue;  // reported by finish()
        const Located<DecimalLiteral> number = reader.number(figure_info(*fig).name);
        if (number.has()) out.push_back({*fig, *number, number.loc});
    }
    for (std::string_view name : names) reader.accept(name);
    reader.finish();
    return out;
}

void load_printed(TableReader& top, BudgetFile& budget) {
    const toml::table* table = top.table("printed");
    if (!table) return;
    TableReader reader(*table, top.file(), top.diagnostics(), "[printed]");
    if (const toml::table* change = reader.table("change")) {
        TableReader changes(*change, top.file(), top.diagnostics(), "[printed.change]");
        for (auto&& [key, value] : *change) {
            const std::optional<Fig> fig = figure_by_name(key.str());
            if (!fig || fig == Fig::balance) continue;
            const std::string_view name = figure_info(*fig).name;
            const toml::table* entry = changes.table(name);
            if (!entry) continue;
            TableReader e(*entry, top.file(), top.diagnostics(), "[printed.change." + std::string(name) + "]");
            if (auto amount = e.number("amount"); amount.has())
                budget.printed.change_amounts.push_back({*fig, *amount, amount.loc});
            if (auto percent = e.number("percent"); percent.has())
                budget.printed.change_percents.push_back({*fig, *percent, percent.loc});
            e.finish();
        }
        for (std::string_view name : figure_names()) changes.accept(name);
        changes.finish();
    }
    if (const toml::table* share = reader.table("share"))
        budget.printed.shares = load_printed_numbers(*share, reader, "[printed.share]");
    if (const toml::table* execution = reader.table("execution"))
        budget.printed.execution = load_printed_numbers(*execution, reader, "[printed.execution]");
    reader.finish();
}

Unit read_file_unit(TableReader& top, Unit site_unit) {
    if (auto i = read_enum(top, "unit", kUnits)) return *parse_unit(kUnits[*i]);
    return site_unit;
}

}  // namespace

void load_budget(const TomlDocument& doc, int year, BudgetKind kind, Unit site_unit, Diagnostics& diagnostics,
                 BudgetFile& budget) {
    budget.kind = kind;
    budget.year = year;
    budget.loc = SourceLoc{doc.file, 0, 0};
    for (SourceLoc& loc : budget.section_loc) loc = SourceLoc{doc.file, 1, 1};
    if (!doc.root) return;

    TableReader top(*doc.root, *doc.file, diagnostics, "the top level");
    // The unit first: every amount of the file is read in it.
    budget.unit = read_file_unit(top, site_unit);
    top.set_unit(budget.unit);

    budget.stated_year = top.integer("year", true);
    budget.published = top.date("published");
    budget.source = top.string("source").value.value_or("");
    for (std::string_view section : {"income", "expenditure", "three_public", "operating_expenses",
                                     "meetings_training"}) {
        load_figure_section(top, budget, section, budget.unit);
    }
    budget.stated[index(Fig::procurement_total)] = top.amount("procurement_total");
    load_previous(top, budget, budget.unit);
    load_printed(top, budget);
    load_units(top, budget);
    load_by_function(top, budget);
    load_by_economic(top, budget);
    load_performance(top, budget);
    load_procurement(top, budget);
    load_assets(top, budget);
    load_notes(top, budget);
    top.finish();
}

}  // namespace gk
