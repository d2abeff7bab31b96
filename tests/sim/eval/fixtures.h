#ifndef CHAINTRACE_TESTS_SIM_EVAL_FIXTURES_H_
#define CHAINTRACE_TESTS_SIM_EVAL_FIXTURES_H_

// Small hand-drawn ledgers with ground truth for the evaluation tests, and
// a helper to set a hand-made tracer result on them. Amounts are whole
// units (decimals 0) so that expectations can be worked out by hand.

#include <string_view>

#include "model/ledger_file.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval::testing {

// UTXO chain "btc", one asset BTC (decimals 0) at a flat $2:
//
//   c0 (coinbase, t0) ── hot(victim) 1000, alice 500, mix_res(mixer) 300
//   t1 (theft, t10)   c0:0 ── thief1 990 [stolen 990]                fee 10
//   p1 (stage 0 peel, hop 1, t20) t1:0 ─┬─ dep_a(exch_a) 100 [100]  cash-out
//                                       └─ thief2 880 [880]          fee 10
//   p2 (stage 1 cash_out, hop 2, t30) p1:1 ─┬─ dep_b(exch_b) 500 [500]
//                                           └─ thief3 370 [370] (held)
//   b1 (background, t40) c0:1 ─┬─ dep_b2(exch_b) 200   (a benign deposit)
//                              └─ bob 290              (benign, held)
//   s1 (exch_b sweep, t50) p2:0 ── exch_b_hot 495 (inside the exchange)
//
// Labels: dep_a is labelled "exch_b" (a wrong label), dep_b "exch_b".
// Cash-outs: p1:0 at exch_a (100), p2:0 at exch_b (500).
LedgerFile PeelFixture();

// ACCOUNT chain "eth", ETH (decimals 0) at a flat $1, a pool mixer:
//
//   g0 (mint, t0)    hot(victim) 1000, u1 500, u2 500
//   t1 (theft, t10)  hot ── thief 300 [stolen 300]          (debit 301)
//   d1 (stage 0 mixer, t20) thief ── pool 100 [100]         (debit 101)
//   d2 (t25) u1 ── pool 100;  d3 (t26) u2 ── pool 100
//   w1 (t30) pool ── u1b 99;  w2 (stage 0, t40) pool ── fresh 99 [99];
//   w3 (t50) pool ── u2b 99                      (each debit 100, fee 1)
//
// Attacker holdings at the end: thief 199 (stolen 199), fresh 99 [99].
LedgerFile PoolFixture();

// One ACCOUNT chain: a thief deposits 100 stolen at "svc" (a DEX pool),
// which pays 120 out to user "u" and is refilled with 100 clean by "u":
// "svc" ends with 130, none of it stolen.
LedgerFile TurnoverFixture();

// PoolFixture with a burst: the attacker also deposits d1b (t22, from
// thief, [100]) and withdraws w2b (t45) to fresh2 99 [99].
LedgerFile PoolBurstFixture();

// An empty result for `file`'s ledger with taint set on the outputs named
// "tx:index" to `taint` and their addresses flagged.
void SetTaint(const Ledger& ledger, trace::TraceResult* result,
              std::string_view chain, std::string_view ref, Amount taint);

}  // namespace chaintrace::eval::testing

#endif  // CHAINTRACE_TESTS_SIM_EVAL_FIXTURES_H_
