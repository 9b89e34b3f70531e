// The validate stage: every rule of spec §7 that the model alone can check.
// Reports to the diagnostics sink and never throws; the load stage has
// already reported what it could not parse or did not know.
//
// Rules that need derived figures (a [previous] figure against last year's
// file, a [printed] figure against the computed one) run after compute, in
// check_derived().
#pragma once

#include "compute/derived.h"
#include "diag/diagnostics.h"
#include "model/content.h"

namespace gk {

// Departments are checked on up to `jobs` threads; what is reported, and
// where an AmountOverflow stops the checks, is what one thread would give.
void validate_content(const Content& content, Diagnostics& diagnostics, unsigned jobs = 1);

// Per-file rules (check_budget.cpp).
void check_budget(const BudgetFile& budget, Amount tolerance, Diagnostics& diagnostics);
// 功能分类 / 经济分类 rules (check_classification.cpp).
void check_classification(const BudgetFile& budget, Diagnostics& diagnostics);
// [printed] entries that cannot apply to their file (check_printed.cpp).
void check_printed(const BudgetFile& budget, Diagnostics& diagnostics);
// Glossary rules (check_glossary.cpp).
void check_glossary(const Glossary& glossary, Diagnostics& diagnostics);

// Warnings that compare with derived figures (check_derived.cpp).
void check_derived(const Derived& derived, Diagnostics& diagnostics);

// An amount as the person wrote it: in the file's unit, at least 2 decimals.
std::string show(Amount amount, Unit unit);

}  // namespace gk
