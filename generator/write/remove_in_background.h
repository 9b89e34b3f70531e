// Removing the previous site once the new one is in place, without making
// the webmaster wait for it: deleting tens of thousands of files and
// folders is disk work that took 1–9 s at 3,000 department-years here
// (longer than a whole rebuild after a narrative edit), and nothing needs
// it to be finished.
#pragma once

#include <filesystem>

namespace gk {

// Deletes `dir` and everything under it in another process (`rm -rf`, in
// its own session), which holds none of this process's open files, so a
// pipe reading gongkai's output ends when gongkai does. Falls back to
// deleting it now when no process can be started.
void remove_in_background(const std::filesystem::path& dir);

}  // namespace gk
