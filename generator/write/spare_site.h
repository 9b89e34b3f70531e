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
#include <string>

#include "incremental/file_stamp.h"
#include "incremental/manifest.h"

namespace gk {

// What a spare holds, from its manifest: its files and its folders (paths
// in the site; a folder's record was found to be what it is on disk), and
// the stamp of the manifest file it was read from.
struct SpareContents {
    OutputRecords files;
    FolderRecords folders;
    FileStamp manifest;
};

// What `spare` holds when it is the site its manifest describes: the
// manifest parses, every recorded folder is there with its recorded mtime
// and inode (so none had an entry added, removed or renamed since), and its
// root holds nothing else than recorded files and folders and the
// manifest. Nothing otherwise. Reads only: a build looks while it loads
// the content, and takes the spare later (take_spare).
std::optional<SpareContents> look_at_spare(const std::filesystem::path& spare);

// Renames `spare` to `staging` when it is as `looked` (what look_at_spare
// said of it, earlier in this build) says, and returns that; nothing (and
// `spare` left as it is) when it was not a spare to take. Should `spare`
// have been replaced since the look (another build committed meanwhile),
// the renamed folder is looked at again; if it is not a spare, it is left
// at `staging` for the caller to remove, and nothing is returned.
std::optional<SpareContents> take_spare(const std::filesystem::path& spare, const std::filesystem::path& staging,
                                        std::optional<SpareContents> looked);

// look_at_spare, then take_spare.
std::optional<SpareContents> take_spare(const std::filesystem::path& spare, const std::filesystem::path& staging);

}  // namespace gk
