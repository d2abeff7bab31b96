#ifndef CHAINTRACE_MODEL_MEMORY_BYTES_H_
#define CHAINTRACE_MODEL_MEMORY_BYTES_H_

// Memory accounting of the model's containers. kHeld counts capacities: the
// heap a structure holds. kUsed counts sizes: what has been written. The
// difference is capacity reserved ahead (the simulator reserves its
// estimate of the ledger's size) and never written, which occupies address
// space but no memory: its pages are never touched.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chaintrace {

enum class Bytes : std::uint8_t { kHeld, kUsed };

template <typename T>
std::size_t VectorBytes(const std::vector<T>& v, Bytes which) {
  return (which == Bytes::kHeld ? v.capacity() : v.size()) * sizeof(T);
}

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_MEMORY_BYTES_H_
