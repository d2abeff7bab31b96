#include "sim/trace/union_find.h"

#include <numeric>
#include <utility>

namespace chaintrace::trace {

UnionFind::UnionFind(std::size_t n) : parent_(n), size_(n, 1) {
  std::iota(parent_.begin(), parent_.end(), std::uint32_t{0});
}

std::uint32_t UnionFind::Find(std::uint32_t i) {
  while (parent_[i] != i) {
    parent_[i] = parent_[parent_[i]];  // path halving
    i = parent_[i];
  }
  return i;
}

bool UnionFind::Union(std::uint32_t a, std::uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  // Ties go to the smaller index so that the outcome depends only on the
  // call sequence.
  if (size_[a] < size_[b] || (size_[a] == size_[b] && b < a)) std::swap(a, b);
  parent_[b] = a;
  size_[a] += size_[b];
  return true;
}

std::vector<std::uint32_t> UnionFind::DenseIds() {
  constexpr std::uint32_t kUnset = 0xFFFFFFFF;
  std::vector<std::uint32_t> root_id(parent_.size(), kUnset);
  std::vector<std::uint32_t> ids(parent_.size());
  std::uint32_t next = 0;
  for (std::uint32_t i = 0; i < parent_.size(); ++i) {
    const std::uint32_t r = Find(i);
    if (root_id[r] == kUnset) root_id[r] = next++;
    ids[i] = root_id[r];
  }
  return ids;
}

}  // namespace chaintrace::trace
