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
//                  seeds: per transaction and attack, the stolen on its
//                  non-seed outputs is at most what its inputs bring.
//                  UTXO: inputs bring the stolen of the outputs they spend.
//                  ACCOUNT: inputs bring at most min(debit, S) per debited
//                  address, where S is an upper bound of the stolen units of
//                  the attack the address holds in the asset (see below).
//   stolen-lost    UTXO: stolen value leaves a transaction only through its
//                  fee: sum over attacks of (inputs' - outputs' stolen, when
//                  positive) <= fee.
//   cash-out       a cash-out's amount and attack are the stolen amount and
//                  attack of its output.
//   unaccounted    UTXO, per attack: the stolen value is fully accounted for,
//                    seeded = held + fees, where
//                    seeded = stolen on the attack's theft seeds,
//                    held   = stolen on unspent outputs (held by the
//                             attacker, or cashed out: deposited at a
//                             service and not moved on),
//                    fees   = per transaction, inputs' minus outputs' stolen
//                             of the attack (the stolen share of the fee).
//                  Service fees (mixer, OTC, bridge commissions) are outputs
//                  paid to the service and keep their stolen value, so they
//                  count in `held` or move on; only network fees retire
//                  stolen value. With the two rules above, this identity
//                  holds exactly; it fails when an output is double spent or
//                  stolen value is created, and is reported per attack.
//
// ACCOUNT chains: inputs are debits of balances, not spends of credits, so
// the ledger does not say which credit a debit moves, and the stolen share of
// a fee is not recorded: the exact identity cannot be checked. verify keeps
// instead, per address, asset and attack, an upper bound S of the stolen
// units held: a credit adds its stolen to S; a transaction's non-seed
// credits of the attack must be covered by min(debit, S) summed over its
// debited addresses (stolen-created), and take that much from those
// addresses' S in input order; after the debits, each S is capped at the
// address's balance (stolen <= value held). The account of an ACCOUNT chain
// reports `held` as the sum of these bounds and no fees (`exact` false).
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

// Stolen value of one attack in one asset, in base units.
struct StolenAccount {
  AttackId attack = AttackId::kNone;
  AssetId asset = AssetId::kNone;
  Amount seeded = 0;  // on the attack's theft seeds
  Amount held = 0;    // on unspent outputs (ACCOUNT: an upper bound)
  Amount fees = 0;    // stolen share of fees (ACCOUNT: not known, 0)
  bool exact = true;  // false on ACCOUNT chains
};

struct VerifyResult {
  // Sorted by chain id, then by the transaction's position in the store;
  // findings about whole attacks last. Within a transaction at most one
  // finding of each kind.
  std::vector<Finding> findings;
  // Per attack (id order), then asset (id order); empty without truth.
  std::vector<StolenAccount> accounts;
  bool ok() const { return findings.empty(); }
};

VerifyResult VerifyLedger(const LedgerFile& file);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_VERIFY_H_
