#ifndef CHAINTRACE_SIM_EVAL_LANDING_H_
#define CHAINTRACE_SIM_EVAL_LANDING_H_

// Where value lands, for value recall and precision. Value moves through
// many hops; counting every flagged hop would count the same coins many
// times, so metrics look only at the places value comes to rest:
//
//   deposit  an output (UTXO) or credit (ACCOUNT) paid to an address owned
//            by an EXCHANGE or OTC_DESK entity by a non-coinbase
//            transaction none of whose input addresses that entity owns
//            (value entering the service from outside: where a freeze
//            request can reach it). Every ground-truth CashOut is a deposit
//            even if this rule would miss it. Priced at its time.
//   held     value still in place at the end, outside exchanges and OTC
//            desks (their holdings are counted when deposited): UTXO, an
//            unspent output; ACCOUNT, the end balance of one (address,
//            asset). Priced at LedgerEnd.
//
// True stolen units s of a landing: a cash-out's amount; else the truth's
// stolen on the output; for an ACCOUNT holding, the stolen-first bound (a
// credit adds its stolen to S, a debit takes min(debit, S) out of S, S is
// capped by the balance after each transaction's debits; a token
// transfer's fee is a native debit of its first input address), attributed
// to the attack of the address's latest stolen credit.
//
// The recall universe is the stolen value "at its final landing": cash-outs
// plus stolen value held by ATTACKER-owned addresses. Precision looks at
// every landing.
//
// Cost: one pass over the ledger; ACCOUNT holdings take 4 bytes per
// address per ACCOUNT asset while building.

#include <cstdint>
#include <span>
#include <vector>

#include "model/amount.h"
#include "model/ground_truth.h"
#include "model/ids.h"
#include "model/ledger.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

enum class LandingKind : std::uint8_t { kDeposit, kHeld };

struct Landing {
  LandingKind kind = LandingKind::kDeposit;
  ChainId chain = ChainId::kNone;
  // The output or credit; kNone for an ACCOUNT holding.
  OutputId output = OutputId::kNone;
  AddressId address = AddressId::kNone;
  AssetId asset = AssetId::kNone;
  // Output amount, or end balance of an ACCOUNT holding.
  Amount amount = 0;
  Amount stolen = 0;
  AttackId attack = AttackId::kNone;  // of the stolen part
  // Deposits: the exchange entity that truly owns the address.
  EntityId owner = EntityId::kNone;
  double usd_per_unit = 0;
  // A ground-truth cash-out (deposit of stolen value).
  bool cash_out = false;
  // Held by an ATTACKER-owned address.
  bool attacker_held = false;
  // In the recall universe: a cash-out or stolen value the attacker holds.
  bool in_recall() const { return cash_out || (attacker_held && stolen > 0); }
};

struct LandingSet {
  std::vector<Landing> landings;
  // Per AssetId of an ACCOUNT chain: per AddressId the landing index of the
  // (address, asset) holding, -1 when none. Empty for other assets.
  std::vector<std::vector<std::int32_t>> held_index;
};

// Preconditions: `truth` was resized to `ledger`.
LandingSet BuildLandings(const Ledger& ledger, const GroundTruth& truth);

// A tracer's believed stolen base units on each landing, parallel to
// `set.landings`, in [0, amount]: the output's taint; for an ACCOUNT holding,
// the taint of its credits minus the input taint of its debits when the
// tracer reports input and fee taint; else (followers and clusterers, which
// flag credits only) the credits' taint with debits taking it out first, as
// the truth's stolen-first bound does, so a busy service address is not
// believed to still hold every tainted credit it ever received. Clamped to
// [0, balance].
std::vector<Amount> BelievedStolen(const LandingSet& set, const Ledger& ledger,
                                   const trace::TraceResult& result);

// True when `kind` is a service where stolen value is cashed out.
bool IsCashOutService(common::EntityKind kind);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_LANDING_H_
