// Runs independent tasks on a few threads. Used where the order of the work
// does not show in the output (each task writes its own files and its own
// slot of a result vector), so a build is the same whatever --jobs says.
#pragma once

#include <cstddef>
#include <functional>

namespace gk {

// The number of worker threads for `requested` (0: one per core).
unsigned effective_jobs(unsigned requested);

// Calls task(i) for every i in [0, n), on at most `jobs` threads (the calling
// thread is one of them), handing out indices in increasing order as threads
// become free. Returns when all are done. If tasks throw, every other task
// still runs and the exception of the lowest index is rethrown, so which
// error surfaces does not depend on timing.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task);

// The same, each thread running its share of the tasks inside `around`,
// which must call `run` once: what a thread keeps for all its tasks (a
// batch of pages) lives in around's frame and is dealt with after run. An
// exception from around itself counts as that of an index past every task.
using AroundTasks = std::function<void(const std::function<void()>& run)>;
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task,
                  const AroundTasks& around);

}  // namespace gk
