#include "serve/site_response.h"

#include <fstream>
#include <sstream>
#include <filesystem>
#include <vector>

#include "serve/byte_range.h"
#include "serve/content_type.h"
#include "serve/url_path.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

HttpResponse plain(int status, const std::string& text) {
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    response.body = text + "\n";
    return response;
}

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(bytes).str();
}

// The real path of `relative` under `root` when it is a regular file there:
// symbolic links are followed, and a result outside the root is refused.
std::optional<fs::path> confined_file(const fs::path& real_root, const std::string& relative) {
    std::error_code ec;
    const fs::path real = fs::canonical(real_root / relative, ec);
    if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
    const std::string inside = real.string(), root = real_root.string() + "/";
    if (!inside.starts_with(root)) return std::nullopt;
    return real;
}

HttpResponse not_found(const fs::path& real_root) {
    HttpResponse response = plain(404, "not found");
    if (const auto page = confined_file(real_root, "404.html")) {
        if (auto bytes = read_file(*page)) {
            response.headers = {{"Content-Type", "text/html; charset=utf-8"}};
            response.body = std::move(*bytes);
        }
    }
    return response;
}

// The size of an open file. Its slices are read from the same open file, so
// they agree with it even when a rebuild replaces the site meanwhile.
std::optional<std::uint64_t> file_size(std::ifstream& in) {
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    if (!in || end < 0) return std::nullopt;
    return static_cast<std::uint64_t>(end);
}

// `length` bytes from `first`; nullopt when they cannot all be read.
std::optional<std::string> read_slice(std::ifstream& in, std::uint64_t first, std::uint64_t length) {
    std::string bytes(length, '\0');
    in.seekg(static_cast<std::streamoff>(first));
    in.read(bytes.data(), static_cast<std::streamsize>(length));
    if (static_cast<std::uint64_t>(in.gcount()) != length) return std::nullopt;
    return bytes;
}

// 206 with the bytes of the one range asked for, or with a
// multipart/byteranges body holding each of several ranges. False when the
// file cannot be read.
bool partial_content(HttpResponse& response, std::ifstream& in, std::uint64_t size, std::string_view content_type,
                     const std::vector<ByteRange>& ranges) {
    std::vector<std::string> parts;
    for (const ByteRange& range : ranges) {
        std::optional<std::string> part = read_slice(in, range.first, range.length());
        if (!part) return false;
        parts.push_back(std::move(*part));
    }
    response.status = 206;
    if (ranges.size() == 1) {
        response.headers.emplace_back("Content-Range", content_range(ranges.front(), size));
        response.body = std::move(parts.front());
        return true;
    }
    const std::string boundary = multipart_boundary(parts);
    // The whole answer's type; each part names the file's own.
    response.headers.front() = {"Content-Type", "multipart/byteranges; boundary=" + boundary};
    response.body = multipart_body(ranges, parts, content_type, size, boundary);
    return true;
}

// 200 with the whole file, or 206 / 416 when a Range asks for part of it.
// Only the bytes sent are read: a slice of a search pack of tens of MB costs
// what the slice does. nullopt when the file cannot be read.
std::optional<HttpResponse> file_response(const fs::path& path, std::string_view content_type,
                                          const std::string& range_header) {
    std::ifstream in(path, std::ios::binary);
    const std::optional<std::uint64_t> size = file_size(in);
    if (!size) return std::nullopt;
    HttpResponse response;
    response.headers = {{"Content-Type", std::string(content_type)}, {"Accept-Ranges", "bytes"}};
    const RangeResult range = resolve_ranges(range_header, *size);
    if (range.answer == RangeAnswer::unsatisfiable) {
        response.status = 416;
        response.headers.emplace_back("Content-Range", "bytes */" + std::to_string(*size));
        return response;
    }
    if (range.answer == RangeAnswer::partial) {
        if (!partial_content(response, in, *size, content_type, range.ranges)) return std::nullopt;
        return response;
    }
    std::optional<std::string> bytes = read_slice(in, 0, *size);
    if (!bytes) return std::nullopt;
    response.body = std::move(*bytes);
    return response;
}

HttpResponse answer(const std::string& site_root, const HttpRequest& request) {
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse response = plain(405, "only GET and HEAD");
        response.headers.emplace_back("Allow", "GET, HEAD");
        return response;
    }
    const std::optional<UrlPath> url = normalise_url_path(request.target);
    if (!url) return plain(400, "bad request target");
    std::error_code ec;
    const fs::path real_root = fs::canonical(site_root, ec);
    if (ec) return plain(503, "gongkai: the site is not built yet; see the terminal");
    if (has_hidden_segment(url->path)) return not_found(real_root);

    std::string relative = url->path.substr(1);
    if (fs::is_directory(real_root / relative, ec)) {
        if (!url->trailing_slash && !relative.empty()) {
            HttpResponse response = plain(301, "moved");
            response.headers.emplace_back("Location", url->path + "/");
            return response;
        }
        relative += relative.empty() ? "index.html" : "/index.html";
    }
    const std::optional<fs::path> file = confined_file(real_root, relative);
    if (!file) return not_found(real_root);
    std::optional<HttpResponse> response = file_response(*file, content_type_for(relative), request.range);
    if (!response) return not_found(real_root);
    return std::move(*response);
}

}  // namespace

HttpResponse site_response(const std::string& site_root, const HttpRequest& request) {
    HttpResponse response = answer(site_root, request);
    // A preview shows the latest build: nothing may be served from a cache.
    response.headers.emplace_back("Cache-Control", "no-store");
    response.send_body = request.method != "HEAD";
    return response;
}

}  // namespace gk
