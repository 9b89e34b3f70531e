#include "write/site_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <vector>

#include "incremental/file_stamp.h"
#include "parallel/parallel_for.h"
#include "write/keep_unchanged.h"
#include "write/remove_in_background.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

// `inner` is `outer` or inside it (both absolute, normalised).
bool is_within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

fs::path beside_folder(const fs::path& out, const std::string& what) {
    return out.parent_path() / ("." + out.filename().string() + ".gongkai-" + what);
}

fs::path normalised(const std::string& dir) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(dir, ec), ec).lexically_normal();
    // "site/" for a folder that does not exist yet keeps its separator, and
    // an empty file name would put everything "beside" it inside it.
    if (!p.has_filename() && p != p.root_path()) p = p.parent_path();
    return p;
}

bool write_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

bool is_safe_output_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        start = end + 1;
    }
    return true;
}

SiteWriter::SiteWriter(std::string out_dir, std::string content_dir, OutputRecords previous)
    : out_dir_(std::move(out_dir)), content_dir_(std::move(content_dir)), previous_(std::move(previous)) {}

SiteWriter::~SiteWriter() {
    if (!committed_) remove_staging();
}

void SiteWriter::remove_staging() {
    if (staging_.empty()) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

void SiteWriter::look_at_spare_early() {
    if (spare_look_.valid()) return;
    spare_look_ = std::async(std::launch::async, look_at_spare, beside_output(out_dir_, "spare"));
}

std::optional<std::string> SiteWriter::prepare() {
    out_ = normalised(out_dir_);
    const fs::path content = normalised(content_dir_);
    if (out_ == out_.root_path()) return "refusing to write the site into '" + out_dir_ + "': it is the root folder";
    if (is_within(content, out_)) return "refusing to write the site into '" + out_dir_ + "': it holds the content folder";
    if (is_within(out_, content)) return "refusing to write the site into '" + out_dir_ + "': it is inside the content folder";

    std::error_code ec;
    if (fs::exists(out_, ec)) {
        if (!fs::is_directory(out_, ec)) return "refusing to write the site into '" + out_dir_ + "': it is not a folder";
        const bool empty = fs::is_empty(out_, ec);
        if (ec) return "cannot read '" + out_dir_ + "': " + ec.message();
        has_previous_ = !empty;
        if (!empty && !fs::exists(out_ / kSiteMarker, ec)) {
            return "refusing to write the site into '" + out_dir_ +
                   "': it is not empty and gongkai did not create it (it has no " + std::string(kSiteMarker) + " file)";
        }
    }
    const fs::path parent = out_.parent_path();
    fs::create_directories(parent, ec);
    if (ec) return "cannot create '" + parent.string() + "': " + ec.message();
    staging_ = beside("new-" + std::to_string(::getpid()));
    fs::remove_all(staging_, ec);
    const fs::path spare = beside("spare");
    spare_ = spare_look_.valid() ? take_spare(spare, staging_, spare_look_.get()) : take_spare(spare, staging_);
    if (spare_) {
        for (const auto& [folder, record] : spare_->folders) made_dirs_.insert((staging_ / folder).native());
    } else {
        // A spare that is not as its manifest says goes, in the background
        // (from where take_spare left it: beside the output, or renamed to
        // the staging folder when it turned out not to be the one looked at).
        for (const fs::path& gone : {spare, staging_}) {
            if (!fs::exists(gone, ec)) continue;
            const fs::path old = old_site_path();
            if (::rename(gone.c_str(), old.c_str()) == 0) remove_in_background(old);
        }
        fs::create_directory(staging_, ec);
        if (ec) {
            const std::string reason = ec.message();
            staging_.clear();
            return "cannot create a staging folder beside '" + out_dir_ + "': " + reason;
        }
    }
    made_dirs_.insert(staging_.native());
    add(std::string(kSiteMarker), "This folder was written by gongkai. Every build replaces it as a whole.\n");
    return std::nullopt;
}

// Paths are strings here, "<staging>/<path in the site>": made as
// std::filesystem::paths (parsed into their parts to join them or split
// off the parent) they showed in profiles of a rebuild after a narrative
// edit, which keeps 24,000 files at 9,000 department-years.
std::string SiteWriter::staged(const std::string& path) const {
    std::string file;
    file.reserve(staging_.native().size() + 1 + path.size());
    return file.append(staging_.native()).append(1, '/').append(path);
}

void SiteWriter::ensure_parent(const std::string& file) {
    const std::string dir = file.substr(0, file.rfind('/'));
    {
        std::lock_guard lock(dirs_mutex_);
        if (made_dirs_.count(dir)) return;
    }
    // The folder in the site ("" the site itself).
    const auto in_site = [&](const std::string& folder) {
        return folder.size() > staging_.native().size() ? folder.substr(staging_.native().size() + 1) : std::string();
    };
    // mkdir() first: its parent is there most of the time (made for an
    // earlier file), and create_directories() would stat() the folder and
    // its parent before making it (45,000 calls at 9,000 department-years).
    struct stat st;
    const bool made = ::mkdir(dir.c_str(), 0777) == 0;
    if (made && spare_) touched(in_site(dir));
    const bool exists = !made && errno == EEXIST;
    // In the spare, a file may be where a folder goes now.
    const bool file_in_the_way = exists && spare_ && ::lstat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode);
    if (!made && (!exists || file_in_the_way)) {
        if (spare_)
            for (fs::path at = staging_; const fs::path& part : fs::path(in_site(dir)))
                if (at /= part; ::lstat(at.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) ::unlink(at.c_str());
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) fail("cannot create '" + dir + "': " + ec.message());
        // Which of them changed is not worth finding out: all of them.
        for (std::string at = in_site(dir); !at.empty();) {
            touched(at);
            const std::size_t slash = at.rfind('/');
            at = slash == std::string::npos ? std::string() : at.substr(0, slash);
        }
    }
    std::lock_guard lock(dirs_mutex_);
    made_dirs_.insert(dir);
}

