#include "serve/content_type.h"

#include <utility>

namespace gk {

std::string_view content_type_for(std::string_view path) {
    static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
        {".html", "text/html; charset=utf-8"},  {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},              {".json", "application/json"},
        {".csv", "text/csv; charset=utf-8"},    {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},  {".png", "image/png"},
        {".jpg", "image/jpeg"},                 {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},                  {".webp", "image/webp"},
        {".ico", "image/x-icon"},               {".woff2", "font/woff2"},
        {".pdf", "application/pdf"},
    };
    const std::size_t slash = path.rfind('/');
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return "application/octet-stream";
    const std::string_view extension = path.substr(dot);
    for (const auto& [suffix, type] : kTypes) {
        if (extension == suffix) return type;
    }
    return "application/octet-stream";
}

}  // namespace gk
