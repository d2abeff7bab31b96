#ifndef CHAINTRACE_SIM_EVAL_VALUE_METRICS_H_
#define CHAINTRACE_SIM_EVAL_VALUE_METRICS_H_

// Value recall, value precision and collateral USD, over the landings of
// sim/eval/landing.h. With s the true stolen and t the tracer's believed
// stolen base units of a landing, and USD at the landing's price:
//
//   VALUE_RECALL     sum usd(min(s, t)) / sum usd(s), over the recall
//                    universe (cash-outs and attacker-held stolen value);
//                    per attack, over the universe's landings of the attack.
//   VALUE_PRECISION  sum usd(min(s, t)) / sum usd(t), over every landing
//                    (flagged USD that is truly stolen / flagged USD).
//   COLLATERAL_USD   sum usd(t - min(s, t)) over every landing: benign value
//                    flagged.
//
// A ratio whose denominator is 0 is left unset (no stolen value landed, or
// the tracer flagged nothing). Precision and collateral are not split per
// attack: a false positive belongs to no attack.

#include <span>
#include <vector>

#include "model/amount.h"
#include "proto/report.pb.h"
#include "sim/eval/landing.h"

namespace chaintrace::eval {

// `believed` parallels set.landings (BelievedStolen). `per_attack` is
// indexed by AttackId and sized to the truth's attack count.
void ComputeValueMetrics(const LandingSet& set,
                         std::span<const Amount> believed, report::Metrics* all,
                         std::vector<report::Metrics>* per_attack);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_VALUE_METRICS_H_
