#include "write/spare_site.h"

#include <cstdio>

#include "incremental/file_stamp.h"
#include "incremental/up_to_date.h"

namespace gk {

namespace fs = std::filesystem;

std::optional<SpareContents> look_at_spare(const fs::path& spare) {
    const std::string manifest_path = (spare / kManifestName).string();
    const std::optional<FileStamp> stamp = stamp_file(manifest_path);
    if (!stamp) return std::nullopt;
    const std::optional<std::string> text = read_whole_file(manifest_path);
    if (!text) return std::nullopt;
    std::optional<Manifest> manifest = parse_manifest(*text, ManifestParts::files);
    if (!manifest || !folders_as_recorded(spare.string(), manifest->outputs, manifest->folders)) return std::nullopt;
    return SpareContents{std::move(manifest->outputs), std::move(manifest->folders), *stamp};
}

std::optional<SpareContents> take_spare(const fs::path& spare, const fs::path& staging,
                                        std::optional<SpareContents> looked) {
    if (!looked || std::rename(spare.c_str(), staging.c_str()) != 0) return std::nullopt;
    // The manifest was written last into the site, and replaced with it:
    // the same stamp, the same spare.
    if (stamp_file((staging / kManifestName).string()) == looked->manifest) return looked;
    return look_at_spare(staging);
}

std::optional<SpareContents> take_spare(const fs::path& spare, const fs::path& staging) {
    return take_spare(spare, staging, look_at_spare(spare));
}

}  // namespace gk
