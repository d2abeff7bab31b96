#include "sim/eval/expectations.h"

#include <algorithm>
#include <cctype>

#include "sim/eval/format.h"

namespace chaintrace::eval {

std::optional<double> MetricValue(const report::Metrics& m,
                                  scenario::Metric metric) {
  switch (metric) {
    case scenario::VALUE_RECALL:
      if (m.has_value_recall()) return m.value_recall();
      break;
    case scenario::VALUE_PRECISION:
      if (m.has_value_precision()) return m.value_precision();
      break;
    case scenario::ADDRESS_PRECISION:
      if (m.has_address_precision()) return m.address_precision();
      break;
    case scenario::ADDRESS_RECALL:
      if (m.has_address_recall()) return m.address_recall();
      break;
    case scenario::ADDRESS_F1:
      if (m.has_address_f1()) return m.address_f1();
      break;
    case scenario::COLLATERAL_ADDRESSES:
      if (m.has_collateral_addresses()) {
        return static_cast<double>(m.collateral_addresses());
      }
      break;
    case scenario::COLLATERAL_USD:
      if (m.has_collateral_usd()) return m.collateral_usd();
      break;
    case scenario::ATTRIBUTION_RECALL:
      if (m.has_attribution_recall()) return m.attribution_recall();
      break;
    case scenario::CLUSTER_PRECISION:
      if (m.has_cluster_precision()) return m.cluster_precision();
      break;
    case scenario::CLUSTER_RECALL:
      if (m.has_cluster_recall()) return m.cluster_recall();
      break;
    case scenario::LARGEST_CLUSTER:
      if (m.has_largest_cluster()) {
        return static_cast<double>(m.largest_cluster());
      }
      break;
    case scenario::MIXER_LINK_ACCURACY:
      if (m.has_mixer_link_accuracy()) return m.mixer_link_accuracy();
      break;
    case scenario::ANONYMITY_SET:
      if (m.has_anonymity_set()) return m.anonymity_set();
      break;
    case scenario::MAX_HOP:
      if (m.has_max_hop()) return m.max_hop();
      break;
    default:
      break;
  }
  return std::nullopt;
}

std::string MetricName(scenario::Metric metric) {
  std::string name = scenario::Metric_Name(metric);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return name;
}

bool MetricPerAttack(scenario::Metric metric) {
  switch (metric) {
    case scenario::VALUE_RECALL:
    case scenario::ADDRESS_RECALL:
    case scenario::ATTRIBUTION_RECALL:
    case scenario::MIXER_LINK_ACCURACY:
    case scenario::ANONYMITY_SET:
    case scenario::MAX_HOP:
      return true;
    default:
      return false;
  }
}

std::string DescribeExpectation(const scenario::Expectation& e) {
  std::string s = e.tracer() + " " + MetricName(e.metric());
  if (e.has_attack()) s += " [attack " + e.attack() + "]";
  if (e.has_min()) s += " >= " + FormatNumber(e.min());
  if (e.has_max()) s += " <= " + FormatNumber(e.max());
  return s;
}

std::vector<ExpectationOutcome> CheckExpectations(
    const scenario::Scenario& scenario, const report::Report& report) {
  std::vector<ExpectationOutcome> out;
  for (const scenario::Expectation& e : scenario.expectations()) {
    ExpectationOutcome o;
    o.expectation = e;
    const report::TracerReport* tracer = nullptr;
    for (const report::TracerReport& t : report.tracers()) {
      if (t.id() == e.tracer()) tracer = &t;
    }
    const report::Metrics* metrics = nullptr;
    if (tracer == nullptr) {
      o.problem = "tracer '" + e.tracer() + "' did not run";
    } else if (!e.has_attack()) {
      metrics = &tracer->metrics();
    } else {
      for (const report::AttackMetrics& am : tracer->per_attack()) {
        if (am.attack() == e.attack()) metrics = &am.metrics();
      }
      if (metrics == nullptr) {
        o.problem = "attack '" + e.attack() + "' is not in the report";
      }
    }
    if (metrics != nullptr) {
      o.measured = MetricValue(*metrics, e.metric());
      if (!o.measured) o.problem = "not measured";
    }
    o.pass = o.measured.has_value() &&
             (!e.has_min() || *o.measured >= e.min()) &&
             (!e.has_max() || *o.measured <= e.max());
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace chaintrace::eval
