#include "sim/eval/value_metrics.h"

#include <algorithm>

#include "sim/eval/usd.h"

namespace chaintrace::eval {

void ComputeValueMetrics(const LandingSet& set,
                         std::span<const Amount> believed, report::Metrics* all,
                         std::vector<report::Metrics>* per_attack) {
  struct Sums {
    double recalled = 0;
    double stolen = 0;
  };
  Sums total;
  std::vector<Sums> by_attack(per_attack->size());
  double flagged = 0;
  double correct = 0;
  for (std::size_t i = 0; i < set.landings.size(); ++i) {
    const Landing& l = set.landings[i];
    const Amount t = believed[i];
    const Amount hit = std::min(l.stolen, t);
    flagged += static_cast<double>(t) * l.usd_per_unit;
    correct += static_cast<double>(hit) * l.usd_per_unit;
    if (!l.in_recall()) continue;
    const double s_usd = static_cast<double>(l.stolen) * l.usd_per_unit;
    const double hit_usd = static_cast<double>(hit) * l.usd_per_unit;
    total.recalled += hit_usd;
    total.stolen += s_usd;
    if (l.attack != AttackId::kNone && Index(l.attack) < by_attack.size()) {
      by_attack[Index(l.attack)].recalled += hit_usd;
      by_attack[Index(l.attack)].stolen += s_usd;
    }
  }
  if (total.stolen > 0) all->set_value_recall(total.recalled / total.stolen);
  if (flagged > 0) all->set_value_precision(correct / flagged);
  all->set_collateral_usd(std::max(flagged - correct, 0.0));
  for (std::size_t a = 0; a < by_attack.size(); ++a) {
    if (by_attack[a].stolen > 0) {
      (*per_attack)[a].set_value_recall(by_attack[a].recalled /
                                        by_attack[a].stolen);
    }
  }
}

}  // namespace chaintrace::eval
