#include "sim/trace/multi_input.h"

#include <utility>

#include "sim/trace/cluster_follow.h"
#include "sim/trace/result_builder.h"

namespace chaintrace::trace {

void ClusterMultiInput(const Ledger& ledger, const Labels& labels,
                       const CoinJoinRule& rule, UnionFind* uf) {
  CoinJoinDetector joins(ledger, labels, rule);
  for (ChainId c : ledger.chain_ids()) {
    if (!ledger.chain(c).is_utxo()) continue;
    const TxStore& s = ledger.txs(c);
    for (TxId t : s.txs()) {
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
