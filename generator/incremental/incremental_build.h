// Incremental builds, as the pipeline sees them (docs/incremental.md):
// before anything is loaded, decide from the previous output's manifest
// whether the build can be skipped altogether; otherwise hand the writer
// the previous outputs, so it keeps every file whose bytes did not change,
// and write the new manifest.
#pragma once

#include <optional>
#include <string>

#include "incremental/inputs.h"
#include "incremental/manifest.h"
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

    // Finds the theme's files. Call before the theme is loaded.
    void scan_theme(const std::string& theme_dir, const std::string& theme_name);

    // The previous output's files (none when it has no manifest).
    const OutputRecords& previous_outputs() const;

    // The manifest text for a build that wrote `outputs` into `folders` and
    // printed `report`; nullopt when an input can no longer be read (the
    // build then writes none, and the next one is a full build).
    std::optional<std::string> manifest(const OutputRecords& outputs, const FolderRecords& folders,
                                        const std::string& report) const;

private:
    Hash128 options_fingerprint() const;

    BuildOptions options_;
    std::int64_t scan_time_ns_;  // when the files were first looked at
    std::optional<Manifest> previous_;
    InputFiles files_;
    std::string theme_dir_;
    std::string theme_name_;
    InputRecords hashed_;  // inputs already read by up_to_date()
};

}  // namespace gk
