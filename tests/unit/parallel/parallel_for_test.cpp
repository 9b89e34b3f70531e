#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "parallel/parallel_for.h"

using gk::parallel_for;

TEST_CASE("parallel_for runs every task once, whatever the number of threads", "[parallel]") {
    for (unsigned jobs : {1u, 2u, 4u}) {
        std::vector<std::atomic<int>> runs(1000);
        parallel_for(runs.size(), jobs, [&](std::size_t i) { ++runs[i]; });
        for (const auto& r : runs) CHECK(r.load() == 1);
    }
}

TEST_CASE("parallel_for rethrows the exception of the lowest failing task, after running the others",
          "[parallel]") {
    for (unsigned jobs : {1u, 3u}) {
        std::atomic<int> ran{0};
        try {
            parallel_for(200, jobs, [&](std::size_t i) {
                ++ran;
                if (i == 150 || i == 40 || i == 199) throw std::runtime_error("task " + std::to_string(i));
            });
            FAIL("no exception");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()) == "task 40");
        }
        CHECK(ran == 200);
    }
}

TEST_CASE("parallel_for with `around` runs each thread's share of the tasks inside it", "[parallel]") {
    for (unsigned jobs : {1u, 2u, 4u}) {
        std::mutex mutex;
        std::set<std::thread::id> threads_around;
        int arounds = 0;
        thread_local bool inside = false;
        std::atomic<int> tasks_inside{0}, tasks{0};
        parallel_for(
            100, jobs,
            [&](std::size_t) {
                ++tasks;
                if (inside) ++tasks_inside;
            },
            [&](const std::function<void()>& run) {
                {
                    std::lock_guard lock(mutex);
                    ++arounds;
                    threads_around.insert(std::this_thread::get_id());
                }
                inside = true;
                run();
                inside = false;
            });
        CHECK(tasks == 100);
        CHECK(tasks_inside == 100);
        // Once per thread, on as many threads as were asked for.
        CHECK(arounds == static_cast<int>(jobs));
        CHECK(threads_around.size() == jobs);
    }
}

TEST_CASE("parallel_for reports a task's exception before one of `around` itself", "[parallel]") {
    const auto throwing_around = [](const std::function<void()>& run) {
        run();
        throw std::runtime_error("around");
    };
    try {
        parallel_for(10, 2, [](std::size_t i) { if (i == 7) throw std::runtime_error("task 7"); }, throwing_around);
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "task 7");
    }
    try {
        parallel_for(10, 2, [](std::size_t) {}, throwing_around);
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "around");
    }
}
