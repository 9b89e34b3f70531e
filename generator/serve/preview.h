// `gongkai serve` as a loop around the pipeline: build into a private
// temporary folder, serve it, and build again whenever the content or the
// theme changes. A failed build is reported and the last good site stays.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "pipeline.h"
#include "serve/http_server.h"
#include "serve/watch.h"

namespace gk {

class Preview {
public:
    // `options.out_dir` is ignored: the site goes to a temporary folder.
    Preview(BuildOptions options, std::ostream& out, std::ostream& err);
    ~Preview();  // removes the temporary folder
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Makes the temporary folder, builds once (a failure is reported, and
    // the server answers 503 until a build succeeds) and listens on `port`.
    // The reason when the preview cannot run at all.
    std::optional<std::string> start(std::uint16_t port);
    std::uint16_t port() const { return server_ ? server_->port() : 0; }
    // The temporary folder the site is built into ("" before start).
    const std::string& site_dir() const { return options_.out_dir; }

    // Serves and watches until `stop()` is true (checked at least every
    // `poll_interval`).
    void run(const std::function<bool()>& stop);

    std::chrono::milliseconds poll_interval{500};
    // Builds finished so far, and how many of them failed (tests wait on these).
    std::atomic<int> builds{0};
    std::atomic<int> failed_builds{0};

private:
    void build();
    std::vector<std::string> watched() const;

    BuildOptions options_;
    std::ostream& out_;
    std::ostream& err_;
    std::string temp_dir_;
    std::optional<HttpServer> server_;
    TreeSnapshot snapshot_;
    bool has_site_ = false;  // a build has succeeded
};

}  // namespace gk
