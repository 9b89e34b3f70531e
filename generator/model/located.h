// A value read from the content together with where it was written.
#pragma once

#include <optional>

#include "diag/source.h"

namespace gk {

// `value` is empty when the key was absent (or unusable: the loader has then
// already reported why). `loc` is the value's position when present, else the
// position of the table it would have been in, so a later stage can still
// point somewhere useful.
template <class T>
struct Located {
    std::optional<T> value;
    SourceLoc loc;

    bool has() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
    friend bool operator==(const Located&, const Located&) = default;
};

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const Date&, const Date&) = default;
};

}  // namespace gk
