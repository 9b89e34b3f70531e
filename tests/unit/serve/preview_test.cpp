#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "serve/preview.h"
#include "unit/support/content_tree.h"

namespace {

struct Fetched {
    int status = 0;
    std::string body;
};

// One GET over a real socket, as a browser would send it.
Fetched fetch(std::uint16_t port, const std::string& target, const std::string& extra_headers = "") {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    Fetched fetched;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return fetched;
    }
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string response;
    char buffer[8192];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    if (response.size() > 12) fetched.status = std::stoi(response.substr(9, 3));
    if (const std::size_t end = response.find("\r\n\r\n"); end != std::string::npos) fetched.body = response.substr(end + 4);
    return fetched;
}

// Waits until `done()` holds. The limit is only there to end a failing
// test: a loaded machine may take seconds to rebuild.
template <typename F>
bool eventually(F done) {
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!done()) {
        if (std::chrono::steady_clock::now() > limit) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// A preview of `tree` on a free port, served on its own thread.
struct Running {
    std::ostringstream out, err;
    gk::Preview preview;
    std::atomic<bool> stop{false};
    std::thread thread;
    explicit Running(const gk::test::ContentTree& tree) : preview(options(tree), out, err) {
        preview.poll_interval = std::chrono::milliseconds(100);
        REQUIRE_FALSE(preview.start(0));
        thread = std::thread([this] { preview.run([this] { return stop.load(); }); });
    }
    ~Running() {
        stop = true;
        thread.join();
    }
    static gk::BuildOptions options(const gk::test::ContentTree& tree) {
        gk::BuildOptions o;
        o.content_dir = tree.root();
        o.theme_dir = GONGKAI_SOURCE_DIR "/themes/default";
        return o;
    }
};

}  // namespace

TEST_CASE("serve rebuilds on a change and keeps the last good site when a build fails", "[serve]") {
    gk::test::ContentTree tree;
    gk::test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[income]\ngeneral_public = 36.27\n");
    tree.file("departments/union/2020.md", "## 说明\n\n第一版说明。\n");
    Running running(tree);
    const std::uint16_t port = running.preview.port();
    REQUIRE(port != 0);
    CHECK(running.preview.builds == 1);
    CHECK(running.preview.failed_builds == 0);

    const std::string page = "/departments/union/2020/index.html";
    CHECK(fetch(port, "/").status == 200);
    CHECK(fetch(port, page).body.find("36.27") != std::string::npos);
    const Fetched missing = fetch(port, "/no/such/page.html");
    CHECK(missing.status == 404);
    CHECK(missing.body.find("<html") != std::string::npos);
    CHECK(fetch(port, "/%2e%2e/%2e%2e/etc/passwd").status == 404);
    CHECK(fetch(port, "/search/manifest.json", "Range: bytes=0-1\r\n").status == 206);

    tree.file("departments/union/2020.toml", "year = 2020\n[income]\ngeneral_public = 41.5\n");
    CHECK(eventually([&] { return running.preview.builds == 2; }));
    CHECK(running.preview.failed_builds == 0);
    CHECK(fetch(port, page).body.find("41.5") != std::string::npos);

    // A narrative edit (the build that loads one department's figures).
    tree.file("departments/union/2020.md", "## 说明\n\n第二版说明。\n");
    CHECK(eventually([&] { return running.preview.builds == 3; }));
    CHECK(running.preview.failed_builds == 0);
    const Fetched edited = fetch(port, page);
    CHECK(edited.body.find("第二版说明") != std::string::npos);
    CHECK(edited.body.find("41.5") != std::string::npos);

    tree.file("departments/union/2020.toml", "year = 2020\n[income]\ngeneral_public = -1\n");
    CHECK(eventually([&] { return running.preview.builds == 4; }));
    CHECK(running.preview.failed_builds == 1);
    const Fetched last_good = fetch(port, page);
    CHECK(last_good.status == 200);
    CHECK(last_good.body.find("41.5") != std::string::npos);
}

TEST_CASE("serve builds into a temporary folder and removes it when it stops", "[serve]") {
    gk::test::ContentTree tree;
    gk::test::add_minimal_site(tree);
    std::string site;
    {
        Running running(tree);
        site = running.preview.site_dir();
        CHECK(std::filesystem::exists(site + "/index.html"));
    }
    CHECK_FALSE(site.empty());
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(site).parent_path()));
}

TEST_CASE("serve tells why it cannot start on a port that is taken", "[serve]") {
    gk::test::ContentTree tree;
    gk::test::add_minimal_site(tree);
    Running first(tree);
    std::ostringstream out, err;
    gk::Preview second(Running::options(tree), out, err);
    const std::optional<std::string> failure = second.start(first.preview.port());
    CHECK(failure == "cannot listen on 127.0.0.1:" + std::to_string(first.preview.port()) + ": Address already in use");
}