void SiteWriter::fail(std::string message) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(message);
}

// A new file in the staging folder. If the path is already there (added
// twice), it is unlinked first: it may be a link into the previous site,
// which must not change.
std::optional<OutputRecord> SiteWriter::write_file(const std::string& file, const std::string& bytes,
                                                   const Hash128& hash) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST && ::unlink(file.c_str()) == 0)
        fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    struct stat st;
    const bool ok = fd >= 0 && write_all(fd, bytes) && ::fstat(fd, &st) == 0;
    const int saved = errno;
    if (fd >= 0 && ::close(fd) != 0 && ok) {
        fail("cannot write '" + file + "': " + std::strerror(errno));
        return std::nullopt;
    }
    if (!ok) {
        fail("cannot write '" + file + "': " + std::strerror(saved));
        return std::nullopt;
    }
    return OutputRecord{bytes.size(), static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                        static_cast<std::uint64_t>(st.st_ino), hash};
}

void SiteWriter::add(const std::string& path, std::string bytes) {
    const Hash128 hash = hash128(bytes);
    add_hashed(path, std::move(bytes), hash);
}

void SiteWriter::add_hashed(const std::string& path, std::string bytes, const Hash128& hash) {
    if (!is_safe_output_path(path)) {
        fail("refusing to write outside the output folder: '" + path + "'");
        return;
    }
    const std::string file = staged(path);
    ensure_parent(file);
    const auto recorded = previous_.find(path);
    const OutputRecord* was = recorded == previous_.end() ? nullptr : &recorded->second;
    // The spare may hold the site's file already: kept as it is if the bytes are the same.
    if (spare_ &&
        make_room_in_spare(path, has_previous_ && was && was->hash == hash && was->size == bytes.size() ? was : nullptr,
                           false))
        return;
    touched(path);
    // No previous site (a first build, or one into an emptied folder): no
    // file to keep, and no lstat() of one for each of 25,000 outputs.
    std::optional<OutputRecord> record =
        has_previous_ ? keep_unchanged((out_ / path).string(), file, bytes, hash, was) : std::nullopt;
    const bool kept = record.has_value();
    if (!kept) record = write_file(file, bytes, hash);
    if (record) remember(path, *record, kept);
}

