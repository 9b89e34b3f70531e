#include "load/read_source.h"

#include <cerrno>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "incremental/file_stamp.h"

namespace gk {

namespace {

// Closes the descriptor on every path out.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

// The bytes of an open file, read into a string of the size fstat gives (a
// file that grows meanwhile is read to its end all the same). A read error
// ends the text where it happened, as the std::ifstream this replaces did:
// a folder opened by mistake reads as empty, so what is reported about it
// does not change.
std::string read_all(int fd) {
    struct stat info {};
    std::size_t size = 0;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0)
        size = static_cast<std::size_t>(info.st_size);
    std::string text(size + 1, '\0');  // one byte more, so the end is seen without growing
    std::size_t used = 0;
    for (;;) {
        if (used == text.size()) text.resize(text.size() * 2);
        const ssize_t n = ::read(fd, text.data() + used, text.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        used += static_cast<std::size_t>(n);
    }
    text.resize(used);
    return text;
}

}  // namespace

// POSIX reads, not an ifstream into an ostringstream: the stream copied
// every file twice, grew its buffer by doubling (up to twice the file kept
// for the whole run) and looked up locale facets for each of the ~20,000
// files of a large portal.
const SourceFile* read_source(const std::filesystem::path& path, const std::string& display_path,
                              SourceSet& sources, Diagnostics& diagnostics) {
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) {
        diagnostics.error(display_path, "cannot read file");
        return nullptr;
    }
    return &sources.add(display_path, read_all(file.fd));
}

const SourceFile& defer_source(const std::filesystem::path& path, const std::string& display_path, SourceSet& sources) {
    return sources.add_deferred(display_path, [file = path.string()] { return read_whole_file(file); });
}

}  // namespace gk
