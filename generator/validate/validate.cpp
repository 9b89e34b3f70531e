#include "validate/validate.h"

namespace gk {

std::string show(Amount amount, Unit unit) { return format_exact(amount, unit, 2); }

void validate_content(const Content& content, Diagnostics& diagnostics) {
    check_glossary(content.glossary, diagnostics);
    for (const Department& dept : content.departments) {
        for (const BudgetFile& budget : dept.files) {
            check_budget(budget, content.site.tolerance, diagnostics);
            check_classification(budget, diagnostics);
            check_printed(budget, diagnostics);
        }
    }
}

}  // namespace gk