void SiteWriter::keep(const std::string& path, const PreviousFile& previous) {
    if (!is_safe_output_path(path)) {
        fail("refusing to write outside the output folder: '" + path + "'");
        return;
    }
    const std::string file = staged(path);
    ensure_parent(file);
    const OutputRecord want{previous.size, previous.mtime_ns, previous.inode, previous.hash};
    if (spare_ && make_room_in_spare(path, &want, true)) return;
    touched(path);
    // Added twice: the later one stands, as in write_file.
    if (::link(previous.file.c_str(), file.c_str()) != 0 && errno == EEXIST && ::unlink(file.c_str()) == 0)
        ::link(previous.file.c_str(), file.c_str());
    PreviousFile linked = previous;
    linked.file = file;
    if (still_as_recorded(linked)) {
        remember(path, OutputRecord{previous.size, previous.mtime_ns, previous.inode, previous.hash}, true);
        return;
    }
    // No link (a file system without them, too many links) or not the file
    // that was checked (changed meanwhile): a copy, if it still has the bytes.
    ::unlink(file.c_str());
    const std::optional<std::string> bytes = read_whole_file(previous.file);
    if (!bytes || hash128(*bytes) != previous.hash) {
        fail("'" + previous.file + "' changed while the site was being built; build again");
        return;
    }
    if (const std::optional<OutputRecord> written = write_file(file, *bytes, previous.hash))
        remember(path, *written, false);
}

bool SiteWriter::make_room_in_spare(const std::string& path, const OutputRecord* want, bool want_checked) {
    const std::string file = staged(path);
    if (spare_->folders.contains(path)) {  // a folder then, a file now
        std::error_code ec;
        fs::remove_all(file, ec);
        return false;
    }
    const auto held = spare_->files.find(path);
    if (held == spare_->files.end()) return false;
    // The spare's folders are as recorded, so the entry is the recorded
    // inode: when that is the site's file's, it is that very file (a hard
    // link). Kept (`want_checked`), the site's file was found as recorded in
    // this build already, so one more stat of the same inode would say the
    // same (23,900 of them after a narrative edit at 9,000 department-
    // years); else the stat says whether it is still as recorded.
    if (want && held->second.inode == want->inode &&
        (want_checked ||
         still_as_recorded(PreviousFile{file, want->size, want->mtime_ns, want->inode, want->hash}))) {
        remember(path, *want, true);
        return true;
    }
    ::unlink(file.c_str());
    return false;
}

void SiteWriter::remove_leftovers() {
    if (!spare_ || leftovers_removed_) return;
    const OutputRecords now = outputs();
    remove_leftovers(now, folders_of(now));
}

void SiteWriter::remove_leftovers(const OutputRecords& outputs, const std::set<std::string>& folder_names) {
    if (!spare_ || leftovers_removed_) return;
    leftovers_removed_ = true;
    for (const auto& [path, record] : spare_->files)
        if (!outputs.contains(path)) ::unlink((staging_ / path).c_str());
    // Deepest first: a folder sorts before everything inside it.
    for (const auto& [path, record] : spare_->files)
        if (!outputs.contains(path)) touched(path);
    for (auto it = spare_->folders.rbegin(); it != spare_->folders.rend(); ++it)
        if (!folder_names.contains(it->first) && ::rmdir((staging_ / it->first).c_str()) == 0) touched(it->first);
}

void SiteWriter::touched(const std::string& path) {
    if (!spare_) return;  // (folders() then looks at every folder)
    const std::size_t slash = path.rfind('/');
    std::lock_guard lock(touched_mutex_);
    touched_.insert(slash == std::string::npos ? std::string() : path.substr(0, slash));
}

void SiteWriter::remember(const std::string& path, const OutputRecord& record, bool kept) {
    std::lock_guard lock(mutex_);
    outputs_[path] = record;
    (kept ? kept_ : files_) += 1;
    if (!kept) bytes_ += record.size;
}

OutputRecords SiteWriter::outputs() const {
    std::lock_guard lock(mutex_);
    return outputs_;
}

FolderRecords SiteWriter::folders() const { return folders(folders_of(outputs())); }

