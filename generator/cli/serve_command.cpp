// `gongkai serve`: the preview loop, stopped by Ctrl-C (SIGINT) or SIGTERM.
#include <signal.h>

#include <charconv>

#include "cli/commands.h"
#include "serve/preview.h"

namespace gk {

namespace {

constexpr std::uint16_t kDefaultPort = 8000;

volatile sig_atomic_t g_signalled = 0;

void on_signal(int) { g_signalled = 1; }

// The handlers for the time of the loop: without SA_RESTART, so a signal
// also cuts poll(2) short and the loop ends at once.
class StopSignals {
public:
    StopSignals() {
        struct sigaction action {};
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &old_int_);
        ::sigaction(SIGTERM, &action, &old_term_);
    }
    ~StopSignals() {
        ::sigaction(SIGINT, &old_int_, nullptr);
        ::sigaction(SIGTERM, &old_term_, nullptr);
    }

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

std::optional<std::uint16_t> parse_port(const std::string& text) {
    if (text.empty()) return kDefaultPort;
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc() || end != text.data() + text.size() || port > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(port);
}

}  // namespace

int run_serve(const BuildOptions& options, const std::string& port_text, std::ostream& out, std::ostream& err,
              const std::atomic<bool>* stop) {
    const std::optional<std::uint16_t> port = parse_port(port_text);
    if (!port) {
        err << "gongkai: error: --port needs a number from 0 to 65535, got '" << port_text << "'\n";
        return kExitUsageOrIo;
    }
    g_signalled = 0;
    const StopSignals signals;
    Preview preview(options, out, err);
    if (auto failure = preview.start(*port)) {
        err << "gongkai: error: " << *failure << '\n';
        return kExitUsageOrIo;
    }
    out << "gongkai: serving " << options.content_dir << " at http://127.0.0.1:" << preview.port()
        << "/ (Ctrl-C to stop)" << std::endl;
    preview.run([stop] { return g_signalled != 0 || (stop && stop->load()); });
    out << "gongkai: stopped" << std::endl;
    return kExitOk;
}

}  // namespace gk
