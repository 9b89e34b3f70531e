#include "write/spare_site.h"

#include <sys/stat.h>

#include <cstdio>

#include "incremental/file_stamp.h"

namespace gk {

namespace fs = std::filesystem;

std::optional<SpareContents> take_spare(const fs::path& spare, const fs::path& staging) {
    const std::optional<std::string> text = read_whole_file((spare / kManifestName).string());
    if (!text) return std::nullopt;
    std::optional<Manifest> manifest = parse_manifest(*text);
    if (!manifest) return std::nullopt;
    // Every folder recorded, so that every one is checked below (a build
    // leaves one out when it cannot stat it).
    const std::set<std::string> folders = folders_of(manifest->outputs);
    if (folders.size() != manifest->folders.size()) return std::nullopt;
    for (const std::string& folder : folders)
        if (!manifest->folders.contains(folder)) return std::nullopt;
    // The root's own mtime changed when the manifest was written into it,
    // so its entries are listed (one folder, a few dozen names).
    std::error_code ec;
    for (fs::directory_iterator it(spare, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name != kManifestName && !manifest->outputs.contains(name) && !manifest->folders.contains(name))
            return std::nullopt;
    }
    if (ec) return std::nullopt;
    for (const auto& [folder, recorded] : manifest->folders) {
        struct stat st;
        if (::lstat((spare / folder).c_str(), &st) != 0 || !S_ISDIR(st.st_mode) ||
            static_cast<std::uint64_t>(st.st_ino) != recorded.inode ||
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec != recorded.mtime_ns)
            return std::nullopt;
    }
    if (std::rename(spare.c_str(), staging.c_str()) != 0) return std::nullopt;
    return SpareContents{std::move(manifest->outputs), folders};
}

}  // namespace gk
