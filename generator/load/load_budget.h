// `<year>.toml` / `<year>-final.toml` -> BudgetFile.
#pragma once

#include "load/table_reader.h"
#include "load/toml_document.h"
#include "model/budget.h"

namespace gk {

// Fills `budget`, a BudgetFile as default-constructed: in place, since it is
// a few kilobytes and there are thousands. `year` and `kind` come from the
// file name; the file's own `year` key is kept in `stated_year` for
// validation.
void load_budget(const TomlDocument& doc, int year, BudgetKind kind, Unit site_unit, Diagnostics& diagnostics,
                 BudgetFile& budget);

// The tables of a budget file other than its figure sections
// (load_budget_tables.cpp).
void load_units(TableReader& top, BudgetFile& budget);
void load_by_function(TableReader& top, BudgetFile& budget);
void load_by_economic(TableReader& top, BudgetFile& budget);
void load_performance(TableReader& top, BudgetFile& budget);
void load_procurement(TableReader& top, BudgetFile& budget);
void load_assets(TableReader& top, BudgetFile& budget);
void load_notes(TableReader& top, BudgetFile& budget);

}  // namespace gk
