// What the pages that show one department are made from, as one hash per
// department, so that a build can tell which of them it may take from the
// previous output instead of rendering them again (docs/incremental.md).
//
// The rule is coarse on purpose, so that it is safe without tracking what
// each page reads: a disclosure compares its figures with every department
// of its year (ranks, shares) and with its own previous year, and links
// every glossary term, so its fingerprint covers every input but the
// narratives (all figures, the site, the glossary, the theme, the program,
// the options) plus its own department's narratives. Editing a narrative
// then changes one department's fingerprint; editing anything else changes
// them all.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "incremental/hash.h"
#include "incremental/manifest.h"

namespace gk {

class PageFingerprints {
public:
    // `inputs`: every file the build reads, as the manifest records them;
    // `options`: the fingerprint of the options that shape the output.
    PageFingerprints(const InputRecords& inputs, const Hash128& options);

    // The fingerprint of every page that shows the department `id` alone.
    Hash128 department(const std::string& id) const;

private:
    std::string shared_;                        // the hash of everything but the narratives, as hex
    std::map<std::string, std::string> narratives_;  // by department id: its narratives' keys and hashes
};

// The department folder of a narrative's input key
// ("content/departments/<id>/<year>.md" or "…/<year>-final.md"), or
// nullopt when the key is not a narrative.
std::optional<std::string_view> narrative_department(std::string_view key);

}  // namespace gk
