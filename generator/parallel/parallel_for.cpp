#include "parallel/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gk {

unsigned effective_jobs(unsigned requested) {
    if (requested > 0) return requested;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task) {
    parallel_for(n, jobs, task, [](const std::function<void()>& run) { run(); });
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task,
                  const AroundTasks& around) {
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::size_t failed_at = n + 1;  // n: around itself
    std::exception_ptr failure;
    const auto fail = [&](std::size_t at) {
        std::lock_guard lock(mutex);
        if (at < failed_at) {
            failed_at = at;
            failure = std::current_exception();
        }
    };
    const std::function<void()> run = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
            try {
                task(i);
            } catch (...) {
                fail(i);
            }
        }
    };
    const auto work = [&] {
        try {
            around(run);
        } catch (...) {
            fail(n);
        }
    };
    const std::size_t threads = std::min<std::size_t>(std::max(jobs, 1u), n);
    std::vector<std::jthread> helpers;
    helpers.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    helpers.clear();  // joins
    if (failure) std::rethrow_exception(failure);
}

}  // namespace gk
