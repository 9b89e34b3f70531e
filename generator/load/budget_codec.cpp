#include "load/budget_codec.h"

#include <array>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "index/search_shards.h"

namespace gk {

namespace {

// Each model type's fields, listed once: the same list writes and reads, so
// the two cannot disagree about order. A field added to the model must be
// added here (and kLoadCacheFormat in budget_cache.cpp raised); the codec
// test compares a decoded budget with a freshly loaded one field by field.

template <class Io> void fields(Io& io, Date& d) { io(d.year, d.month, d.day); }
template <class Io> void fields(Io& io, UnitRow& r) { io(r.name, r.nature, r.rank, r.funding, r.loc); }
template <class Io> void fields(Io& io, ThreePublicCounts& c) {
    io(c.vehicles_owned, c.vehicles_purchased, c.reception_batches, c.reception_people, c.outbound_groups,
       c.outbound_people);
}
template <class Io> void fields(Io& io, Previous& p) { io(p.present, p.loc, p.basis, p.note, p.values); }
template <class Io> void fields(Io& io, PrintedNumber& n) { io(n.fig, n.value, n.loc); }
template <class Io> void fields(Io& io, Printed& p) { io(p.change_amounts, p.change_percents, p.shares, p.execution); }
template <class Io> void fields(Io& io, FunctionRow& r) {
    io(r.code, r.name, r.basic, r.project, r.total, r.fund, r.loc);
}
template <class Io> void fields(Io& io, EconomicRow& r) { io(r.code, r.name, r.amount, r.scope, r.loc); }
template <class Io> void fields(Io& io, Indicator& i) {
    io(i.level1, i.level2, i.level3, i.description, i.op, i.value, i.unit, i.basis, i.loc);
}
template <class Io> void fields(Io& io, Performance& p) {
    io(p.present, p.goal, p.targets, p.measures, p.indicators, p.loc);
}
template <class Io> void fields(Io& io, ProcurementRow& r) {
    io(r.project, r.item, r.catalog, r.measure, r.quantity, r.unit_price, r.general_public, r.government_fund,
       r.state_capital, r.special_account, r.other, r.total, r.loc);
}
template <class Io> void fields(Io& io, AssetItem& a) { io(a.name, a.part_of, a.measure, a.quantity, a.value, a.loc); }
template <class Io> void fields(Io& io, Assets& a) {
    io(a.present, a.as_of, a.total, a.planned_purchase, a.items, a.loc);
}
// Everything but the narrative, which is another file's.
template <class Io> void fields(Io& io, BudgetFile& b) {
    io(b.kind, b.year, b.stated_year, b.loc, b.published, b.source, b.unit, b.units, b.stated, b.section_present,
       b.section_loc, b.counts, b.previous, b.printed, b.by_function, b.by_economic, b.performance, b.procurement,
       b.assets, b.notes);
}

std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

// The largest value each enumeration takes, so that a damaged record cannot
// make one up.
template <class E> constexpr std::uint64_t enum_max();
template <> constexpr std::uint64_t enum_max<BudgetKind>() { return static_cast<std::uint64_t>(BudgetKind::final_accounts); }
template <> constexpr std::uint64_t enum_max<Fund>() { return static_cast<std::uint64_t>(Fund::state_capital); }
template <> constexpr std::uint64_t enum_max<EconomicScope>() { return static_cast<std::uint64_t>(EconomicScope::project); }
template <> constexpr std::uint64_t enum_max<PreviousBasis>() { return static_cast<std::uint64_t>(PreviousBasis::adjusted); }
template <> constexpr std::uint64_t enum_max<Unit>() { return static_cast<std::uint64_t>(Unit::yi_yuan); }
template <> constexpr std::uint64_t enum_max<Fig>() { return kFigCount - 1; }

class Writer {
public:
    explicit Writer(const SourceFile& file) : file_(file) {}

    template <class... T> void operator()(T&... values) { (one(values), ...); }

