#include "model/standard_denominations.h"

#include <algorithm>

namespace chaintrace {
namespace {

std::vector<Amount> BuildDenominations() {
  std::vector<Amount> d;
  const auto add_series = [&](Amount base, Amount factor) {
    // factor x base^n for n >= 0, within the bounds.
    for (Amount v = factor; v <= kMaxStandardDenomination; v *= base) {
      if (v >= kMinStandardDenomination) d.push_back(v);
    }
  };
  add_series(2, 1);
  add_series(3, 1);
  add_series(3, 2);
  add_series(10, 1);
  add_series(10, 2);
  add_series(10, 5);
  d.push_back(kMinStandardDenomination);
  d.push_back(kMaxStandardDenomination);
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  return d;
}

}  // namespace

std::span<const Amount> StandardDenominations() {
  static const std::vector<Amount> kDenominations = BuildDenominations();
  return kDenominations;
}

bool IsStandardDenomination(Amount amount) {
  const std::span<const Amount> d = StandardDenominations();
  return std::binary_search(d.begin(), d.end(), amount);
}

Amount SplitIntoStandardDenominations(Amount available, Amount per_output_cost,
                                      int max_outputs,
                                      std::vector<Amount>* outputs) {
  const std::span<const Amount> d = StandardDenominations();
  Amount left = std::max<Amount>(available, 0);
  for (int k = 0; k < max_outputs; ++k) {
    const Amount room = left - per_output_cost;
    // The largest denomination not above `room`.
    const auto it = std::upper_bound(d.begin(), d.end(), room);
    if (it == d.begin()) break;
    const Amount v = *(it - 1);
    outputs->push_back(v);
    left -= v + per_output_cost;
  }
  return left;
}

}  // namespace chaintrace
