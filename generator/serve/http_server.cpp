#include "serve/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "serve/http_message.h"
#include "serve/site_response.h"

namespace gk {

namespace {

// Request heads larger than this are not a browser's.
constexpr std::size_t kMaxHead = 64 * 1024;
// A connection that sends no complete request in this time is dropped
// (browsers open spare connections they may never use).
constexpr auto kIdleLimit = std::chrono::seconds(10);

void send_all(int fd, const std::string& bytes) {
    // Blocking, with a time limit, so a large file goes out whole while a
    // client that stops reading cannot hold the server forever.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    timeval limit{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);  // the end of the response, before close
}

}  // namespace

HttpServer::~HttpServer() {
    for (Client& client : clients_) ::close(client.fd);
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

std::optional<std::string> HttpServer::listen(std::uint16_t port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) return std::strerror(errno);
    const int yes = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // a preview is for this machine only
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listen_fd_, 64) != 0)
        return std::strerror(errno);
    socklen_t length = sizeof address;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    return std::nullopt;
}

void HttpServer::poll_once(int timeout_ms) {
    std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}};
    for (const Client& client : clients_) fds.push_back({client.fd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), timeout_ms) < 0) return;  // EINTR: a signal to look at
    std::vector<Client> kept;
    const auto now = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < clients_.size(); ++i) {
        Client& client = clients_[i];
        const bool ready = fds[i + 1].revents != 0;
        const bool done = ready ? read_and_answer(client) : now - client.since > kIdleLimit;
        if (done) ::close(client.fd);
        else kept.push_back(std::move(client));
    }
    clients_ = std::move(kept);
    if (fds[0].revents & POLLIN) accept_clients();
}

void HttpServer::accept_clients() {
    for (;;) {
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) return;  // EAGAIN: no more waiting
        clients_.push_back({fd, "", std::chrono::steady_clock::now()});
    }
}

bool HttpServer::read_and_answer(Client& client) {
    char buffer[8192];
    const ssize_t n = ::recv(client.fd, buffer, sizeof buffer, 0);
    if (n < 0) return errno != EAGAIN && errno != EINTR;
    if (n == 0) return true;
    client.received.append(buffer, static_cast<std::size_t>(n));
    const std::size_t end = client.received.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (client.received.size() <= kMaxHead) return false;
        HttpResponse too_large;
        too_large.status = 431;
        send_all(client.fd, serialise(too_large));
        return true;
    }
    answer(client, client.received.substr(0, end));
    return true;
}

void HttpServer::answer(Client& client, const std::string& head) {
    const std::optional<HttpRequest> request = parse_request(head);
    HttpResponse response;
    if (request) {
        response = site_response(site_root_, *request);
    } else {
        response.status = 400;
        response.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
        response.body = "bad request\n";
    }
    send_all(client.fd, serialise(response));
}

}  // namespace gk
