#include "model/chain.h"

#include <algorithm>

namespace chaintrace {

double PathValueAt(std::span<const PricePoint> points, Seconds t) {
  if (points.empty()) return 0;
  if (t <= points.front().time) return points.front().usd;
  if (t >= points.back().time) return points.back().usd;
  // First point strictly after t; the one before it is at or before t.
  const auto next = std::upper_bound(
      points.begin(), points.end(), t,
      [](Seconds value, const PricePoint& p) { return value < p.time; });
  const auto prev = next - 1;
  const double span = static_cast<double>(next->time - prev->time);
  const double f = static_cast<double>(t - prev->time) / span;
  return prev->usd + (next->usd - prev->usd) * f;
}

double AssetInfo::UsdAt(Seconds t) const { return PathValueAt(usd_price, t); }

}  // namespace chaintrace
