// A small HTTP/1.1 server on 127.0.0.1 for previewing a built site: one
// thread, poll(2), one request per connection (Connection: close). The
// caller drives it with poll_once, so it can watch files between polls.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gk {

class HttpServer {
public:
    explicit HttpServer(std::string site_root) : site_root_(std::move(site_root)) {}
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Listens on 127.0.0.1:`port` (0: a free port the system picks). The
    // reason on failure ("Address already in use").
    std::optional<std::string> listen(std::uint16_t port);
    std::uint16_t port() const { return port_; }

    // Waits at most `timeout_ms` for connections and request bytes, and
    // answers every request that is complete. Returns early on a signal.
    void poll_once(int timeout_ms);

private:
    struct Client {
        int fd = -1;
        std::string received;
        std::chrono::steady_clock::time_point since;
    };
    void accept_clients();
    // Reads what arrived; true when the client is done with (answered or gone).
    bool read_and_answer(Client& client);
    void answer(Client& client, const std::string& head);

    std::string site_root_;
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    std::vector<Client> clients_;
};

}  // namespace gk
