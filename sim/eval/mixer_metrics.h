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
// A's own true payouts among them are one candidate, the attacker's: the
// stolen lots are fungible, so telling them from each other is no part of
// demixing, and a launderer's own lots do not hide it (the anonymity set of
// Wang et al. 2023 and Tutela counts other users' deposits; a burst of one
// depositor's lots adds nothing). The other candidates are the benign ones
// (and other attacks' payouts).
//
// The tracer's weight of a candidate o is its score (output_score) when
// the tracer gives scores, else taint(o) / amount(o); S is the weight sum
// over the candidates, S_A the sum over A's own payouts among them.
//   MIXER_LINK_ACCURACY  mean over true payouts of S_A / S (0 when S = 0):
//                        the probability the tracer's answer picks the
//                        attacker rather than an innocent user. 1 for a
//                        tracer flagging only A's payouts; 1/(b + 1) for
//                        one flagging all candidates equally, b of them
//                        benign, when A has one payout in the window.
//   ANONYMITY_SET        mean over true payouts of exp(H), H the entropy of
//                        the weights normalised to sum 1, A's payouts
//                        merged into one outcome of weight S_A (a tracer
//                        with S = 0 knows nothing: b + 1).
// Both unset when there is no true payout. Candidates are found by binary
// search over each group's time-sorted payouts, with prefix sums of w and
// w ln w per group and per (group, attack): O(payouts log payouts) for all
// true payouts together.

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
    // The attack whose true payout this is, or kNone.
    AttackId attack = AttackId::kNone;
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
