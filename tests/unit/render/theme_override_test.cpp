// A site overrides any template, label or asset of its theme by putting a
// file of the same name under content/theme/; everything else still comes
// from the theme.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "pipeline.h"
#include "unit/support/content_tree.h"

using namespace gk;

namespace {

std::string read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Built {
    int status = 0;
    std::string out, err;
};

Built build(const test::ContentTree& tree, const std::string& out_dir) {
    BuildOptions options;
    options.content_dir = tree.root();
    options.out_dir = out_dir;
    options.theme_dir = GONGKAI_SOURCE_DIR "/themes/default";
    options.quiet = true;
    std::ostringstream out, err;
    Built b;
    b.status = run_build(options, out, err);
    b.out = out.str();
    b.err = err.str();
    return b;
}

}  // namespace

TEST_CASE("a site's own label, template and asset replace the theme's", "[render][theme]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n");
    tree.file("theme/labels/zh-CN.toml", "[nav]\nhome = \"门户首页\"\n");
    tree.file("theme/templates/pages/not_found.mustache",
              "<h1>{{label.not_found.title}}</h1>\n<p>请拨打 12345 咨询。</p>\n");
    tree.file("theme/assets/style.css", "body { color: #000; }\n");
    tree.file("theme/assets/site-logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    const std::string out = tree.root() + "/../site";
    const Built b = build(tree, out);
    REQUIRE(b.err == "");
    REQUIRE(b.status == 0);

    const std::string overview = read(out + "/index.html");
    CHECK(overview.find(">门户首页<") != std::string::npos);
    CHECK(overview.find(">首页<") == std::string::npos);
    // Labels the site does not override still come from the theme.
    CHECK(overview.find(">名词解释<") != std::string::npos);
    CHECK(read(out + "/404.html").find("<p>请拨打 12345 咨询。</p>") != std::string::npos);
    CHECK(read(out + "/assets/style.css") == "body { color: #000; }\n");
    CHECK(read(out + "/assets/site-logo.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    // Templates the site does not override are the theme's.
    CHECK(read(out + "/glossary/index.html").find("<h1>名词解释</h1>") != std::string::npos);
}

TEST_CASE("an override that asks for a name no page provides fails the build and says where", "[render][theme]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("theme/templates/pages/not_found.mustache", "<h1>{{no_such_name}}</h1>\n");
    const Built b = build(tree, tree.root() + "/../site");
    CHECK(b.status == 1);
    CHECK(b.err.find("theme/templates/pages/not_found.mustache: error: the template asks for 'no_such_name', "
                     "which this page does not provide") != std::string::npos);
}
