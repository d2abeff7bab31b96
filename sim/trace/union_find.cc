#include "sim/trace/union_find.h"

#include <utility>

namespace chaintrace::trace {

UnionFind::UnionFind(std::size_t n) : node_(n) {
  for (std::size_t i = 0; i < n; ++i) {
    node_[i] = Node{static_cast<std::uint32_t>(i), 1};
  }
}

std::uint32_t UnionFind::Find(std::uint32_t i) {
  while (node_[i].parent != i) {
    node_[i].parent = node_[node_[i].parent].parent;  // path halving
    i = node_[i].parent;
  }
  return i;
}

bool UnionFind::Union(std::uint32_t a, std::uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  // Ties go to the smaller index so that the outcome depends only on the
  // call sequence.
  if (node_[a].size < node_[b].size ||
      (node_[a].size == node_[b].size && b < a)) {
    std::swap(a, b);
  }
  node_[b].parent = a;
  node_[a].size += node_[b].size;
  return true;
}

std::vector<std::uint32_t> UnionFind::DenseIds() {
  constexpr std::uint32_t kUnset = 0xFFFFFFFF;
  std::vector<std::uint32_t> root_id(node_.size(), kUnset);
  std::vector<std::uint32_t> ids(node_.size());
  std::uint32_t next = 0;
  for (std::uint32_t i = 0; i < node_.size(); ++i) {
    const std::uint32_t r = Find(i);
    if (root_id[r] == kUnset) root_id[r] = next++;
    ids[i] = root_id[r];
  }
  return ids;
}

}  // namespace chaintrace::trace
