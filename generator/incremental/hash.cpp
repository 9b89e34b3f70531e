#include "incremental/hash.h"

#include <cstring>

namespace gk {

namespace {

constexpr std::uint64_t P1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t P2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t P3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t P4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t P5 = 0x27D4EB2F165667C5ULL;

// The second seed: any constant other than 0 gives an independent hash.
constexpr std::uint64_t kSecondSeed = 0x6A09E667F3BCC908ULL;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Little-endian reads, whatever the alignment (memcpy compiles to a load).
std::uint64_t read64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
std::uint32_t read32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

std::uint64_t round(std::uint64_t acc, std::uint64_t input) {
    acc += input * P2;
    acc = rotl(acc, 31);
    return acc * P1;
}

std::uint64_t merge_round(std::uint64_t acc, std::uint64_t lane) {
    acc ^= round(0, lane);
    return acc * P1 + P4;
}

// The state of one XXH64 over whole 32-byte stripes.
struct Lanes {
    std::uint64_t v[4];
    explicit Lanes(std::uint64_t seed) : v{seed + P1 + P2, seed + P2, seed, seed - P1} {}
    void stripe(const unsigned char* p) {
        v[0] = round(v[0], read64(p));
        v[1] = round(v[1], read64(p + 8));
        v[2] = round(v[2], read64(p + 16));
        v[3] = round(v[3], read64(p + 24));
    }
    std::uint64_t converge() const {
        std::uint64_t h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
        for (const std::uint64_t lane : v) h = merge_round(h, lane);
        return h;
    }
};

// The tail (fewer than 32 bytes) and the final avalanche.
std::uint64_t finish(std::uint64_t h, const unsigned char* p, std::size_t left) {
    for (; left >= 8; left -= 8, p += 8) h = rotl(h ^ round(0, read64(p)), 27) * P1 + P4;
    if (left >= 4) {
        h = rotl(h ^ (std::uint64_t{read32(p)} * P1), 23) * P2 + P3;
        p += 4;
        left -= 4;
    }
    for (; left > 0; --left, ++p) h = rotl(h ^ (std::uint64_t{*p} * P5), 11) * P1;
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    h ^= h >> 32;
    return h;
}

// Both seeds over the same stripes, so the bytes are read once.
Hash128 xxh64_pair(std::string_view bytes, std::uint64_t seed_a, std::uint64_t seed_b) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::uint64_t a = seed_a + P5;
    std::uint64_t b = seed_b + P5;
    std::size_t done = 0;
    if (size >= 32) {
        Lanes la(seed_a), lb(seed_b);
        for (; done + 32 <= size; done += 32) {
            la.stripe(p + done);
            lb.stripe(p + done);
        }
        a = la.converge();
        b = lb.converge();
    }
    a += size;
    b += size;
    return Hash128{finish(a, p + done, size - done), finish(b, p + done, size - done)};
}

}  // namespace

Hash128 hash128(std::string_view bytes) { return xxh64_pair(bytes, 0, kSecondSeed); }

std::string to_hex(const Hash128& hash) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[15 - i] = kDigits[(hash.high >> (4 * i)) & 0xF];
        out[31 - i] = kDigits[(hash.low >> (4 * i)) & 0xF];
    }
    return out;
}

std::optional<Hash128> parse_hash(std::string_view hex) {
    if (hex.size() != 32) return std::nullopt;
    Hash128 hash;
    for (std::size_t i = 0; i < 32; ++i) {
        const char c = hex[i];
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else return std::nullopt;
        std::uint64_t& half = i < 16 ? hash.high : hash.low;
        half = (half << 4) | static_cast<std::uint64_t>(digit);
    }
    return hash;
}

}  // namespace gk
