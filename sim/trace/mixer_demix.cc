#include "sim/trace/mixer_demix.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/trace/address_activity.h"
#include "sim/trace/demix_share.h"
#include "sim/trace/result_builder.h"

namespace chaintrace::trace {
namespace {

class MixerDemixTracer : public Tracer {
 public:
  MixerDemixTracer(const TracerOptions& options, const DemixOptions& demix)
      : options_(options), demix_(demix) {}
  std::string_view name() const override { return "mixer_demix"; }

  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    const Ledger& ledger = *input.ledger;
    const Labels& labels = follow::LabelsOf(input);
    const AddressActivity activity(ledger, ActivityScope::kAccountChains);
    const Demixing demix = Demix(ledger, labels, activity, demix_);
    const OutputMap<std::uint32_t> deposits = IndexDeposits(demix.pools);
    // The deposit output `o` of chain `c` is, or kNoLink.
    const auto deposit_of = [&](ChainId c, OutputId o) {
      return deposits.Get(c, o, Demixing::kNoLink);
    };

    follow::ResultBuilder out(ledger);
    const auto allowed = [&](std::int32_t hop) {
      return options_.max_hops <= 0 || hop <= options_.max_hops;
    };
    // Unlinked deposits followed, for the anonymity-set shares; the
    // smallest hop at which one was reached.
    std::vector<std::uint8_t> followed(demix.pools.deposits.size(), 0);
    std::int32_t followed_hop = -1;
    const auto follow_deposit = [&](std::uint32_t di, std::int32_t hop) {
      if (!allowed(hop)) return;
      const MixerDeposit& d = demix.pools.deposits[di];
      out.FlagWhole(d.chain, d.output, hop, 1.0f);
      const std::uint32_t link = demix.link_of_deposit[di];
      if (link == Demixing::kNoLink || !allowed(hop + 1)) {
        out.Attribute(labels.label(d.pool).service, d.asset, d.amount);
        if (link == Demixing::kNoLink && allowed(hop + 1)) {
          followed[di] = 1;
          if (followed_hop < 0 || hop < followed_hop) followed_hop = hop;
        }
        return;
      }
      const DemixLink& l = demix.links[link];
      const MixerWithdrawal& w = demix.pools.withdrawals[l.withdrawal];
      out.FlagWhole(w.chain, w.recipient_output, hop + 1, DemixScore(l.method));
      const TxStore& s = ledger.txs(w.chain);
      out.Attribute(labels.label(w.recipient).service, w.asset,
                    s.output_amount(w.recipient_output));
    };

    for (const Seed& seed : input.seeds) {
      const ChainId c = seed.chain;
      const TxStore& s = ledger.txs(c);
      out.Flag(c, seed.output, seed.amount, 0, 1.0f);
      if (ledger.chain(c).is_utxo()) continue;
      const std::uint32_t own = deposit_of(c, seed.output);
      if (own != Demixing::kNoLink) {
        follow_deposit(own, 0);
        continue;
      }
      const AddressId a = s.output_address(seed.output);
      const TxId from = s.output_tx(seed.output);
      for (TxId t : activity.debits(a)) {
        if (t <= from) continue;
        for (OutputId o : s.outputs(t)) {
          const std::uint32_t di = deposit_of(c, o);
          if (di != Demixing::kNoLink) follow_deposit(di, 1);
        }
      }
    }
    // Withdrawals the followed deposits may have paid: flagged with their
    // share as score and as expected value; never attributed (no freeze
    // request rests on a probability).
    if (followed_hop >= 0) {
      const std::vector<float> share = WithdrawalShares(
          demix, followed, demix_.window, demix_.pools.max_fee_bp);
      for (std::uint32_t wi = 0; wi < share.size(); ++wi) {
        if (share[wi] <= 0.0f) continue;
        const MixerWithdrawal& w = demix.pools.withdrawals[wi];
        const Amount paid =
            ledger.txs(w.chain).output_amount(w.recipient_output);
        const auto expected = static_cast<Amount>(std::llround(
            static_cast<double>(share[wi]) * static_cast<double>(paid)));
        out.Flag(w.chain, w.recipient_output, std::max<Amount>(expected, 1),
                 followed_hop + 1, share[wi]);
      }
    }
    return out.Finish();
  }

 private:
  TracerOptions options_;
  DemixOptions demix_;
};

}  // namespace

std::unique_ptr<Tracer> MakeMixerDemixTracer(const TracerOptions& options) {
  return MakeMixerDemixTracer(options, DemixOptions{});
}

std::unique_ptr<Tracer> MakeMixerDemixTracer(const TracerOptions& options,
                                             const DemixOptions& demix) {
  return std::make_unique<MixerDemixTracer>(options, demix);
}

}  // namespace chaintrace::trace
