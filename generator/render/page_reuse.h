// Pages a build may take from the previous output instead of rendering them
// again: those that show one department (its disclosures and its
// department page). Whether one may be taken is the incremental stage's
// decision (incremental/previous_pages.h); render only asks, and says
// which pages of that kind it wrote, so the next build can ask again.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/department.h"

namespace gk {

// What the rest of the build needs of a page that shows one department
// besides its bytes: a disclosure's title and the glossary terms it uses
// (for the term pages and the feed). Empty for a department page.
struct DepartmentPageFacts {
    std::string title;
    std::vector<std::size_t> terms;
};

struct ReusedPage {
    std::string html;
    DepartmentPageFacts facts;
};

class PageReuse {
public:
    virtual ~PageReuse() = default;
    // The page at `path`, which shows `dept` alone, as the previous build
    // wrote it, when nothing it is made from changed; nullopt: render it.
    // Called from several threads.
    virtual std::optional<ReusedPage> reuse(const Department& dept, const std::string& path) const = 0;
    // Every such page this build writes, rendered or reused. Called from
    // several threads.
    virtual void wrote(const Department& dept, const std::string& path, DepartmentPageFacts facts) = 0;
};

}  // namespace gk
