// Everything the load stage read from a content folder: the model every
// later stage works on. Plain data; no I/O.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diag/source.h"
#include "model/department.h"
#include "model/glossary.h"
#include "model/site.h"

namespace gk {

struct Content {
    std::string root;  // the content folder as given on the command line
    std::unique_ptr<SourceSet> sources = std::make_unique<SourceSet>();
    SiteConfig site;
    Glossary glossary;
    // Sorted by (order when given, name, id) so every listing is stable.
    std::vector<Department> departments;

    // All years that have at least one budget or final-accounts file, ascending.
    std::vector<int> years() const;
};

}  // namespace gk
