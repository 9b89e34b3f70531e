// Incremental builds, as the pipeline sees them (docs/incremental.md):
// before anything is loaded, decide from the previous output's manifest
// whether the build can be skipped altogether; otherwise hand the writer
// the previous outputs, so it keeps every file whose bytes did not change,
// and write the new manifest.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "incremental/inputs.h"
#include "incremental/manifest.h"
#include "incremental/reusable_outputs.h"
#include "load/unchanged_files.h"
#include "pipeline.h"

namespace gk {

class IncrementalBuild {
public:
    // Reads the previous manifest, if any, and finds the content's files
    // (their stamps only: nothing is read yet).
    explicit IncrementalBuild(const BuildOptions& options);

    // True when the output already is exactly what this build would write:
    // the same generator and options, every input file with the same bytes,
    // the output folder as recorded.
    bool up_to_date();

    // The warnings the skipped build printed.
    const std::string& previous_report() const;

    // After up_to_date() said no: the departments whose narratives are the
    // only inputs that changed (incremental/narrative_edit.h), when this
    // build may load the figures of those departments only; nullopt when it
    // needs them all.
    std::optional<std::set<std::string>> narrative_edit();

    // The content files whose stamp is the one the previous build recorded,
    // with the hash of their bytes it recorded: the loader need not read
    // them (load/unchanged_files.h). Lives as long as this object.
    const UnchangedFiles& unchanged_content() const { return unchanged_content_; }

    // Finds the theme's files. Call before the theme is loaded.
    void scan_theme(const std::string& theme_dir, const std::string& theme_name);

    // The previous output's files (none when it has no manifest).
    const OutputRecords& previous_outputs() const;

    // Hashes every input (only those not already known by their stamp).
    // Call once the theme is scanned, before rendering; false when an
    // input can no longer be read (the build then reuses no page and
    // writes no manifest, so the next one is a full build).
    bool hash_inputs();

    // What tells this program from any other gongkai ("" before
    // hash_inputs() succeeded): caches written by another must not be used.
    std::string program_key() const;

    // The files of the previous output that this build may take instead of
    // making them (none before hash_inputs() succeeded).
    ReusableOutputs reusable_outputs() const;

    // The manifest text for a build that wrote `outputs` into `folders`,
    // could reuse `reusable` next time and printed `report`; nullopt without hashed inputs.
    std::optional<std::string> manifest(const OutputRecords& outputs, const FolderRecords& folders,
                                        const ReusableRecords& reusable, const std::string& report) const;

private:
    // The previous manifest's program version, theme and options are this
    // build's (scans that theme's files, as the inputs then include them).
    bool same_settings_as_previous();

    class UnchangedContent : public UnchangedFiles {
    public:
        explicit UnchangedContent(const IncrementalBuild& build) : build_(build) {}
        std::optional<Hash128> hash(const std::string& relative) const override;

    private:
        const IncrementalBuild& build_;
    };

    Hash128 options_fingerprint() const;

    BuildOptions options_;
    std::int64_t scan_time_ns_;  // when the files were first looked at
    std::optional<Manifest> previous_;
    InputFiles files_;
    std::string theme_dir_;
    std::string theme_name_;
    InputRecords hashed_;  // inputs already read by up_to_date()
    std::optional<InputRecords> inputs_;  // every input, once hash_inputs() succeeded
    UnchangedContent unchanged_content_{*this};
};

}  // namespace gk
