// A narrative edit: the one kind of change after which a build needs the
// figures of a few departments only (docs/incremental.md, "A narrative
// edit loads one department's figures"). Every input but some narratives
// has the bytes the previous build read, so every output but those
// departments' disclosures, the glossary's term pages and the search index
// is the previous build's, and so is the report of warnings: nothing that
// reports one changed.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "incremental/inputs.h"
#include "incremental/manifest.h"

namespace gk {

// The departments whose narratives changed bytes, when those are the only
// inputs that did: the same input files as `recorded` (none added, none
// removed), each other one with the recorded bytes. nullopt otherwise, and
// when no narrative changed either. Only files whose stamp changed are
// read; their hashes go into `hashed`, as inputs_unchanged() does.
std::optional<std::set<std::string>> only_narratives_changed(const InputFiles& now, const InputRecords& recorded,
                                                              InputRecords& hashed);

}  // namespace gk
