// GlossaryMatcher: a byte trie over every glossary name and alias, walked
// from each position of the text. Work is O(text length × longest term)
// whatever the number of terms; glossary names are short, so in practice
// it is linear. TermLinker: the first-use bookkeeping of one page.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "render/markdown.h"

namespace gk {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

bool is_utf8_continuation(unsigned char byte) { return (byte & 0xC0u) == 0x80u; }

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

    Impl() : nodes(1) { std::fill(std::begin(root_next), std::end(root_next), kNone); }

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
    if (empty()) return matches;
    const Impl& trie = *impl_;
    std::size_t i = 0;
    while (i < text.size()) {
        // Names are valid UTF-8, so none can start on a continuation byte;
        // skipping them also keeps matches on character boundaries.
        if (is_utf8_continuation(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t best_length = 0;
        std::uint32_t best_term = kNone;
        std::uint32_t node = 0;
        for (std::size_t j = i; j < text.size(); ++j) {
            node = trie.child(node, static_cast<unsigned char>(text[j]));
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
    return matches;
}

TermLinker::TermLinker(const GlossaryMatcher& matcher, const Glossary& glossary, std::string href_prefix)
    : matcher_(matcher), glossary_(glossary), href_prefix_(std::move(href_prefix)) {}

bool TermLinker::first_use(std::size_t term) {
    if (!seen_.insert(term).second) return false;
    used_.push_back(term);
    return true;
}

}  // namespace gk
