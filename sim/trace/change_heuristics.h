#ifndef CHAINTRACE_SIM_TRACE_CHANGE_HEURISTICS_H_
#define CHAINTRACE_SIM_TRACE_CHANGE_HEURISTICS_H_

// Change-address heuristics for UTXO transactions. Each is a named function
// returning the output it believes is the change (paid back to the
// spender), or OutputId::kNone when it cannot tell: any doubt gives kNone.
// None applies to coinbase transactions, to transactions with fewer than two
// outputs, or to ACCOUNT chains (no change exists there). Each function
// states its rule and source below; sim/trace/change_rule.h combines them.
// Every function is O(k) for a transaction with k inputs and outputs (O(k
// log k) past 32 inputs), with the first-credit index of FirstCredits.
//
// Sources: Androulaki et al. 2013, "Evaluating User Privacy in Bitcoin"
// (shadow/change addresses); Meiklejohn et al. 2013, "A Fistful of
// Bitcoins" (one-time change); Nick 2015, "Data-Driven De-Anonymization in
// Bitcoin" (optimal change); Ermilov et al. 2017, "Automatic Bitcoin
// Address Clustering" (round values, address types); Kalodner et al. 2020,
// BlockSci's ChangeHeuristic family (address reuse, address type, power of
// ten, optimal change, peeling chain, locktime); Kappos et al. 2022, "How
// to Peel a Million" (peel-chain shape, fixed fees of scripted chains);
// Möser & Narayanan 2022, "Resurrecting Address Clustering in Bitcoin"
// (wallet fingerprints: the change is spent by the same wallet software).

#include "model/ids.h"
#include "model/ledger.h"
#include "sim/trace/address_activity.h"

namespace chaintrace::trace {

struct ChangeOptions {
  // "round": a value is round when divisible by 10^round_digits base units;
  // 0 picks max(1, decimals - 4) per asset (0.0001 BTC for BTC).
  int round_digits = 0;
};

// What the heuristics read: the ledger and which outputs are their
// addresses' first credits. Both must outlive the context.
struct ChangeContext {
  const Ledger* ledger = nullptr;
  const FirstCredits* first_credits = nullptr;
  ChangeOptions options;
};

// reuse — address reuse as change (BlockSci addressReuse; Androulaki et
// al. 2013): the unique output paying one of the transaction's own input
// addresses.
OutputId ChangeByAddressReuse(const ChangeContext& ctx, ChainId c, TxId t);

// fresh — one-time change (Meiklejohn et al. 2013, heuristic 2): no output
// pays an input address, and exactly one output pays an address never seen
// before this transaction; that one is the change.
OutputId ChangeByFreshAddress(const ChangeContext& ctx, ChainId c, TxId t);

// type — address-type match (BlockSci addressType; Ermilov et al. 2017):
// all input addresses share one known type and exactly one output pays an
// address of that type.
OutputId ChangeByAddressType(const ChangeContext& ctx, ChainId c, TxId t);

// round — power-of-ten value (BlockSci powerOfTen; Ermilov et al. 2017):
// payments are round, change is what is left. Exactly one output is not
// round, and at least one other output is.
OutputId ChangeByRoundValue(const ChangeContext& ctx, ChainId c, TxId t);

// optimal — optimal change (Nick 2015; BlockSci optimalChange): a wallet
// would not have added its smallest input if the change were larger than
// it, so the change is the unique output smaller than every input.
OutputId ChangeByOptimalChange(const ChangeContext& ctx, ChainId c, TxId t);

// peel — peeling-chain shape (BlockSci peelingChain; Kappos et al. 2022):
// the transaction has one input and two outputs, and exactly one output is
// spent by a transaction of that same shape (the chain continues).
OutputId ChangeByPeelShape(const ChangeContext& ctx, ChainId c, TxId t);

// fee — fixed fee (Kappos et al. 2022; scripted launderers pay the same fee
// every hop): the fee is > 0 and exactly one output is spent by a
// transaction paying the very same fee.
OutputId ChangeByFixedFee(const ChangeContext& ctx, ChainId c, TxId t);

// client — wallet fingerprint (Möser & Narayanan 2022; BlockSci locktime).
// The ledger records no locktime, version or sequence numbers, so the
// fingerprint is what it does record about how a wallet builds a
// transaction: the order of its outputs (ascending by value as BIP 69
// wallets do, descending, or unordered) and its input address type. The
// change is the unique output spent by a transaction with the same
// fingerprint; transactions with one output have no order and match none.
OutputId ChangeByClientBehaviour(const ChangeContext& ctx, ChainId c, TxId t);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_CHANGE_HEURISTICS_H_
