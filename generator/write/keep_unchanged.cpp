#include "write/keep_unchanged.h"

#include <sys/stat.h>
#include <unistd.h>

#include "incremental/file_stamp.h"

namespace gk {

std::optional<OutputRecord> keep_unchanged(const std::string& old_file, const std::string& new_file,
                                           std::string_view bytes, const Hash128& hash,
                                           const OutputRecord* recorded) {
    struct stat st;
    if (::lstat(old_file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::uint64_t>(st.st_size) != bytes.size())
        return std::nullopt;
    const OutputRecord now{bytes.size(),
                           static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                           static_cast<std::uint64_t>(st.st_ino), hash};
    const bool untouched = recorded && recorded->size == now.size && recorded->mtime_ns == now.mtime_ns &&
                           recorded->inode == now.inode;
    if (untouched ? recorded->hash != hash : read_whole_file(old_file) != bytes) return std::nullopt;
    // Where the file system cannot link (or the file has too many links),
    // writing it is still correct, only not incremental.
    if (::link(old_file.c_str(), new_file.c_str()) != 0) return std::nullopt;
    return now;
}

}  // namespace gk
