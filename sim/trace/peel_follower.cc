#include "sim/trace/peel_follower.h"

#include <utility>
#include <vector>

#include "sim/trace/address_activity.h"
#include "sim/trace/coinjoin_detect.h"
#include "sim/trace/result_builder.h"

namespace chaintrace::trace {
namespace {

// The larger output of a 1-input 2-output transaction when it is at least
// twice the smaller; kNone otherwise.
OutputId LargerOfPeel(const TxStore& s, TxId t) {
  const auto outs = s.outputs(t);
  if (s.inputs(t).size() != 1 || outs.size() != 2) return OutputId::kNone;
  const Amount a = s.output_amount(outs[0]);
  const Amount b = s.output_amount(outs[1]);
  if (a / 2 >= b) return outs[0];
  if (b / 2 >= a) return outs[1];
  return OutputId::kNone;
}

class PeelFollower : public Tracer {
 public:
  PeelFollower(const TracerOptions& options, ChangeRule rule)
      : options_(options), rule_(std::move(rule)) {}
  std::string_view name() const override { return "peel_follower"; }

  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    const Ledger& ledger = *input.ledger;
    const Labels& labels = follow::LabelsOf(input);
    const AddressActivity activity(ledger);
    const ChangeContext ctx{&ledger, &activity, ChangeOptions{}};
    CoinJoinDetector joins(ledger, labels);
    follow::ResultBuilder out(ledger);
    std::vector<std::vector<std::uint8_t>> visited(ledger.chain_count());
    for (ChainId c : ledger.chain_ids()) {
      visited[Index(c)].assign(ledger.txs(c).tx_count(), 0);
    }

    for (const Seed& seed : input.seeds) {
      const ChainId c = seed.chain;
      const TxStore& s = ledger.txs(c);
      out.Flag(c, seed.output, seed.amount, 0);
      if (!ledger.chain(c).is_utxo()) continue;
      OutputId current = seed.output;
      for (std::int32_t hop = 1;; ++hop) {
        const TxId t = s.spent_by(current);
        if (t == TxId::kNone || visited[Index(c)][Index(t)] != 0) break;
        if (options_.max_hops > 0 && hop > options_.max_hops) break;
        visited[Index(c)][Index(t)] = 1;
        if (joins.IsCoinJoin(c, t)) break;
        const auto outs = s.outputs(t);
        OutputId change = outs.size() == 1 ? outs[0] : rule_.Apply(ctx, c, t);
        if (change == OutputId::kNone) change = LargerOfPeel(s, t);
        for (OutputId o : outs) {
          out.FlagWhole(c, o, hop);
          if (o == change) continue;
          out.Attribute(labels.label(s.output_address(o)).service, s.asset(t),
                        s.output_amount(o));
        }
        if (change == OutputId::kNone) break;
        const ServiceId service =
            labels.label(s.output_address(change)).service;
        if (service != ServiceId::kNone) {
          out.Attribute(service, s.asset(t), s.output_amount(change));
          break;
        }
        current = change;
      }
    }
    return out.Finish();
  }

 private:
  TracerOptions options_;
  ChangeRule rule_;
};

}  // namespace

std::unique_ptr<Tracer> MakePeelFollowerTracer(const TracerOptions& options) {
  return MakePeelFollowerTracer(options, *ParseChangeRule(kDefaultPeelRule));
}

std::unique_ptr<Tracer> MakePeelFollowerTracer(const TracerOptions& options,
                                               ChangeRule rule) {
  return std::make_unique<PeelFollower>(options, std::move(rule));
}

}  // namespace chaintrace::trace
