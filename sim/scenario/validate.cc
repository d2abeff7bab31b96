#include "sim/scenario/validate.h"

#include <google/protobuf/descriptor.h>

#include <limits>
#include <set>
#include <string>

#include "sim/eval/expectations.h"
#include "sim/scenario/checker.h"
#include "sim/scenario/validate_attacks.h"
#include "sim/scenario/validate_world.h"
#include "sim/trace/registry.h"

namespace chaintrace::sim {
namespace {

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

bool IsRegisteredTracer(std::string_view name) {
  for (const trace::TracerInfo& info : trace::RegisteredTracers()) {
    if (info.name == name) return true;
  }
  return false;
}

std::string RegisteredNames() {
  std::string names;
  for (const trace::TracerInfo& info : trace::RegisteredTracers()) {
    if (!names.empty()) names += ", ";
    names += info.name;
  }
  return names;
}

void ValidateHeader(ScenarioChecker* c) {
  const scenario::Scenario& s = c->scenario();
  const FieldPath metadata = FieldPath().Field("metadata");
  c->RequireString(metadata.Field("name"), s.metadata().has_name(),
                   s.metadata().name());
  for (int i = 0; i < s.metadata().sources_size(); ++i) {
    if (s.metadata().sources(i).has_date()) {
      c->CheckTime(metadata.Element("sources", i).Field("date"),
                   s.metadata().sources(i).date());
    }
  }
  std::optional<UnixSeconds> start;
  std::optional<Seconds> duration;
  if (c->RequireString(FieldPath().Field("start"), s.has_start(), s.start())) {
    start = c->CheckTime(FieldPath().Field("start"), s.start());
  }
  if (c->RequireString(FieldPath().Field("duration"), s.has_duration(),
                       s.duration())) {
    duration = c->CheckDuration(FieldPath().Field("duration"), s.duration(),
                                /*positive=*/true);
  }
  if (start && duration) {
    const std::optional<UnixSeconds> end = CheckedAdd(*start, *duration);
    if (!end) {
      c->Error(FieldPath().Field("duration"),
               "start + duration does not fit in 64 bits");
    } else {
      c->SetSpan(*start, *end);
    }
  }
}

void ValidateTracing(ScenarioChecker* c) {
  const scenario::Scenario& s = c->scenario();
  std::set<std::string, std::less<>> ids;
  for (int i = 0; i < s.tracers_size(); ++i) {
    const FieldPath p = FieldPath().Element("tracers", i);
    const scenario::TracerSpec& t = s.tracers(i);
    if (c->RequireString(p.Field("tracer"), t.has_tracer(), t.tracer()) &&
        !IsRegisteredTracer(t.tracer())) {
      c->Error(p.Field("tracer"), "unknown tracer " + Quote(t.tracer()) +
                                      " (known: " + RegisteredNames() + ")");
    }
    c->CheckInt(p.Field("max_hops"), t.max_hops(), 0, 1'000'000);
    const std::string& id = t.has_id() ? t.id() : t.tracer();
    if (id.empty()) continue;
    if (!ids.insert(id).second) {
      c->Error(p.Field(t.has_id() ? "id" : "tracer"),
               "duplicate tracer id " + Quote(id) +
                   " (set `id` to run a tracer twice)");
    }
  }
  for (int i = 0; i < s.expectations_size(); ++i) {
    const FieldPath p = FieldPath().Element("expectations", i);
    const scenario::Expectation& e = s.expectations(i);
    if (c->RequireString(p.Field("tracer"), e.has_tracer(), e.tracer())) {
      // Without `tracers`, every registered tracer runs under its name.
      if (s.tracers_size() > 0 && ids.count(e.tracer()) == 0) {
        c->Error(p.Field("tracer"), "unknown tracer id " + Quote(e.tracer()) +
                                        " (not in `tracers`)");
      } else if (s.tracers_size() == 0 && !IsRegisteredTracer(e.tracer())) {
        c->Error(p.Field("tracer"),
                 "unknown tracer " + Quote(e.tracer()) +
                     " (no `tracers` given, so every registered tracer runs: " +
                     RegisteredNames() + ")");
      }
    }
    if (c->Require(p.Field("metric"), e.has_metric()) &&
        e.metric() == scenario::METRIC_UNSPECIFIED) {
      c->Error(p.Field("metric"),
               "must name a metric, not "
               "METRIC_UNSPECIFIED");
    }
    if (e.has_attack() && !c->HasAttack(e.attack())) {
      c->Error(p.Field("attack"), "unknown attack " + Quote(e.attack()));
    } else if (e.has_attack() && e.metric() != scenario::METRIC_UNSPECIFIED &&
               !eval::MetricPerAttack(e.metric())) {
      c->Error(p.Field("attack"),
               scenario::Metric_Name(e.metric()) +
                   " is measured over all attacks only (a false positive "
                   "belongs to no attack); remove `attack`");
    }
    if (!e.has_min() && !e.has_max()) {
      c->Error(p, "set at least one of min and max");
    }
    if (e.has_min()) {
      c->CheckReal(p.Field("min"), e.min(), -1e300, 1e300);
    }
    if (e.has_max()) {
      c->CheckReal(p.Field("max"), e.max(), -1e300, 1e300);
    }
    if (e.has_min() && e.has_max() && e.min() > e.max()) {
      c->Error(p.Field("max"), "min (" + FormatReal(e.min()) +
                                   ") is greater than max (" +
                                   FormatReal(e.max()) + ")");
    }
  }
  // Every label coverage is a share in [0, 1].
  const FieldPath labels = FieldPath().Field("labels");
  const auto* descriptor = scenario::LabelCoverage::descriptor();
  const auto* reflection = s.labels().GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    c->CheckReal(labels.Field(field->name()),
                 reflection->GetDouble(s.labels(), field), 0, 1);
  }
  const FieldPath limits = FieldPath().Field("limits");
  c->CheckInt(limits.Field("max_transactions"), s.limits().max_transactions(),
              0, std::numeric_limits<std::int64_t>::max());
  c->CheckInt(limits.Field("max_addresses"), s.limits().max_addresses(), 0,
              std::numeric_limits<std::int64_t>::max());
}

}  // namespace

std::vector<Diagnostic> ValidateScenario(const scenario::Scenario& scenario,
                                         const SourceMap& map) {
  ScenarioChecker checker(scenario, map);
  checker.IndexNames();
  ValidateHeader(&checker);
  ValidateWorld(&checker);
  ValidateAttacks(&checker);
  ValidateTracing(&checker);
  return checker.TakeDiagnostics();
}

}  // namespace chaintrace::sim
