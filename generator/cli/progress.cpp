#include "cli/progress.h"

namespace gk {

namespace {

constexpr auto kQuietStart = std::chrono::seconds(1);   // builds shorter than this show nothing
constexpr auto kRedraw = std::chrono::milliseconds(200);

std::int64_t since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Progress::Progress(std::FILE* out) : out_(out), start_(std::chrono::steady_clock::now()) {
    if (out_) thread_ = std::thread([this] { run(); });
}

Progress::~Progress() { finish(); }

void Progress::update(const char* stage, std::size_t done, std::size_t total) {
    if (!out_) return;
    done_.store(done, std::memory_order_relaxed);
    total_.store(total, std::memory_order_relaxed);
    if (stage_.load(std::memory_order_relaxed) != stage) {
        stage_start_ns_.store(since(start_), std::memory_order_relaxed);
        stage_.store(stage, std::memory_order_release);
    }
}

std::string Progress::line(const char* stage, std::size_t done, std::size_t total, double stage_seconds) {
    char buf[160];
    if (total == 0) {
        std::snprintf(buf, sizeof buf, "gongkai: %s ... %.1f s", stage, stage_seconds);
    } else {
        const double rate = stage_seconds > 0 ? static_cast<double>(done) / stage_seconds : 0;
        std::snprintf(buf, sizeof buf, "gongkai: %s %zu/%zu (%.0f%%), %.0f/s", stage, done, total,
                      100.0 * static_cast<double>(done) / static_cast<double>(total), rate);
    }
    return buf;
}

void Progress::draw() {
    const double stage_seconds =
        static_cast<double>(since(start_) - stage_start_ns_.load(std::memory_order_relaxed)) / 1e9;
    const std::string text = line(stage_.load(std::memory_order_acquire), done_.load(std::memory_order_relaxed),
                                  total_.load(std::memory_order_relaxed), stage_seconds);
    // \r and "erase to end of line": the line shrinks cleanly when a stage
    // with a shorter text follows.
    std::fprintf(out_, "\r%s\033[K", text.c_str());
    std::fflush(out_);
    drawn_ = true;
}

void Progress::run() {
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, kQuietStart, [this] { return stopping_; })) return;
    while (!stopping_) {
        draw();
        wake_.wait_for(lock, kRedraw, [this] { return stopping_; });
    }
}

void Progress::finish() {
    if (!out_) return;
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    if (drawn_) {
        std::fprintf(out_, "\r\033[K");
        std::fflush(out_);
    }
}

}  // namespace gk
