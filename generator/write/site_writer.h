// The write stage: the only writer of the output folder. Files go into a
// new staging folder beside the output; only when the whole build has
// succeeded does commit() swap it into place, so a failed build leaves the
// previous site byte for byte as it was.
//
// A file whose bytes equal the previous output's file at the same path is
// not written: the staging folder gets a hard link to it, so its mtime and
// inode stay (docs/incremental.md). So does a file the build keeps without
// making it again (OutputSink::keep). Files of the previous output that this
// build does not produce are not carried over.
//
// The staging folder is the spare (write/spare_site.h) when there is one:
// the site before the previous one, whose entries that differ are changed.
#pragma once

#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "incremental/manifest.h"
#include "render/output.h"
#include "write/spare_site.h"

namespace gk {

// Name of the marker file that says "gongkai made this folder".
inline constexpr std::string_view kSiteMarker = ".gongkai-site";

// ".<site>.gongkai-<what>" beside the output folder `out_dir` (as given):
// the name SiteWriter::beside gives, for what a build reads before it has
// a writer (the load cache).
std::filesystem::path beside_output(const std::string& out_dir, const std::string& what);

class SiteWriter : public OutputSink {
public:
    // `previous`: what the previous output's manifest says about its files
    // (empty without one: then files are compared by their bytes).
    SiteWriter(std::string out_dir, std::string content_dir, OutputRecords previous = {});
    ~SiteWriter() override;  // removes the staging folder if not committed

    // Starts reading and checking the spare site beside the output (if
    // any) on a thread of its own, for prepare() to take: its manifest is
    // megabytes and its folders thousands, and the content is loaded
    // meanwhile. Reads only. Optional: without it, prepare() looks itself.
    void look_at_spare_early();

    // Checks that the output folder may be replaced and creates the staging
    // folder. Returns the reason when it refuses or cannot.
    std::optional<std::string> prepare();

    void add(const std::string& path, std::string bytes) override;
    void add_hashed(const std::string& path, std::string bytes, const Hash128& hash) override;
    // Links the previous file into the staging folder without reading it.
    void keep(const std::string& path, const PreviousFile& previous) override;

    // The first write error, if any (the build must then not commit).
    std::optional<std::string> error() const;

    // When the staging folder is the spare: removes what it held that this
    // build did not add (call once all files are added, before folders();
    // commit() calls it too). The second form takes every file added
    // (outputs()) and the folders holding them (folders_of), which the
    // build works out once for this, folders() and the manifest: tens of
    // thousands of paths each time at 9,000 department-years.
    void remove_leftovers();
    void remove_leftovers(const OutputRecords& outputs, const std::set<std::string>& folder_names);
    // Whether the staging folder is the spare, renamed (for tests).
    bool staging_was_spare() const { return spare_.has_value(); }

    // Every file added so far, as it is in the staging folder, and every
    // folder holding them (call once all files are added: adding a file
    // changes its folder's mtime).
    OutputRecords outputs() const;
    FolderRecords folders() const;
    FolderRecords folders(const std::set<std::string>& folder_names) const;

    // Writes the manifest, which is not one of the outputs it describes.
    void add_manifest(const std::string& text);

    // Swaps the staging folder into place. Returns the reason on failure;
    // the previous output is then still in place.
    std::optional<std::string> commit();

    std::size_t files_written() const { return files_; }
    std::uintmax_t bytes_written() const { return bytes_; }
    std::size_t files_kept() const { return kept_; }  // linked from the previous output
    const std::filesystem::path& staging() const { return staging_; }
    // ".<site>.gongkai-<what>" beside the output folder (after prepare()):
    // where what must not be published but belongs to this output lives.
    std::filesystem::path beside(const std::string& what) const;

private:
    // "<staging folder>/<path>".
    std::string staged(const std::string& path) const;
    void ensure_parent(const std::string& file);
    void remember(const std::string& path, const OutputRecord& record, bool kept);
    // The entry at `path` (in the site) was added, replaced or removed: its
    // folder's mtime changed (folders() must look at it).
    void touched(const std::string& path);
    std::optional<OutputRecord> write_file(const std::string& file, const std::string& bytes,
                                           const Hash128& hash);
    void fail(std::string message);
    void remove_staging();
    std::filesystem::path old_site_path() const;
    // Makes room for `path` in a staging folder that is the spare: true
    // when its entry there is already `want` (the file the site has;
    // `want_checked`: found as recorded in this build already), which is
    // then remembered as kept; else removes the entry (a file, or a folder
    // where a file goes now).
    bool make_room_in_spare(const std::string& path, const OutputRecord* want, bool want_checked);
    // The previous site, after the swap: kept as the spare when this build
    // kept most of its files, else removed in the background.
    void put_aside(const std::filesystem::path& replaced);

    std::string out_dir_;
    std::string content_dir_;
    std::filesystem::path out_;
    std::filesystem::path staging_;
    bool committed_ = false;
    const OutputRecords previous_;
    bool has_previous_ = false;  // the output folder held a site when prepare() looked
    std::optional<SpareContents> spare_;  // what the staging folder held, when it is the spare
    std::future<std::optional<SpareContents>> spare_look_;  // look_at_spare_early()
    bool leftovers_removed_ = false;

    mutable std::mutex mutex_;
    // Folders known to be in the staging folder, by their path's string:
    // asked for each of the 24,000 files of a site, where comparing
    // std::filesystem::paths part by part in a std::set, under the lock
    // every other record shares, showed in profiles of a rebuild.
    std::unordered_set<std::string> made_dirs_;
    mutable std::mutex dirs_mutex_;
    // Folders (in the site; "" the site itself) an entry was added to or
    // removed from, when the staging folder is the spare.
    std::unordered_set<std::string> touched_;
    mutable std::mutex touched_mutex_;
    std::optional<std::string> error_;
    OutputRecords outputs_;
    std::size_t files_ = 0;
    std::uintmax_t bytes_ = 0;
    std::size_t kept_ = 0;
};

// True when `path` is a safe relative output path: no '..', no empty or
// absolute segments, no backslashes.
bool is_safe_output_path(std::string_view path);

}  // namespace gk
