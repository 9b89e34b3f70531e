// Glossary rules of spec §7: no two terms share an id, a name or an alias.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

namespace {

Lines check_glossary_file(const std::string& text) { return check_site_file("glossary.toml", text); }

}  // namespace

TEST_CASE("two glossary terms with the same id are an error at the second", "[validate][glossary]") {
    CHECK(check_glossary_file(R"([[term]]
id = "three-public"
name = "“三公”经费"
definition = "……"

[[term]]
id = "three-public"
name = "三公经费"
definition = "……"
)") == Lines{"glossary.toml:7:6: error: duplicate term id 'three-public'; first at line 2"});
}

TEST_CASE("two glossary terms with the same name are an error", "[validate][glossary]") {
    CHECK(check_glossary_file(R"([[term]]
id = "three-public"
name = "“三公”经费"
definition = "……"

[[term]]
id = "three-public-funds"
name = "“三公”经费"
definition = "……"
)") == Lines{"glossary.toml:8:8: error: '“三公”经费' is already a name or alias of term 'three-public' (line 3)"});
}

TEST_CASE("an alias that is another term's name or alias is an error", "[validate][glossary]") {
    CHECK(check_glossary_file(R"([[term]]
id = "three-public"
name = "“三公”经费"
aliases = ["三公经费", "三公"]
definition = "……"

[[term]]
id = "operating-expenses"
name = "机关运行经费"
aliases = ["三公", "运行经费"]
definition = "……"

[[term]]
id = "funds"
name = "三公经费"
definition = "……"
)") == Lines{"glossary.toml:10:12: error: '三公' is already a name or alias of term 'three-public' (line 4)",
             "glossary.toml:15:8: error: '三公经费' is already a name or alias of term 'three-public' (line 4)"});
}

TEST_CASE("a term may repeat its own name as an alias", "[validate][glossary]") {
    CHECK(check_glossary_file("[[term]]\nid = \"a\"\nname = \"三公\"\naliases = [\"三公\"]\ndefinition = \"x\"\n")
              .empty());
}

TEST_CASE("a term id that is not a slug and an empty alias are errors", "[validate][glossary]") {
    CHECK(check_glossary_file(R"([[term]]
id = "Three Public"
name = "三公"
aliases = [""]
definition = "……"
)") == Lines{"glossary.toml:2:6: error: 'Three Public' is not a valid term id: use lowercase letters a-z, digits and "
             "'-', starting with a letter or digit, at most 64 characters",
             "glossary.toml:4:12: error: a term's name or alias must not be empty"});
}
