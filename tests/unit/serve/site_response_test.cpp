#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "serve/byte_range.h"
#include "serve/site_response.h"
#include "serve/url_path.h"
#include "unit/support/content_tree.h"

using gk::HttpRequest;
using gk::HttpResponse;

namespace {

// 10,000 bytes of every value, with what looks like a multipart delimiter at
// its start: a boundary must be chosen that it does not hold.
std::string pack_bytes() {
    std::string bytes = "\r\n--gongkai-byteranges-0\r\n";
    for (int i = 0; bytes.size() < 10000; ++i) bytes.push_back(static_cast<char>((i * 7) % 256));
    return bytes;
}

// A small built site in a temporary folder, with a secret beside it.
struct Site {
    gk::test::ContentTree tree;
    const std::string pack = pack_bytes();
    Site() {
        tree.file("index.html", "<p>home</p>");
        tree.file("404.html", "<p>missing</p>");
        tree.file("2020/index.html", "<p>2020</p>");
        tree.file("assets/style.css", "body{}");
        tree.file("assets/search.js", "let x;");
        tree.file("assets/logo.svg", "<svg/>");
        tree.file("assets/logo.png", "PNG");
        tree.file("data/2020.csv", "a,b");
        tree.file("data/d.json", "{}");
        tree.file("feed.xml", "<feed/>");
        tree.file("robots.txt", "ok");
        tree.file("search/text/0.u16", "0123456789");
        tree.file("search/pages/0.bin", pack);
        tree.file("search/pages/empty.bin", "");
        tree.file(".gongkai-site", "");
        tree.file("../secret.txt", "secret");
        std::filesystem::create_symlink(tree.root() + "/../secret.txt", tree.root() + "/leak.txt");
        std::filesystem::create_directory_symlink(tree.root() + "/..", tree.root() + "/up");
    }
    HttpResponse get(const std::string& target, const std::string& range = "", const std::string& method = "GET") const {
        return gk::site_response(tree.root(), HttpRequest{method, target, range});
    }
};

std::string header(const HttpResponse& response, std::string_view name) {
    const std::string* value = response.header(name);
    return value ? *value : "(none)";
}

struct Part {
    std::string content_type, content_range, bytes;
};

// The parts of a multipart/byteranges response, read strictly as RFC 2046
// lays them out: `--B` CRLF headers CRLF CRLF bytes CRLF, …, `--B--` CRLF.
std::vector<Part> parse_multipart(const HttpResponse& response) {
    const std::string type = header(response, "Content-Type");
    const std::string prefix = "multipart/byteranges; boundary=";
    REQUIRE(type.starts_with(prefix));
    const std::string delimiter = "--" + type.substr(prefix.size());
    std::vector<Part> parts;
    std::string_view body = response.body;
    for (;;) {
        REQUIRE(body.starts_with(delimiter));
        body.remove_prefix(delimiter.size());
        if (body == "--\r\n") return parts;
        REQUIRE(body.starts_with("\r\n"));
        body.remove_prefix(2);
        Part part;
        for (;;) {
            const std::size_t end = body.find("\r\n");
            REQUIRE(end != std::string_view::npos);
            const std::string_view line = body.substr(0, end);
            body.remove_prefix(end + 2);
            if (line.empty()) break;
            if (line.starts_with("Content-Type: ")) part.content_type = line.substr(14);
            else if (line.starts_with("Content-Range: ")) part.content_range = line.substr(15);
            else FAIL("unexpected part header: " << line);
        }
        // The part's length comes from its Content-Range, so the bytes need
        // not be searched for the delimiter; the delimiter must follow them.
        const std::size_t dash = part.content_range.find('-'), slash = part.content_range.find('/');
        REQUIRE((part.content_range.starts_with("bytes ") && dash != std::string::npos && slash != std::string::npos));
        const std::size_t length = std::stoul(part.content_range.substr(dash + 1, slash - dash - 1)) -
                                   std::stoul(part.content_range.substr(6, dash - 6)) + 1;
        REQUIRE(body.size() >= length + 2);
        part.bytes = body.substr(0, length);
        body.remove_prefix(length);
        REQUIRE(body.starts_with("\r\n"));
        body.remove_prefix(2);
        // Nothing inside the part may look like the delimiter.
        CHECK(part.bytes.find(delimiter) == std::string::npos);
        parts.push_back(std::move(part));
    }
}

}  // namespace

TEST_CASE("a request path is decoded and never climbs above the site root", "[serve]") {
    CHECK(gk::normalise_url_path("/../etc/passwd")->path == "/etc/passwd");
    CHECK(gk::normalise_url_path("/%2e%2e/%2E%2E/etc/passwd")->path == "/etc/passwd");
    CHECK(gk::normalise_url_path("/a/./b/../c%2f..%2fd?q=1#x")->path == "/a/d");
    CHECK(gk::normalise_url_path("/2020/")->trailing_slash);
    CHECK_FALSE(gk::normalise_url_path("/2020")->trailing_slash);
    CHECK_FALSE(gk::normalise_url_path("etc/passwd"));
    CHECK_FALSE(gk::normalise_url_path("/%2"));
    CHECK_FALSE(gk::normalise_url_path("/a%00.html"));
}

