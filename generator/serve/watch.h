// Change detection for `gongkai serve` by polling: portable, no inotify
// limits, and cheap at the sizes of a content folder (one stat per file).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gk {

// Every regular file under the roots: path -> (size, modification time in ns).
// Two snapshots differ when a file was added, removed or changed. Folders
// that cannot be read give no entries (a folder deleted is a change too).
using TreeSnapshot = std::map<std::string, std::pair<std::uintmax_t, std::int64_t>>;

TreeSnapshot snapshot_tree(const std::vector<std::string>& roots);

}  // namespace gk
