#include "sim/eval/usd.h"

#include <algorithm>

namespace chaintrace::eval {

double UsdPerUnit(const Ledger& ledger, AssetId asset, Seconds t) {
  if (asset == AssetId::kNone) return 0;
  const AssetInfo& info = ledger.asset(asset);
  return info.UsdAt(t) / static_cast<double>(PowerOfTen(info.decimals));
}

double Usd(const Ledger& ledger, AssetId asset, Amount amount, Seconds t) {
  return static_cast<double>(amount) * UsdPerUnit(ledger, asset, t);
}

Seconds LedgerEnd(const Ledger& ledger) {
  Seconds end = 0;
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    for (Seconds t : s.times()) end = std::max(end, t);
  }
  return end;
}

}  // namespace chaintrace::eval
