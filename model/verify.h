#ifndef CHAINTRACE_MODEL_VERIFY_H_
#define CHAINTRACE_MODEL_VERIFY_H_

// Verifies a ledger file against every invariant chaintrace promises, and
// names each violation (a finding) instead of stopping at the first. Read the
// file with ReadOptions{.check_conservation = false, .lenient = true}
// (model/ledger_io.h) so that faults the strict reader refuses reach here.
//
// Ledger invariants (public data):
//   conservation   every non-coinbase transaction conserves value
//                  (model/conservation.h); with "balance" below this makes
//                  coinbase transactions the only creation of value.
//   double-spend   UTXO: no output is spent by two inputs.
//   time-order     a chain's transactions have non-decreasing times.
//   balance        ACCOUNT: per address and asset, no debit exceeds the
//                  balance (coinbase credits create value; the fee of a token
//                  transfer is debited in the native asset from the first
//                  input's address), and no balance overflows int64.
//   theft          a theft report's asset is its transaction's asset, its
//                  amount at most its output's, and no output is reported
//                  twice; with ground truth, the report names an attack of
//                  the truth and its output carries exactly `amount` stolen
//                  units of that attack.
//
// Ground-truth invariants (when the file has truth). "Stolen on an output"
// is GroundTruth::stolen / stolen_attack; a theft seed is an output named by
// a theft report.
//   stolen-range   0 <= stolen <= the output's amount.
//   stolen-attack  an output with stolen > 0 names an attack.
//   stolen-created stolen value of an attack appears only at its theft
//                  seeds, or is paid out of a service's claim (below): per
//                  transaction, attack A and the transaction's asset, the
//                  stolen on its non-seed outputs is at most what its
//                  non-custodial inputs bring plus what the claims rule
//                  grants.
//                  UTXO: inputs bring the stolen of the outputs they spend.
//                  ACCOUNT: inputs bring at most min(debit, S) per debited
//                  address, where S is an upper bound of the stolen units of
//                  the attack the address holds in the asset (see below).
//   stolen-lost    UTXO: stolen value leaves a transaction only through its
//                  fee: sum over attacks of (inputs' - outputs' stolen, when
//                  positive) <= fee.
//   cash-out       a cash-out's amount and attack are the stolen amount and
//                  attack of its output.
//   unaccounted    UTXO, per attack and asset: every stolen unit is
//                  accounted for (below).
//
// Custodial services and claims. An address is custodial when its truth
// owner is an entity of kind EXCHANGE, MIXER, BRIDGE, DEX_POOL or OTC_DESK.
// Stolen value follows what the attacker actually gets back: stolen units
// arriving at a custodial address (an output or credit carrying stolen of
// attack A in asset X) become a CLAIM of A in X held by the owning service,
// claim[service][A][X], and do not stay on the address: spending a custodial
// output (or debiting a custodial address) brings no stolen value into a
// transaction. A transaction that spends coins of (debits) services E1..En
// may carry on its non-seed outputs, per attack A in its asset Y:
//   what its non-custodial inputs bring (the rules above), then
//   + claim[Ei][A][Y], drawn in input order (a mixer withdrawal, a bridge
//     release on the same asset, an exchange paying the attacker back);
//     what is drawn leaves the claim;
//   + a CONVERSION when those claims do not cover the rest R and the
//     transaction's truth attack (TxTruth.attack) is A: the claims of A the
//     same services hold in other assets are consumed, in input then asset
//     order, by the USD value of R at the transaction's time (each asset at
//     its price path), each claim at most to zero and by at least one unit.
//     R is granted when the consumed value covers R's value up to
//     kConversionSlack (price drift over a bridge's delay, pool slippage).
//     When the payout asset or a claim's asset has no positive price at that
//     time the rate is unknown: the first such claim is consumed whole and
//     grants R. So one claim cannot license unbounded payouts, and a payout
//     of one attack never draws another attack's claim. R is counted as
//     converted_in of (A, Y), the consumed units as converted_out of (A, X).
//     A DEX swap (token in, ETH out), a bridge (ETH locked on one chain,
//     BTC released on another) and an OTC desk are conversions.
//     Exception: a DEX pool (ACCOUNT; its first debited address is owned by
//     a DEX_POOL entity) prices at its reserves, not at the price paths, so
//     its conversion consumes ceil(R x reserve_X / reserve_Y) of the claim
//     in X, the reserves read at that address (reserve_Y before the payout's
//     debit, reserve_X with the deposit in): a constant-product payout for
//     a deposit x never exceeds x x reserve_Y / reserve_X, so the pool's
//     own payouts always fit and a payout beyond its reserves' rate is
//     created value. What stays in the claim is the pool's fee and
//     slippage.
// Whatever stays in a claim is service fees or cash-out: an exchange never
// pays it back (its deposit sweeps carry no stolen), so the claim of an
// exchange is the cash-out. Claims are tracked across chains: transactions
// of all chains are taken in time order (ties: chain id, then store order),
// so a bridge's release sees the lock made before it on another chain.
//
// The account, per attack A and asset X:
//   seeded + converted_in = held + fees + claims + converted_out, where
//     seeded        = stolen on the attack's theft seeds,
//     converted_in  = stolen created by conversion payouts (above),
//     held          = stolen on unspent non-custodial outputs (held by the
//                     attacker or passed to someone who is not a service),
//     fees          = per transaction, inputs' minus outputs' stolen of the
//                     attack (the stolen share of the network fee),
//     claims        = what services still hold (service fees, cash-outs),
//     converted_out = claims consumed by conversion payouts.
// On UTXO chains every term is exact and the identity is checked (finding
// `unaccounted`); it holds by construction when stolen-created and
// double-spend hold, so it fails exactly when stolen value is created or
// double spent (stolen value lost beyond a fee counts in `fees` and is the
// finding stolen-lost). The rate of a conversion is a bound (a payout's
// value at most the consumed claims' value plus the slack), not an
// identity: the ledger does not say what the service's price was. Without
// custodial owners in the truth (hand-written ledgers that declare none)
// claims and conversions are 0 and the account is seeded = held + fees.
//
// ACCOUNT chains: inputs are debits of balances, not spends of credits, so
// the ledger does not say which credit a debit moves, and the stolen share of
// a fee is not recorded: the exact identity cannot be checked. verify keeps
// instead, per non-custodial address, asset and attack, an upper bound S of
// the stolen units held: a credit adds its stolen to S; a transaction's
// non-seed credits of the attack are covered first by min(debit, S) summed
// over its debited addresses, taken from those addresses' S in input order,
// then by claims as above; after the debits, each S is capped at the
// address's balance (stolen <= value held). Custodial addresses keep no S:
// their stolen is in claims, so a benign withdrawal from a pool does not
// eat what the attacker may withdraw later. The account of an ACCOUNT asset
// reports `held` as the sum of the bounds, claims and conversions exactly as
// counted, and no fees (`exact` false).
//
// Thread safety: a pure function of its argument.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/ledger_file.h"

