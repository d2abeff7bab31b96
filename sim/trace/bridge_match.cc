#include "sim/trace/bridge_match.h"

#include <cstdint>
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
    // Onward outputs on ACCOUNT chains are found through the addresses'
    // debits; UTXO chains need none (and cost nothing in this scope).
    const AddressActivity activity(ledger, ActivityScope::kAccountChains);
    const ServiceMatching matchings[] = {
        MatchServiceTransfers(ledger, labels, BridgeMatchOptions()),
        MatchServiceTransfers(ledger, labels, SwapMatchOptions())};
    // Per (chain, output) paying a service: which matching (0, 1) and
    // which transfer in.
    const OutputMap<ServiceInRef> in_of = IndexServiceIns(matchings);
    const auto ref_of = [&](ChainId c, OutputId o) {
      return in_of.Get(c, o, ServiceInRef{});
    };

    follow::ResultBuilder out(ledger);
    const auto allowed = [&](std::int32_t hop) {
      return options_.max_hops <= 0 || hop <= options_.max_hops;
    };
    const auto follow_in = [&](ServiceInRef ref, std::int32_t hop) {
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
      const ServiceInRef own = ref_of(seed.chain, seed.output);
      if (own.in != ServiceMatching::kNoMatch) {
        follow_in(own, 0);
        continue;
      }
      ForEachOnwardOutput(ledger, activity, seed.chain, seed.output,
                          [&](OutputId o) {
                            const ServiceInRef r = ref_of(seed.chain, o);
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
