// What render and index produce: files as (path, bytes), handed to a sink
// as soon as each is ready, so pages never pile up in memory. The write
// stage provides the sink that puts them on disk; tests use MemorySink.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace gk {

class OutputSink {
public:
    virtual ~OutputSink() = default;
    // `path` is relative to the output root, with '/' separators. Safe to
    // call from several threads.
    virtual void add(const std::string& path, std::string bytes) = 0;
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
