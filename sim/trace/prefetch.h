#ifndef CHAINTRACE_SIM_TRACE_PREFETCH_H_
#define CHAINTRACE_SIM_TRACE_PREFETCH_H_

// A prefetch that the compiler keeps. To GCC __builtin_prefetch has no side
// effect, so a loop that does nothing but prefetch (the account walk's
// look-ahead over a transaction's inputs and outputs) is deleted as dead
// code under -ffinite-loops, the default from C++11 on: the account walk
// ran without its prefetches, waiting on every pool it touched. A volatile
// asm statement is a side effect, so a loop around this one stays.

namespace chaintrace::trace {

inline void PrefetchLine(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
  __asm__ volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
  __asm__ volatile("");
#endif
}

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_PREFETCH_H_
