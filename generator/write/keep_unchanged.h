// Keeping a file of the previous output instead of writing it again: the
// new site gets a hard link to the same inode, so the file's mtime stays and
// rsync or a CDN upload sees nothing to send.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "incremental/manifest.h"

namespace gk {

// Links `old_file` to `new_file` when it holds exactly `bytes` (whose hash
// is `hash`) and returns its record. When `recorded` describes `old_file`
// as it still is on disk (size, mtime, inode), its hash decides; otherwise
// the old bytes are read and compared. nullopt when the file must be written.
std::optional<OutputRecord> keep_unchanged(const std::string& old_file, const std::string& new_file,
                                           std::string_view bytes, const Hash128& hash,
                                           const OutputRecord* recorded);

}  // namespace gk