    std::optional<std::string> take() && {
        if (foreign_) return std::nullopt;
        return std::move(out_);
    }

private:
    template <class T> void one(T& value) { fields(*this, value); }
    template <class E> requires std::is_enum_v<E> void one(E& e) { put_varint(out_, static_cast<std::uint64_t>(e)); }
    void one(bool& b) { out_ += b ? '\1' : '\0'; }
    void one(int& v) { put_varint(out_, zigzag(v)); }
    void one(std::int64_t& v) { put_varint(out_, zigzag(v)); }
    void one(std::string& s) { put_bytes(out_, s); }
    void one(Amount& a) { put_varint(out_, zigzag(a.fen())); }
    void one(DecimalLiteral& d) {
        const auto m = static_cast<u128>(d.mantissa);
        put_varint(out_, static_cast<std::uint64_t>(m));
        put_varint(out_, static_cast<std::uint64_t>(m >> 64));
        (*this)(d.negative, d.scale);
    }
    void one(SourceLoc& loc) {
        if (loc.file && loc.file != &file_) foreign_ = true;
        out_ += loc.file ? '\1' : '\0';
        put_varint(out_, loc.line);
        put_varint(out_, loc.column);
    }
    template <class T> void one(std::optional<T>& o) {
        bool has = o.has_value();
        one(has);
        if (has) one(*o);
    }
    template <class T> void one(Located<T>& l) { (*this)(l.value, l.loc); }
    template <class T> void one(std::vector<T>& items) {
        put_varint(out_, items.size());
        for (T& item : items) one(item);
    }
    template <class T, std::size_t N> void one(std::array<T, N>& items) {
        for (T& item : items) one(item);
    }

    const SourceFile& file_;
    std::string out_;
    bool foreign_ = false;
};

class Reader {
public:
    Reader(std::string_view bytes, const SourceFile& file) : bytes_(bytes), file_(file) {}

    template <class... T> void operator()(T&... values) { (one(values), ...); }

    // Every byte read, none missing, every value in range.
    bool good() const { return ok_ && at_ == bytes_.size(); }

private:
    std::uint64_t varint() {
        std::uint64_t v = 0;
        if (ok_ && !get_varint(bytes_, at_, v)) ok_ = false;
        return ok_ ? v : 0;
    }
    std::uint64_t bounded(std::uint64_t max) {
        const std::uint64_t v = varint();
        if (v > max) ok_ = false;
        return ok_ ? v : 0;
    }

    template <class T> void one(T& value) { fields(*this, value); }
    template <class E> requires std::is_enum_v<E> void one(E& e) { e = static_cast<E>(bounded(enum_max<E>())); }
    void one(bool& b) {
        if (!ok_ || at_ >= bytes_.size() || static_cast<unsigned char>(bytes_[at_]) > 1) {
            ok_ = false;
            return;
        }
        b = bytes_[at_++] == '\1';
    }
    void one(int& v) {
        const std::int64_t wide = unzigzag(varint());
        if (wide < INT32_MIN || wide > INT32_MAX) ok_ = false;
        v = ok_ ? static_cast<int>(wide) : 0;
    }
    void one(std::int64_t& v) { v = unzigzag(varint()); }
    void one(std::string& s) {
        std::string_view view;
        if (ok_ && !get_bytes(bytes_, at_, view)) ok_ = false;
        if (ok_) s.assign(view);
    }
    void one(Amount& a) { a = Amount::from_fen(unzigzag(varint())); }
    void one(DecimalLiteral& d) {
        const std::uint64_t low = varint();
        const std::uint64_t high = varint();
        const u128 m = (static_cast<u128>(high) << 64) | low;
        if (m >> 127) ok_ = false;  // a mantissa is never negative
        d.mantissa = static_cast<i128>(m);
        (*this)(d.negative, d.scale);
    }
    void one(SourceLoc& loc) {
        bool in_file = false;
        one(in_file);
        loc.file = in_file ? &file_ : nullptr;
        loc.line = static_cast<std::uint32_t>(bounded(UINT32_MAX));
        loc.column = static_cast<std::uint32_t>(bounded(UINT32_MAX));
    }
    template <class T> void one(std::optional<T>& o) {
        bool has = false;
        one(has);
        if (has) one(o.emplace());
    }
    template <class T> void one(Located<T>& l) { (*this)(l.value, l.loc); }
    template <class T> void one(std::vector<T>& items) {
        // Each item takes at least one byte: a count beyond the bytes left is damage.
        const std::uint64_t count = bounded(bytes_.size() - at_);
        items.resize(count);
        for (T& item : items) one(item);
    }
    template <class T, std::size_t N> void one(std::array<T, N>& items) {
        for (T& item : items) one(item);
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
    const SourceFile& file_;
    bool ok_ = true;
};

}  // namespace

std::optional<std::string> encode_budget(const BudgetFile& budget, const SourceFile& file) {
    Writer writer(file);
    // The writer only reads: the field lists take the model by reference so
    // that one list serves reading and writing.
    fields(writer, const_cast<BudgetFile&>(budget));
    return std::move(writer).take();
}

bool decode_budget(std::string_view bytes, const SourceFile& file, BudgetFile& budget) {
    Reader reader(bytes, file);
    fields(reader, budget);
    return reader.good();
}

}  // namespace gk
