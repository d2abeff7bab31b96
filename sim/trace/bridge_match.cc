#include "sim/trace/bridge_match.h"

#include <vector>

#include "sim/trace/address_activity.h"
#include "sim/trace/result_builder.h"
#include "sim/trace/service_match.h"

namespace chaintrace::trace {
namespace {

class BridgeMatchTracer : public Tracer {
 public:
  explicit BridgeMatchTracer(const TracerOptions& options)
      : options_(options) {}
  std::string_view name() const override { return "bridge_match"; }

  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    const Ledger& ledger = *input.ledger;
    const Labels& labels = follow::LabelsOf(input);
    const AddressActivity activity(ledger);
    const ServiceMatching matchings[] = {
        MatchServiceTransfers(ledger, labels, BridgeMatchOptions()),
        MatchServiceTransfers(ledger, labels, SwapMatchOptions())};
    // Per chain and output: which matching (0, 1) and which transfer in.
    struct Ref {
      std::uint8_t matching = 0;
      std::uint32_t in = ServiceMatching::kNoMatch;
    };
    std::vector<std::vector<Ref>> in_of(ledger.chain_count());
    for (ChainId c : ledger.chain_ids()) {
      in_of[Index(c)].assign(ledger.txs(c).output_count(), Ref{});
    }
    for (std::uint8_t k = 0; k < 2; ++k) {
      const ServiceMatching& m = matchings[k];
      for (std::uint32_t i = 0; i < m.ins.size(); ++i) {
        in_of[Index(m.ins[i].chain)][Index(m.ins[i].output)] = Ref{k, i};
      }
    }

    follow::ResultBuilder out(ledger);
    const auto allowed = [&](std::int32_t hop) {
      return options_.max_hops <= 0 || hop <= options_.max_hops;
    };
    const auto follow_in = [&](Ref ref, std::int32_t hop) {
      if (!allowed(hop)) return;
      const ServiceMatching& m = matchings[ref.matching];
      const ServiceTransfer& in = m.ins[ref.in];
      out.FlagWhole(in.chain, in.output, hop, 1.0f);
      const std::uint32_t o = m.out_of_in[ref.in];
      if (o == ServiceMatching::kNoMatch || !allowed(hop + 1)) {
        out.Attribute(in.service, in.asset, in.amount);
        return;
      }
      const ServiceTransfer& released = m.outs[o];
      out.FlagWhole(released.chain, released.output, hop + 1,
                    MatchScore(m.method_of_in[ref.in]));
      out.Attribute(labels.label(released.counterparty).service, released.asset,
                    released.amount);
    };

    for (const Seed& seed : input.seeds) {
      out.Flag(seed.chain, seed.output, seed.amount, 0, 1.0f);
      const Ref own = in_of[Index(seed.chain)][Index(seed.output)];
      if (own.in != ServiceMatching::kNoMatch) {
        follow_in(own, 0);
        continue;
      }
      ForEachOnwardOutput(ledger, activity, seed.chain, seed.output,
                          [&](OutputId o) {
                            const Ref r = in_of[Index(seed.chain)][Index(o)];
                            if (r.in != ServiceMatching::kNoMatch) {
                              follow_in(r, 1);
                            }
                          });
    }
    return out.Finish();
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeBridgeMatchTracer(const TracerOptions& options) {
  return std::make_unique<BridgeMatchTracer>(options);
}

}  // namespace chaintrace::trace
