#ifndef CHAINTRACE_MODEL_STRING_ARENA_H_
#define CHAINTRACE_MODEL_STRING_ARENA_H_

// An append-only list of strings stored back to back in one buffer with an
// offset array: two heap blocks however many strings it holds. Appending is
// amortised O(1); Get(i) is O(1). Views returned by Get are invalidated by
// the next Add.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/memory_bytes.h"

namespace chaintrace {

class StringArena {
 public:
  std::size_t size() const { return offsets_.size() - 1; }
  // Bytes of string data held.
  std::size_t bytes() const { return chars_.size(); }
  // Heap bytes held (capacities) or used (sizes), for memory accounting.
  std::size_t memory_bytes(Bytes which = Bytes::kHeld) const {
    return (which == Bytes::kHeld ? chars_.capacity() : chars_.size()) +
           VectorBytes(offsets_, which);
  }

  // Precondition: i < size().
  std::string_view Get(std::size_t i) const {
    const auto begin = static_cast<std::size_t>(offsets_[i]);
    const auto end = static_cast<std::size_t>(offsets_[i + 1]);
    return std::string_view{chars_}.substr(begin, end - begin);
  }

  // Appends `s`; returns its index.
  std::size_t Add(std::string_view s) {
    chars_.append(s);
    offsets_.push_back(chars_.size());
    return offsets_.size() - 2;
  }

  // Removes the last string. Precondition: size() > 0.
  void PopBack() {
    offsets_.pop_back();
    chars_.resize(static_cast<std::size_t>(offsets_.back()));
  }

  void Reserve(std::size_t strings, std::size_t bytes) {
    offsets_.reserve(strings + 1);
    chars_.reserve(bytes);
  }
  void ShrinkToFit() {
    offsets_.shrink_to_fit();
    chars_.shrink_to_fit();
  }

  friend bool operator==(const StringArena&, const StringArena&) = default;

 private:
  std::string chars_;
  std::vector<std::uint64_t> offsets_ = {0};
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_STRING_ARENA_H_
