// The input scan and the "output as recorded" check stat() their files on
// several threads: what they find must not depend on how many.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "incremental/inputs.h"
#include "incremental/up_to_date.h"
#include "unit/support/content_tree.h"

namespace fs = std::filesystem;

namespace {

void fill_with_many_files(gk::test::ContentTree& tree) {
    for (int d = 0; d < 40; ++d) {
        const std::string dept = "departments/d" + std::to_string(d) + "/";
        tree.file(dept + "department.toml", "name = \"" + std::to_string(d) + "\"\n");
        tree.file(dept + "2020.toml", std::string(static_cast<std::size_t>(d), 'x'));
        tree.file(dept + ".hidden", "skipped");
    }
    tree.file(".git/config", "skipped with its folder");
    tree.file("site.toml", "title = \"t\"\n");
}

std::int64_t mtime_ns(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// The records a manifest would hold for every file and folder under `dir`.
void record_tree(const std::string& dir, gk::OutputRecords& files, gk::FolderRecords& folders) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        struct stat st;
        REQUIRE(::lstat(entry.path().c_str(), &st) == 0);
        const std::string path = fs::relative(entry.path(), dir).string();
        if (entry.is_directory()) {
            folders[path] = gk::FolderRecord{mtime_ns(st), static_cast<std::uint64_t>(st.st_ino)};
        } else {
            files[path] = gk::OutputRecord{static_cast<std::uint64_t>(st.st_size), mtime_ns(st),
                                           static_cast<std::uint64_t>(st.st_ino), gk::Hash128{}};
        }
    }
}

}  // namespace

TEST_CASE("the input scan finds the same files with one thread and with four", "[incremental][scan]") {
    gk::test::ContentTree tree;
    fill_with_many_files(tree);
    gk::InputFiles one, four;
    gk::scan_folder(tree.root(), "content", one, 1);
    gk::scan_folder(tree.root() + "/", "content", four, 4);
    REQUIRE(one.size() == 81);  // 40 × 2 files and site.toml; no dot file, nothing under .git
    REQUIRE(one.count("content/departments/d7/2020.toml") == 1);
    REQUIRE(one.count("content/departments/d7/.hidden") == 0);
    REQUIRE(four.size() == one.size());
    for (const auto& [key, file] : one) {
        const auto found = four.find(key);
        REQUIRE(found != four.end());
        CHECK(found->second.path == file.path);
        CHECK(found->second.stamp == file.stamp);
    }
    CHECK(one.at("content/departments/d7/2020.toml").stamp.size == 7);
}

TEST_CASE("the output check on several threads finds one changed file among many", "[incremental][scan]") {
    gk::test::ContentTree tree;
    fill_with_many_files(tree);
    fs::remove_all(tree.root() + "/.git");
    for (const auto& entry : fs::recursive_directory_iterator(tree.root())) {
        if (entry.path().filename().string().starts_with(".")) fs::remove(entry.path());
    }
    gk::OutputRecords files;
    gk::FolderRecords folders;
    record_tree(tree.root(), files, folders);
    for (unsigned jobs : {1u, 4u}) CHECK(gk::output_as_recorded(tree.root(), files, folders, jobs));

    const std::string changed = tree.root() + "/departments/d33/2020.toml";
    std::ofstream(changed, std::ios::app) << "y";
    for (unsigned jobs : {1u, 4u}) CHECK_FALSE(gk::output_as_recorded(tree.root(), files, folders, jobs));
}

TEST_CASE("fingerprint_inputs takes a known record over the previous build's, and reads neither's files",
          "[incremental][scan]") {
    const gk::FileStamp stamp{4, 1, 1, 7};
    gk::InputFiles files;
    files["a"] = gk::InputFile{"", stamp, std::string("now")};
    files["b"] = gk::InputFile{"", stamp, std::string("now")};
    files["c"] = gk::InputFile{"", gk::FileStamp{4, 2, 2, 7}, std::string("now")};  // another stamp: read
    gk::InputRecords known, before;
    known["a"] = gk::InputRecord{stamp, gk::hash128("known")};
    before["a"] = gk::InputRecord{stamp, gk::hash128("before")};
    before["b"] = gk::InputRecord{stamp, gk::hash128("before")};
    before["c"] = gk::InputRecord{stamp, gk::hash128("before")};
    const auto records = gk::fingerprint_inputs(files, known, before, 2);
    REQUIRE(records);
    CHECK(records->at("a").hash == gk::hash128("known"));
    CHECK(records->at("b").hash == gk::hash128("before"));
    CHECK(records->at("c").hash == gk::hash128("now"));
}
