#ifndef CHAINTRACE_SIM_TRACE_UNION_FIND_H_
#define CHAINTRACE_SIM_TRACE_UNION_FIND_H_

// Disjoint sets over dense indices (addresses), the data structure every
// clustering tracer merges into. One flat array of (parent, size) pairs, no
// per-element heap object; a pair is 8 bytes, so a node costs one cache line
// where two arrays cost two. Find uses path halving and Union links the
// smaller tree under the larger (union by size), so a sequence of m
// operations on n elements costs O(m α(n)) (Tarjan 1975; Tarjan & van
// Leeuwen 1984). Deterministic: the same calls in the same order give the
// same sets and the same dense ids.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/trace/prefetch.h"

namespace chaintrace::trace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n = 0);

  std::size_t size() const { return node_.size(); }
  // Starts loading `i`'s node, for callers that know their next elements.
  void Prefetch(std::uint32_t i) const { PrefetchLine(&node_[i]); }
  // Representative of `i`'s set. Precondition: i < size().
  std::uint32_t Find(std::uint32_t i);
  // Merges the sets of `a` and `b`; true when they were apart.
  bool Union(std::uint32_t a, std::uint32_t b);
  bool Same(std::uint32_t a, std::uint32_t b) { return Find(a) == Find(b); }
  // Number of elements in `i`'s set.
  std::uint32_t SetSize(std::uint32_t i) { return node_[Find(i)].size; }

  // Dense set ids from 0, numbered in order of each set's smallest element,
  // one per element. Singletons get ids too. O(n α(n)).
  std::vector<std::uint32_t> DenseIds();

 private:
  struct Node {
    std::uint32_t parent;
    std::uint32_t size;
  };
  std::vector<Node> node_;
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_UNION_FIND_H_
