#include "sim/eval/cluster_metrics.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace chaintrace::eval {
namespace {

std::uint64_t Pairs(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

}  // namespace

void ComputeClusterMetrics(const Ledger& ledger, const GroundTruth& truth,
                           const trace::TraceResult& result,
                           report::Metrics* all) {
  const std::vector<std::uint32_t>& cluster = result.address_cluster;
  if (cluster.empty()) return;
  const std::size_t n = std::min(cluster.size(), ledger.address_count());
  constexpr std::uint32_t kNo = trace::TraceResult::kNoCluster;
  std::uint32_t clusters = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (cluster[i] != kNo) clusters = std::max(clusters, cluster[i] + 1);
  }
  // Bucket addresses by cluster (counting sort), then count owners within
  // each bucket with a scratch array.
  std::vector<std::uint32_t> begin(std::size_t{clusters} + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (cluster[i] != kNo) ++begin[cluster[i] + 1];
  }
  std::uint64_t largest = 0;
  for (std::uint32_t c = 0; c < clusters; ++c) {
    largest = std::max<std::uint64_t>(largest, begin[c + 1]);
    begin[c + 1] += begin[c];
  }
  std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
  std::vector<std::uint32_t> members(begin.back());
  for (std::size_t i = 0; i < n; ++i) {
    if (cluster[i] != kNo) {
      members[fill[cluster[i]]++] = static_cast<std::uint32_t>(i);
    }
  }
  const std::size_t entities = truth.entities().size();
  std::vector<std::uint64_t> entity_size(entities, 0);
  for (AddressId a : ledger.address_ids()) {
    const EntityId e = truth.owner(a);
    if (e != EntityId::kNone) ++entity_size[Index(e)];
  }
  std::uint64_t true_pairs = 0;
  for (std::uint64_t s : entity_size) true_pairs += Pairs(s);

  std::vector<std::uint32_t> cell(entities, 0);
  std::vector<std::uint32_t> touched;
  std::uint64_t predicted = 0;
  std::uint64_t both = 0;
  for (std::uint32_t c = 0; c < clusters; ++c) {
    std::uint64_t owned = 0;
    for (std::uint32_t k = begin[c]; k < begin[c + 1]; ++k) {
      const EntityId e = truth.owner(IdFromIndex<AddressId>(members[k]));
      if (e == EntityId::kNone) continue;
      ++owned;
      if (cell[Index(e)]++ == 0) {
        touched.push_back(static_cast<std::uint32_t>(Index(e)));
      }
    }
    predicted += Pairs(owned);
    for (std::uint32_t e : touched) {
      both += Pairs(cell[e]);
      cell[e] = 0;
    }
    touched.clear();
  }
  all->set_largest_cluster(static_cast<std::int64_t>(largest));
  if (predicted > 0) {
    all->set_cluster_precision(static_cast<double>(both) /
                               static_cast<double>(predicted));
  }
  if (true_pairs > 0) {
    all->set_cluster_recall(static_cast<double>(both) /
                            static_cast<double>(true_pairs));
  }
}

}  // namespace chaintrace::eval