TEST_CASE("files outside the site folder are not found, whatever the path or link", "[serve]") {
    const Site site;
    for (const std::string target : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/leak.txt",
                                     "/up/secret.txt", "/.gongkai-site", "/../etc/passwd"}) {
        const HttpResponse response = site.get(target);
        INFO(target);
        CHECK(response.status == 404);
        CHECK(response.body == "<p>missing</p>");
        CHECK(header(response, "Content-Type") == "text/html; charset=utf-8");
    }
}

TEST_CASE("each kind of file is served with its content type", "[serve]") {
    const Site site;
    const std::pair<std::string, std::string> expected[] = {
        {"/", "text/html; charset=utf-8"},           {"/2020/", "text/html; charset=utf-8"},
        {"/assets/style.css", "text/css; charset=utf-8"}, {"/assets/search.js", "text/javascript; charset=utf-8"},
        {"/assets/logo.svg", "image/svg+xml"},       {"/assets/logo.png", "image/png"},
        {"/data/2020.csv", "text/csv; charset=utf-8"}, {"/data/d.json", "application/json"},
        {"/feed.xml", "application/xml"},            {"/robots.txt", "text/plain; charset=utf-8"},
        {"/search/text/0.u16", "application/octet-stream"},
    };
    for (const auto& [target, type] : expected) {
        INFO(target);
        const HttpResponse response = site.get(target);
        CHECK(response.status == 200);
        CHECK(header(response, "Content-Type") == type);
        CHECK(header(response, "Cache-Control") == "no-store");
    }
    CHECK(site.get("/2020/").body == "<p>2020</p>");
    CHECK(site.get("/").body == "<p>home</p>");
}

TEST_CASE("a folder without its slash is redirected and HEAD sends no body", "[serve]") {
    const Site site;
    const HttpResponse redirect = site.get("/2020?x=1");
    CHECK(redirect.status == 301);
    CHECK(header(redirect, "Location") == "/2020/");
    const HttpResponse head = site.get("/", "", "HEAD");
    CHECK(head.status == 200);
    CHECK_FALSE(head.send_body);
    CHECK(serialise(head) == "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nAccept-Ranges: bytes\r\n"
                             "Cache-Control: no-store\r\nContent-Length: 11\r\nConnection: close\r\n\r\n");
    const HttpResponse post = site.get("/", "", "POST");
    CHECK(post.status == 405);
    CHECK(header(post, "Allow") == "GET, HEAD");
}

TEST_CASE("a Range request gets 206 with its bytes, or 416 past the end", "[serve]") {
    const Site site;
    const HttpResponse part = site.get("/search/text/0.u16", "bytes=2-5");
    CHECK(part.status == 206);
    CHECK(part.body == "2345");
    CHECK(header(part, "Content-Range") == "bytes 2-5/10");
    CHECK(site.get("/search/text/0.u16", "bytes=8-100").body == "89");
    CHECK(site.get("/search/text/0.u16", "bytes=7-").body == "789");
    CHECK(site.get("/search/text/0.u16", "bytes=-3").body == "789");
    const HttpResponse past = site.get("/search/text/0.u16", "bytes=10-11");
    CHECK(past.status == 416);
    CHECK(header(past, "Content-Range") == "bytes */10");
    // Several ranges: one multipart answer (the tests below read it).
    CHECK(site.get("/search/text/0.u16", "bytes=0-1,4-5").status == 206);
    CHECK(header(site.get("/search/text/0.u16", "bytes=0-1,4-5"), "Content-Type").starts_with("multipart/byteranges"));
    // Other units and bad syntax get the whole file.
    CHECK(site.get("/search/text/0.u16", "items=0-1").body == "0123456789");
    CHECK(site.get("/search/text/0.u16", "bytes=0-1,4-x").body == "0123456789");
    CHECK(site.get("/search/text/0.u16", "bytes=0-1,4-x").status == 200);
}

