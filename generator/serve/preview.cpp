#include "serve/preview.h"

#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "load/load_theme.h"

namespace gk {

namespace fs = std::filesystem;

Preview::Preview(BuildOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err) {
    options_.quiet = true;  // serve says itself what happened
    options_.out_dir.clear();
}

Preview::~Preview() {
    server_.reset();
    std::error_code ec;
    if (!temp_dir_.empty()) fs::remove_all(temp_dir_, ec);
}

std::optional<std::string> Preview::start(std::uint16_t port) {
    std::error_code ec;
    if (!fs::is_directory(options_.content_dir, ec))
        return "content folder '" + options_.content_dir + "' not found";
    std::string pattern = (fs::temp_directory_path(ec) / "gongkai-serve-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) return "cannot make a temporary folder: " + std::string(std::strerror(errno));
    temp_dir_ = pattern;
    options_.out_dir = temp_dir_ + "/site";
    snapshot_ = snapshot_tree(watched());
    build();
    server_.emplace(options_.out_dir);
    if (auto failure = server_->listen(port))
        return "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + *failure;
    return std::nullopt;
}

// The content folder and the theme: the one given, or else the folder of
// themes gongkai looks in (the site's `theme` may name any of them).
std::vector<std::string> Preview::watched() const {
    std::vector<std::string> roots{options_.content_dir};
    if (!options_.theme_dir.empty()) {
        roots.push_back(options_.theme_dir);
    } else if (const std::string theme = find_theme_dir("", options_.content_dir, "default"); !theme.empty()) {
        roots.push_back(fs::path(theme).parent_path().string());
    }
    return roots;
}

void Preview::build() {
    const int status = run_build(options_, out_, err_);
    if (status == kExitOk) {
        has_site_ = true;
        out_ << "gongkai: site built" << std::endl;
    } else {
        ++failed_builds;
        err_ << (has_site_ ? "gongkai: error: the build failed; serving the last good site until the content is fixed"
                           : "gongkai: error: the build failed; nothing to serve until the content is fixed")
             << std::endl;
    }
    ++builds;
}

void Preview::run(const std::function<bool()>& stop) {
    auto next_check = std::chrono::steady_clock::now() + poll_interval;
    while (!stop()) {
        const auto now = std::chrono::steady_clock::now();
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_check - now);
        server_->poll_once(static_cast<int>(std::max<std::int64_t>(0, std::min<std::int64_t>(wait.count(), 100))));
        if (std::chrono::steady_clock::now() < next_check) continue;
        next_check = std::chrono::steady_clock::now() + poll_interval;
        TreeSnapshot current = snapshot_tree(watched());
        if (current == snapshot_) continue;
        snapshot_ = std::move(current);
        out_ << "gongkai: " << options_.content_dir << " changed, rebuilding" << std::endl;
        build();
    }
}

}  // namespace gk
