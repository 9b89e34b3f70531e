#include "write/spare_site.h"

#include <cstdio>

#include "incremental/file_stamp.h"
#include "incremental/up_to_date.h"

namespace gk {

namespace fs = std::filesystem;

std::optional<SpareContents> take_spare(const fs::path& spare, const fs::path& staging) {
    const std::optional<std::string> text = read_whole_file((spare / kManifestName).string());
    if (!text) return std::nullopt;
    std::optional<Manifest> manifest = parse_manifest(*text, ManifestParts::files);
    if (!manifest || !folders_as_recorded(spare.string(), manifest->outputs, manifest->folders)) return std::nullopt;
    if (std::rename(spare.c_str(), staging.c_str()) != 0) return std::nullopt;
    SpareContents contents{std::move(manifest->outputs), {}};
    for (const auto& [folder, recorded] : manifest->folders) contents.folders.insert(contents.folders.end(), folder);
    return contents;
}

}  // namespace gk
