#ifndef CHAINTRACE_SIM_TRACE_HUGE_PAGES_H_
#define CHAINTRACE_SIM_TRACE_HUGE_PAGES_H_

// Large per-output arrays backed by transparent huge pages where the
// system offers them. A tracer's walk reads its per-output taint at the
// spent outputs, which are scattered over the whole ledger: with 4 KiB
// pages nearly every such read misses the TLB, and filling a fresh array
// faults once per 4 KiB. Advising the kernel (madvise MADV_HUGEPAGE, Linux;
// honoured when /sys/kernel/mm/transparent_hugepage/enabled is "always" or
// "madvise") before the array is first written makes those 2 MiB pages.
// Only a hint: results are the same with or without it, and elsewhere it
// does nothing.

#include <cstddef>
#include <utility>
#include <vector>

namespace chaintrace::trace {

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

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_HUGE_PAGES_H_
