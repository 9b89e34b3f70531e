#include "render/output.h"

#include <stdexcept>

#include "incremental/file_stamp.h"

namespace gk {

void OutputSink::keep(const std::string& path, const PreviousFile& previous) {
    std::optional<std::string> bytes = read_whole_file(previous.file);
    if (!bytes) throw std::runtime_error("cannot read '" + previous.file + "' to keep it as " + path);
    add(path, std::move(*bytes));
}

}  // namespace gk
