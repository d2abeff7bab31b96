#ifndef CHAINTRACE_SIM_TRACE_OUTPUT_MAP_H_
#define CHAINTRACE_SIM_TRACE_OUTPUT_MAP_H_

// Values for a few outputs of a ledger, keyed by (chain, output): the
// followers' indexes of the outputs that are mixer deposits or transfers
// into a bridge or DEX. A hash map, where an array over every output of the
// ledger would cost fresh memory for all of them (at 10M transactions,
// 4 to 8 bytes for each of 23M outputs, for a few thousand entries).

#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "model/ids.h"

namespace chaintrace::trace {

// One 64-bit key for element `i` (an output or a transaction) of `chain`.
inline std::uint64_t ChainKey(ChainId chain, std::size_t i) {
  return (static_cast<std::uint64_t>(Index(chain)) << 32) | i;
}

template <typename T>
class OutputMap {
 public:
  void Set(ChainId chain, OutputId o, T value) {
    map_[ChainKey(chain, Index(o))] = value;
  }
  // The value at (chain, o), or `absent` when none was set.
  T Get(ChainId chain, OutputId o, T absent) const {
    const auto it = map_.find(ChainKey(chain, Index(o)));
    return it == map_.end() ? absent : it->second;
  }

 private:
  std::unordered_map<std::uint64_t, T> map_;
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_OUTPUT_MAP_H_
