// A narrative edit is recognised only when nothing but narratives changed
// their bytes: anything else needs every department's figures.
#include <catch2/catch.hpp>

#include <string>

#include "incremental/narrative_edit.h"

namespace {

// Inputs known by their bytes (InputFile::bytes), as the program is; the
// stamp says whether the build must look at them at all.
struct Inputs {
    gk::InputFiles now;
    gk::InputRecords recorded;

    void add(const std::string& key, const std::string& bytes) {
        const gk::FileStamp stamp{bytes.size(), 1, 1, 7};
        now[key] = gk::InputFile{"", stamp, bytes};
        recorded[key] = gk::InputRecord{stamp, gk::hash128(bytes)};
    }
    // The file now holds `bytes`, with a new stamp.
    void edit(const std::string& key, const std::string& bytes) {
        now[key] = gk::InputFile{"", gk::FileStamp{bytes.size(), 2, 2, 7}, bytes};
    }
};

Inputs demo() {
    Inputs in;
    in.add("gongkai", "build id");
    in.add("content/site.toml", "title = \"t\"\n");
    in.add("content/departments/a/department.toml", "name = \"a\"\n");
    in.add("content/departments/a/2020.toml", "year = 2020\n");
    in.add("content/departments/a/2020.md", "# a\n");
    in.add("content/departments/a/2020-final.md", "# a final\n");
    in.add("content/departments/b/2020.toml", "year = 2020\n");
    in.add("content/departments/b/2020.md", "# b\n");
    in.add("theme/templates/base.mustache", "<html>");
    return in;
}

}  // namespace

TEST_CASE("narrative edits name the departments whose narratives changed", "[incremental][narrative]") {
    Inputs in = demo();
    gk::InputRecords hashed;
    SECTION("one narrative") {
        in.edit("content/departments/b/2020.md", "# b, edited\n");
        const auto departments = gk::only_narratives_changed(in.now, in.recorded, hashed);
        REQUIRE(departments);
        CHECK(*departments == std::set<std::string>{"b"});
        // Read once, here: the build does not read it again.
        CHECK(hashed.at("content/departments/b/2020.md").hash == gk::hash128("# b, edited\n"));
    }
    SECTION("narratives of two departments, a final accounts' among them") {
        in.edit("content/departments/a/2020-final.md", "# a final, edited\n");
        in.edit("content/departments/b/2020.md", "# b, edited\n");
        const auto departments = gk::only_narratives_changed(in.now, in.recorded, hashed);
        REQUIRE(departments);
        CHECK(*departments == std::set<std::string>{"a", "b"});
    }
    SECTION("a narrative and files touched without a change") {
        in.edit("content/departments/a/2020.md", "# a, edited\n");
        in.edit("content/departments/a/2020.toml", "year = 2020\n");  // new stamp, same bytes
        in.edit("content/site.toml", "title = \"t\"\n");
        const auto departments = gk::only_narratives_changed(in.now, in.recorded, hashed);
        REQUIRE(departments);
        CHECK(*departments == std::set<std::string>{"a"});
    }
}

TEST_CASE("anything but a narrative changed is no narrative edit", "[incremental][narrative]") {
    Inputs in = demo();
    gk::InputRecords hashed;
    in.edit("content/departments/b/2020.md", "# b, edited\n");
    SECTION("figures") { in.edit("content/departments/a/2020.toml", "year = 2021\n"); }
    SECTION("a department's name") { in.edit("content/departments/a/department.toml", "name = \"z\"\n"); }
    SECTION("the site") { in.edit("content/site.toml", "title = \"u\"\n"); }
    SECTION("a template") { in.edit("theme/templates/base.mustache", "<html lang>"); }
    SECTION("the program") { in.edit("gongkai", "other build id"); }
    SECTION("a narrative added") { in.add("content/departments/b/2021.md", "# new\n"); in.recorded.erase("content/departments/b/2021.md"); }
    SECTION("a narrative removed") { in.now.erase("content/departments/a/2020.md"); }
    SECTION("a file renamed") {
        in.now["content/departments/b/2021.md"] = in.now.at("content/departments/b/2020.md");
        in.now.erase("content/departments/b/2020.md");
    }
    CHECK_FALSE(gk::only_narratives_changed(in.now, in.recorded, hashed));
}

TEST_CASE("nothing changed is no narrative edit either", "[incremental][narrative]") {
    Inputs in = demo();
    gk::InputRecords hashed;
    in.edit("content/departments/b/2020.md", "# b\n");  // touched, same bytes
    CHECK_FALSE(gk::only_narratives_changed(in.now, in.recorded, hashed));
}
