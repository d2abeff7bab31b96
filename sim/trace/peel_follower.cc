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

// Where a chain starts: the output it continues from and the hop of the
// transaction spending it.
struct ChainStart {
  ChainId chain = ChainId::kNone;
  OutputId output = OutputId::kNone;
  std::int32_t hop = 1;
};

// A split: one coin spent into 2..kMaxSplitOutputs outputs, none of them
// at a labelled address (a payment to a service is not a split).
constexpr std::size_t kMaxSplitOutputs = 20;
bool IsSplit(const TxStore& s, TxId t, const Labels& labels) {
  const auto outs = s.outputs(t);
  if (s.inputs(t).size() != 1 || outs.size() < 2 ||
      outs.size() > kMaxSplitOutputs) {
    return false;
  }
  for (OutputId o : outs) {
    if (labels.labelled(s.output_address(o))) return false;
  }
  return true;
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
    const FirstCredits first_credits(ledger);
    const ChangeContext ctx{&ledger, &first_credits, ChangeOptions{}};
    CoinJoinDetector joins(ledger, labels);
    follow::ResultBuilder out(ledger);
    std::vector<std::vector<std::uint8_t>> visited(ledger.chain_count());
    for (ChainId c : ledger.chain_ids()) {
      visited[Index(c)].assign(ledger.txs(c).tx_count(), 0);
    }

    // Chains still to follow: a seed's, and one per branch of a split.
    std::vector<ChainStart> work;
    for (const Seed& seed : input.seeds) {
      const ChainId c = seed.chain;
      out.Flag(c, seed.output, seed.amount, 0);
      if (!ledger.chain(c).is_utxo()) continue;
      work.push_back({c, seed.output, 1});
      while (!work.empty()) {
        const ChainStart start = work.back();
        work.pop_back();
        Follow(start, ctx, labels, &joins, &visited, &out, &work);
      }
    }
    return out.Finish();
  }

 private:
  // Follows one chain from `start` until it ends; pushes the branches of a
  // split it ends in onto `work`.
  void Follow(ChainStart start, const ChangeContext& ctx, const Labels& labels,
              CoinJoinDetector* joins,
              std::vector<std::vector<std::uint8_t>>* visited,
              follow::ResultBuilder* out, std::vector<ChainStart>* work) const {
    const ChainId c = start.chain;
    const TxStore& s = ctx.ledger->txs(c);
    std::vector<std::uint8_t>& seen = (*visited)[Index(c)];
    OutputId current = start.output;
    for (std::int32_t hop = start.hop;; ++hop) {
      const TxId t = s.spent_by(current);
      if (t == TxId::kNone || seen[Index(t)] != 0) return;
      if (options_.max_hops > 0 && hop > options_.max_hops) return;
      seen[Index(t)] = 1;
      if (joins->IsCoinJoin(c, t)) return;
      const auto outs = s.outputs(t);
      OutputId change = outs.size() == 1 ? outs[0] : rule_.Apply(ctx, c, t);
      if (change == OutputId::kNone) change = LargerOfPeel(s, t);
      for (OutputId o : outs) {
        out->FlagWhole(c, o, hop);
        if (o == change) continue;
        out->Attribute(labels.label(s.output_address(o)).service, s.asset(t),
                       s.output_amount(o));
      }
      if (change == OutputId::kNone) {
        // A split hands the chain on to every branch.
        if (IsSplit(s, t, labels)) {
          for (OutputId o : outs) work->push_back({c, o, hop + 1});
        }
        return;
      }
      const ServiceId service = labels.label(s.output_address(change)).service;
      if (service != ServiceId::kNone) {
        out->Attribute(service, s.asset(t), s.output_amount(change));
        return;
      }
      current = change;
    }
  }

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
