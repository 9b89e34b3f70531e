// One department folder: department.toml and its yearly files.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostics.h"
#include "load/budget_cache.h"
#include "model/content.h"

namespace gk {

// Loads `dir` (whose name is the already validated id). `display_dir` is the
// folder's path as diagnostics show it ("content/departments/x"). Budget
// files the load cache holds are taken from it instead of being parsed;
// `cache` may be null.
Department load_department(const std::filesystem::path& dir, const std::string& display_dir,
                           const std::string& id, Content& content, Diagnostics& diagnostics,
                           BudgetCache* cache = nullptr);

}  // namespace gk
