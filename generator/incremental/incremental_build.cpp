#include "incremental/incremental_build.h"

#include <time.h>

#include <filesystem>
#include <future>

#include "incremental/narrative_edit.h"
#include "incremental/up_to_date.h"
#include "load/load_theme.h"
#include "parallel/parallel_for.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

const OutputRecords kNoOutputs;
const std::string kNoReport;

std::optional<Manifest> read_manifest(const std::string& out_dir) {
    const std::optional<std::string> text = read_whole_file((fs::path(out_dir) / kManifestName).string());
    return text ? parse_manifest(*text) : std::nullopt;
}

std::int64_t now_ns() {
    struct timespec t;
    ::clock_gettime(CLOCK_REALTIME, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// A file changed shortly before it was looked at may change again within
// the same tick of the file system's clock, keeping size and times: record
// no time for it, so that the next build reads it rather than trust its
// stamp (git calls such files "racily clean").
void forget_recent_times(InputRecords& inputs, std::int64_t scan_time_ns) {
    constexpr std::int64_t kMargin = 2'000'000'000;  // coarse clocks, network file systems
    for (auto& [key, record] : inputs) {
        if (record.stamp.mtime_ns > scan_time_ns - kMargin || record.stamp.ctime_ns > scan_time_ns - kMargin)
            record.stamp.mtime_ns = record.stamp.ctime_ns = 0;
    }
}

std::string absolute(const std::string& dir) {
    std::error_code ec;
    return fs::absolute(dir, ec).lexically_normal().string();
}

}  // namespace

IncrementalBuild::IncrementalBuild(const BuildOptions& options) : options_(options), scan_time_ns_(now_ns()) {
    // The previous manifest (9.5 MB at 9,000 department-years) is read and
    // parsed on a thread of its own while the content folder is listed and
    // its files stat'ed: both come before anything else a rebuild does.
    std::future<std::optional<Manifest>> previous = std::async(std::launch::async, read_manifest, options.out_dir);
    scan_program(files_);
    scan_folder(options.content_dir, "content", files_, effective_jobs(options.jobs));
    previous_ = previous.get();
}

// Everything besides the input files that changes what is written. The
// folders are named as given and as absolute paths: the diagnostics print
// the one, and the other says which files those are.
Hash128 IncrementalBuild::options_fingerprint() const {
    std::string key;
    for (const std::string& part :
         {options_.content_dir, absolute(options_.content_dir), options_.theme_dir, absolute(theme_dir_),
          std::string(options_.base_url_set ? "base-url " : "") + options_.base_url,
          std::string(options_.strict ? "strict" : "")}) {
        key += part;
        key += '\0';
    }
    return hash128(key);
}

bool IncrementalBuild::same_settings_as_previous() {
    if (!previous_ || previous_->generator != GONGKAI_VERSION) return false;
    // The theme is the one the previous site.toml named: if site.toml
    // changed, the inputs differ anyway.
    const std::string theme_dir = find_theme_dir(options_.theme_dir, options_.content_dir, previous_->theme_name);
    if (theme_dir.empty()) return false;
    scan_theme(theme_dir, previous_->theme_name);  // (once: the same folder is not scanned again)
    return options_fingerprint() == previous_->options;
}

bool IncrementalBuild::up_to_date() {
    return same_settings_as_previous() && inputs_unchanged(files_, previous_->inputs, hashed_) &&
           output_as_recorded(options_.out_dir, previous_->outputs, previous_->folders,
                              effective_jobs(options_.jobs));
}

std::optional<std::set<std::string>> IncrementalBuild::narrative_edit() {
    if (!same_settings_as_previous()) return std::nullopt;
    return only_narratives_changed(files_, previous_->inputs, hashed_);
}

const std::string& IncrementalBuild::previous_report() const { return previous_ ? previous_->report : kNoReport; }

std::optional<Hash128> IncrementalBuild::UnchangedContent::hash(const std::string& relative) const {
    if (!build_.previous_) return std::nullopt;
    const std::string key = "content/" + relative;
    const auto before = build_.previous_->inputs.find(key);
    if (before == build_.previous_->inputs.end()) return std::nullopt;
    const auto now = build_.files_.find(key);
    // A stamp whose times the previous build did not trust (the file had
    // just changed, or changed while it ran) is recorded without times,
    // and a file's stamp always has them: such a file is read.
    if (now == build_.files_.end() || now->second.path.empty() || now->second.stamp != before->second.stamp)
        return std::nullopt;
    return before->second.hash;
}

void IncrementalBuild::scan_theme(const std::string& theme_dir, const std::string& theme_name) {
    theme_name_ = theme_name;
    if (theme_dir == theme_dir_) return;
    std::erase_if(files_, [](const auto& entry) { return entry.first.starts_with("theme/"); });
    theme_dir_ = theme_dir;
    scan_folder(theme_dir, "theme", files_, effective_jobs(options_.jobs));
}

const OutputRecords& IncrementalBuild::previous_outputs() const {
    return previous_ ? previous_->outputs : kNoOutputs;
}

bool IncrementalBuild::hash_inputs() {
    static const InputRecords kNone;
    inputs_ = fingerprint_inputs(files_, hashed_, previous_ ? previous_->inputs : kNone,  // hashed_ wins
                                 effective_jobs(options_.jobs));
    if (inputs_) forget_recent_times(*inputs_, scan_time_ns_);
    return inputs_.has_value();
}

std::string IncrementalBuild::program_key() const {
    if (!inputs_) return "";
    const auto program = inputs_->find("gongkai");
    // A zero hash is a program replaced while it ran: not known.
    if (program == inputs_->end() || program->second.hash == Hash128{}) return "";
    return std::string(GONGKAI_VERSION) + ' ' + to_hex(program->second.hash);
}

ReusableOutputs IncrementalBuild::reusable_outputs() const {
    static const InputRecords kNone;
    return ReusableOutputs(options_.out_dir, inputs_ && previous_ ? &*previous_ : nullptr,
                         OutputFingerprints(inputs_ ? *inputs_ : kNone, options_fingerprint()));
}

std::optional<std::string> IncrementalBuild::manifest(const OutputRecords& outputs, const FolderRecords& folders,
                                                      const ReusableRecords& reusable, const std::string& report) const {
    if (!inputs_) return std::nullopt;
    const std::string generator = GONGKAI_VERSION;
    const Hash128 options = options_fingerprint();
    return format_manifest(ManifestView{generator, options, theme_name_, *inputs_, outputs, folders, reusable, report});
}

}  // namespace gk
