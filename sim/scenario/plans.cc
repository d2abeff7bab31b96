#include "sim/scenario/plans.h"

namespace chaintrace::sim {

const scenario::Plan* FindPlan(const scenario::Scenario& s,
                               std::string_view name) {
  for (const scenario::Plan& p : s.plans()) {
    if (p.name() == name) return &p;
  }
  return nullptr;
}

const scenario::Plan* AttackPlan(const scenario::Scenario& s,
                                 const scenario::Attack& attack) {
  if (attack.has_inline_plan()) return &attack.inline_plan();
  return attack.has_plan() ? FindPlan(s, attack.plan()) : nullptr;
}

}  // namespace chaintrace::sim
