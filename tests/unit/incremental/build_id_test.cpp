#include <catch2/catch.hpp>

#include "incremental/build_id.h"
#include "incremental/file_stamp.h"
#include "incremental/inputs.h"

TEST_CASE("the program's build ID is read from its notes and is the one in its file", "[incremental][build-id]") {
    const std::optional<std::string> id = gk::program_build_id();
    // Debian's g++ links with --build-id (SHA-1: 20 bytes).
    REQUIRE(id.has_value());
    CHECK(id->size() == 20);
    CHECK(gk::program_build_id() == id);
    const std::optional<std::string> file = gk::read_whole_file("/proc/self/exe");
    REQUIRE(file.has_value());
    // The note as the linker wrote it: sizes, type 3, "GNU\0", then the ID.
    CHECK(file->find(std::string("GNU\0", 4) + *id) != std::string::npos);
}

TEST_CASE("the program is fingerprinted by its build ID, not by its bytes", "[incremental][build-id]") {
    gk::InputFiles files;
    gk::scan_program(files);
    REQUIRE(files.count("gongkai") == 1);
    const gk::InputFile& program = files.at("gongkai");
    CHECK(program.bytes == gk::program_build_id());
    CHECK(gk::input_bytes(program) == gk::program_build_id());
    // Any other input is read from its file.
    gk::InputFile other{"/proc/self/exe", program.stamp};
    CHECK(gk::input_bytes(other)->size() > 1000);
}
