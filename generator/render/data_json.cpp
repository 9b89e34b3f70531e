#include "render/data_json.h"

namespace gk {

namespace {

std::string_view fund_key(Fund f) {
    switch (f) {
        case Fund::general_public: return "general_public";
        case Fund::government_fund: return "government_fund";
        case Fund::state_capital: return "state_capital";
    }
    return "general_public";
}

std::string_view basis_key(PreviousBasis b) {
    switch (b) {
        case PreviousBasis::budget: return "budget";
        case PreviousBasis::execution: return "execution";
        case PreviousBasis::final_accounts: return "final";
        case PreviousBasis::adjusted: return "adjusted";
    }
    return "budget";
}

std::string_view direction_key(Direction d) {
    switch (d) {
        case Direction::increase: return "increase";
        case Direction::decrease: return "decrease";
        case Direction::unchanged: return "unchanged";
    }
    return "unchanged";
}

// Writes amounts exactly, with the site's decimals as the minimum.
class Writer {
public:
    Writer(JsonWriter& json, const SiteConfig& site) : json_(json), site_(site) {}

    void amount(const std::optional<Amount>& a) {
        if (a) {
            json_.number(format_exact(*a, site_.unit, site_.decimals));
        } else {
            json_.null();
        }
    }
    void percent(const std::optional<Percent>& p) {
        if (p) {
            json_.number(format_percent(*p));
        } else {
            json_.null();
        }
    }
    void text(const std::string& s) {
        if (s.empty()) {
            json_.null();
        } else {
            json_.string(s);
        }
    }
    void decimal(const std::optional<DecimalLiteral>& d) {
        if (d) {
            json_.number(format_scaled(d->negative ? -d->mantissa : d->mantissa, d->scale));
        } else {
            json_.null();
        }
    }
    void count(const Located<std::int64_t>& n) {
        if (n.has()) {
            json_.integer(*n);
        } else {
            json_.null();
        }
    }

    // The figures of one section, keyed as in the TOML file.
    void section(const DepartmentYear& dy, std::string_view section) {
        json_.key(section).begin_object();
        for (const FigureInfo& info : all_figures()) {
            if (info.section != section) continue;
            json_.key(info.key);
            amount(dy.values[index(info.fig)]);
            if (info.fig == Fig::three_public_total) counts(dy.file->counts);
        }
        json_.end_object();
    }

    void counts(const ThreePublicCounts& c) {
        json_.key("counts").begin_object();
        json_.key("vehicles_owned"); count(c.vehicles_owned);
        json_.key("vehicles_purchased"); count(c.vehicles_purchased);
        json_.key("reception_batches"); count(c.reception_batches);
        json_.key("reception_people"); count(c.reception_people);
        json_.key("outbound_groups"); count(c.outbound_groups);
        json_.key("outbound_people"); count(c.outbound_people);
        json_.end_object();
    }

    void shares(const DepartmentYear& dy) {
        json_.key("shares").begin_object();
        static constexpr std::string_view kGroupNames[] = {"income", "expenditure", "basic"};
        std::size_t g = 0;
        for (const TotalRule& group : share_groups()) {
            json_.key(kGroupNames[g++]).begin_object();
            for (Fig part : group.parts) {
                json_.key(figure_info(part).key);
                percent(dy.shares[index(part)]);
            }
            json_.end_object();
        }
        json_.end_object();
    }

    void changes(const DepartmentYear& dy) {
        json_.key("change").begin_object();
        for (const FigureInfo& info : all_figures()) {
            const std::optional<Change>& c = dy.changes[index(info.fig)];
            if (!c) continue;
            json_.key(info.name).begin_object();
            json_.key("previous"); amount(c->previous);
            json_.key("amount"); amount(c->amount);
            json_.key("percent"); percent(c->percent);
            json_.key("direction").string(direction_key(c->direction));
            json_.key("basis").string(c->from_previous_section ? "previous" : "last_year");
            json_.end_object();
        }
        json_.end_object();
        const Previous& previous = dy.file->previous;
        if (previous.present) {
            json_.key("previous").begin_object();
            json_.key("basis").string(basis_key(previous.basis));
            json_.key("note"); text(previous.note);
            json_.end_object();
        }
    }

