// What the outputs a build may take from the previous output are made
// from, as hashes, so that a build can tell which of them it need not make
// again (docs/incremental.md).
//
// The rule is coarse on purpose, so that it is safe without tracking what
// each output reads. Narratives are the one input only some outputs show:
// a disclosure shows its own, and the glossary's term pages list every
// disclosure that uses a term (terms are found in narratives too). Every
// other input may reach any page: a disclosure compares its figures with
// every department of its year (ranks, shares) and links every glossary
// term. So there are two fingerprints: the shared one covers every input
// but the narratives (all figures, the site, the glossary, the theme, the
// program, the options), and a department's adds its own narratives.
// Editing a narrative changes one department's fingerprint; editing
// anything else changes them all. A term page adds to the shared one the
// list of pages it shows (ReusableOutputs::reuse_listing).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "incremental/hash.h"
#include "incremental/manifest.h"

namespace gk {

class OutputFingerprints {
public:
    // `inputs`: every file the build reads, as the manifest records them;
    // `options`: the fingerprint of the options that shape the output.
    OutputFingerprints(const InputRecords& inputs, const Hash128& options);

    // Of an output that shows no narrative (a department, year or data page,
    // an open data file).
    Hash128 shared() const { return shared_; }
    // Of an output that shows the narratives of the department `id` and no
    // other (its disclosures).
    Hash128 department(const std::string& id) const;

private:
    Hash128 shared_;                                  // everything but the narratives
    std::map<std::string, std::string> narratives_;  // by department id: its narratives' keys and hashes
};

// The department folder of a narrative's input key
// ("content/departments/<id>/<year>.md" or "…/<year>-final.md"), or
// nullopt when the key is not a narrative.
std::optional<std::string_view> narrative_department(std::string_view key);

}  // namespace gk
