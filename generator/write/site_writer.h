// The write stage: the only writer of the output folder. Files go into a
// new staging folder beside the output; only when the whole build has
// succeeded does commit() swap it into place, so a failed build leaves the
// previous site byte for byte as it was.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "render/output.h"

namespace gk {

// Name of the marker file that says "gongkai made this folder".
inline constexpr std::string_view kSiteMarker = ".gongkai-site";

class SiteWriter : public OutputSink {
public:
    SiteWriter(std::string out_dir, std::string content_dir);
    ~SiteWriter() override;  // removes the staging folder if not committed

    // Checks that the output folder may be replaced and creates the staging
    // folder. Returns the reason when it refuses or cannot.
    std::optional<std::string> prepare();

    void add(const std::string& path, std::string bytes) override;

    // The first write error, if any (the build must then not commit).
    std::optional<std::string> error() const;

    // Swaps the staging folder into place. Returns the reason on failure;
    // the previous output is then still in place.
    std::optional<std::string> commit();

    std::size_t files_written() const { return files_; }
    std::uintmax_t bytes_written() const { return bytes_; }
    const std::filesystem::path& staging() const { return staging_; }

private:
    void ensure_parent(const std::filesystem::path& file);
    void remove_staging();

    std::string out_dir_;
    std::string content_dir_;
    std::filesystem::path out_;
    std::filesystem::path staging_;
    bool committed_ = false;

    mutable std::mutex mutex_;
    std::set<std::filesystem::path> made_dirs_;
    std::optional<std::string> error_;
    std::size_t files_ = 0;
    std::uintmax_t bytes_ = 0;
};

// True when `path` is a safe relative output path: no '..', no empty or
// absolute segments, no backslashes.
bool is_safe_output_path(std::string_view path);

}  // namespace gk
