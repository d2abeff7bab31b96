#include "model/huge_pages.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace chaintrace {

void AdviseHugePages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  if (data == nullptr) return;
  const auto misalign =
      static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(data) % kHuge);
  const std::size_t skip = (kHuge - misalign) % kHuge;
  if (bytes < skip + kHuge) return;
  const std::size_t length = (bytes - skip) / kHuge * kHuge;
  // A hint; a refusal (old kernel, THP off) changes nothing.
  (void)madvise(static_cast<char*>(data) + skip, length, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
}  // namespace

void* AllocateHuge(std::size_t bytes, std::size_t alignment) {
  if (bytes < kHugePage) {
    return ::operator new (bytes, std::align_val_t{alignment});
  }
  const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* data = std::aligned_alloc(kHugePage, rounded);
  if (data == nullptr) throw std::bad_alloc();
  AdviseHugePages(data, rounded);
  return data;
}

void FreeHuge(void* data, std::size_t bytes, std::size_t alignment) {
  if (bytes < kHugePage) {
    ::operator delete (data, std::align_val_t{alignment});
  } else {
    std::free(data);  // NOLINT(cppcoreguidelines-no-malloc): from aligned_alloc
  }
}

}  // namespace chaintrace
