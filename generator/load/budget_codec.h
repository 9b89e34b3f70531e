// A loaded budget file as bytes and back, for the load cache
// (load/budget_cache.h): every field load_budget fills, with each position
// kept as line and column in the file the budget was read from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/source.h"
#include "model/budget.h"

namespace gk {

// The bytes of `budget` (its narrative is not part of it: that is another
// file, attached after loading). nullopt when a position points into a file
// other than `file`, which a loaded budget never does.
std::optional<std::string> encode_budget(const BudgetFile& budget, const SourceFile& file);

// Fills `budget`, default-constructed, from bytes encode_budget made, with
// every position pointing into `file`. False (and `budget` unusable) when
// the bytes are not such a record.
bool decode_budget(std::string_view bytes, const SourceFile& file, BudgetFile& budget);

}  // namespace gk
