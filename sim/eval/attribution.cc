#include "sim/eval/attribution.h"

#include <algorithm>

namespace chaintrace::eval {

std::vector<EntityId> ServiceEntities(const Labels& labels,
                                      const GroundTruth& truth) {
  std::vector<EntityId> entity(labels.service_count(), EntityId::kNone);
  std::vector<std::uint8_t> named(labels.service_count(), 0);
  for (std::size_t s = 0; s < labels.service_count(); ++s) {
    entity[s] =
        truth.FindEntity(labels.service(IdFromIndex<ServiceId>(s)).name);
    named[s] = entity[s] != EntityId::kNone ? 1 : 0;
  }
  for (AddressId a : labels.LabelledAddresses()) {
    const std::size_t s = Index(labels.label(a).service);
    if (named[s] == 0 && entity[s] == EntityId::kNone) {
      entity[s] = truth.owner(a);
    }
  }
  return entity;
}

std::vector<report::ExchangeAttribution> ComputeAttribution(
    const GroundTruth& truth, const Labels& labels,
    std::span<const EntityId> service_entity, const LandingSet& set,
    std::span<const Amount> believed, report::Metrics* all,
    std::vector<report::Metrics>* per_attack) {
  struct Row {
    double true_usd = 0;
    double attributed = 0;
    double correct = 0;
    bool used = false;
  };
  std::vector<Row> rows(truth.entities().size());
  std::vector<double> true_by_attack(per_attack->size(), 0);
  std::vector<double> correct_by_attack(per_attack->size(), 0);
  const auto row = [&](EntityId e) -> Row* {
    return e != EntityId::kNone && Index(e) < rows.size() ? &rows[Index(e)]
                                                          : nullptr;
  };
  for (std::size_t i = 0; i < set.landings.size(); ++i) {
    const Landing& l = set.landings[i];
    if (l.kind != LandingKind::kDeposit) continue;
    const double s_usd = static_cast<double>(l.stolen) * l.usd_per_unit;
    const bool attack_ok =
        l.attack != AttackId::kNone && Index(l.attack) < per_attack->size();
    if (l.cash_out) {
      if (Row* r = row(l.owner)) {
        r->true_usd += s_usd;
        r->used = true;
      }
      if (attack_ok) true_by_attack[Index(l.attack)] += s_usd;
    }
    const Amount t = believed[i];
    if (t <= 0) continue;
    const ServiceId service = labels.label(l.address).service;
    if (service == ServiceId::kNone || Index(service) >= service_entity.size())
      continue;
    const EntityId named = service_entity[Index(service)];
    Row* r = row(named);
    if (r == nullptr) continue;
    r->used = true;
    r->attributed += static_cast<double>(t) * l.usd_per_unit;
    if (l.cash_out && named == l.owner) {
      const double hit =
          static_cast<double>(std::min(t, l.stolen)) * l.usd_per_unit;
      r->correct += hit;
      if (attack_ok) correct_by_attack[Index(l.attack)] += hit;
    }
  }
  std::vector<report::ExchangeAttribution> out;
  double true_total = 0;
  double correct_total = 0;
  for (std::size_t e = 0; e < rows.size(); ++e) {
    if (!rows[e].used) continue;
    const Entity& entity = truth.entity(IdFromIndex<EntityId>(e));
    report::ExchangeAttribution x;
    x.set_exchange(entity.name);
    if (!entity.country.empty()) x.set_country(entity.country);
    if (entity.region != common::REGION_UNSPECIFIED) {
      x.set_region(entity.region);
    }
    x.set_true_usd(rows[e].true_usd);
    x.set_attributed_usd(rows[e].attributed);
    x.set_correct_usd(rows[e].correct);
    true_total += rows[e].true_usd;
    correct_total += rows[e].correct;
    out.push_back(std::move(x));
  }
  if (true_total > 0) all->set_attribution_recall(correct_total / true_total);
  for (std::size_t a = 0; a < per_attack->size(); ++a) {
    if (true_by_attack[a] > 0) {
      (*per_attack)[a].set_attribution_recall(correct_by_attack[a] /
                                              true_by_attack[a]);
    }
  }
  return out;
}

}  // namespace chaintrace::eval