    void figure_map(std::string_view key, const PerFigure<std::optional<Percent>>& values) {
        json_.key(key).begin_object();
        for (const FigureInfo& info : all_figures()) {
            if (!values[index(info.fig)]) continue;
            json_.key(info.name);
            percent(values[index(info.fig)]);
        }
        json_.end_object();
    }

    void classification_rows(const std::vector<ClassificationRow>& rows, bool with_parts) {
        json_.key("rows").begin_array();
        for (const ClassificationRow& row : rows) {
            json_.begin_object();
            json_.key("code"); text(row.code);
            json_.key("name"); text(row.name);
            json_.key("level").integer(row.level);
            json_.key("given").boolean(row.given);
            if (with_parts) {
                json_.key("basic"); amount(row.basic);
                json_.key("project"); amount(row.project);
                json_.key("total"); amount(row.total);
            } else {
                json_.key("amount"); amount(row.total);
            }
            json_.end_object();
        }
        json_.end_array();
    }

    void functions(const DepartmentYear& dy) {
        json_.key("by_function").begin_array();
        for (const FunctionTable& table : dy.functions) {
            json_.begin_object();
            json_.key("fund").string(fund_key(table.fund));
            json_.key("basic"); amount(table.basic);
            json_.key("project"); amount(table.project);
            json_.key("total"); amount(table.total);
            classification_rows(table.rows, true);
            json_.end_object();
        }
        json_.end_array();
        json_.key("by_economic").begin_array();
        for (const EconomicTable& table : dy.economics) {
            json_.begin_object();
            json_.key("scope").string(table.scope == EconomicScope::basic ? "basic" : "project");
            json_.key("total"); amount(table.total);
            classification_rows(table.rows, false);
            json_.end_object();
        }
        json_.end_array();
    }

    void performance(const Performance& p) {
        json_.key("performance");
        if (!p.present) {
            json_.null();
            return;
        }
        json_.begin_object();
        json_.key("goal"); text(p.goal);
        json_.key("targets"); text(p.targets);
        json_.key("measures"); text(p.measures);
        json_.key("indicators").begin_array();
        for (const Indicator& ind : p.indicators) {
            json_.begin_object();
            json_.key("level1"); text(ind.level1);
            json_.key("level2"); text(ind.level2);
            json_.key("level3"); text(ind.level3);
            json_.key("description"); text(ind.description);
            json_.key("operator"); text(ind.op);
            json_.key("value"); text(ind.value);
            json_.key("unit"); text(ind.unit);
            json_.key("basis"); text(ind.basis);
            json_.end_object();
        }
        json_.end_array();
        json_.end_object();
    }

    void procurement(const DepartmentYear& dy) {
        json_.key("procurement").begin_array();
        const auto& rows = dy.file->procurement;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const ProcurementRow& r = rows[i];
            json_.begin_object();
            json_.key("project"); text(r.project);
            json_.key("item"); text(r.item);
            json_.key("catalog"); text(r.catalog);
            json_.key("measure"); text(r.measure);
            json_.key("quantity"); decimal(r.quantity.value);
            json_.key("unit_price"); amount(r.unit_price.value);
            json_.key("general_public"); amount(r.general_public.value);
            json_.key("government_fund"); amount(r.government_fund.value);
            json_.key("state_capital"); amount(r.state_capital.value);
            json_.key("special_account"); amount(r.special_account.value);
            json_.key("other"); amount(r.other.value);
            json_.key("total"); amount(dy.procurement_totals[i]);
            json_.end_object();
        }
        json_.end_array();
    }

