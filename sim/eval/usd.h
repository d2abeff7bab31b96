#ifndef CHAINTRACE_SIM_EVAL_USD_H_
#define CHAINTRACE_SIM_EVAL_USD_H_

// USD for reporting only: amounts stay exact int64 base units everywhere
// else. A base unit of an asset is worth UsdAt(t) / 10^decimals at time t
// (the asset's piecewise-linear price path, model/chain.h).

#include "model/amount.h"
#include "model/ids.h"
#include "model/ledger.h"
#include "model/time.h"

namespace chaintrace::eval {

// USD of one base unit of `asset` at `t`.
double UsdPerUnit(const Ledger& ledger, AssetId asset, Seconds t);

// USD of `amount` base units of `asset` at `t`.
double Usd(const Ledger& ledger, AssetId asset, Amount amount, Seconds t);

// The time of the ledger's last transaction over all chains (0 when it has
// none): holdings "at the end" are priced then.
Seconds LedgerEnd(const Ledger& ledger);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_USD_H_
