#include "sim/trace/huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace chaintrace::trace {

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

}  // namespace chaintrace::trace
