#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "serve/byte_range.h"
#include "serve/site_response.h"
#include "serve/url_path.h"
#include "unit/support/content_tree.h"

using gk::HttpRequest;
using gk::HttpResponse;

namespace {

// A small built site in a temporary folder, with a secret beside it.
struct Site {
    gk::test::ContentTree tree;
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
    // Forms the client never sends get the whole file.
    CHECK(site.get("/search/text/0.u16", "bytes=0-1,4-5").status == 200);
    CHECK(site.get("/search/text/0.u16", "items=0-1").body == "0123456789");
}

TEST_CASE("a site not built yet is answered with 503", "[serve]") {
    const HttpResponse response = gk::site_response("/nonexistent/gongkai-site", HttpRequest{"GET", "/", ""});
    CHECK(response.status == 503);
}
