#ifndef CHAINTRACE_SIM_EVAL_ATTACK_SUMMARY_H_
#define CHAINTRACE_SIM_EVAL_ATTACK_SUMMARY_H_

// What truly happened in each attack, from the ledger and its ground truth
// (report.proto AttackSummary), for the report's narrative:
//   stolen_usd      the attack's reported thefts, USD at the theft's time;
//   cashed_out_usd  its ground-truth cash-outs, USD at deposit time;
//   held_usd        stolen units of the attack held by ATTACKER-owned
//                   addresses at the end (landing.h), USD at LedgerEnd;
//   fees_usd        network fees paid out of stolen value: UTXO, per
//                   transaction its inputs' minus its outputs' stolen units
//                   of the attack; ACCOUNT (where the ledger does not say
//                   which value a fee takes), the fee of the attack's
//                   transactions whose first input address is ATTACKER-owned.
//                   Service fees are outputs to the service and are not
//                   included.
//   stages          per plan stage in order: kind (the plan's, else the
//                   truth's stage name), first and last transaction time,
//                   transaction count, and in_usd, the stolen USD entering
//                   the stage: UTXO, inputs of the stage's transactions
//                   spending outputs made outside the stage; ACCOUNT, the
//                   stolen credits of the stage's transactions whose first
//                   input address last received stolen value from outside
//                   the stage. A stage without transactions has only kind.
//                   A stage with `fraction` < 1 cuts a UTXO lot in two by
//                   a transaction of its own, so there in_usd counts the
//                   whole lot, the part passed on untouched included (an
//                   ACCOUNT balance divides without a transaction).

#include <string>
#include <vector>

#include "model/ground_truth.h"
#include "model/ledger.h"
#include "proto/report.pb.h"
#include "sim/eval/landing.h"

namespace chaintrace::eval {

// `plan_kinds` per AttackId: the plan's stage kinds when known (may be
// empty: then stages are those the truth shows).
std::vector<report::AttackSummary> SummarizeAttacks(
    const Ledger& ledger, const GroundTruth& truth, const LandingSet& set,
    const std::vector<std::vector<std::string>>& plan_kinds);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_ATTACK_SUMMARY_H_
