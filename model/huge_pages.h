#ifndef CHAINTRACE_MODEL_HUGE_PAGES_H_
#define CHAINTRACE_MODEL_HUGE_PAGES_H_

// Large arrays read at random, backed by transparent huge pages where the
// system offers them: a tracer's per-output taint, read at the spent
// outputs, which are scattered over the whole ledger; the simulator's
// holder records, read at random payers and payees. With 4 KiB pages
// nearly every such read misses the TLB, and filling a fresh array faults
// once per 4 KiB. Advising the kernel (madvise MADV_HUGEPAGE, Linux;
// honoured when /sys/kernel/mm/transparent_hugepage/enabled is "always" or
// "madvise") before the array is first written makes those 2 MiB pages.
// Only a hint: results are the same with or without it, and elsewhere it
// does nothing.

#include <cstddef>
#include <memory_resource>
#include <utility>
#include <vector>

namespace chaintrace {

// Advises huge pages for the whole 2 MiB pages inside [data, data + bytes).
void AdviseHugePages(void* data, std::size_t bytes);

// *v = n copies of `value`, in fresh storage advised to use huge pages
// before it is written.
template <typename T>
void AssignHuge(std::vector<T>* v, std::size_t n, const T& value) {
  std::vector<T> fresh;
  fresh.reserve(n);
  AdviseHugePages(fresh.data(), n * sizeof(T));
  fresh.assign(n, value);
  *v = std::move(fresh);
}

// Storage for large working arrays (a tracer's, the simulator's): from 2 MiB
// up, whole 2 MiB pages aligned to 2 MiB and advised to be huge, so that every
// byte of it is on huge pages (AssignHuge can only advise the whole pages
// inside what malloc returned, which leaves a small array with none); smaller
// requests go to operator new. Over-aligned element types keep their
// alignment either way.
void* AllocateHuge(std::size_t bytes, std::size_t alignment);
void FreeHuge(void* data, std::size_t bytes, std::size_t alignment);

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}
  T* allocate(std::size_t n) {
    return static_cast<T*>(AllocateHuge(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t n) {
    FreeHuge(p, n * sizeof(T), alignof(T));
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const {
    return true;
  }
};

template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

// The same as a polymorphic memory resource: upstream of a pool of many
// small blocks (std::pmr::unsynchronized_pool_resource), it puts the pool's
// chunks on huge pages once they reach 2 MiB.
class HugePageResource final : public std::pmr::memory_resource {
 private:
  void* do_allocate(std::size_t bytes, std::size_t alignment) override {
    return AllocateHuge(bytes, alignment);
  }
  void do_deallocate(void* p, std::size_t bytes,
                     std::size_t alignment) override {
    FreeHuge(p, bytes, alignment);
  }
  bool do_is_equal(
      const std::pmr::memory_resource& other) const noexcept override {
    return this == &other;
  }
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_HUGE_PAGES_H_
