#include "compute/year_over_year.h"

namespace gk {

std::optional<Change> change_between(Amount previous, Amount current) {
    Change c;
    c.previous = previous;
    c.amount = current - previous;
    c.percent = percent_of(c.amount, previous);
    c.direction = c.amount.is_zero() ? Direction::unchanged
                  : c.amount.is_negative() ? Direction::decrease
                                           : Direction::increase;
    return c;
}

std::optional<PreviousValue> previous_value(const DepartmentYear& dy, Fig fig) {
    const Located<Amount>& stated = dy.file->previous.values[index(fig)];
    if (stated.has()) return PreviousValue{*stated, true};
    if (dy.previous && dy.previous->values[index(fig)]) return PreviousValue{*dy.previous->values[index(fig)], false};
    return std::nullopt;
}

void compute_changes(DepartmentYear& dy) {
    for (const FigureInfo& info : all_figures()) {
        if (info.fig == Fig::balance) continue;
        const std::optional<Amount>& current = dy.values[index(info.fig)];
        if (!current) continue;
        const std::optional<PreviousValue> previous = previous_value(dy, info.fig);
        if (!previous) continue;
        dy.changes[index(info.fig)] = change_between(previous->amount, *current);
        dy.changes[index(info.fig)]->from_previous_section = previous->from_previous_section;
    }
}

}  // namespace gk
