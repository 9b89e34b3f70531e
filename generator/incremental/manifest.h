// The manifest: what the output folder was made from and what it holds.
// It is written last into the output (`.gongkai-manifest`, beside the
// `.gongkai-site` marker), so it is swapped in with the site it describes
// and a failed build leaves the previous pair in place. Format: docs/incremental.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "incremental/file_stamp.h"
#include "incremental/hash.h"

namespace gk {

inline constexpr std::string_view kManifestName = ".gongkai-manifest";

// One file the build read: content, theme, or the gongkai program itself.
struct InputRecord {
    FileStamp stamp;
    Hash128 hash;
    friend bool operator==(const InputRecord&, const InputRecord&) = default;
};

// One file of the output, as it is on disk after the build.
struct OutputRecord {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    Hash128 hash;
    friend bool operator==(const OutputRecord&, const OutputRecord&) = default;
};

// One folder of the output: as long as its mtime and inode stay, no entry
// was added to it, removed or renamed, so checking that the output is as
// recorded needs no listing of it.
struct FolderRecord {
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    friend bool operator==(const FolderRecord&, const FolderRecord&) = default;
};

// An output a later build may take as it is instead of making it again
// (a disclosure, a department or year page, an open data file), with what
// that build then needs to know of it (docs/incremental.md).
struct ReusableRecord {
    Hash128 fingerprint;              // of everything the output is made from
    std::string title;                // a disclosure's title, for the glossary and the feed
    std::vector<std::size_t> terms;   // the glossary terms a disclosure uses
    friend bool operator==(const ReusableRecord&, const ReusableRecord&) = default;
};

using InputRecords = std::map<std::string, InputRecord>;    // by key: "content/…", "theme/…", "gongkai"
using OutputRecords = std::map<std::string, OutputRecord>;  // by path in the output
using FolderRecords = std::map<std::string, FolderRecord>;  // by path in the output, the output itself aside
using ReusableRecords = std::map<std::string, ReusableRecord>;  // by path in the output

struct Manifest {
    std::string generator;   // gongkai's version
    Hash128 options;         // fingerprint of the options that shape the output
    std::string theme_name;  // site.toml's theme, to find the theme folder before loading
    InputRecords inputs;
    OutputRecords outputs;
    FolderRecords folders;
    ReusableRecords reusable;
    std::string report;      // the warnings the build printed, printed again when it is skipped
    friend bool operator==(const Manifest&, const Manifest&) = default;
};

std::string format_manifest(const Manifest& manifest);

// The same from the parts where they are, not copied into a Manifest (the
// build's records are tens of thousands of entries each).
struct ManifestView {
    const std::string& generator;
    const Hash128& options;
    const std::string& theme_name;
    const InputRecords& inputs;
    const OutputRecords& outputs;
    const FolderRecords& folders;
    const ReusableRecords& reusable;
    const std::string& report;
};
std::string format_manifest(const ManifestView& manifest);

// Every folder that holds an output file, as paths in the output ("a/b" for
// "a/b/c.html", and "a").
std::set<std::string> folders_of(const OutputRecords& outputs);

// What parse_manifest reads: everything, or only what the output holds
// (outputs and folders, with the header lines): the spare site needs no
// more, and its inputs and reusable records are a third of the lines (the
// longest, with titles), which are then passed over unread.
enum class ManifestParts { all, files };

// nullopt when `text` is not a manifest this version of gongkai wrote: the
// next build is then a full one.
std::optional<Manifest> parse_manifest(std::string_view text, ManifestParts parts = ManifestParts::all);

}  // namespace gk
