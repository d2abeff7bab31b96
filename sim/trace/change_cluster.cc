#include "sim/trace/change_cluster.h"

#include <utility>

#include "sim/trace/cluster_follow.h"
#include "sim/trace/multi_input.h"
#include "sim/trace/result_builder.h"

namespace chaintrace::trace {

void ClusterChange(const Ledger& ledger, const Labels& labels,
                   const FirstCredits& first_credits, const ChangeRule& rule,
                   const CoinJoinRule& joins, UnionFind* uf) {
  CoinJoinDetector detector(ledger, labels, joins);
  const ChangeContext ctx{&ledger, &first_credits, ChangeOptions{}};
  for (ChainId c : ledger.chain_ids()) {
    if (!ledger.chain(c).is_utxo()) continue;
    const TxStore& s = ledger.txs(c);
    for (TxId t : s.txs()) {
      if (s.coinbase(t) || s.outputs(t).size() < 2) continue;
      const OutputId change = rule.Apply(ctx, c, t);
      if (change == OutputId::kNone || detector.IsCoinJoin(c, t)) continue;
      const AddressId from = s.input_address(s.inputs(t)[0]);
      uf->Union(static_cast<std::uint32_t>(Index(from)),
                static_cast<std::uint32_t>(Index(s.output_address(change))));
    }
  }
}

namespace {

class ChangeTracer : public Tracer {
 public:
  explicit ChangeTracer(ChangeRule rule) : rule_(std::move(rule)) {}
  std::string_view name() const override { return "change"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    const Ledger& ledger = *input.ledger;
    const Labels& labels = follow::LabelsOf(input);
    const FirstCredits first_credits(ledger);
    UnionFind uf(ledger.address_count());
    ClusterMultiInput(ledger, labels, CoinJoinRule{}, &uf);
    ClusterChange(ledger, labels, first_credits, rule_, CoinJoinRule{}, &uf);
    return follow::FlagSeedClusters(input, uf.DenseIds());
  }

 private:
  ChangeRule rule_;
};

}  // namespace

std::unique_ptr<Tracer> MakeChangeTracer(const TracerOptions& options) {
  // The default rule is a constant known to parse.
  return MakeChangeTracer(options, *ParseChangeRule(kDefaultChangeRule));
}

std::unique_ptr<Tracer> MakeChangeTracer(const TracerOptions&,
                                         ChangeRule rule) {
  return std::make_unique<ChangeTracer>(std::move(rule));
}

}  // namespace chaintrace::trace
