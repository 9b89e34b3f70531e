// CPU time, for GONGKAI_TIMINGS: on a shared machine, wall time measures the
// other users as much as the work.
#pragma once

#include <time.h>

#include <cstdint>

namespace gk {

// CPU time by `clock` in nanoseconds: CLOCK_THREAD_CPUTIME_ID for the
// calling thread, CLOCK_PROCESS_CPUTIME_ID for all threads.
inline std::uint64_t cpu_ns(clockid_t clock) {
    timespec t{};
    ::clock_gettime(clock, &t);
    return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000ull + static_cast<std::uint64_t>(t.tv_nsec);
}

inline std::uint64_t thread_cpu_ns() { return cpu_ns(CLOCK_THREAD_CPUTIME_ID); }

}  // namespace gk
