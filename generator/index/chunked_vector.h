// A vector that grows a block at a time and never moves what it holds.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <vector>

namespace gk {

// Elements in blocks of 2^kShift, each mapped from the system on its own
// and unmapped by release(): push_back never copies the elements already
// there, so growing never holds an old and a new array at once, and what
// release() frees is back with the system at once, not kept by the
// allocator for later. The search index's token list is millions of tokens
// with a real vocabulary: as a std::vector, its last doubling copied 64 MB
// into a new 128 MB array while the old one was still held, the peak of a
// build of 9,000 department-years of such text. Indexing costs one more
// load (the block's address, from a small array that stays in the cache).
// For plain data only: elements are neither constructed nor destroyed
// (mapped memory reads as zeros).
template <class T, unsigned kShift>
class ChunkedVector {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
    static constexpr std::size_t kBlock = std::size_t{1} << kShift;

    ChunkedVector() = default;
    ChunkedVector(const ChunkedVector&) = delete;
    ChunkedVector& operator=(const ChunkedVector&) = delete;
    ~ChunkedVector() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& operator[](std::size_t i) { return blocks_[i >> kShift][i & (kBlock - 1)]; }
    const T& operator[](std::size_t i) const { return blocks_[i >> kShift][i & (kBlock - 1)]; }
    void push_back(const T& value) {
        if ((size_ >> kShift) == blocks_.size()) add_block();
        (*this)[size_++] = value;
    }
    // Empties it and hands its memory back to the system.
    void release() {
        for (void* mapping : mappings_) ::munmap(mapping, kMapped);
        std::vector<T*>().swap(blocks_);
        std::vector<void*>().swap(mappings_);
        size_ = 0;
    }

private:
    // A block starts at a 2 MiB boundary and asks for huge pages where the
    // system gives them on request (madvise), as the allocator's own large
    // blocks do: looked up at random, a list of millions of tokens in 4 KiB
    // pages missed the TLB on most lookups.
    static constexpr std::size_t kHuge = std::size_t{2} << 20;
    static constexpr std::size_t kBytes = kBlock * sizeof(T);
    static constexpr std::size_t kMapped = kBytes + kHuge;
    void add_block() {
        void* mapping = ::mmap(nullptr, kMapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapping == MAP_FAILED) throw std::bad_alloc();
        mappings_.push_back(mapping);
        const auto at = (reinterpret_cast<std::uintptr_t>(mapping) + kHuge - 1) & ~(kHuge - 1);
        ::madvise(reinterpret_cast<void*>(at), kBytes, MADV_HUGEPAGE);
        blocks_.push_back(reinterpret_cast<T*>(at));
    }
    std::vector<T*> blocks_;
    std::vector<void*> mappings_;  // what was mapped for each block
    std::size_t size_ = 0;
};

}  // namespace gk
