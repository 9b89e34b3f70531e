// The default theme's labels files, one per language, kept in step: every
// key in each, and each pair of values asking for the same figures.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/load_theme.h"
#include "unit/support/content_tree.h"

using namespace gk;

namespace {

const std::string kThemeDir = std::string(GONGKAI_SOURCE_DIR) + "/themes/default";
// zh-CN first: the language the theme was written in and the others follow.
const std::vector<std::string> kLanguages = {"zh-CN", "en"};

struct LoadedLabels {
    std::map<std::string, std::string> labels;
    std::vector<std::string> diagnostics;
};

// The theme's labels for `language` through the generator's own loader, with
// an empty content folder so that no site override is read.
LoadedLabels load_labels(const std::string& language) {
    test::ContentTree empty;
    SourceSet sources;
    Diagnostics diagnostics;
    Theme theme = load_theme(kThemeDir, empty.root(), language, sources, diagnostics);
    return {std::move(theme.labels), test::lines_of(diagnostics, empty.root())};
}

// What a label asks of the data it is rendered with, one entry per tag:
// the sections it sits in, the tag's kind, and the name
// ("parts/#is_basic", "parts/label", "{change_html}"). A tag's place in the
// text may differ between languages, its nesting may not. Unbalanced
// sections come out as "!unclosed …" or "!stray …" entries.
std::set<std::string> signature(const std::string& text) {
    std::set<std::string> out;
    std::vector<std::string> open;
    const auto path = [&] {
        std::string p;
        for (const std::string& s : open) p += s + "/";
        return p;
    };
    const auto trim = [](std::string s) {
        const auto b = s.find_first_not_of(" \t");
        const auto e = s.find_last_not_of(" \t");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string::npos) {
        const bool triple = text.compare(pos, 3, "{{{") == 0;
        const std::size_t start = pos + (triple ? 3 : 2);
        const std::size_t end = text.find(triple ? "}}}" : "}}", start);
        if (end == std::string::npos) {
            out.insert("!unterminated tag");
            break;
        }
        std::string inner = trim(text.substr(start, end - start));
        pos = end + (triple ? 3 : 2);
        if (triple) {
            out.insert(path() + "{" + inner + "}");
            continue;
        }
        const char sigil = inner.empty() ? '\0' : inner[0];
        if (sigil == '!') continue;  // a comment
        if (sigil == '#' || sigil == '^') {
            const std::string name = trim(inner.substr(1));
            out.insert(path() + sigil + name);
            open.push_back(name);
        } else if (sigil == '/') {
            const std::string name = trim(inner.substr(1));
            if (open.empty() || open.back() != name) {
                out.insert(path() + "!stray /" + name);
            } else {
                open.pop_back();
            }
        } else if (sigil == '&' || sigil == '>' || sigil == '=') {
            out.insert(path() + sigil + trim(inner.substr(1)));
        } else {
            out.insert(path() + inner);
        }
    }
    for (const std::string& s : open) out.insert("!unclosed #" + s);
    // search.js fills single-brace names ("{count}") in the labels it reads.
    static const std::regex single(R"((^|[^{])\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\}))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), single); it != std::sregex_iterator(); ++it)
        out.insert("{" + (*it)[2].str() + "} for search.js");
    return out;
}

// Names that choose a language's own wording rather than a figure: the
// plural flags of a count and the forms of a date (Numbers::count_data,
// Numbers::date). A language may use some of them and not others.
std::set<std::string> without_wording_choices(const std::set<std::string>& signature) {
    static const std::set<std::string> kChoices = {"one", "many", "month", "month2", "month_name", "day", "day2"};
    std::set<std::string> out;
    for (const std::string& entry : signature) {
        std::string name = entry.substr(entry.rfind('/') == std::string::npos ? 0 : entry.rfind('/') + 1);
        if (!name.empty() && (name[0] == '#' || name[0] == '^')) name.erase(0, 1);
        if (!kChoices.count(name)) out.insert(entry);
    }
    return out;
}

std::string joined(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : " ") + s;
    return out;
}

std::vector<std::string> keys_missing_from(const std::map<std::string, std::string>& from,
                                           const std::map<std::string, std::string>& in) {
    std::vector<std::string> out;
    for (const auto& [key, value] : from) {
        if (!in.count(key)) out.push_back(key);
    }
    return out;
}

bool has_han(const std::string& utf8) {
    // U+3400..U+9FFF (CJK unified ideographs and extension A) as UTF-8 lead bytes E3 90.. to E9 BF..
    for (std::size_t i = 0; i + 2 < utf8.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
        if ((b0 == 0xE3 && b1 >= 0x90) || (b0 >= 0xE4 && b0 <= 0xE9)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the tag signature of a label keeps names, kinds and nesting but not order", "[render][labels]") {
    CHECK(signature("{{a}} and {{{b}}}{{#s}}{{c}}{{^last}}, {{/last}}{{/s}}") ==
          std::set<std::string>{"a", "{b}", "#s", "s/c", "s/^last"});
    CHECK(signature("{{#s}}{{c}}{{/s}} {{a}}") == signature("{{a}} {{#s}}{{c}}{{/s}}"));
    CHECK(signature("{{#s}}{{c}}{{/s}}") != signature("{{#s}}{{/s}}{{c}}"));
    CHECK(signature("{{#s}}x") == std::set<std::string>{"#s", "!unclosed #s"});
    CHECK(signature("x{{/s}}") == std::set<std::string>{"!stray /s"});
    CHECK(signature("found {count} for “{query}”") ==
          std::set<std::string>{"{count} for search.js", "{query} for search.js"});
}

TEST_CASE("every labels file of the default theme loads without a diagnostic", "[render][labels]") {
    for (const std::string& language : kLanguages) {
        INFO("labels/" << language << ".toml");
        const LoadedLabels loaded = load_labels(language);
        CHECK(loaded.diagnostics == std::vector<std::string>{});
        CHECK(loaded.labels.size() > 100);
    }
}

TEST_CASE("the labels files of the default theme have the same keys", "[render][labels]") {
    const LoadedLabels first = load_labels(kLanguages[0]);
    for (std::size_t i = 1; i < kLanguages.size(); ++i) {
        const LoadedLabels other = load_labels(kLanguages[i]);
        INFO("keys of " << kLanguages[0] << ".toml missing from " << kLanguages[i] << ".toml");
        CHECK(keys_missing_from(first.labels, other.labels) == std::vector<std::string>{});
        INFO("keys of " << kLanguages[i] << ".toml missing from " << kLanguages[0] << ".toml");
        CHECK(keys_missing_from(other.labels, first.labels) == std::vector<std::string>{});
    }
}

TEST_CASE("plural flags and date forms are a language's own choice", "[render][labels]") {
    CHECK(without_wording_choices(signature("{{year}}年{{month}}月{{day}}日")) ==
          without_wording_choices(signature("{{day}} {{month_name}} {{year}}")));
    CHECK(without_wording_choices(signature("{{count}} {{#one}}page{{/one}}{{#many}}pages{{/many}}")) ==
          without_wording_choices(signature("{{count}}个页面")));
    CHECK(without_wording_choices(signature("{{count}}")) != without_wording_choices(signature("{{total}}")));
}

TEST_CASE("each label asks for the same figures and sections in every language", "[render][labels]") {
    const LoadedLabels first = load_labels(kLanguages[0]);
    for (std::size_t i = 1; i < kLanguages.size(); ++i) {
        const LoadedLabels other = load_labels(kLanguages[i]);
        for (const auto& [key, text] : first.labels) {
            const auto it = other.labels.find(key);
            if (it == other.labels.end()) continue;  // the key test reports it
            INFO(key << "\n  " << kLanguages[0] << ": " << text << "\n  " << kLanguages[i] << ": " << it->second);
            CHECK(joined(without_wording_choices(signature(it->second))) ==
                  joined(without_wording_choices(signature(text))));
        }
    }
}

TEST_CASE("no label is a section left open or closed twice", "[render][labels]") {
    for (const std::string& language : kLanguages) {
        for (const auto& [key, text] : load_labels(language).labels) {
            INFO(language << " " << key << ": " << text);
            CHECK(joined(signature(text)).find('!') == std::string::npos);
        }
    }
}

TEST_CASE("every label a template names is in every labels file", "[render][labels]") {
    std::set<std::string> used;
    static const std::regex label_tag(R"(\{\{\{?\s*[#^/]?\s*label\.([A-Za-z0-9_.]+))");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kThemeDir + "/templates")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        const std::string text = s.str();
        for (auto it = std::sregex_iterator(text.begin(), text.end(), label_tag); it != std::sregex_iterator(); ++it)
            used.insert((*it)[1].str());
    }
    CHECK(used.size() > 50);
    for (const std::string& language : kLanguages) {
        const LoadedLabels loaded = load_labels(language);
        std::vector<std::string> missing;
        for (const std::string& key : used) {
            if (!loaded.labels.count(key)) missing.push_back(key);
        }
        INFO("labels/" << language << ".toml");
        CHECK(missing == std::vector<std::string>{});
    }
}

TEST_CASE("the English labels contain no Chinese characters", "[render][labels]") {
    std::vector<std::string> chinese;
    for (const auto& [key, text] : load_labels("en").labels) {
        if (has_han(text)) chinese.push_back(key + " = " + text);
    }
    CHECK(chinese == std::vector<std::string>{});
}
