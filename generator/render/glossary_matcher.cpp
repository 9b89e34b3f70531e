// GlossaryMatcher: a byte trie over every glossary name and alias, walked
// from each position of the text where one of them could start. Work is
// O(text length × longest term) whatever the number of terms; glossary
// names are short, so in practice it is linear. TermLinker: the first-use
// bookkeeping of one page.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "render/markdown.h"

namespace gk {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

bool is_utf8_continuation(unsigned char byte) { return (byte & 0xC0u) == 0x80u; }

// The length of the UTF-8 character a lead byte starts (1 for ASCII and for
// bytes that start none).
std::uint8_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0u && lead < 0xF8u) return 4;
    if (lead >= 0xE0u) return lead < 0xF0u ? 3 : 1;
    if (lead >= 0xC0u) return 2;
    return 1;
}

// A 16-bit digest of the character of `length` (2 to 4) bytes at `p`: its
// code point, or the low 16 bits of it, when the bytes are valid UTF-8.
inline std::uint32_t char_digest(const unsigned char* p, std::uint8_t length) {
    switch (length) {
        case 2: return (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
        case 3: return (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
        default: return ((p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu)) & 0xFFFFu;
    }
}

}  // namespace

struct GlossaryMatcher::Impl {
    struct Node {
        // Edges sorted by byte; glossary tries branch little below the root.
        std::vector<std::pair<unsigned char, std::uint32_t>> next;
        std::uint32_t term = kNone;  // a name or alias ends here
    };
    // Dense edges at the root, which is consulted at every byte of the text.
    std::uint32_t root_next[256];
    std::vector<Node> nodes;  // nodes[0] is the root

    // Most bytes of a text start no name. What find_all does at a byte
    // depends on it alone (start_class): 0, no name or alias starts with
    // it (nor with any continuation byte: find_all never matches there);
    // 1, walk the trie; 2 to 4, the length of the character it leads,
    // whose digest (char_digest) must be one a name or alias starts with
    // (a bit in first_chars) for the trie to be walked. Digests may be
    // shared: a set bit means "walk", a clear one that no key starts with
    // this character.
    std::uint8_t start_class[256] = {};
    std::vector<std::uint64_t> first_chars = std::vector<std::uint64_t>(65536 / 64, 0);

    Impl() : nodes(1) { std::fill(std::begin(root_next), std::end(root_next), kNone); }

    void note_first_char(std::string_view key) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
        if (is_utf8_continuation(bytes[0])) return;  // never matched
        const std::uint8_t length = utf8_length(bytes[0]);
        // A key that ends inside its own first character (not valid UTF-8)
        // cannot be told by that character: always walk at its lead byte.
        if (length == 1 || key.size() < length || start_class[bytes[0]] == 1) {
            start_class[bytes[0]] = 1;
            return;
        }
        start_class[bytes[0]] = length;
        const std::uint32_t digest = char_digest(bytes, length);
        first_chars[digest / 64] |= std::uint64_t{1} << (digest % 64);
    }

    // How far find_all may move on from text[i] without walking the trie:
    // 0 when a name or alias may start there. A character that starts none
    // is passed whole when its continuation bytes are where they should be
    // (no match can start on a continuation byte anyway).
    std::size_t skip_at(const unsigned char* text, std::size_t size, std::size_t i) const {
        const std::uint8_t cls = start_class[text[i]];
        if (cls == 0) return 1;
        if (cls == 1 || i + cls > size) return 0;
        const std::uint32_t digest = char_digest(text + i, cls);
        if ((first_chars[digest / 64] >> (digest % 64)) & 1u) return 0;
        std::size_t step = 1;
        while (step < cls && is_utf8_continuation(text[i + step])) ++step;
        return step;
    }

    std::uint32_t child(std::uint32_t node, unsigned char byte) const {
        if (node == 0) return root_next[byte];
        const auto& edges = nodes[node].next;
        auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                                   [](const auto& edge, unsigned char b) { return edge.first < b; });
        return it != edges.end() && it->first == byte ? it->second : kNone;
    }

    // The first term to claim a string keeps it, so callers insert every
    // name before any alias: a name always beats another term's alias.
    void insert(std::string_view key, std::size_t term) {
        if (key.empty()) return;
        note_first_char(key);
        std::uint32_t node = 0;
        for (unsigned char byte : key) {
            std::uint32_t next = child(node, byte);
            if (next == kNone) {
                next = static_cast<std::uint32_t>(nodes.size());
                nodes.emplace_back();
                if (node == 0) {
                    root_next[byte] = next;
                } else {
                    auto& edges = nodes[node].next;
                    auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                                               [](const auto& e, unsigned char b) { return e.first < b; });
                    edges.insert(it, {byte, next});
                }
            }
            node = next;
        }
        if (nodes[node].term == kNone) nodes[node].term = static_cast<std::uint32_t>(term);
    }
};

GlossaryMatcher::GlossaryMatcher(const Glossary& glossary) : impl_(std::make_unique<Impl>()) {
    const auto& terms = glossary.terms;
    // A term without an id has no page to link to (validation reports it).
    auto linkable = [](const GlossaryTerm& t) { return t.id.has() && !t.id->empty(); };
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (linkable(terms[i]) && terms[i].name.has()) impl_->insert(*terms[i].name, i);
    }
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (!linkable(terms[i])) continue;
        for (const auto& alias : terms[i].aliases) {
            if (alias.has()) impl_->insert(*alias, i);
        }
    }
}

GlossaryMatcher::~GlossaryMatcher() = default;

bool GlossaryMatcher::empty() const { return impl_->nodes.size() == 1; }

std::vector<GlossaryMatcher::Match> GlossaryMatcher::find_all(std::string_view text) const {
    std::vector<Match> matches;
    find_all(text, matches);
    return matches;
}

void GlossaryMatcher::find_all(std::string_view text, std::vector<Match>& matches) const {
    matches.clear();
    if (empty()) return;
    const Impl& trie = *impl_;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = 0;
    while (i < text.size()) {
        // Names are valid UTF-8, so none can start on a continuation byte;
        // skipping them (skip_at does) also keeps matches on character
        // boundaries.
        if (const std::size_t skip = trie.skip_at(bytes, text.size(), i)) {
            i += skip;
            continue;
        }
        std::size_t best_length = 0;
        std::uint32_t best_term = kNone;
        std::uint32_t node = 0;
        for (std::size_t j = i; j < text.size(); ++j) {
            node = trie.child(node, bytes[j]);
            if (node == kNone) break;
            if (trie.nodes[node].term != kNone) {
                best_length = j - i + 1;
                best_term = trie.nodes[node].term;
            }
        }
        if (best_length == 0) {
            ++i;
            continue;
        }
        matches.push_back(Match{i, best_length, best_term});
        i += best_length;
    }
}

TermLinker::TermLinker(const GlossaryMatcher& matcher, const Glossary& glossary, std::string href_prefix)
    : matcher_(matcher), glossary_(glossary), href_prefix_(std::move(href_prefix)) {}

bool TermLinker::first_use(std::size_t term) {
    if (!seen_.insert(term).second) return false;
    used_.push_back(term);
    return true;
}

}  // namespace gk
