// The sections of a disclosure page, in the order of a standard disclosure.
// Every sentence comes from a label template filled with computed figures,
// so the prose and the tables cannot disagree.
#include "render/disclosure.h"
#include "render/html.h"

namespace gk {

namespace {

// A list of {label, amount, last} for a sentence's "其中：…" part.
mu::data parts_list(DisclosureContext& c, std::initializer_list<Fig> figs) {
    mu::data list{mu::data::type::list};
    std::vector<Fig> shown;
    for (Fig f : figs) {
        const std::optional<Amount>& v = c.value(f);
        // Name the parts the document names: published, and stated or non-zero.
        if (v && (!v->is_zero() || c.dy.file->stated[index(f)].has())) shown.push_back(f);
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        mu::data p;
        set_moved(p, "label", c.env.figure_label(shown[i]));
        set_moved(p, "amount", c.env.numbers.amount(c.value(shown[i])));
        set_moved(p, "last", i + 1 == shown.size());
        set_moved(p, "is_basic", shown[i] == Fig::basic);
        push_moved(list, std::move(p));
    }
    return list;
}

mu::data section(DisclosureContext& c, const std::string& id) {
    mu::data s;
    set_moved(s, "id", id);
    set_moved(s, "heading", c.env.label("disclosure.section." + id));
    return s;
}

Table units_table(DisclosureContext& c) {
    Table t;
    t.id = "units";
    t.caption = c.env.label("disclosure.units_caption");
    Row head;
    for (const char* key : {"units.name", "units.nature", "units.rank", "units.funding"})
        head.cells.push_back(text_cell(c.env.label(key), true));
    t.head.push_back(head);
    for (const UnitRow& u : c.dy.file->units) {
        Row row;
        row.cells.push_back(text_cell(u.name, true));
        row.cells.push_back(text_cell(u.nature));
        row.cells.push_back(text_cell(u.rank));
        row.cells.push_back(text_cell(u.funding));
        t.body.push_back(std::move(row));
    }
    t.empty_note = c.env.label("table.not_published_note");
    return t;
}

FigureView view_of(const DepartmentYear& dy) {
    FigureView v{&dy.values, &dy.shares, &dy.changes, nullptr, nullptr};
    if (dy.kind == BudgetKind::final_accounts && dy.budget) {
        v.execution = &dy.execution;
        v.budget_values = &dy.budget->values;
    }
    return v;
}

}  // namespace

mu::data DisclosureContext::sentence_data() const {
    mu::data d;
    set_moved(d, "year", std::to_string(dy.year));
    set_moved(d, "unit", env.numbers.unit());
    set_moved(d, "kind_word", env.label(final_accounts() ? "disclosure.kind_word_final" : "disclosure.kind_word"));
    return d;
}

std::string DisclosureContext::markdown(const std::string& text, const std::string& id_prefix, int heading_shift,
                                        std::vector<Heading>* headings) {
    if (text.empty()) return {};
    MarkdownOptions options;
    options.heading_shift = heading_shift;
    options.id_prefix = id_prefix;
    options.linker = &linker;
    MarkdownResult result = render_markdown(text, options);
    if (headings) *headings = std::move(result.headings);
    return result.html;
}

std::string DisclosureContext::note(NoteKey key) {
    const Located<std::string>& n = dy.file->notes[static_cast<std::size_t>(key)];
    if (!n.has()) return {};
    return markdown(*n, std::string(note_key_name(key)) + "-", 3);
}

mu::data duties_section(DisclosureContext& c) {
    mu::data s = section(c, "duties");
    set_moved(s, "duties_html", c.note(NoteKey::duties));
    set_moved(s, "has_duties", c.dy.file->notes[static_cast<std::size_t>(NoteKey::duties)].has());
    set_moved(s, "units_table", table_data(c.env.templates, c.env.globals, units_table(c)));
    return s;
}

mu::data overview_section(DisclosureContext& c) {
    mu::data s = section(c, "overview");
    const RenderEnv& env = c.env;
    mu::data income = c.sentence_data();
    set_moved(income, "total", env.numbers.amount(c.value(Fig::income_total)));
    mu::data income_parts = parts_list(c, {Fig::general_public, Fig::government_fund, Fig::state_capital,
                                           Fig::special_account, Fig::business, Fig::income_business_operation,
                                           Fig::superior_subsidy, Fig::subsidiary_remit, Fig::non_fiscal_balance,
                                           Fig::unit_funds, Fig::income_other, Fig::carryover});
    set_moved(income, "has_parts", !income_parts.is_empty_list());
    set_moved(income, "parts", std::move(income_parts));
    set_moved(s, "has_income", c.value(Fig::income_total).has_value());
    set_moved(s, "income_sentence_html", c.value(Fig::income_total) ? env.labels.sentence("disclosure.income_sentence", income) : "");

    mu::data expenditure = c.sentence_data();
    set_moved(expenditure, "total", env.numbers.amount(c.value(Fig::expenditure_total)));
    mu::data expenditure_parts = parts_list(c, {Fig::basic, Fig::project, Fig::remit_superior,
                                                Fig::expenditure_business_operation, Fig::subsidiary_subsidy,
                                                Fig::expenditure_other});
    set_moved(expenditure, "has_parts", !expenditure_parts.is_empty_list());
    set_moved(expenditure, "parts", std::move(expenditure_parts));
    const bool basic_detail = c.value(Fig::personnel) && c.value(Fig::public_);
    set_moved(expenditure, "has_basic_detail", basic_detail);
    set_moved(expenditure, "personnel", env.numbers.amount(c.value(Fig::personnel)));
    set_moved(expenditure, "public", env.numbers.amount(c.value(Fig::public_)));
    set_moved(s, "has_expenditure", c.value(Fig::expenditure_total).has_value());
    // The section's too: whether the sentence states the basic table's parts
    // (the default theme leaves that table out of search only then).
    set_moved(s, "has_basic_detail", basic_detail);
    set_moved(s, "expenditure_sentence_html",
          c.value(Fig::expenditure_total) ? env.labels.sentence("disclosure.expenditure_sentence", expenditure) : "");

    const FigureView view = view_of(c.dy);
    const TotalRule& income_group = share_group(Fig::income_total);
    const TotalRule& expenditure_group = share_group(Fig::expenditure_total);
    const TotalRule& basic_group = share_group(Fig::basic);
    set_moved(s, "income_table", table_data(c.env.templates, c.env.globals, composition_table(env, "income", env.label("disclosure.income_caption"), income_group, view, false)));
    set_moved(s, "expenditure_table", table_data(c.env.templates, c.env.globals, composition_table(env, "expenditure", env.label("disclosure.expenditure_caption"), expenditure_group, view, false)));
    set_moved(s, "basic_table", table_data(c.env.templates, c.env.globals, composition_table(env, "basic", env.label("disclosure.basic_caption"), basic_group, view, true)));
    const auto income_data = composition_chart_data(env, income_group, c.dy.values, false);
    const auto expenditure_data = composition_chart_data(env, expenditure_group, c.dy.values, false);
    set_moved(s, "income_chart_html", stacked_bar_svg("income-chart", income_data,
                                               chart_text(env, env.label("disclosure.income_caption"), describe(env, income_data))));
    set_moved(s, "expenditure_chart_html",
          stacked_bar_svg("expenditure-chart", expenditure_data,
                          chart_text(env, env.label("disclosure.expenditure_caption"), describe(env, expenditure_data))));
    set_moved(s, "income_note_html", c.note(NoteKey::income));
    set_moved(s, "expenditure_note_html", c.note(NoteKey::expenditure));
    return s;
}

// "其中：基本支出比上年增加5.90万元，增长19.43%。": the change of each part of
// the expenditure that has one, so that a note explaining the change
// ("主要是人员工资福利支出") follows the figure it explains.
std::string change_parts(DisclosureContext& c) {
    mu::data parts{mu::data::type::list};
    std::vector<Fig> shown;
    for (Fig f : {Fig::basic, Fig::project}) {
        if (c.dy.changes[index(f)]) shown.push_back(f);
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        mu::data part;
        set_moved(part, "label", c.env.figure_label(shown[i]));
        set_moved(part, "change_html", c.env.numbers.change_sentence(c.dy.changes[index(shown[i])]));
        set_moved(part, "last", i + 1 == shown.size());
        push_moved(parts, std::move(part));
    }
    if (shown.empty()) return {};
    mu::data d = c.sentence_data();
    set_moved(d, "parts", std::move(parts));
    return c.env.labels.sentence("disclosure.change_parts", d);
}

mu::data change_section(DisclosureContext& c) {
    mu::data s = section(c, "change");
    const RenderEnv& env = c.env;
    const std::optional<Change>& total_change = c.dy.changes[index(Fig::expenditure_total)];
    mu::data d = c.sentence_data();
    set_moved(d, "total", env.numbers.amount(c.value(Fig::expenditure_total)));
    set_moved(d, "change_html", env.numbers.change_sentence(total_change));
    set_moved(s, "has_change", total_change.has_value());
    set_moved(s, "sentence_html", total_change ? env.labels.sentence("disclosure.change_sentence", d) + change_parts(c) : "");

    Table t;
    t.id = "changes";
    t.caption = env.label("disclosure.change_caption");
    t.unit = unit_caption(env);
    Row head;
    for (const char* key : {"table.item", "table.previous", "table.current", "table.change_amount", "table.change_percent"})
        head.cells.push_back(text_cell(env.label(key), true));
    for (std::size_t i = 1; i < head.cells.size(); ++i) head.cells[i].numeric = true;
    t.head.push_back(head);
    for (Fig f : {Fig::income_total, Fig::expenditure_total, Fig::basic, Fig::personnel, Fig::public_, Fig::project,
                  Fig::three_public_total, Fig::operating_expenses, Fig::procurement_total}) {
        const std::optional<Change>& ch = c.dy.changes[index(f)];
        if (!ch) continue;
        Row row;
        row.cells.push_back(text_cell(env.figure_label(f), true));
        row.cells.push_back(number_cell(env.numbers.amount(ch->previous)));
        row.cells.push_back(number_cell(env.numbers.amount(c.value(f))));
        row.cells.push_back(number_cell(env.numbers.signed_amount(ch->amount)));
        row.cells.push_back(number_cell(ch->percent ? env.numbers.signed_percent(*ch->percent)
                                                    : escape_html(env.label(ch->direction == Direction::unchanged
                                                                                ? "change.unchanged_cell"
                                                                                : "change.new_word"))));
        t.body.push_back(std::move(row));
    }
    t.empty_note = env.label("disclosure.no_previous");
    set_moved(s, "table", table_data(c.env.templates, c.env.globals, t));
    const Previous& previous = c.dy.file->previous;
    mu::data basis;
    set_moved(basis, "basis", env.label(std::string("previous_basis.") +
                                 (previous.basis == PreviousBasis::budget           ? "budget"
                                  : previous.basis == PreviousBasis::execution      ? "execution"
                                  : previous.basis == PreviousBasis::final_accounts ? "final"
                                                                                    : "adjusted")));
    set_moved(basis, "note", previous.note);
    set_moved(basis, "has_note", !previous.note.empty());
    set_moved(s, "has_basis", previous.present);
    set_moved(s, "basis_html", previous.present ? env.labels.sentence("disclosure.previous_basis", basis) : "");
    set_moved(s, "note_html", c.note(NoteKey::change));
    return s;
}

mu::data operating_section(DisclosureContext& c) {
    mu::data s = section(c, "operating_expenses");
    const RenderEnv& env = c.env;
    mu::data d = c.sentence_data();
    set_moved(d, "amount", env.numbers.amount(c.value(Fig::operating_expenses)));
    const std::optional<Change>& ch = c.dy.changes[index(Fig::operating_expenses)];
    set_moved(d, "has_change", ch.has_value());
    set_moved(d, "change_html", env.numbers.change_sentence(ch));
    set_moved(s, "published", c.value(Fig::operating_expenses).has_value());
    set_moved(s, "sentence_html", c.value(Fig::operating_expenses) ? env.labels.sentence("disclosure.operating_sentence", d) : "");
    set_moved(s, "note_html", c.note(NoteKey::operating_expenses));
    return s;
}

mu::data three_public_section(DisclosureContext& c) {
    mu::data s = section(c, "three_public");
    const RenderEnv& env = c.env;
    mu::data d = c.sentence_data();
    for (Fig f : {Fig::three_public_total, Fig::outbound, Fig::vehicle_total, Fig::vehicle_purchase,
                  Fig::vehicle_operation, Fig::reception}) {
        set_moved(d, std::string(figure_info(f).key == "total" ? "total" : figure_info(f).key), env.numbers.amount(c.value(f)));
    }
    const std::optional<Change>& ch = c.dy.changes[index(Fig::three_public_total)];
    set_moved(d, "has_change", ch.has_value());
    set_moved(d, "change_html", env.numbers.change_sentence(ch));
    const bool published = c.value(Fig::three_public_total).has_value();
    set_moved(s, "published", published);
    set_moved(s, "sentence_html", published ? env.labels.sentence("disclosure.three_public_sentence", d) : "");

    // 一般公共预算“三公”经费支出表: this year, last year, and the change.
    constexpr Fig kItems[] = {Fig::three_public_total, Fig::outbound, Fig::vehicle_total, Fig::vehicle_purchase,
                              Fig::vehicle_operation, Fig::reception};
    Table t;
    t.id = "three-public";
    t.caption = env.label("disclosure.three_public_caption");
    t.unit = unit_caption(env);
    Row h1, h2;
    Cell year_head = text_cell(env.label("table.year"), true);
    year_head.rowspan = 2;
    h1.cells.push_back(year_head);
    for (Fig f : {Fig::three_public_total, Fig::outbound}) {
        Cell cell = text_cell(env.figure_label(f), true);
        cell.rowspan = 2;
        cell.numeric = true;
        h1.cells.push_back(cell);
    }
    Cell vehicle = text_cell(env.figure_label(Fig::vehicle_total), true);
    vehicle.colspan = 3;
    h1.cells.push_back(vehicle);
    Cell reception = text_cell(env.figure_label(Fig::reception), true);
    reception.rowspan = 2;
    reception.numeric = true;
    h1.cells.push_back(reception);
    for (const char* key : {"table.subtotal", "figure.vehicle_purchase", "figure.vehicle_operation"}) {
        Cell cell = text_cell(env.label(key), true);
        cell.numeric = true;
        h2.cells.push_back(cell);
    }
    t.head = {h1, h2};
    const auto year_row = [&](const std::string& name, auto&& value_of) {
        Row row;
        row.cells.push_back(text_cell(name, true));
        for (Fig f : {Fig::three_public_total, Fig::outbound, Fig::vehicle_total, Fig::vehicle_purchase,
                      Fig::vehicle_operation, Fig::reception}) {
            row.cells.push_back(number_cell(value_of(f)));
        }
        t.body.push_back(std::move(row));
    };
    if (published || c.value(Fig::outbound)) {
        year_row(std::to_string(c.dy.year), [&](Fig f) { return env.numbers.amount(c.value(f)); });
        bool any_previous = false;
        for (Fig f : kItems) any_previous = any_previous || c.dy.changes[index(f)].has_value();
        if (any_previous) {
            year_row(std::to_string(c.dy.year - 1), [&](Fig f) {
                const std::optional<Change>& ch = c.dy.changes[index(f)];
                return ch ? env.numbers.amount(ch->previous) : env.numbers.not_published();
            });
            year_row(env.label("table.change"), [&](Fig f) { return env.numbers.change_cell(c.dy.changes[index(f)]); });
        }
    }
    t.empty_note = env.label("table.not_published_note");
    set_moved(s, "table", table_data(c.env.templates, c.env.globals, t));

    std::vector<ChartDatum> items;
    for (Fig f : {Fig::outbound, Fig::vehicle_purchase, Fig::vehicle_operation, Fig::reception})
        items.push_back({env.figure_label(f), c.value(f)});
    const bool any_item = c.value(Fig::three_public_total) && !c.value(Fig::three_public_total)->is_zero();
    set_moved(s, "has_chart", any_item);
    set_moved(s, "chart_html", any_item ? bar_chart_svg("three-public-chart", items,
                                                 chart_text(env, env.label("disclosure.three_public_caption"), describe(env, items)))
                                 : std::string());

    // Physical counts, when given.
    const ThreePublicCounts& n = c.dy.file->counts;
    mu::data counts{mu::data::type::list};
    const auto add_count = [&](const char* key, const Located<std::int64_t>& v) {
        if (!v.has()) return;
        mu::data item;
        set_moved(item, "name", env.label(std::string("counts.") + key));
        set_moved(item, "value", std::to_string(*v));
        push_moved(counts, std::move(item));
    };
    add_count("vehicles_owned", n.vehicles_owned);
    add_count("vehicles_purchased", n.vehicles_purchased);
    add_count("reception_batches", n.reception_batches);
    add_count("reception_people", n.reception_people);
    add_count("outbound_groups", n.outbound_groups);
    add_count("outbound_people", n.outbound_people);
    set_moved(s, "has_counts", !counts.is_empty_list());
    set_moved(s, "counts", std::move(counts));
    mu::data meetings;
    set_moved(meetings, "meeting", env.numbers.amount(c.value(Fig::meeting)));
    set_moved(meetings, "training", env.numbers.amount(c.value(Fig::training)));
    set_moved(meetings, "unit", env.numbers.unit());
    const bool has_meetings = c.value(Fig::meeting) || c.value(Fig::training);
    set_moved(s, "has_meetings", has_meetings);
    set_moved(s, "meetings_html", has_meetings ? env.labels.sentence("disclosure.meetings_sentence", meetings) : "");
    set_moved(s, "note_html", c.note(NoteKey::three_public));
    return s;
}

mu::data performance_section(DisclosureContext& c) {
    mu::data s = section(c, "performance");
    const Performance& p = c.dy.file->performance;
    const RenderEnv& env = c.env;
    set_moved(s, "published", p.present);
    set_moved(s, "goal_html", c.markdown(p.goal, "goal-", 3));
    set_moved(s, "has_goal", !p.goal.empty());
    set_moved(s, "targets_html", c.markdown(p.targets, "targets-", 3));
    set_moved(s, "has_targets", !p.targets.empty());
    set_moved(s, "measures_html", c.markdown(p.measures, "measures-", 3));
    set_moved(s, "has_measures", !p.measures.empty());

    Table t;
    t.id = "indicators";
    t.caption = env.label("disclosure.indicators_caption");
    Row h1, h2;
    for (const char* key : {"indicator.level1", "indicator.level2", "indicator.level3", "indicator.description"}) {
        Cell cell = text_cell(env.label(key), true);
        cell.rowspan = 2;
        h1.cells.push_back(cell);
    }
    Cell value = text_cell(env.label("indicator.value"), true);
    value.colspan = 3;
    h1.cells.push_back(value);
    Cell basis = text_cell(env.label("indicator.basis"), true);
    basis.rowspan = 2;
    h1.cells.push_back(basis);
    for (const char* key : {"indicator.operator", "indicator.number", "indicator.unit"})
        h2.cells.push_back(text_cell(env.label(key), true));
    t.head = {h1, h2};
    for (const Indicator& ind : p.indicators) {
        Row row;
        row.cells.push_back(text_cell(ind.level1, true));
        row.cells.push_back(text_cell(ind.level2));
        row.cells.push_back(text_cell(ind.level3));
        row.cells.push_back(text_cell(ind.description));
        row.cells.push_back(text_cell(ind.op));
        row.cells.push_back(number_cell(escape_html(ind.value)));
        row.cells.push_back(text_cell(ind.unit));
        row.cells.push_back(text_cell(ind.basis));
        t.body.push_back(std::move(row));
    }
    t.empty_note = env.label("table.not_published_note");
    set_moved(s, "table", table_data(c.env.templates, c.env.globals, t));
    set_moved(s, "note_html", c.note(NoteKey::performance));
    return s;
}

mu::data procurement_section(DisclosureContext& c) {
    mu::data s = section(c, "procurement");
    const RenderEnv& env = c.env;
    mu::data d = c.sentence_data();
    set_moved(d, "total", env.numbers.amount(c.value(Fig::procurement_total)));
    set_moved(s, "published", c.value(Fig::procurement_total).has_value());
    set_moved(s, "sentence_html", c.value(Fig::procurement_total) ? env.labels.sentence("disclosure.procurement_sentence", d) : "");

    Table t;
    t.id = "procurement-items";  // not "procurement": that is the section's id
    t.caption = env.label("disclosure.procurement_caption");
    t.unit = unit_caption(env);
    Row h1, h2;
    for (const char* key : {"procurement.project", "procurement.item", "procurement.catalog", "procurement.measure",
                            "procurement.quantity", "procurement.unit_price"}) {
        Cell cell = text_cell(env.label(key), true);
        cell.rowspan = 2;
        h1.cells.push_back(cell);
    }
    Cell funds = text_cell(env.label("procurement.amount"), true);
    funds.colspan = 6;
    h1.cells.push_back(funds);
    for (const char* key : {"procurement.total", "procurement.general_public", "procurement.government_fund",
                            "procurement.state_capital", "procurement.special_account", "procurement.other"}) {
        Cell cell = text_cell(env.label(key), true);
        cell.numeric = true;
        h2.cells.push_back(cell);
    }
    t.head = {h1, h2};
    const auto& rows = c.dy.file->procurement;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ProcurementRow& r = rows[i];
        Row row;
        row.cells.push_back(text_cell(r.project, true));
        row.cells.push_back(text_cell(r.item));
        row.cells.push_back(text_cell(r.catalog));
        row.cells.push_back(text_cell(r.measure));
        row.cells.push_back(number_cell(r.quantity.has() ? format_scaled(r.quantity->mantissa, r.quantity->scale)
                                                         : escape_html(env.numbers.not_published())));
        row.cells.push_back(number_cell(env.numbers.amount(r.unit_price.value)));
        row.cells.push_back(number_cell(env.numbers.amount(c.dy.procurement_totals[i])));
        for (const Located<Amount>* col : {&r.general_public, &r.government_fund, &r.state_capital, &r.special_account, &r.other})
            row.cells.push_back(number_cell(env.numbers.amount(col->value)));
        t.body.push_back(std::move(row));
    }
    if (!rows.empty()) {
        Row total;
        total.total = true;
        Cell name = text_cell(env.label("table.total"), true);
        name.colspan = 6;
        total.cells.push_back(name);
        total.cells.push_back(number_cell(env.numbers.amount(c.value(Fig::procurement_total))));
        for (const Located<Amount> ProcurementRow::*col :
             {&ProcurementRow::general_public, &ProcurementRow::government_fund, &ProcurementRow::state_capital,
              &ProcurementRow::special_account, &ProcurementRow::other}) {
            std::optional<Amount> sum;
            for (const ProcurementRow& r : rows) {
                if ((r.*col).has()) sum = sum.value_or(Amount{}) + *(r.*col);
            }
            total.cells.push_back(number_cell(env.numbers.amount(sum)));
        }
        t.body.push_back(std::move(total));
    }
    t.empty_note = env.label(c.value(Fig::procurement_total) && c.value(Fig::procurement_total)->is_zero()
                                 ? "disclosure.no_procurement"
                                 : "table.not_published_note");
    set_moved(s, "table", table_data(c.env.templates, c.env.globals, t));
    set_moved(s, "note_html", c.note(NoteKey::procurement));
    return s;
}

