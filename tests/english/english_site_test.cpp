// The demo content built as an English site (language = "en"), through the
// real `gongkai build`: it builds without a diagnostic, and every Chinese
// word left on its pages is the content's own text.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Maximal runs of Han characters (U+3400..U+9FFF, 3-byte UTF-8 with lead byte
// E3 90.. to E9) in UTF-8 text.
std::vector<std::string> han_runs(const std::string& text) {
    std::vector<std::string> runs;
    std::string run;
    for (std::size_t i = 0; i < text.size();) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        const auto b1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (i + 2 < text.size() && ((b0 == 0xE3 && b1 >= 0x90) || (b0 >= 0xE4 && b0 <= 0xE9))) {
            run += text.substr(i, 3);
            i += 3;
            continue;
        }
        if (!run.empty()) runs.push_back(std::move(run));
        run.clear();
        i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    }
    if (!run.empty()) runs.push_back(std::move(run));
    return runs;
}

// The first quoted value of `key = "…"` in a TOML text.
std::string toml_string(const std::string& text, const std::string& key) {
    const std::regex re("(^|\\n)" + key + "\\s*=\\s*\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(text, m, re) ? m[2].str() : std::string();
}

// The demo content copied with language = "en", built once per process into
// a temporary folder that is removed at exit.
struct EnglishSite {
    fs::path base;
    fs::path content;
    fs::path out;
    int status = -1;
    std::string stdout_text;
    std::string stderr_text;
    std::string content_text;              // every content file, concatenated
    std::set<std::string> content_names;   // site title, region, unit, department names

    EnglishSite() {
        base = fs::temp_directory_path() / ("gongkai-english-" + std::to_string(::getpid()));
        fs::remove_all(base);
        content = base / "content";
        out = base / "site";
        fs::create_directories(base);
        fs::copy(fs::path(GONGKAI_SOURCE_DIR) / "content", content, fs::copy_options::recursive);

        std::string site = read_file(content / "site.toml");
        const std::regex language("(^|\\n)language\\s*=\\s*\"[^\"]*\"");
        REQUIRE(std::regex_search(site, language));
        site = std::regex_replace(site, language, "$1language = \"en\"");
        write_file(content / "site.toml", site);

        for (const auto& entry : fs::recursive_directory_iterator(content)) {
            if (!entry.is_regular_file()) continue;
            const std::string text = read_file(entry.path());
            content_text += text + "\n";
            if (entry.path().filename() == "department.toml") content_names.insert(toml_string(text, "name"));
        }
        content_names.insert(toml_string(site, "title"));
        content_names.insert(toml_string(site, "region"));
        content_names.insert(toml_string(site, "unit"));
        content_names.erase("");

        const std::string command = std::string("\"") + GONGKAI_BINARY + "\" build --strict --quiet --content \"" +
                                    content.string() + "\" --out \"" + out.string() + "\" --theme \"" +
                                    GONGKAI_SOURCE_DIR + "/themes/default\" >\"" + (base / "stdout").string() +
                                    "\" 2>\"" + (base / "stderr").string() + "\"";
        const int raw = std::system(command.c_str());
        status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        stdout_text = read_file(base / "stdout");
        stderr_text = read_file(base / "stderr");
    }
    ~EnglishSite() {
        std::error_code ec;
        fs::remove_all(base, ec);
    }

    std::string page(const std::string& relative) const { return read_file(out / relative); }

    // The Han runs of `text` that are not one of the content's names.
    std::vector<std::string> chinese_besides_names(const std::string& text) const {
        std::string rest = text;
        // Longest first, so a region inside the site title goes with the title.
        std::vector<std::string> names(content_names.begin(), content_names.end());
        std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
        for (const std::string& name : names) {
            for (std::size_t at; (at = rest.find(name)) != std::string::npos;) rest.replace(at, name.size(), " ");
        }
        return han_runs(rest);
    }
};

const EnglishSite& site() {
    static const EnglishSite s;
    return s;
}

// The inner text of every element matched by `open_tag` (a regex for the
// opening tag) up to its closing `</name>`, tags removed.
std::vector<std::string> element_texts(const std::string& html, const std::string& name, const std::string& open_tag) {
    std::vector<std::string> out;
    const std::regex open(open_tag);
    const std::regex tag("<[^>]*>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), open); it != std::sregex_iterator(); ++it) {
        const std::size_t start = static_cast<std::size_t>(it->position() + it->length());
        const std::size_t end = html.find("</" + name + ">", start);
        if (end == std::string::npos) continue;
        out.push_back(std::regex_replace(html.substr(start, end - start), tag, " "));
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
    return out;
}

}  // namespace

TEST_CASE("the demo content builds as an English site with no error or warning", "[english]") {
    const EnglishSite& s = site();
    INFO("stderr:\n" << s.stderr_text);
    CHECK(s.status == 0);
    CHECK(s.stderr_text.empty());
    CHECK(s.stdout_text.empty());
    CHECK(fs::exists(s.out / "index.html"));
    CHECK(s.page("index.html").find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("every Chinese word on the English demo site is text of the content", "[english]") {
    const EnglishSite& s = site();
    REQUIRE(s.status == 0);
    std::set<std::string> foreign;
    std::size_t pages = 0;
    for (const auto& entry : fs::recursive_directory_iterator(s.out)) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".html" && ext != ".xml")) continue;
        ++pages;
        for (const std::string& run : han_runs(read_file(entry.path()))) {
            if (s.content_text.find(run) == std::string::npos)
                foreign.insert(fs::relative(entry.path(), s.out).string() + ": " + run);
        }
    }
    CHECK(pages > 20);
    CHECK(foreign == std::set<std::string>{});
}

