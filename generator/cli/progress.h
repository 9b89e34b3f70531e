// The progress line of a build on a terminal: one line on stderr, redrawn in
// place, naming the stage, how far it is (done/total) and the rate. Builds
// that finish within a second never show it; the CLI creates it only when
// stderr is a terminal and --quiet is not given (a log gets no \r noise).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace gk {

class Progress {
public:
    // `out` null: a progress that shows nothing (its calls cost next to nothing).
    explicit Progress(std::FILE* out);
    ~Progress();  // clears the line
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Where the build is: `stage` (a string literal: it is kept), `done` of
    // `total` (0: a stage without a count). A new stage restarts the rate.
    // Thread-safe and cheap: drawing happens on the progress thread, a few
    // times a second.
    void update(const char* stage, std::size_t done = 0, std::size_t total = 0);
    // Clears the line for good (before the summary and warnings print).
    void finish();

    // The text of the line (exposed for tests).
    static std::string line(const char* stage, std::size_t done, std::size_t total, double stage_seconds);

private:
    void run();
    void draw();

    std::FILE* out_;
    std::chrono::steady_clock::time_point start_;
    std::atomic<const char*> stage_{""};
    std::atomic<std::size_t> done_{0};
    std::atomic<std::size_t> total_{0};
    std::atomic<std::int64_t> stage_start_ns_{0};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool drawn_ = false;
    std::thread thread_;
};

}  // namespace gk
