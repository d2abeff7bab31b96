#ifndef CHAINTRACE_SIM_EVAL_ATTRIBUTION_H_
#define CHAINTRACE_SIM_EVAL_ATTRIBUTION_H_

// Cash-out attribution per exchange: where the freeze requests would go.
// A tracer attributes value to a service through the labels it was given
// (sim/trace/attribution.h: the taint of outputs paid to a labelled
// address). Here only deposits count (landing.h), so that value moving
// inside an exchange (sweeps, withdrawals) is not counted again, and each
// deposit is priced at its own time. A label's service names an entity
// (the service name is the entity name; else the true owner of the
// service's first labelled address).
//
// Per exchange or OTC desk entity E:
//   true_usd        ground-truth cash-outs at E, USD at deposit time;
//   attributed_usd  usd(t) over deposits whose address is labelled with a
//                   service naming E;
//   correct_usd     usd(min(s, t)) over those deposits that are true
//                   cash-outs at E.
// ATTRIBUTION_RECALL = sum correct_usd / sum true_usd (per attack: over the
// attack's cash-outs); unset when nothing was cashed out. Rows are the
// entities with true or attributed value, in entity id order.

#include <span>
#include <vector>

#include "model/amount.h"
#include "model/ground_truth.h"
#include "model/labels.h"
#include "proto/report.pb.h"
#include "sim/eval/landing.h"

namespace chaintrace::eval {

// Per ServiceId of `labels`: the entity it names, or kNone.
std::vector<EntityId> ServiceEntities(const Labels& labels,
                                      const GroundTruth& truth);

// `believed` parallels set.landings; `service_entity` is ServiceEntities;
// `per_attack` is indexed by AttackId.
std::vector<report::ExchangeAttribution> ComputeAttribution(
    const GroundTruth& truth, const Labels& labels,
    std::span<const EntityId> service_entity, const LandingSet& set,
    std::span<const Amount> believed, report::Metrics* all,
    std::vector<report::Metrics>* per_attack);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_ATTRIBUTION_H_
