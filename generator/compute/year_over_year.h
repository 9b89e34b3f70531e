// Year-over-year changes (spec §6): against the disclosure's own [previous]
// when it states the figure, else against last year's file.
#pragma once

#include <optional>

#include "compute/derived.h"

namespace gk {

std::optional<Change> change_between(Amount previous, Amount current);

// The figure's previous value and whether it came from [previous].
struct PreviousValue {
    Amount amount;
    bool from_previous_section = false;
};
std::optional<PreviousValue> previous_value(const DepartmentYear& dy, Fig fig);

// Fills dy.changes; needs dy.previous linked.
void compute_changes(DepartmentYear& dy);

}  // namespace gk
