#include "load/enum_key.h"

#include "diag/did_you_mean.h"

namespace gk {

std::optional<std::size_t> read_enum(TableReader& reader, std::string_view key,
                                     std::span<const std::string_view> allowed) {
    const Located<std::string> value = reader.string(key);
    if (!value.has()) return std::nullopt;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (allowed[i] == *value) return i;
    }
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (i > 0) list += i + 1 == allowed.size() ? " or " : ", ";
        list += "'" + std::string(allowed[i]) + "'";
    }
    std::string message = "'" + std::string(key) + "' in " + reader.where() + " must be " + list +
                          ", got '" + *value + "'";
    if (auto suggestion = closest_match(*value, allowed)) message += "; did you mean '" + *suggestion + "'?";
    reader.diagnostics().error(value.loc, std::move(message));
    return std::nullopt;
}

}  // namespace gk