mu::data assets_section(DisclosureContext& c) {
    mu::data s = section(c, "assets");
    const RenderEnv& env = c.env;
    const Assets& a = c.dy.file->assets;
    set_moved(s, "published", a.present);
    mu::data d = c.sentence_data();
    set_moved(d, "as_of", a.as_of.has() ? env.numbers.date(*a.as_of) : env.numbers.not_published());
    set_moved(d, "has_as_of", a.as_of.has());
    set_moved(d, "total", env.numbers.amount(a.total.value));
    set_moved(d, "has_planned", a.planned_purchase.has());
    set_moved(d, "planned", env.numbers.amount(a.planned_purchase.value));
    set_moved(s, "sentence_html", a.present && a.total.has() ? env.labels.sentence("disclosure.assets_sentence", d) : "");

    Table t;
    t.id = "asset-items";  // not "assets": that is the section's id
    t.caption = env.label("disclosure.assets_caption");
    t.unit = unit_caption(env);
    Row head;
    for (const char* key : {"assets.item", "assets.measure", "assets.quantity", "assets.value"})
        head.cells.push_back(text_cell(env.label(key), true));
    head.cells[2].numeric = head.cells[3].numeric = true;
    t.head.push_back(head);
    if (a.present) {
        const auto add = [&](const std::string& name, int level, const std::string& measure, const std::string& quantity,
                             const std::optional<Amount>& value, bool total) {
            Row row;
            row.total = total;
            Cell n = text_cell(name, true);
            n.level = level;
            row.cells.push_back(n);
            row.cells.push_back(text_cell(measure));
            row.cells.push_back(number_cell(quantity));
            row.cells.push_back(number_cell(env.numbers.amount(value)));
            t.body.push_back(std::move(row));
        };
        const std::string none = escape_html(env.numbers.not_published());
        add(env.label("assets.total"), 0, "", none, a.total.value, true);
        for (const AssetItem& item : a.items) {
            const int level = item.part_of.empty() ? 0 : 1;
            mu::data of;
            set_moved(of, "name", item.name);
            const std::string name = level ? env.labels.sentence("assets.part_of", of) : escape_html(item.name);
            Row row;
            Cell n = html_cell(name, true);
            n.level = level;
            row.cells.push_back(n);
            row.cells.push_back(text_cell(item.measure));
            row.cells.push_back(number_cell(item.quantity.has() ? format_scaled(item.quantity->mantissa, item.quantity->scale) : none));
            row.cells.push_back(number_cell(env.numbers.amount(item.value.value)));
            t.body.push_back(std::move(row));
        }
        add(env.label("assets.planned_purchase"), 0, "", none, a.planned_purchase.value, false);
    }
    t.empty_note = env.label("table.not_published_note");
    set_moved(s, "table", table_data(c.env.templates, c.env.globals, t));
    set_moved(s, "note_html", c.note(NoteKey::assets));
    return s;
}

}  // namespace gk
