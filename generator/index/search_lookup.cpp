#include "index/search_lookup.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "index/search_shards.h"
#include "index/search_tokenize.h"

namespace gk {

namespace {

struct DocEntry {
    std::uint64_t weight = 0;
    std::uint32_t snippet = 0;
};
using DocMatches = std::map<std::uint32_t, DocEntry>;

// The JSON array of strings under `"name":[` in the manifest (the only
// shapes the manifest has: see docs/search-format.md).
std::vector<std::string> json_strings(const std::string& json, const std::string& name) {
    std::vector<std::string> out;
    std::size_t i = json.find("\"" + name + "\":[");
    if (i == std::string::npos) throw std::runtime_error("manifest has no " + name);
    i += name.size() + 4;
    while (i < json.size() && json[i] != ']') {
        if (json[i] != '"') {
            ++i;
            continue;
        }
        std::string s;
        for (++i; i < json.size() && json[i] != '"'; ++i) {
            if (json[i] != '\\') {
                s += json[i];
                continue;
            }
            const char e = json[++i];
            if (e == 'u') {
                append_utf8(s, static_cast<char32_t>(std::stoul(json.substr(i + 1, 4), nullptr, 16)));
                i += 4;
            } else {
                s += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
            }
        }
        out.push_back(s);
        ++i;
    }
    return out;
}

std::uint64_t json_integer(const std::string& json, const std::string& name) {
    const std::size_t i = json.find("\"" + name + "\":");
    if (i == std::string::npos) throw std::runtime_error("manifest has no " + name);
    return std::stoull(json.substr(i + name.size() + 3));
}

class Index {
public:
    explicit Index(const std::function<std::optional<std::string>(const std::string&)>& read) : read_(read) {
        const auto manifest = read_("manifest.json");
        if (!manifest) throw std::runtime_error("no manifest.json");
        d_ = json_strings(*manifest, "d");
        p_ = json_strings(*manifest, "p");
        weight_[0] = json_integer(*manifest, "title");
        weight_[1] = json_integer(*manifest, "heading");
        weight_[2] = json_integer(*manifest, "body");
    }

    // Records of shard `kind`/`n`: key -> record bytes.
    const std::map<std::string, std::string>& shard(const std::string& kind, std::size_t n) {
        const std::string path = kind + "/" + std::to_string(n) + ".bin";
        auto it = shards_.find(path);
        if (it != shards_.end()) return it->second;
        std::map<std::string, std::string>& records = shards_[path];
        const auto bytes = read_(path);
        if (!bytes) throw std::runtime_error("missing " + path);
        const std::string_view s = *bytes;
        std::size_t i = 0;
        std::uint64_t count = 0, shared = 0, len = 0, size = 0;
        get_varint(s, i, count);
        std::string key;
        for (std::uint64_t k = 0; k < count; ++k) {
            get_varint(s, i, shared);
            get_varint(s, i, len);
            key = key.substr(0, shared) + std::string(s.substr(i, len));
            i += len;
            get_varint(s, i, size);
            records[key] = std::string(s.substr(i, size));
            i += size;
        }
        return records;
    }

    static std::size_t shard_for(const std::vector<std::string>& separators, const std::string& key) {
        const auto it = std::upper_bound(separators.begin(), separators.end(), key);
        return it == separators.begin() ? 0 : static_cast<std::size_t>(it - separators.begin() - 1);
    }

    DocMatches docs(const std::string& key) {
        const auto& records = shard("d", shard_for(d_, key));
        const auto it = records.find(key);
        return it == records.end() ? DocMatches{} : decode_docs(it->second);
    }

    static DocMatches decode_docs(std::string_view s) {
        DocMatches out;
        std::size_t i = 0;
        std::uint64_t n = 0, delta = 0, weight = 0, snippet = 0, doc = 0;
        get_varint(s, i, n);
        for (std::uint64_t k = 0; k < n; ++k) {
            get_varint(s, i, delta);
            get_varint(s, i, weight);
            get_varint(s, i, snippet);
            doc += delta;
            out[static_cast<std::uint32_t>(doc)] = {weight, static_cast<std::uint32_t>(snippet)};
        }
        return out;
    }

    // doc -> positions by field group (title, heading, body).
    std::map<std::uint32_t, std::vector<std::vector<std::uint32_t>>> positions(const std::string& key) {
        std::map<std::uint32_t, std::vector<std::vector<std::uint32_t>>> out;
        const auto& records = shard("p", shard_for(p_, key));
        const auto it = records.find(key);
        if (it == records.end()) return out;
        const std::string_view s = it->second;
        std::size_t i = 0;
        std::uint64_t n = 0, delta = 0, head = 0, doc = 0;
        get_varint(s, i, n);
        for (std::uint64_t k = 0; k < n; ++k) {
            get_varint(s, i, delta);
            doc += delta;
            get_varint(s, i, head);
            std::uint64_t title = 0, heading = 0;
            if (head & 1) get_varint(s, i, title);
            if (head & 2) get_varint(s, i, heading);
            const std::uint64_t sizes[3] = {title, heading, (head >> 2) - title - heading};
            auto& groups = out[static_cast<std::uint32_t>(doc)];
            groups.resize(3);
            for (int g = 0; g < 3; ++g) {
                std::uint64_t p = 0, d = 0;
                for (std::uint64_t m = 0; m < sizes[g]; ++m) {
                    get_varint(s, i, d);
                    p += d;
                    groups[g].push_back(static_cast<std::uint32_t>(p));
                }
            }
        }
        return out;
    }

