#ifndef CHAINTRACE_SIM_EVAL_MIXER_METRICS_H_
#define CHAINTRACE_SIM_EVAL_MIXER_METRICS_H_

// Mixer linking accuracy and effective anonymity set.
//
// A mixer payout is an output (UTXO) or credit (ACCOUNT) of a transaction
// paid out by a mixing service M, to an address M does not own:
//   - a transaction with an input address owned by a MIXER entity M
//     (a pool withdrawal, a custodial mixer's payment), or
//   - a transaction with an output to an address owned by a
//     COINJOIN_COORDINATOR entity M (a CoinJoin round paying its fee).
// A true attacker payout w is a payout to an ATTACKER-owned address carrying
// stolen units of attack A. Its candidates are the payouts of the same M in
// the same asset, of the same amount where amounts are fixed (ACCOUNT-chain
// pools and CoinJoin rounds; a custodial UTXO mixer pays any amount), made
// in [t0, time(w)], where t0 is the time of A's first transaction paying an
// address of M (time(w) when there is none). The candidates are what an
// investigator who saw the deposit must choose among; w is one of them.
//
// The tracer's weight of a candidate o is its score (output_score) when
// the tracer gives scores, else taint(o) / amount(o); S is the weight sum
// over the candidates.
//   MIXER_LINK_ACCURACY  mean over true payouts of weight(w) / S (0 when
//                        S = 0): the probability the tracer's answer picks
//                        the true withdrawal. 1 for a tracer flagging only
//                        w; 1/k for one flagging all k candidates equally.
//   ANONYMITY_SET        mean over true payouts of exp(H), H the entropy of
//                        the weights normalised to sum 1 (a tracer with
//                        S = 0 knows nothing: k, the candidate count).
// Both unset when there is no true payout. Candidates are found by binary
// search over each group's time-sorted payouts, with prefix sums of w and
// w ln w: O(payouts log payouts) for all true payouts together.

#include <cstdint>
#include <vector>

#include "model/ground_truth.h"
#include "model/ledger.h"
#include "proto/report.pb.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

// Payouts grouped once per run from the ledger and truth.
struct MixerTruth {
  struct Payout {
    ChainId chain = ChainId::kNone;
    OutputId output = OutputId::kNone;
    Seconds time = 0;
  };
  // Groups of candidate payouts (same service, asset and, where fixed,
  // amount), each in time order.
  std::vector<std::vector<Payout>> groups;
  struct TruePayout {
    std::uint32_t group = 0;
    std::uint32_t position = 0;  // in its group
    AttackId attack = AttackId::kNone;
    Seconds window_start = 0;
  };
  std::vector<TruePayout> attacker_payouts;
};

MixerTruth FindMixerPayouts(const Ledger& ledger, const GroundTruth& truth);

void ComputeMixerMetrics(const Ledger& ledger, const MixerTruth& mt,
                         const trace::TraceResult& result, report::Metrics* all,
                         std::vector<report::Metrics>* per_attack);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_MIXER_METRICS_H_