    void assets(const Assets& a) {
        json_.key("assets");
        if (!a.present) {
            json_.null();
            return;
        }
        json_.begin_object();
        json_.key("as_of");
        if (a.as_of.has()) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", a.as_of->year, a.as_of->month, a.as_of->day);
            json_.string(buf);
        } else {
            json_.null();
        }
        json_.key("total"); amount(a.total.value);
        json_.key("planned_purchase"); amount(a.planned_purchase.value);
        json_.key("items").begin_array();
        for (const AssetItem& item : a.items) {
            json_.begin_object();
            json_.key("name"); text(item.name);
            json_.key("part_of"); text(item.part_of);
            json_.key("measure"); text(item.measure);
            json_.key("quantity"); decimal(item.quantity.value);
            json_.key("value"); amount(item.value.value);
            json_.end_object();
        }
        json_.end_array();
        json_.end_object();
    }

    void department(const Department& d) {
        json_.key("department").begin_object();
        json_.key("id").string(d.id);
        json_.key("name").string(d.name.value.value_or(""));
        json_.key("short"); text(d.short_name);
        json_.key("code"); text(d.code);
        json_.key("region"); text(d.region);
        json_.key("category"); text(d.category);
        json_.key("illustrative").boolean(d.illustrative);
        json_.end_object();
    }

    void region(const DepartmentYear& dy) {
        json_.key("region").begin_object();
        json_.key("rank").begin_object();
        for (const FigureInfo& info : all_figures()) {
            if (dy.rank[index(info.fig)] > 0) json_.key(info.name).integer(dy.rank[index(info.fig)]);
        }
        json_.end_object();
        figure_map("share", dy.region_share);
        json_.end_object();
    }

private:
    JsonWriter& json_;
    const SiteConfig& site_;
};

}  // namespace

std::string kind_suffix(BudgetKind kind) { return kind == BudgetKind::final_accounts ? "-final" : ""; }

std::string department_year_json_path(const DisclosureRef& d) {
    return "data/departments/" + d.department->id + "/" + std::to_string(d.year) + kind_suffix(d.kind) + ".json";
}

std::string department_year_json_path(const DepartmentYear& dy) {
    return department_year_json_path(DisclosureRef{dy.department, dy.year, dy.kind, &dy});
}

void write_department_year(JsonWriter& json, const DepartmentYear& dy, const SiteConfig& site) {
    Writer w(json, site);
    const BudgetFile& file = *dy.file;
    json.begin_object();
    w.department(*dy.department);
    json.key("year").integer(dy.year);
    json.key("kind").string(dy.kind == BudgetKind::final_accounts ? "final" : "budget");
    json.key("unit").string(unit_name(site.unit));
    json.key("published");
    if (file.published.has()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", file.published->year, file.published->month,
                      file.published->day);
        json.string(buf);
    } else {
        json.null();
    }
    json.key("source"); w.text(file.source);
    json.key("units").begin_array();
    for (const UnitRow& u : file.units) {
        json.begin_object();
        json.key("name"); w.text(u.name);
        json.key("nature"); w.text(u.nature);
        json.key("rank"); w.text(u.rank);
        json.key("funding"); w.text(u.funding);
        json.end_object();
    }
    json.end_array();
    w.section(dy, "income");
    w.section(dy, "expenditure");
    w.section(dy, "three_public");
    json.key("operating_expenses"); w.amount(dy.values[index(Fig::operating_expenses)]);
    w.section(dy, "meetings_training");
    json.key("procurement_total"); w.amount(dy.values[index(Fig::procurement_total)]);
    json.key("balance"); w.amount(dy.values[index(Fig::balance)]);
    w.shares(dy);
    w.changes(dy);
    if (dy.kind == BudgetKind::final_accounts) w.figure_map("execution", dy.execution);
    w.functions(dy);
    w.performance(file.performance);
    w.procurement(dy);
    w.assets(file.assets);
    json.key("notes").begin_object();
    for (std::size_t i = 0; i < kNoteCount; ++i) {
        if (file.notes[i].has()) json.key(note_key_name(static_cast<NoteKey>(i))).string(*file.notes[i]);
    }
    json.end_object();
    w.region(dy);
    json.end_object();
}

std::string department_year_json(const DepartmentYear& dy, const SiteConfig& site) {
    JsonWriter json(2);
    write_department_year(json, dy, site);
    std::string out = json.take();
    out += '\n';
    return out;
}

}  // namespace gk
