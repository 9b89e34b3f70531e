// HTTP/1.1 requests as the preview server reads them and responses as it
// writes them: only what a browser previewing a static site needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gk {

struct HttpRequest {
    std::string method;  // "GET"
    std::string target;  // "/2020/index.html?q=1"
    std::string range;   // the Range header's value, "" when absent
};

// Parses the request line and headers (everything before the blank line).
// nullopt for a malformed request.
std::optional<HttpRequest> parse_request(std::string_view head);

struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool send_body = true;  // false for HEAD: the headers say what GET would send

    const std::string* header(std::string_view name) const;
};

// Status line, headers (with Content-Length and Connection: close) and,
// unless HEAD, the body.
std::string serialise(const HttpResponse& response);

}  // namespace gk
