// What stat() says about a file, to tell cheaply whether it may have changed
// since the last build: when any of it differs, the bytes are hashed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gk {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    // The change time cannot be set back by `touch -d` or a copy that keeps
    // times, so an edit that restores size and mtime still shows. (Outputs
    // do not use it: hard-linking a file changes it.)
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// stat() of `path`, following symbolic links as the loaders do; nullopt
// when it cannot be read or is not a regular file.
std::optional<FileStamp> stamp_file(const std::string& path);

// The whole file; nullopt when it cannot be read.
std::optional<std::string> read_whole_file(const std::string& path);

}  // namespace gk
