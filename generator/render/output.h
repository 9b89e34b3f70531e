// What render and index produce: files as (path, bytes), handed to a sink
// as soon as each is ready, so pages never pile up in memory. The write
// stage provides the sink that puts them on disk; tests use MemorySink.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "incremental/hash.h"

namespace gk {

// A file of the previous output that this build takes as it is (see
// output_reuse.h): where it lies and what the previous manifest recorded of
// it, checked against the file on disk. Its bytes are not read unless a sink
// needs them.
struct PreviousFile {
    std::string file;  // its path on disk, in the previous output folder
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    Hash128 hash;  // of its bytes
};

// An output of the previous build: its path in the output, and its file.
struct PreviousOutput {
    std::string path;
    PreviousFile file;
};

// True when `previous.file` is still as recorded (size, mtime, inode).
bool still_as_recorded(const PreviousFile& previous);

class OutputSink {
public:
    virtual ~OutputSink() = default;
    // `path` is relative to the output root, with '/' separators. Safe to
    // call from several threads.
    virtual void add(const std::string& path, std::string bytes) = 0;
    // The same, from a caller that has hashed `bytes` already (hash128):
    // a sink that hashes what it writes takes the hash instead of hashing
    // the page again. By default, add().
    virtual void add_hashed(const std::string& path, std::string bytes, const Hash128& hash) {
        (void)hash;
        add(path, std::move(bytes));
    }
    // The output at `path` is `previous`, unchanged: a file the caller found
    // still as recorded (still_as_recorded) in this build. By default its
    // bytes are read and added; a sink that can do without them overrides
    // this. Throws std::runtime_error when the file can no longer be read.
    virtual void keep(const std::string& path, const PreviousFile& previous);
};

class MemorySink : public OutputSink {
public:
    void add(const std::string& path, std::string bytes) override {
        std::lock_guard lock(mutex_);
        files_[path] = std::move(bytes);
    }
    const std::map<std::string, std::string>& files() const { return files_; }

private:
    std::mutex mutex_;
    std::map<std::string, std::string> files_;
};

}  // namespace gk
