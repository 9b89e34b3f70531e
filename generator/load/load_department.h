// One department folder: department.toml and its yearly files.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "diag/diagnostics.h"
#include "load/budget_cache.h"
#include "load/unchanged_files.h"
#include "model/content.h"

namespace gk {

// Loads `dir` (whose name is the already validated id). `display_dir` is the
// folder's path as diagnostics show it ("content/departments/x"). Budget
// files the load cache holds are taken from it instead of being parsed;
// `cache` may be null. Year files `unchanged` knows (may be null) are not
// read unless needed: a budget file the cache holds by the known hash, a
// narrative until it is rendered. With `figures_of` (may be null), a
// department not in it leaves its unchanged budget files unread: their
// year and kind go to `Department::unread` (pipeline.cpp, a narrative edit).
Department load_department(const std::filesystem::path& dir, const std::string& display_dir,
                           const std::string& id, Content& content, Diagnostics& diagnostics,
                           BudgetCache* cache = nullptr, const UnchangedFiles* unchanged = nullptr,
                           const std::set<std::string>* figures_of = nullptr);

}  // namespace gk
