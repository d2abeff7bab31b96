#ifndef CHAINTRACE_SIM_TRACE_HOP_H_
#define CHAINTRACE_SIM_TRACE_HOP_H_

// Hops: how many transactions lie between a seed output (hop 0) and what
// taint reaches; -1 where taint never arrives.

#include <algorithm>
#include <cstdint>

namespace chaintrace::trace {

// The nearer of two hops, -1 counting as "not reached".
inline std::int32_t NearerHop(std::int32_t a, std::int32_t b) {
  if (a < 0) return b;
  if (b < 0) return a;
  return std::min(a, b);
}

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_HOP_H_
