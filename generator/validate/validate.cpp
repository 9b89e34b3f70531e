#include "validate/validate.h"

#include <exception>

#include "parallel/parallel_for.h"

namespace gk {

namespace {

void check_department(const Department& dept, Amount tolerance, Diagnostics& diagnostics) {
    for (const BudgetFile& budget : dept.files) {
        check_budget(budget, tolerance, diagnostics);
        check_classification(budget, diagnostics);
        check_printed(budget, diagnostics);
    }
}

}  // namespace

std::string show(Amount amount, Unit unit) { return format_exact(amount, unit, 2); }

void validate_content(const Content& content, Diagnostics& diagnostics, unsigned jobs) {
    check_glossary(content.glossary, diagnostics);
    // Each department reports into its own sink and records what it threw;
    // the sinks are then gathered in department order up to the first that
    // threw, which is rethrown: the same diagnostics as checking the
    // departments one after the other on one thread.
    const std::size_t n = content.departments.size();
    std::vector<Diagnostics> found(n);
    std::vector<std::exception_ptr> failed(n);
    parallel_for(n, jobs, [&](std::size_t i) {
        try {
            check_department(content.departments[i], content.site.tolerance, found[i]);
        } catch (...) {
            failed[i] = std::current_exception();
        }
    });
    for (std::size_t i = 0; i < n; ++i) {
        diagnostics.append(std::move(found[i]));
        if (failed[i]) std::rethrow_exception(failed[i]);
    }
}

}  // namespace gk
