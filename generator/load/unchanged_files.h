// What the loader may know of a content file without reading it: that the
// previous build read it and it has not changed since (the incremental
// build tells by its stamp: size, times, inode), and so the hash of its
// bytes. Such a budget file is taken from the load cache by that hash, and
// such a file's text is read only when something asks for it.
#pragma once

#include <optional>
#include <string>

#include "incremental/hash.h"

namespace gk {

class UnchangedFiles {
public:
    virtual ~UnchangedFiles() = default;
    // The hash128 of the bytes of the content file at `relative`
    // ("departments/x/2020.toml", '/'-separated, under the content folder)
    // when it is unchanged since the previous build; nullopt otherwise.
    virtual std::optional<Hash128> hash(const std::string& relative) const = 0;
};

}  // namespace gk
