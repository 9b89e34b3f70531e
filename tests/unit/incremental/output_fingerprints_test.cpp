#include <catch2/catch.hpp>

#include "incremental/output_fingerprints.h"

using gk::Hash128;
using gk::InputRecords;
using gk::OutputFingerprints;

namespace {

InputRecords sample_inputs() {
    InputRecords inputs;
    std::uint64_t n = 1;
    for (const char* key : {"content/site.toml", "content/glossary.toml", "content/departments/a/department.toml",
                            "content/departments/a/2020.toml", "content/departments/a/2020.md",
                            "content/departments/a/2020-final.md", "content/departments/b/2020.toml",
                            "content/departments/b/2020.md", "theme/templates/base.mustache", "gongkai"})
        inputs[key] = gk::InputRecord{gk::FileStamp{n, 0, 0, n}, Hash128{n, n}}, ++n;
    return inputs;
}

}  // namespace

TEST_CASE("only the input keys of narratives name a department", "[incremental][reuse]") {
    CHECK(gk::narrative_department("content/departments/a/2020.md") == "a");
    CHECK(gk::narrative_department("content/departments/finance-bureau/2021-final.md") == "finance-bureau");
    CHECK_FALSE(gk::narrative_department("content/departments/a/2020.toml"));
    CHECK_FALSE(gk::narrative_department("content/departments/a/notes.md"));
    CHECK_FALSE(gk::narrative_department("content/departments/a/x/2020.md"));
    CHECK_FALSE(gk::narrative_department("content/departments//2020.md"));
    CHECK_FALSE(gk::narrative_department("content/departments/2020.md"));
    CHECK_FALSE(gk::narrative_department("content/theme/departments/a/2020.md"));
    CHECK_FALSE(gk::narrative_department("theme/departments/a/2020.md"));
}

TEST_CASE("a narrative changes its own department's fingerprint only", "[incremental][reuse]") {
    const InputRecords inputs = sample_inputs();
    const OutputFingerprints before(inputs, Hash128{7, 7});
    CHECK(before.department("a") != before.department("b"));
    CHECK(before.department("c") != before.shared());  // a page with narratives is not one without
    CHECK(before.department("a") == OutputFingerprints(inputs, Hash128{7, 7}).department("a"));

    InputRecords edited = inputs;
    edited["content/departments/a/2020-final.md"].hash = Hash128{99, 99};
    const OutputFingerprints after(edited, Hash128{7, 7});
    CHECK(after.department("a") != before.department("a"));
    CHECK(after.department("b") == before.department("b"));
    CHECK(after.department("c") == before.department("c"));  // a department without narratives
    CHECK(after.shared() == before.shared());

    InputRecords added = inputs;
    added["content/departments/b/2021.md"] = gk::InputRecord{{}, Hash128{5, 5}};
    CHECK(OutputFingerprints(added, Hash128{7, 7}).department("b") != before.department("b"));
    CHECK(OutputFingerprints(added, Hash128{7, 7}).department("a") == before.department("a"));
}

TEST_CASE("anything but a narrative changes every department's fingerprint", "[incremental][reuse]") {
    const InputRecords inputs = sample_inputs();
    const OutputFingerprints before(inputs, Hash128{7, 7});
    for (const char* key : {"content/site.toml", "content/glossary.toml", "content/departments/b/2020.toml",
                            "theme/templates/base.mustache", "gongkai"}) {
        InputRecords edited = inputs;
        edited[key].hash = Hash128{99, 99};
        const OutputFingerprints after(edited, Hash128{7, 7});
        INFO(key);
        CHECK(after.department("a") != before.department("a"));
        CHECK(after.department("b") != before.department("b"));
        CHECK(after.department("c") != before.department("c"));
        CHECK(after.shared() != before.shared());
    }
    InputRecords removed = inputs;
    removed.erase("content/departments/b/2020.toml");
    CHECK(OutputFingerprints(removed, Hash128{7, 7}).department("a") != before.department("a"));
    // The options (base URL, --strict, the folders) too.
    CHECK(OutputFingerprints(inputs, Hash128{7, 8}).department("a") != before.department("a"));
}
