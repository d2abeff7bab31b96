#include "sim/launder/summary.h"

#include <cstdio>

#include "model/amount.h"
#include "sim/launder/stage.h"
#include "sim/scenario/plans.h"

namespace chaintrace::sim::launder {
namespace {

std::string Usd(double usd) {
  char buf[32];
  if (usd >= 1e6) {
    std::snprintf(buf, sizeof buf, "US$%.2fM", usd / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "US$%.0f", usd);
  }
  return buf;
}

}  // namespace

std::string FormatLaundering(const SimulationResult& result,
                             const scenario::Scenario& scenario) {
  const Ledger& ledger = result.file.ledger;
  const GroundTruth& truth = *result.file.truth;
  std::string out;
  for (const AttackBook& book : result.books) {
    const Attack& attack = truth.attack(book.attack);
    const Seconds t = attack.time;
    const auto usd = [&](AssetId a, Amount units) {
      const AssetInfo& info = ledger.asset(a);
      return AmountToUsd(units, info.UsdAt(t), info.decimals);
    };
    double stolen = 0, cashed = 0, held = 0, services = 0, fees = 0;
    for (const StageBook& e : book.entries) {
      if (e.stage == -1) stolen += usd(e.asset, e.in);
      cashed += usd(e.asset, e.cashed_out);
      held += usd(e.asset, e.held);
      services += usd(e.asset, e.in_services);
      fees += usd(e.asset, e.network_fees + e.service_fees);
    }
    out += "attack " + attack.name + ": stolen " + Usd(stolen) +
           "; cashed out " + Usd(cashed) + ", held " + Usd(held) +
           ", in services " + Usd(services) + ", fees " + Usd(fees) +
           " (USD at the theft's prices)\n";
    // Stages in plan order with the value entering each.
    const scenario::Attack* spec = nullptr;
    for (const scenario::Attack& a : scenario.attacks()) {
      if (a.name() == attack.name) spec = &a;
    }
    const scenario::Plan* plan =
        spec == nullptr ? nullptr : AttackPlan(scenario, *spec);
    if (plan == nullptr) continue;
    for (int s = 0; s < plan->stages_size(); ++s) {
      double in = 0, cash = 0, keep = 0;
      for (const StageBook& e : book.entries) {
        if (e.stage != s) continue;
        in += usd(e.asset, e.in);
        cash += usd(e.asset, e.cashed_out);
        keep += usd(e.asset, e.held);
      }
      out += "  " + std::to_string(s) + " " +
             std::string(StageKindName(plan->stages(s))) + ": in " + Usd(in);
      if (cash > 0) out += ", cashed out " + Usd(cash);
      if (keep > 0) out += ", held " + Usd(keep);
      out += "\n";
    }
  }
  for (const AttackShortfall& s : result.shortfalls) {
    out += "warning: attack " + s.attack + " could not steal " +
           FormatDecimalAmount(s.missing, ledger.asset(s.asset).decimals) +
           " " + ledger.asset(s.asset).name +
           ": the victim's hot and cold wallets held too little\n";
  }
  return out;
}

}  // namespace chaintrace::sim::launder
