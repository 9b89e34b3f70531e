#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <algorithm>
#include <chrono>

#include "incremental/file_stamp.h"
#include "unit/support/content_tree.h"
#include "write/site_writer.h"
#include "write/spare_site.h"

namespace fs = std::filesystem;

namespace {

// Inode and mtime: what stays when a file is kept, not written again.
struct Identity {
    ino_t inode;
    std::int64_t mtime_ns;
    friend bool operator==(const Identity&, const Identity&) = default;
};

Identity identity(const fs::path& file) {
    struct stat st;
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return Identity{st.st_ino, st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

std::string read(const fs::path& file) { return gk::read_whole_file(file.string()).value_or("<missing>"); }

// One build: the files, committed; returns what the writer recorded.
gk::OutputRecords build(const std::string& out, const std::string& content, const std::map<std::string, std::string>& files,
                        gk::OutputRecords previous = {}) {
    gk::SiteWriter writer(out, content, std::move(previous));
    REQUIRE_FALSE(writer.prepare());
    for (const auto& [path, bytes] : files) writer.add(path, bytes);
    const gk::OutputRecords outputs = writer.outputs();
    REQUIRE_FALSE(writer.commit());
    return outputs;
}

struct Folders {
    gk::test::ContentTree tree;
    std::string content = tree.root();
    fs::path out = fs::path(tree.root()).parent_path() / "site";
};

}  // namespace

TEST_CASE("a file with the same bytes as before keeps its inode and mtime, a changed one is written", "[write]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"a/index.html", "same"}, {"b.html", "old"}, {"c.json", "gone"}});
    const Identity a = identity(f.out / "a/index.html");
    const Identity b = identity(f.out / "b.html");

    gk::SiteWriter writer(f.out, f.content, first);
    REQUIRE_FALSE(writer.prepare());
    writer.add("a/index.html", "same");
    writer.add("b.html", "new");
    writer.add("d.html", "added");
    REQUIRE_FALSE(writer.commit());

    CHECK(identity(f.out / "a/index.html") == a);
    CHECK(identity(f.out / "b.html").inode != b.inode);
    CHECK(read(f.out / "b.html") == "new");
    CHECK(read(f.out / "d.html") == "added");
    CHECK_FALSE(fs::exists(f.out / "c.json"));  // not produced again: gone
    CHECK(writer.files_kept() == 2);              // a/index.html and the marker
    CHECK(writer.files_written() == 2);
}

TEST_CASE("without a manifest, unchanged files are found by comparing their bytes", "[write]") {
    Folders f;
    build(f.out, f.content, {{"same.html", "12345"}, {"other.html", "12345"}});
    const Identity same = identity(f.out / "same.html");
    const Identity other = identity(f.out / "other.html");
    build(f.out, f.content, {{"same.html", "12345"}, {"other.html", "54321"}});  // same size, other bytes
    CHECK(identity(f.out / "same.html") == same);
    CHECK(identity(f.out / "other.html").inode != other.inode);
    CHECK(read(f.out / "other.html") == "54321");
}

TEST_CASE("an output file changed by hand since the manifest is compared by its bytes, not its recorded hash", "[write]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"page.html", "original"}});
    const auto written = fs::last_write_time(f.out / "page.html");
    {
        std::ofstream edit(f.out / "page.html", std::ios::binary | std::ios::trunc);
        edit << "EDITED!!";  // same size
    }
    // File times tick in milliseconds: make sure this one moved on.
    fs::last_write_time(f.out / "page.html", written + std::chrono::seconds(1));
    build(f.out, f.content, {{"page.html", "original"}}, first);
    CHECK(read(f.out / "page.html") == "original");
}

TEST_CASE("a build that fails after keeping files leaves the previous site byte for byte", "[write]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"page.html", "kept"}, {"x.html", "x"}});
    const Identity page = identity(f.out / "page.html");
    {
        gk::SiteWriter writer(f.out, f.content, first);
        REQUIRE_FALSE(writer.prepare());
        writer.add("page.html", "kept");        // linked to the previous file
        writer.add("page.html", "overwritten");  // must not write through the link
        writer.add("../escape.html", "no");      // an error: the build is not committed
        REQUIRE(writer.error());
    }
    CHECK(read(f.out / "page.html") == "kept");
    CHECK(identity(f.out / "page.html") == page);
    CHECK(read(f.out / "x.html") == "x");
}

namespace {

gk::PreviousFile previous_file(const fs::path& out, const std::string& path, const gk::OutputRecords& recorded) {
    const gk::OutputRecord& r = recorded.at(path);
    return gk::PreviousFile{(out / path).string(), r.size, r.mtime_ns, r.inode, r.hash};
}

}  // namespace

TEST_CASE("a kept file is linked from the previous site as recorded, without its bytes", "[write][keep]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"d/page.html", "kept page"}, {"x.html", "x"}});
    const Identity page = identity(f.out / "d/page.html");
    gk::SiteWriter writer(f.out, f.content, first);
    REQUIRE_FALSE(writer.prepare());
    writer.keep("d/page.html", previous_file(f.out, "d/page.html", first));
    writer.add("x.html", "y");
    CHECK_FALSE(writer.error());
    CHECK(writer.files_kept() == 2);  // the page and the site marker
    CHECK(writer.outputs().at("d/page.html") == first.at("d/page.html"));  // the next manifest records the same
    REQUIRE_FALSE(writer.commit());
    CHECK(identity(f.out / "d/page.html") == page);
    CHECK(read(f.out / "d/page.html") == "kept page");
    CHECK(read(f.out / "x.html") == "y");
}

TEST_CASE("a kept file that changed after it was checked is copied if its bytes are still right, else the build fails",
          "[write][keep]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"page.html", "kept page"}});
    const gk::PreviousFile previous = previous_file(f.out, "page.html", first);
    SECTION("same bytes, new file (mtime and inode differ): a copy is written") {
        fs::remove(f.out / "page.html");
        std::ofstream(f.out / "page.html") << "kept page";
        gk::SiteWriter writer(f.out, f.content, first);
        REQUIRE_FALSE(writer.prepare());
        writer.keep("page.html", previous);
        CHECK_FALSE(writer.error());
        CHECK(writer.files_written() == 1);
        REQUIRE_FALSE(writer.commit());
        CHECK(read(f.out / "page.html") == "kept page");
    }
    SECTION("other bytes: an error, and the previous site stays") {
        {
            std::ofstream out(f.out / "page.html", std::ios::trunc);
            out << "edited by hand";
        }
        gk::SiteWriter writer(f.out, f.content, first);
        REQUIRE_FALSE(writer.prepare());
        writer.keep("page.html", previous);
        REQUIRE(writer.error());
        CHECK(writer.error()->find("changed while the site was being built") != std::string::npos);
        CHECK(writer.commit());
        CHECK(read(f.out / "page.html") == "edited by hand");
    }
    SECTION("gone: an error") {
        fs::remove(f.out / "page.html");
        gk::SiteWriter writer(f.out, f.content, first);
        REQUIRE_FALSE(writer.prepare());
        writer.keep("page.html", previous);
        CHECK(writer.error());
    }
}

TEST_CASE("a sink that needs the bytes of a kept file reads them, and throws when the file is gone", "[write][keep]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"page.html", "kept page"}});
    gk::MemorySink sink;
    sink.keep("page.html", previous_file(f.out, "page.html", first));
    CHECK(sink.files().at("page.html") == "kept page");
    fs::remove(f.out / "page.html");
    CHECK_THROWS_AS(sink.keep("page.html", previous_file(f.out, "page.html", first)), std::runtime_error);
}

TEST_CASE("the writer records each file it wrote or kept as it is on disk", "[write]") {
    Folders f;
    const gk::OutputRecords first = build(f.out, f.content, {{"p.html", "bytes"}});
    REQUIRE(first.count("p.html"));
    REQUIRE(first.count(std::string(gk::kSiteMarker)));
    CHECK(first.size() == 2);
    const gk::OutputRecord& p = first.at("p.html");
    const Identity id = identity(f.out / "p.html");
    CHECK(p.size == 5);
    CHECK(p.inode == id.inode);
    CHECK(p.mtime_ns == id.mtime_ns);
    CHECK(p.hash == gk::hash128("bytes"));
}

TEST_CASE("the manifest is written into the site but not listed among its outputs", "[write]") {
    Folders f;
    gk::SiteWriter writer(f.out, f.content);
    REQUIRE_FALSE(writer.prepare());
    writer.add("p.html", "bytes");
    writer.add_manifest("the manifest\n");
    CHECK(writer.outputs().count(std::string(gk::kManifestName)) == 0);
    REQUIRE_FALSE(writer.commit());
    CHECK(read(f.out / gk::kManifestName) == "the manifest\n");
}

TEST_CASE("after the swap the new site is in place at once and the previous one goes away (in the background)", "[write]") {
    Folders f;
    build(f.out, f.content, {{"a/index.html", "one"}, {"b.html", "two"}});
    build(f.out, f.content, {{"a/index.html", "three"}});
    CHECK(read(f.out / "a/index.html") == "three");  // in place as soon as commit() returns
    CHECK_FALSE(fs::exists(f.out / "b.html"));
    // Nothing but the site is left beside it once the remover is done.
    const auto siblings = [&] {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(f.out.parent_path())) names.push_back(entry.path().filename());
        std::sort(names.begin(), names.end());
        return names;
    };
    const std::vector<std::string> expected{"content", "site"};
    for (int i = 0; i < 200 && siblings() != expected; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(siblings() == expected);
}

namespace {

// A build as the pipeline makes it: the files, then the manifest (which a
// spare needs), committed. Returns whether its staging folder was the spare.
bool build_with_manifest(const Folders& f, const std::map<std::string, std::string>& files,
                         const gk::OutputRecords& previous = {}) {
    gk::SiteWriter writer(f.out, f.content, previous);
    REQUIRE_FALSE(writer.prepare());
    for (const auto& [path, bytes] : files) writer.add(path, bytes);
    writer.remove_leftovers();
    gk::Manifest manifest;
    manifest.generator = "test";
    manifest.outputs = writer.outputs();
    manifest.folders = writer.folders();
    writer.add_manifest(gk::format_manifest(manifest));
    REQUIRE_FALSE(writer.commit());
    return writer.staging_was_spare();
}

gk::OutputRecords recorded(const Folders& f) {
    return gk::parse_manifest(read(f.out / gk::kManifestName)).value().outputs;
}

// Every file of a folder, with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read(entry.path());
    return files;
}

fs::path spare(const Folders& f) { return f.out.parent_path() / ".site.gongkai-spare"; }

// `files` and the two files every site has besides, as they are in it.
std::map<std::string, std::string> with_dot_files(const Folders& f, std::map<std::string, std::string> files) {
    files[std::string(gk::kSiteMarker)] = read(f.out / gk::kSiteMarker);
    files[std::string(gk::kManifestName)] = read(f.out / gk::kManifestName);
    return files;
}

const std::map<std::string, std::string> kSite = {
    {"index.html", "home"}, {"a/index.html", "a"}, {"a/b/index.html", "ab"}, {"c/index.html", "c"},
    {"d/x.json", "x"},      {"e/index.html", "e"}};

// kSite, then kSite with one file changed (a build that kept most files
// and took no spare, there being none): the first site is the spare now.
std::map<std::string, std::string> two_builds(const Folders& f) {
    build_with_manifest(f, kSite);
    CHECK_FALSE(fs::exists(spare(f)));  // nothing was replaced
    std::map<std::string, std::string> second = kSite;
    second["c/index.html"] = "c2";
    CHECK_FALSE(build_with_manifest(f, second, recorded(f)));
    return second;
}

}  // namespace

TEST_CASE("the site a build replaced is kept as the spare and becomes the next build's staging folder",
          "[write][spare]") {
    Folders f;
    const std::map<std::string, std::string> second = two_builds(f);
    REQUIRE(fs::exists(spare(f)));  // most files were kept

    // The third build takes the spare (the first site) and changes what differs.
    const Identity home = identity(f.out / "index.html");
    const Identity c2 = identity(f.out / "c/index.html");
    std::map<std::string, std::string> third = second;
    third["a/b/index.html"] = "ab3";  // changed
    third.erase("d/x.json");          // gone, and its folder
    third["g/h/new.html"] = "new";     // new, in new folders
    third.erase("e/index.html");
    third["e"] = "a file where a folder was";
    CHECK(build_with_manifest(f, third, recorded(f)));
    CHECK(tree(f.out) == with_dot_files(f, third));
    CHECK(identity(f.out / "index.html") == home);    // kept: the same file
    CHECK(identity(f.out / "c/index.html") == c2);    // kept from the previous site, not the spare's "c"
    CHECK_FALSE(fs::exists(f.out / "d"));
    // and the second site is the spare now
    REQUIRE(fs::exists(spare(f)));
    CHECK(read(spare(f) / "c/index.html") == "c2");
    CHECK(read(spare(f) / "a/b/index.html") == "ab");

    // A folder where a file was, and back to the start.
    std::map<std::string, std::string> fourth = kSite;
    fourth["c/index.html/deeper.html"] = "deeper";
    fourth.erase("c/index.html");
    CHECK(build_with_manifest(f, fourth, recorded(f)));
    CHECK(tree(f.out) == with_dot_files(f, fourth));
}

TEST_CASE("a spare that is not as its manifest says is not used, and goes away", "[write][spare]") {
    Folders f;
    two_builds(f);
    REQUIRE(fs::exists(spare(f)));
    SECTION("a file added in a folder") { std::ofstream(spare(f) / "a/b/stray.html") << "stray"; }
    SECTION("a file added in its root") { std::ofstream(spare(f) / "stray.html") << "stray"; }
    SECTION("a folder removed") { fs::remove_all(spare(f) / "d"); }
    SECTION("no manifest") { fs::remove(spare(f) / gk::kManifestName); }
    CHECK_FALSE(build_with_manifest(f, kSite, recorded(f)));
    CHECK(tree(f.out) == with_dot_files(f, kSite));
}

TEST_CASE("a spare looked at early is taken as it was looked at, or looked at again if replaced since",
          "[write][spare]") {
    Folders f;
    const std::map<std::string, std::string> second = two_builds(f);
    const fs::path staging = f.out.parent_path() / "staging-for-test";
    SECTION("unchanged since the look") {
        const std::optional<gk::SpareContents> looked = gk::look_at_spare(spare(f));
        REQUIRE(looked);
        const gk::OutputRecords files = looked->files;
        const std::optional<gk::SpareContents> taken = gk::take_spare(spare(f), staging, looked);
        REQUIRE(taken);
        CHECK(taken->files == files);
        CHECK(read(staging / "c/index.html") == "c");  // the first site
    }
    SECTION("replaced by another build's commit since the look") {
        const std::optional<gk::SpareContents> looked = gk::look_at_spare(spare(f));
        REQUIRE(looked);
        std::map<std::string, std::string> third = second;
        third["a/b/index.html"] = "ab3";
        REQUIRE(build_with_manifest(f, third, recorded(f)));  // took the first site, left the second as the spare
        const std::optional<gk::SpareContents> taken = gk::take_spare(spare(f), staging, looked);
        REQUIRE(taken);
        CHECK(taken->files == gk::parse_manifest(read(staging / gk::kManifestName)).value().outputs);
        CHECK(taken->files != looked->files);
        CHECK(read(staging / "c/index.html") == "c2");  // the second site
    }
    SECTION("a writer that looked early builds as one that did not") {
        gk::SiteWriter writer(f.out, f.content, recorded(f));
        writer.look_at_spare_early();
        REQUIRE_FALSE(writer.prepare());
        CHECK(writer.staging_was_spare());
    }
}

TEST_CASE("after a build that wrote most files anew, the replaced site is not kept", "[write][spare]") {
    Folders f;
    build_with_manifest(f, kSite);
    std::map<std::string, std::string> changed;
    for (const auto& [path, bytes] : kSite) changed[path] = bytes + " changed";
    build_with_manifest(f, changed, recorded(f));
    CHECK_FALSE(fs::exists(spare(f)));
}

TEST_CASE("a build that fails after taking the spare leaves the previous site as it was", "[write][spare]") {
    Folders f;
    two_builds(f);
    const std::map<std::string, std::string> before = tree(f.out);
    {
        gk::SiteWriter writer(f.out, f.content, recorded(f));
        REQUIRE_FALSE(writer.prepare());
        CHECK(writer.staging_was_spare());
        writer.add("index.html", "changed");
        writer.add("c/index.html", "c2");
        writer.add("../outside", "x");  // fails the build
        CHECK(writer.commit());
    }
    CHECK(tree(f.out) == before);
    CHECK_FALSE(fs::exists(spare(f)));  // it was the staging folder, removed with it
}

TEST_CASE("an output folder named with a trailing slash is the folder: what belongs beside it goes beside it",
          "[write]") {
    Folders f;
    for (const std::string out : {f.out.string() + "/", f.out.string() + "//"}) {
        INFO(out);
        fs::remove_all(f.out);  // not there yet: its name is taken as written
        gk::SiteWriter writer(out, f.content, {});
        REQUIRE_FALSE(writer.prepare());
        CHECK(writer.beside("load-cache") == f.out.parent_path() / ".site.gongkai-load-cache");
        CHECK(gk::beside_output(out, "load-cache") == f.out.parent_path() / ".site.gongkai-load-cache");
        CHECK(writer.staging().parent_path() == f.out.parent_path());
        writer.add("index.html", "home");
        REQUIRE_FALSE(writer.commit());
        CHECK(read(f.out / "index.html") == "home");
    }
}
