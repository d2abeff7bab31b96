#include "sim/trace/multi_input.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "sim/trace/cluster_follow.h"
#include "sim/trace/result_builder.h"

namespace chaintrace::trace {
namespace {

// Inputs ahead of the current transaction whose union-find nodes are
// prefetched.
constexpr std::size_t kAhead = 8;

}  // namespace

void ClusterMultiInput(const Ledger& ledger, const Labels& labels,
                       const CoinJoinRule& rule, UnionFind* uf) {
  CoinJoinDetector joins(ledger, labels, rule);
  for (ChainId c : ledger.chain_ids()) {
    if (!ledger.chain(c).is_utxo()) continue;
    const TxStore& s = ledger.txs(c);
    const std::span<const AddressId> in_address = s.input_addresses();
    const std::span<const std::uint32_t> in_begin = s.input_begins();
    for (TxId t : s.txs()) {
      // The nodes of the inputs kAhead ahead: merging waits on them
      // otherwise, the addresses being scattered over the whole table.
      const std::size_t ahead = in_begin[Index(t) + 1] + kAhead;
      if (ahead < in_address.size()) {
        uf->Prefetch(static_cast<std::uint32_t>(Index(in_address[ahead])));
      }
      const auto ins = s.inputs(t);
      if (ins.size() < 2 || joins.IsCoinJoin(c, t)) continue;
      const auto first =
          static_cast<std::uint32_t>(Index(s.input_address(ins[0])));
      for (InputId i : ins) {
        uf->Union(first, static_cast<std::uint32_t>(Index(s.input_address(i))));
      }
    }
  }
}

namespace {

class MultiInputTracer : public Tracer {
 public:
  std::string_view name() const override { return "multi_input"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    const Ledger& ledger = *input.ledger;
    UnionFind uf(ledger.address_count());
    ClusterMultiInput(ledger, follow::LabelsOf(input), CoinJoinRule{}, &uf);
    return follow::FlagSeedClusters(input, uf.DenseIds());
  }
};

}  // namespace

std::unique_ptr<Tracer> MakeMultiInputTracer(const TracerOptions&) {
  return std::make_unique<MultiInputTracer>();
}

}  // namespace chaintrace::trace
