#include "serve/http_message.h"

#include <algorithm>
#include <cctype>

namespace gk {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string_view reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 206: return "Partial Content";
        case 301: return "Moved Permanently";
        case 400: return "Bad Request";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 416: return "Range Not Satisfiable";
        case 431: return "Request Header Fields Too Large";
        case 503: return "Service Unavailable";
        default: return "Internal Server Error";
    }
}

}  // namespace

std::optional<HttpRequest> parse_request(std::string_view head) {
    std::size_t end = head.find("\r\n");
    const std::string_view line = head.substr(0, end);
    const std::size_t first = line.find(' ');
    const std::size_t second = line.find(' ', first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
    if (!line.substr(second + 1).starts_with("HTTP/1.")) return std::nullopt;
    HttpRequest request{std::string(line.substr(0, first)), std::string(line.substr(first + 1, second - first - 1)), ""};
    while (end != std::string_view::npos) {
        const std::size_t start = end + 2;
        end = head.find("\r\n", start);
        const std::string_view header = head.substr(start, end == std::string_view::npos ? end : end - start);
        const std::size_t colon = header.find(':');
        if (colon == std::string_view::npos) continue;
        if (equals_ignoring_case(trim(header.substr(0, colon)), "range"))
            request.range = std::string(trim(header.substr(colon + 1)));
    }
    return request;
}

const std::string* HttpResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (equals_ignoring_case(key, name)) return &value;
    }
    return nullptr;
}

std::string serialise(const HttpResponse& response) {
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + std::string(reason(response.status)) + "\r\n";
    for (const auto& [key, value] : response.headers) out += key + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (response.send_body) out += response.body;
    return out;
}

}  // namespace gk
