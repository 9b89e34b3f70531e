#include "incremental/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

#include "incremental/hash.h"

namespace gk {

namespace {

constexpr std::size_t align4(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

// Walks the PT_NOTE segments of the first object dl_iterate_phdr reports,
// which is the program itself.
int find_build_id(struct dl_phdr_info* info, std::size_t, void* data) {
    auto& out = *static_cast<std::optional<std::string>*>(data);
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
        const char* end = p + ph.p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const char* name = p + sizeof note;
            const char* desc = name + align4(note.n_namesz);
            if (desc + note.n_descsz > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0 &&
                note.n_descsz > 0) {
                out = std::string(desc, note.n_descsz);
                return 1;
            }
            p = desc + align4(note.n_descsz);
        }
    }
    return 1;  // only the program itself
}

}  // namespace

std::optional<std::string> program_build_id() {
    std::optional<std::string> id;
    dl_iterate_phdr(find_build_id, &id);
    return id;
}

std::string program_identity() {
    const std::optional<std::string> id = program_build_id();
    return id ? std::string(GONGKAI_VERSION) + ' ' + to_hex(hash128(*id)) : std::string();
}

}  // namespace gk