namespace chaintrace {

enum class FindingKind : std::uint8_t {
  kConservation,
  kDoubleSpend,
  kTimeOrder,
  kBalance,
  kTheft,
  kStolenRange,
  kStolenAttack,
  kStolenCreated,
  kStolenLost,
  kCashOut,
  kUnaccounted,
};

// The kind's name as the header above spells it ("double-spend").
std::string_view FindingKindName(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::kConservation;
  // The offending transaction; both kNone when the finding is about an
  // attack as a whole (unaccounted).
  ChainId chain = ChainId::kNone;
  TxId tx = TxId::kNone;
  // Complete: names the chain and txid (or the attack and asset) and what
  // is wrong, e.g. "chain 'btc' transaction 'p1': input 0: double spend: ...".
  std::string message;
};

// How much a conversion payout's USD value may exceed the USD value of the
// claims it consumes, as a fraction of the payout's value.
inline constexpr double kConversionSlack = 0.05;

// Stolen value of one attack in one asset, in base units; see "The account"
// above: seeded + converted_in = held + fees + claims + converted_out.
struct StolenAccount {
  AttackId attack = AttackId::kNone;
  AssetId asset = AssetId::kNone;
  Amount seeded = 0;         // on the attack's theft seeds
  Amount converted_in = 0;   // created by conversion payouts
  Amount held = 0;           // unspent non-custodial (ACCOUNT: upper bound)
  Amount fees = 0;           // stolen share of fees (ACCOUNT: not known, 0)
  Amount claims = 0;         // still held by services
  Amount converted_out = 0;  // claims consumed by conversion payouts
  bool exact = true;         // false on ACCOUNT chains
};

// Stolen value of one attack that a service still holds at the end of the
// ledger, in one asset. At an exchange it is a cash-out; elsewhere it is
// what the service kept (its fees) or has not paid back yet.
struct ServiceClaim {
  EntityId service = EntityId::kNone;
  AttackId attack = AttackId::kNone;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;      // > 0
  bool cash_out = false;  // the service is an exchange
};

struct VerifyResult {
  // Sorted by chain id, then by the transaction's position in the store;
  // findings about whole attacks last. Within a transaction at most one
  // finding of each kind.
  std::vector<Finding> findings;
  // Per attack (id order), then asset (id order); empty without truth.
  std::vector<StolenAccount> accounts;
  // Outstanding claims, per attack, asset, then service (id order).
  std::vector<ServiceClaim> claims;
  bool ok() const { return findings.empty(); }
};

VerifyResult VerifyLedger(const LedgerFile& file);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_VERIFY_H_