TEST_CASE("a single range is answered byte for byte as before", "[serve]") {
    const Site site;
    CHECK(serialise(site.get("/search/text/0.u16", "bytes=2-5")) ==
          "HTTP/1.1 206 Partial Content\r\nContent-Type: application/octet-stream\r\nAccept-Ranges: bytes\r\n"
          "Content-Range: bytes 2-5/10\r\nCache-Control: no-store\r\nContent-Length: 4\r\nConnection: close\r\n\r\n2345");
    CHECK(serialise(site.get("/search/text/0.u16", "bytes=10-")) ==
          "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Type: application/octet-stream\r\nAccept-Ranges: bytes\r\n"
          "Content-Range: bytes */10\r\nCache-Control: no-store\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

TEST_CASE("several ranges are answered with 206 multipart/byteranges", "[serve]") {
    const Site site;
    const HttpResponse response = site.get("/search/pages/0.bin", "bytes=100-299, 5000-5191,9000-9100");
    REQUIRE(response.status == 206);
    CHECK(header(response, "Content-Range") == "(none)");
    CHECK(header(response, "Accept-Ranges") == "bytes");
    const std::vector<Part> parts = parse_multipart(response);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].content_range == "bytes 100-299/10000");
    CHECK(parts[0].bytes == site.pack.substr(100, 200));
    CHECK(parts[1].content_range == "bytes 5000-5191/10000");
    CHECK(parts[1].bytes == site.pack.substr(5000, 192));
    CHECK(parts[2].content_range == "bytes 9000-9100/10000");
    CHECK(parts[2].bytes == site.pack.substr(9000, 101));
    for (const Part& part : parts) CHECK(part.content_type == "application/octet-stream");
    // Content-Length is the body's, and HEAD announces the same.
    const HttpResponse head = site.get("/search/pages/0.bin", "bytes=100-299, 5000-5191,9000-9100", "HEAD");
    CHECK(serialise(head) == serialise(response).substr(0, serialise(response).size() - response.body.size()));
    CHECK(serialise(response).find("Content-Length: " + std::to_string(response.body.size()) + "\r\n") !=
          std::string::npos);
}

TEST_CASE("a multipart body is exactly its parts between boundaries", "[serve]") {
    const Site site;
    const HttpResponse response = site.get("/search/text/0.u16", "bytes=-2,0-1");
    CHECK(header(response, "Content-Type") == "multipart/byteranges; boundary=gongkai-byteranges-0");
    CHECK(response.body ==
          "--gongkai-byteranges-0\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-1/10\r\n\r\n01\r\n"
          "--gongkai-byteranges-0\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 8-9/10\r\n\r\n89\r\n"
          "--gongkai-byteranges-0--\r\n");
}

TEST_CASE("overlapping and adjacent ranges are sent once, in ascending order", "[serve]") {
    const Site site;
    const HttpResponse merged = site.get("/search/pages/0.bin", "bytes=9000-9100,100-199,150-299,300-310");
    const std::vector<Part> parts = parse_multipart(merged);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].content_range == "bytes 100-310/10000");
    CHECK(parts[0].bytes == site.pack.substr(100, 211));
    CHECK(parts[1].content_range == "bytes 9000-9100/10000");
    // Ranges that merge into one are a plain single-range answer.
    const HttpResponse one = site.get("/search/text/0.u16", "bytes=0-3,2-5,6-6");
    CHECK(one.status == 206);
    CHECK(header(one, "Content-Range") == "bytes 0-6/10");
    CHECK(one.body == "0123456");
}

TEST_CASE("unsatisfiable ranges among several are dropped", "[serve]") {
    const Site site;
    const HttpResponse one = site.get("/search/text/0.u16", "bytes=2-3, 10-20");
    CHECK(one.status == 206);
    CHECK(header(one, "Content-Type") == "application/octet-stream");
    CHECK(header(one, "Content-Range") == "bytes 2-3/10");
    CHECK(one.body == "23");
    const HttpResponse none = site.get("/search/text/0.u16", "bytes=10-20,-0,30-");
    CHECK(none.status == 416);
    CHECK(header(none, "Content-Range") == "bytes */10");
    CHECK(none.body.empty());
}

TEST_CASE("an empty file is sent whole and has no range to give", "[serve]") {
    const Site site;
    const HttpResponse whole = site.get("/search/pages/empty.bin");
    CHECK(whole.status == 200);
    CHECK(whole.body.empty());
    const HttpResponse part = site.get("/search/pages/empty.bin", "bytes=0-0,-1");
    CHECK(part.status == 416);
    CHECK(header(part, "Content-Range") == "bytes */0");
}

TEST_CASE("the boundary is one the parts do not contain", "[serve]") {
    const Site site;
    const HttpResponse response = site.get("/search/pages/0.bin", "bytes=0-99,200-219");
    const std::string& type = header(response, "Content-Type");
    CHECK(type == "multipart/byteranges; boundary=gongkai-byteranges-1");
    const std::vector<Part> parts = parse_multipart(response);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].bytes == site.pack.substr(0, 100));
    CHECK(parts[1].bytes == site.pack.substr(200, 20));
}

TEST_CASE("a site not built yet is answered with 503", "[serve]") {
    const HttpResponse response = gk::site_response("/nonexistent/gongkai-site", HttpRequest{"GET", "/", ""});
    CHECK(response.status == 503);
}
