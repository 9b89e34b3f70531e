// The text of the files `gongkai new` writes: a department-year as a
// commented template that already passes `gongkai check`. Pure: no I/O.
#pragma once

#include <string>

#include "compute/derived.h"
#include "model/amount.h"

namespace gk {

// The earliest and latest year `gongkai new` accepts. The loader takes any
// four-digit year; a year outside this range is almost surely a typo.
inline constexpr int kScaffoldFirstYear = 1949;
inline constexpr int kScaffoldLastYear = 2100;

// department.toml of a new department: `name` is the id until the webmaster
// writes the real name (the one key the loader requires).
std::string department_template(const std::string& dept_id);

// <year>.toml: `year` set, every section of the contract present with its
// keys commented out (a figure not published is simply absent). Its header
// also says what the narrative <year>.md usually holds: `new` writes that
// file empty, because a page shows any non-empty narrative as one, even a
// Markdown comment alone.
// `previous_block` is the [previous] section to put in, already commented
// out; "" gives the plain template of that section.
std::string year_template(int year, const std::string& previous_block);

// [previous] filled with every figure of last year's file, in `unit`, all
// commented out: the webmaster keeps the ones the document restates.
std::string previous_block_from(const DepartmentYear& last_year, Unit unit);

}  // namespace gk
