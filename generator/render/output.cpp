#include "render/output.h"

#include <sys/stat.h>

#include <stdexcept>

#include "incremental/file_stamp.h"

namespace gk {

bool still_as_recorded(const PreviousFile& previous) {
    struct stat st;
    return ::lstat(previous.file.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           static_cast<std::uint64_t>(st.st_size) == previous.size &&
           static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec == previous.mtime_ns &&
           static_cast<std::uint64_t>(st.st_ino) == previous.inode;
}

void OutputSink::keep(const std::string& path, const PreviousFile& previous) {
    std::optional<std::string> bytes = read_whole_file(previous.file);
    if (!bytes) throw std::runtime_error("cannot read '" + previous.file + "' to keep it as " + path);
    add(path, std::move(*bytes));
}

}  // namespace gk
