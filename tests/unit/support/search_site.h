// The search index built from a few pages, as the render stage feeds it,
// and its files written to disk as a previous output, for the tests of the
// index's cache and of its update in place.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/search_index.h"

namespace gk::test {

struct SearchPage {
    std::string path;
    std::string html;
};

// A page as the layout writes it: <title> with the site's suffix " - 站点".
SearchPage search_page(const std::string& path, const std::string& title, const std::string& main);

struct SearchBuild {
    std::map<std::string, std::string> files;
    std::size_t from_cache = 0;
    bool in_place = false;  // the previous index was updated in place
    std::set<std::string> kept;  // files the index kept from the previous output (OutputSink::keep)
};

struct SearchBuildOptions {
    std::string cache;  // the cache file ("": none)
    std::string key = "k";
    unsigned threads = 1;
    // The previous output's index files (index_on_disk).
    std::map<std::string, PreviousOutput> previous;
    std::size_t pack_docs = 2;   // small, so that the pages are in more than one pack
    std::size_t shard_bytes = 0;  // 0: as a build chooses; small: many shards
    std::map<std::string, SearchPageInfo> pages;  // what the site says of each page (none: nothing)
};

// The indexer's options for `options` (what build_search gives it).
SearchIndexOptions indexer_options(const SearchBuildOptions& options);

// The index of `pages`, added from `threads` threads.
SearchBuild build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options = {});

// Writes the files of `built` under search/ into `dir` as a previous
// output, and returns them as ReusableOutputs::files_under does.
std::map<std::string, PreviousOutput> index_on_disk(const SearchBuild& built, const std::filesystem::path& dir);

// A temporary folder, removed by the destructor, with the cache's path in it.
struct SearchFolder {
    SearchFolder();
    ~SearchFolder();
    SearchFolder(const SearchFolder&) = delete;
    SearchFolder& operator=(const SearchFolder&) = delete;
    std::filesystem::path dir;
    std::filesystem::path sites;  // previous outputs
    std::string cache() const { return (dir / "cache").string(); }
};

}  // namespace gk::test