TEST_CASE("the English pages have English navigation headings and table captions", "[english]") {
    const EnglishSite& s = site();
    REQUIRE(s.status == 0);
    // One page of each kind that the labels shape; the sample disclosure has every section.
    for (const std::string page : {"index.html", "2021/index.html", "2020-final/index.html",
                                   "departments/finance-bureau/index.html", "departments/finance-bureau/2021/index.html",
                                   "departments/finance-bureau/2020-final/index.html", "glossary/index.html",
                                   "data/index.html", "search/index.html", "404.html"}) {
        INFO(page);
        std::string html = s.page(page);
        REQUIRE(!html.empty());
        // Markdown of the content (narratives, notes, definitions): its own
        // tables and headings may be Chinese. cmark writes no <div> inside.
        html = std::regex_replace(html, std::regex(R"re(<div class="(prose|definition)">[\s\S]*?</div>)re"), "");
        std::vector<std::string> texts;
        for (const auto& [name, open] : std::vector<std::pair<std::string, std::string>>{
                 {"title", "<title>"},
                 {"nav", R"re(<nav class="(site-nav|toc|pager|year-nav)"[^>]*>)re"},
                 {"h2", "<h2[^>]*>"},
                 {"caption", "<caption[^>]*>"},
                 {"thead", "<thead>"},
                 {"footer", "<footer[^>]*>"},
                 {"form", "<form[^>]*>"}}) {
            for (const std::string& text : element_texts(html, name, open)) texts.push_back(text);
        }
        CHECK(!texts.empty());
        std::vector<std::string> chinese;
        for (const std::string& text : texts) {
            for (const std::string& run : s.chinese_besides_names(text)) chinese.push_back(run + " in: " + text);
        }
        CHECK(joined(chinese) == "");
    }
    const std::string disclosure = s.page("departments/finance-bureau/2021/index.html");
    CHECK(disclosure.find("<h2 id=\"toc-heading\">Contents</h2>") != std::string::npos);
    CHECK(disclosure.find(">1. Responsibilities and organisational structure</h2>") != std::string::npos);
    CHECK(disclosure.find("Table 1: Summary of departmental revenue and expenditure") != std::string::npos);
}