    DocMatches match(const QuerySegment& seg) {
        if (seg.word) {
            DocMatches out;
            for (std::size_t n = shard_for(d_, seg.text); n < d_.size(); ++n) {
                if (n > shard_for(d_, seg.text) && !d_[n].starts_with(seg.text)) break;
                for (const auto& [key, record] : shard("d", n)) {
                    if (!key.starts_with(seg.text)) continue;
                    for (const auto& [doc, e] : decode_docs(record)) {
                        auto [it, added] = out.try_emplace(doc, e);
                        if (!added) {
                            it->second.weight += e.weight;
                            it->second.snippet = std::min(it->second.snippet, e.snippet);
                        }
                    }
                }
            }
            return out;
        }
        std::vector<std::string> chars;
        std::vector<std::uint32_t> units;  // UTF-16 offset of each character
        std::uint32_t u = 0;
        for (std::size_t i = 0; i < seg.text.size();) {
            const std::size_t begin = i;
            const char32_t c = next_code_point(seg.text, i);
            chars.push_back(seg.text.substr(begin, i - begin));
            units.push_back(u);
            u += utf16_length(c);
        }
        if (chars.size() <= 2) return docs(seg.text);
        // Trigrams at 0, 3, 6 … and n − 3 cover every character.
        std::vector<std::size_t> offsets;
        for (std::size_t o = 0; o + 3 <= chars.size(); o += 3) offsets.push_back(o);
        if (offsets.back() != chars.size() - 3) offsets.push_back(chars.size() - 3);
        std::vector<std::map<std::uint32_t, std::vector<std::vector<std::uint32_t>>>> lists;
        for (std::size_t o : offsets) lists.push_back(positions(chars[o] + chars[o + 1] + chars[o + 2]));
        DocMatches out;
        for (const auto& [doc, unused] : lists[0]) {
            std::vector<std::set<std::uint32_t>> all;
            bool everywhere = true;
            for (auto& l : lists) {
                const auto it = l.find(doc);
                if (it == l.end()) {
                    everywhere = false;
                    break;
                }
                std::set<std::uint32_t> flat;
                for (const auto& g : it->second) flat.insert(g.begin(), g.end());
                all.push_back(std::move(flat));
            }
            if (!everywhere) continue;
            DocEntry e;
            int best = -1;
            const auto& first = lists[0].at(doc);
            for (int field = 0; field < 3; ++field) {
                for (std::uint32_t p : first[field]) {
                    bool ok = true;
                    for (std::size_t k = 0; k < offsets.size() && ok; ++k) ok = all[k].count(p + units[offsets[k]]) > 0;
                    if (!ok) continue;
                    e.weight += weight_[field];
                    if (field > best) best = field, e.snippet = p;
                }
            }
            if (e.weight > 0) out[doc] = e;
        }
        return out;
    }

private:
    const std::function<std::optional<std::string>(const std::string&)>& read_;
    std::vector<std::string> d_, p_;
    std::uint64_t weight_[3] = {0, 0, 0};
    std::map<std::string, std::map<std::string, std::string>> shards_;
};

std::size_t units16(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) n += utf16_length(next_code_point(s, i));
    return n;
}

// Whether the quotation marks just before `i` (and any from `i` on) are
// followed by a character, so that, after a character, they join a run.
bool quotes_join(std::string_view query, std::size_t i) {
    while (i < query.size()) {
        const char32_t c = next_code_point(query, i);
        if (!is_quotation_mark(c)) return char_class(c) == CharClass::character;
    }
    return false;
}

}  // namespace

std::vector<QuerySegment> parse_query(std::string_view query) {
    std::vector<QuerySegment> out;
    CharClass kind = CharClass::space;
    std::string text;
    const auto flush = [&] {
        if (text.empty()) return;
        QuerySegment seg{kind == CharClass::word, text};
        if (std::none_of(out.begin(), out.end(), [&](const QuerySegment& s) { return s.word == seg.word && s.text == seg.text; }))
            out.push_back(seg);
        text.clear();
    };
    for (std::size_t i = 0; i < query.size();) {
        const char32_t c = next_code_point(query, i);
        const CharClass cls = char_class(c);
        // Quotation marks between two characters are left out of the run,
        // as the pages' tokenizer leaves them out (search_tokenize.h).
        if (kind == CharClass::character && is_quotation_mark(c) && quotes_join(query, i)) continue;
        if (cls != kind) flush();
        kind = cls;
        if (cls == CharClass::word) append_utf8(text, fold_word_char(c));
        else if (cls == CharClass::character) append_utf8(text, c);
    }
    flush();
    return out;
}

std::vector<SearchHit> search_index(const std::function<std::optional<std::string>(const std::string&)>& read,
                                    std::string_view query) {
    const std::vector<QuerySegment> segments = parse_query(query);
    if (segments.empty()) return {};
    Index index(read);
    std::vector<DocMatches> matches;
    std::size_t longest = 0;
    for (std::size_t k = 0; k < segments.size(); ++k) {
        matches.push_back(index.match(segments[k]));
        // The snippet shows the longest segment (in UTF-16 units, as the client counts).
        if (units16(segments[k].text) > units16(segments[longest].text)) longest = k;
    }
    std::vector<SearchHit> hits;
    for (const auto& [doc, e] : matches[0]) {
        std::uint64_t score = 0;
        bool all = true;
        for (const DocMatches& m : matches) {
            const auto it = m.find(doc);
            if (it == m.end()) {
                all = false;
                break;
            }
            score += it->second.weight;
        }
        if (all) hits.push_back({doc, score, matches[longest].at(doc).snippet});
    }
    std::sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        return a.score != b.score ? a.score > b.score : a.doc < b.doc;
    });
    return hits;
}

}  // namespace gk