FolderRecords SiteWriter::folders(const std::set<std::string>& names) const {
    std::vector<const std::string*> list;
    list.reserve(names.size());
    for (const std::string& name : names) list.push_back(&name);
    // One lstat() per folder (15,000 at 9,000 department-years), on every
    // core: this is the last thing before the manifest is written.
    std::vector<std::optional<FolderRecord>> records(list.size());
    // A folder of the spare this build added no entry to and removed none
    // from is as the spare's manifest records it (take_spare found it so):
    // after a narrative edit, all but a few of the 15,000 at 9,000
    // department-years, whose lstat() was a tenth of the rebuild.
    std::unordered_set<std::string> touched;
    {
        std::lock_guard lock(touched_mutex_);
        touched = touched_;
    }
    parallel_for(list.size(), 0, [&](std::size_t i) {
        if (spare_ && !touched.contains(*list[i])) {
            if (const auto held = spare_->folders.find(*list[i]); held != spare_->folders.end()) {
                records[i] = held->second;
                return;
            }
        }
        struct stat st;
        if (::lstat((staging_ / *list[i]).c_str(), &st) != 0) return;
        records[i] = FolderRecord{static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                                  static_cast<std::uint64_t>(st.st_ino)};
    });
    FolderRecords folders;
    for (std::size_t i = 0; i < list.size(); ++i) {
        // One left out makes the records incomplete: the next build is then
        // a full one, which is slower but still right.
        if (records[i]) folders.emplace_hint(folders.end(), *list[i], *records[i]);
    }
    return folders;
}

void SiteWriter::add_manifest(const std::string& text) {
    write_file(staged(std::string(kManifestName)), text, Hash128{});
}

std::optional<std::string> SiteWriter::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

std::optional<std::string> SiteWriter::commit() {
    if (auto e = error()) return e;
    remove_leftovers();
    std::error_code ec;
    if (!fs::exists(out_, ec)) {
        if (::rename(staging_.c_str(), out_.c_str()) != 0)
            return "cannot move the new site into '" + out_dir_ + "': " + std::strerror(errno);
        committed_ = true;
        return std::nullopt;
    }
    // Swap both folders in one step where the file system allows it, so there
    // is no moment without a site; otherwise move the old one aside first.
    const fs::path old = old_site_path();
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
        // The staging folder now holds the previous site.
        put_aside(staging_);
        committed_ = true;
        return std::nullopt;
    }
    if (::rename(out_.c_str(), old.c_str()) != 0)
        return "cannot move the previous site aside: " + std::string(std::strerror(errno));
    if (::rename(staging_.c_str(), out_.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::rename(old.c_str(), out_.c_str());
        return "cannot move the new site into '" + out_dir_ + "': " + reason;
    }
    put_aside(old);
    committed_ = true;
    return std::nullopt;
}

void SiteWriter::put_aside(const fs::path& replaced) {
    // Worth keeping when most of this build's files were kept: it then
    // shares them, and all its folders, with the next staging folder. Only
    // a site with a manifest can be one (take_spare).
    std::error_code ec;
    if (kept_ * 2 >= kept_ + files_ && fs::exists(replaced / kManifestName, ec) &&
        ::rename(replaced.c_str(), beside("spare").c_str()) == 0)
        return;
    // Under a name no other build uses, so a build that starts meanwhile
    // never meets the remover.
    const fs::path old = old_site_path();
    if (replaced == old || ::rename(replaced.c_str(), old.c_str()) == 0) {
        remove_in_background(old);
        return;
    }
    fs::remove_all(replaced, ec);
}

// ".<site>.gongkai-old-<pid>-<n>": one name per commit, even when one
// process commits many builds (`gongkai serve`).
fs::path SiteWriter::old_site_path() const {
    static std::atomic<unsigned> commits{0};
    return beside("old-" + std::to_string(::getpid()) + "-" + std::to_string(commits++));
}

fs::path SiteWriter::beside(const std::string& what) const { return beside_folder(out_, what); }

fs::path beside_output(const std::string& out_dir, const std::string& what) {
    return beside_folder(normalised(out_dir), what);
}

}  // namespace gk
