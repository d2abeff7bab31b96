#ifndef CHAINTRACE_MODEL_NAME_INDEX_H_
#define CHAINTRACE_MODEL_NAME_INDEX_H_

// A hash index from names to dense 32-bit ids whose names are stored
// elsewhere (a StringArena): open addressing, linear probing, 8 bytes per
// slot, no heap allocation per entry. Insert is amortised O(1); the caller
// passes `name_of(id)` so that the index never copies a name.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace chaintrace {

class NameIndex {
 public:
  std::size_t size() const { return size_; }
  // Heap bytes reserved, for memory accounting.
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  // The id named `name`, if any.
  template <typename NameOf>
  std::optional<std::uint32_t> Find(std::string_view name,
                                    const NameOf& name_of) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t h = Hash(name);
    for (std::size_t i = h & mask(); slots_[i].id_plus_1 != 0;
         i = (i + 1) & mask()) {
      if (slots_[i].hash == h && name_of(slots_[i].id_plus_1 - 1) == name) {
        return slots_[i].id_plus_1 - 1;
      }
    }
    return std::nullopt;
  }

  // Starts loading the slot where a Find or Insert of `name` begins, so
  // that a caller who knows a name before it needs it hides the cache miss.
  // Changes nothing.
  void Prefetch(std::string_view name) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Hash(name) & mask()]);
  }

  // Adds `id` under `name`. Precondition: Find(name) is empty and
  // id < 0xFFFFFFFF.
  void Insert(std::string_view name, std::uint32_t id) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place(Slot{id + 1, Hash(name)});
    ++size_;
  }

  // Find and Insert in one probe: returns the id already named `name`, or
  // adds `id` under it and returns nothing. The table ends up exactly as
  // after Find followed by Insert. Precondition: id < 0xFFFFFFFF.
  template <typename NameOf>
  std::optional<std::uint32_t> InsertIfAbsent(std::string_view name,
                                              std::uint32_t id,
                                              const NameOf& name_of) {
    const std::uint32_t h = Hash(name);
    std::size_t i = 0;
    if (!slots_.empty()) {
      for (i = h & mask(); slots_[i].id_plus_1 != 0; i = (i + 1) & mask()) {
        if (slots_[i].hash == h && name_of(slots_[i].id_plus_1 - 1) == name) {
          return slots_[i].id_plus_1 - 1;
        }
      }
    }
    if ((size_ + 1) * 2 > slots_.size()) {
      Grow();
      Place(Slot{id + 1, h});
    } else {
      slots_[i] = Slot{id + 1, h};
    }
    ++size_;
    return std::nullopt;
  }

  friend bool operator==(const NameIndex&, const NameIndex&) = default;

 private:
  struct Slot {
    std::uint32_t id_plus_1 = 0;  // 0: empty
    std::uint32_t hash = 0;
    friend bool operator==(const Slot&, const Slot&) = default;
  };

  static std::uint32_t Hash(std::string_view name) {
    const std::uint64_t h = std::hash<std::string_view>()(name);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::size_t mask() const { return slots_.size() - 1; }

  void Place(Slot s) {
    std::size_t i = s.hash & mask();
    while (slots_[i].id_plus_1 != 0) i = (i + 1) & mask();
    slots_[i] = s;
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.id_plus_1 != 0) Place(s);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_NAME_INDEX_H_
