// The site before the previous one, kept beside the output as the next
// build's staging folder. A rebuild after a small edit keeps almost every
// file: its staging folder used to be made anew (a mkdir for each of
// 15,000 folders and a hard link for each of 24,000 files at 9,000
// department-years) and the site it replaced deleted afterwards. Most of
// that tree is what the next staging folder needs: the same folders, and
// mostly the same files (hard links to the same inodes as the site's). So
// the replaced site is kept as the spare (after a build that kept most
// files), and the next build renames it into its staging folder and
// changes only the entries that differ (docs/incremental.md).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "incremental/manifest.h"

namespace gk {

// What a spare holds, from its manifest: its files and its folders (paths
// in the site).
struct SpareContents {
    OutputRecords files;
    std::set<std::string> folders;
};

// Renames `spare` to `staging` when it is the site its manifest describes:
// the manifest parses, every recorded folder is there with its recorded
// mtime and inode (so none had an entry added, removed or renamed since),
// and its root holds nothing else than recorded files and folders and the
// manifest. Returns what it holds; nothing (and `spare` left as it is)
// otherwise.
std::optional<SpareContents> take_spare(const std::filesystem::path& spare, const std::filesystem::path& staging);

}  // namespace gk
