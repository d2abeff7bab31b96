#include "model/chain.h"

#include <algorithm>

namespace chaintrace {

double AssetInfo::UsdAt(Seconds t) const {
  if (usd_price.empty()) return 0;
  if (t <= usd_price.front().time) return usd_price.front().usd;
  if (t >= usd_price.back().time) return usd_price.back().usd;
  // First point strictly after t; the one before it is at or before t.
  const auto next = std::upper_bound(
      usd_price.begin(), usd_price.end(), t,
      [](Seconds value, const PricePoint& p) { return value < p.time; });
  const auto prev = next - 1;
  const double span = static_cast<double>(next->time - prev->time);
  const double f = static_cast<double>(t - prev->time) / span;
  return prev->usd + (next->usd - prev->usd) * f;
}

}  // namespace chaintrace
