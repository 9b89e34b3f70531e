// The search index's per-page stages on a built site's pages, timed one by
// one on one thread: reading the page's text out of its HTML
// (extract_page_text), cutting it into tokens (tokenize_with, gathering the
// characters as the indexer does) and turning its characters into sorted
// tokens (PageCharacters::tokens); then the whole of SearchIndexer::add_page
// on the same pages, whose excess over the stages' sum is the rest of the
// reading (words, interning, entries, spills) and the stages' slowdown
// once the index's tables share the caches with them. Steadier than a
// whole build on a shared machine, for comparing two versions of these
// stages (bench/README.md).
//
//   make index_stages_bench
//   ./index_stages_bench SITE_FOLDER [pages=3000] [rounds=3]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "index/html_text.h"
#include "index/page_characters.h"
#include "index/search_index.h"
#include "index/search_tokenize.h"

namespace {

// Gathers a page's characters as the indexer's collector does (words and
// the UTF-16 text aside).
struct Gatherer {
    gk::PageCharacters& characters;
    void character(char32_t c, std::uint32_t pos, gk::Field field) { characters.add(c, pos, field); }
    void bigram(char32_t, char32_t, std::uint32_t, gk::Field) { characters.joins_previous(); }
    void trigram(char32_t, char32_t, char32_t, std::uint32_t, gk::Field) {}
    void word(std::string_view, std::uint32_t, gk::Field) {}
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s SITE_FOLDER [pages] [rounds]\n", argv[0]);
        return 2;
    }
    const std::size_t most = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3000;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    // The site's pages in path order (the same pages from run to run).
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1]))
        if (entry.path().extension() == ".html") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    if (paths.size() > most) paths.resize(most);
    std::vector<std::string> pages;
    std::size_t bytes = 0;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        bytes += pages.back().size();
    }

    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
    double extracting = 0, tokenizing = 0, sorting = 0;
    std::size_t units = 0, tokens = 0;
    gk::PageCharacters characters;
    std::vector<gk::PageToken> words, documents, trigrams;
    const std::vector<std::string> word_texts;  // no words: the characters' stages only
    for (int round = 0; round < rounds; ++round) {
        for (const std::string& html : pages) {
            const auto t0 = Clock::now();
            const gk::PageText text = gk::extract_page_text(html, "");
            const auto t1 = Clock::now();
            characters.reset(text.length16);
            Gatherer gatherer{characters};
            gk::tokenize_with(text.text, text.spans, gatherer);
            const auto t2 = Clock::now();
            characters.tokens(words, word_texts, documents, trigrams);
            const auto t3 = Clock::now();
            extracting += seconds(t0, t1), tokenizing += seconds(t1, t2), sorting += seconds(t2, t3);
            units += text.length16, tokens += documents.size() + trigrams.size();
        }
    }
    const double n = static_cast<double>(pages.size()) * rounds;
    std::printf("%zu pages (%.1f MB of HTML) x %d rounds; per page: %.0f UTF-16 units of text, %.0f tokens\n",
                pages.size(), static_cast<double>(bytes) / 1e6, rounds, static_cast<double>(units) / n,
                static_cast<double>(tokens) / n);
    std::printf("  extract_page_text        %7.3f s  %6.1f us a page\n", extracting, extracting / n * 1e6);
    std::printf("  tokenize_with            %7.3f s  %6.1f us a page\n", tokenizing, tokenizing / n * 1e6);
    std::printf("  PageCharacters::tokens   %7.3f s  %6.1f us a page\n", sorting, sorting / n * 1e6);

    // The whole of SearchIndexer::add_page, as a build without a search
    // cache calls it (the stages above, plus the words, interning, the
    // entries and the spilled entries and texts), on one thread: what it
    // adds to the stages' sum is the rest of the reading.
    double adding = 0;
    for (int round = 0; round < rounds; ++round) {
        gk::SearchIndexOptions options;
        gk::SearchIndexer indexer{std::move(options)};
        gk::MemorySink sink;  // not used by add_page
        const auto t0 = Clock::now();
        for (std::size_t i = 0; i < pages.size(); ++i) indexer.add_page(paths[i].string(), pages[i], sink);
        adding += seconds(t0, Clock::now());
    }
    std::printf("  SearchIndexer::add_page  %7.3f s  %6.1f us a page\n", adding, adding / n * 1e6);
    return 0;
}
