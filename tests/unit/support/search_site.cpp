#include "unit/support/search_site.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace gk::test {

namespace fs = std::filesystem;

SearchPage search_page(const std::string& path, const std::string& title, const std::string& main) {
    return {path, "<html><head><title>" + title + " - 站点</title></head><body><main>" + main + "</main></body></html>"};
}

SearchIndexOptions indexer_options(const SearchBuildOptions& o) {
    SearchIndexOptions options;
    options.title_suffix = " - 站点";
    options.cache_file = o.cache;
    options.cache_key = o.key;
    options.pack_docs = o.pack_docs;
    options.doc_shard_bytes = o.shard_bytes;
    options.position_shard_bytes = o.shard_bytes;
    options.previous_index = o.previous;
    options.pages = o.pages;
    return options;
}

namespace {

// A memory sink that notes which files were kept rather than added.
class KeepingSink : public MemorySink {
public:
    void keep(const std::string& path, const PreviousFile& previous) override {
        {
            std::lock_guard lock(mutex_);
            kept.insert(path);
        }
        OutputSink::keep(path, previous);  // reads the bytes, as a sink that needs them does
    }
    std::set<std::string> kept;

private:
    std::mutex mutex_;
};

}  // namespace

SearchBuild build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& o) {
    SearchIndexer indexer(indexer_options(o));
    KeepingSink sink;
    {
        std::vector<std::jthread> workers;
        for (unsigned t = 0; t < o.threads; ++t) {
            workers.emplace_back([&, t] {
                for (std::size_t i = t; i < pages.size(); i += o.threads)
                    indexer.add_page(pages[i].path, pages[i].html, sink);
            });
        }
    }
    indexer.finish(sink);
    return {sink.files(), indexer.pages_from_cache(), indexer.updated_in_place(), sink.kept};
}

std::map<std::string, PreviousOutput> index_on_disk(const SearchBuild& built, const fs::path& dir) {
    std::map<std::string, PreviousOutput> files;
    for (const auto& [path, bytes] : built.files) {
        if (!path.starts_with(SearchIndexer::kFolder)) continue;
        const fs::path file = dir / path;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        struct stat st;
        if (::stat(file.c_str(), &st) != 0) throw std::runtime_error("cannot stat " + file.string());
        files.try_emplace(path, PreviousOutput{path, PreviousFile{file.string(), bytes.size(),
                                                                  st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
                                                                  st.st_ino, hash128(bytes)}});
    }
    return files;
}

SearchFolder::SearchFolder() {
    static std::atomic<int> serial{0};
    dir = fs::temp_directory_path() /
          ("gongkai-search-test-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    sites = fs::path(dir.string() + "-sites");
    fs::create_directories(dir);
}

SearchFolder::~SearchFolder() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    fs::remove_all(sites, ignored);
}

}  // namespace gk::test
