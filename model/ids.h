#ifndef CHAINTRACE_MODEL_IDS_H_
#define CHAINTRACE_MODEL_IDS_H_

// Strong id types for the data model. Each id is a dense 0-based index into
// the array that holds its objects; `kNone` (all bits set) means "no object".
// Scopes: ChainId, AssetId, AddressId, EntityId, AttackId and ServiceId are
// global to a ledger; TxId, InputId and OutputId index one chain's transaction
// store (a transaction is named globally by TxRef).
//
// Convert with Index(id) -> std::size_t and IdFromIndex<Id>(i); mixing two
// kinds of id is a compile error.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace chaintrace {

enum class ChainId : std::uint8_t { kNone = 0xFF };
enum class AssetId : std::uint16_t { kNone = 0xFFFF };
enum class AddressId : std::uint32_t { kNone = 0xFFFFFFFF };
enum class TxId : std::uint32_t { kNone = 0xFFFFFFFF };
enum class InputId : std::uint32_t { kNone = 0xFFFFFFFF };
enum class OutputId : std::uint32_t { kNone = 0xFFFFFFFF };
enum class EntityId : std::uint32_t { kNone = 0xFFFFFFFF };
enum class AttackId : std::uint32_t { kNone = 0xFFFFFFFF };
enum class ServiceId : std::uint32_t { kNone = 0xFFFFFFFF };

// The index an id stands for. Precondition: id != Id::kNone.
template <typename Id>
constexpr std::size_t Index(Id id) {
  static_assert(std::is_enum_v<Id>);
  return static_cast<std::size_t>(id);
}

// Largest number of objects of kind Id (kNone is reserved).
template <typename Id>
constexpr std::size_t MaxCount() {
  return static_cast<std::size_t>(
      std::numeric_limits<std::underlying_type_t<Id>>::max());
}

// The id of index `i`. Precondition: i < MaxCount<Id>().
template <typename Id>
constexpr Id IdFromIndex(std::size_t i) {
  return static_cast<Id>(static_cast<std::underlying_type_t<Id>>(i));
}

// The ids [begin, end) of one kind, iterable: `for (OutputId o : range)`.
template <typename Id>
class IdRange {
 public:
  class iterator {
   public:
    using value_type = Id;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(std::size_t i) : i_(i) {}
    Id operator*() const { return IdFromIndex<Id>(i_); }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++i_;
      return old;
    }
    friend bool operator==(const iterator&, const iterator&) = default;

   private:
    std::size_t i_ = 0;
  };

  IdRange(std::size_t begin, std::size_t end) : begin_(begin), end_(end) {}
  iterator begin() const { return iterator(begin_); }
  iterator end() const { return iterator(end_); }
  std::size_t size() const { return end_ - begin_; }
  bool empty() const { return begin_ == end_; }
  // The i-th id of the range. Precondition: i < size().
  Id operator[](std::size_t i) const { return IdFromIndex<Id>(begin_ + i); }

 private:
  std::size_t begin_;
  std::size_t end_;
};

// A transaction named across chains.
struct TxRef {
  ChainId chain = ChainId::kNone;
  TxId tx = TxId::kNone;
  friend bool operator==(const TxRef&, const TxRef&) = default;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_IDS_H_
