#include "sim/eval/run.h"

#include <chrono>
#include <utility>

#include "model/time.h"
#include "sim/eval/evaluate.h"
#include "sim/scenario/plans.h"
#include "sim/trace/registry.h"
#include "sim/world/simulator.h"

namespace chaintrace::eval {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point begin) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
      .count();
}

std::vector<PlanStages> ScenarioPlans(const scenario::Scenario& s) {
  std::vector<PlanStages> out;
  for (const scenario::Attack& a : s.attacks()) {
    const scenario::Plan* plan = sim::AttackPlan(s, a);
    if (plan != nullptr) out.push_back({a.name(), PlanStageKinds(*plan)});
  }
  for (const scenario::Entity& e : s.entities()) {
    if (!e.has_attacker()) continue;
    for (const scenario::Cryptojacking& cj : e.attacker().cryptojacking()) {
      const scenario::Plan* plan =
          cj.has_plan() ? sim::FindPlan(s, cj.plan()) : nullptr;
      if (plan != nullptr) out.push_back({cj.name(), PlanStageKinds(*plan)});
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> PlanStageKinds(const scenario::Plan& plan) {
  std::vector<std::string> kinds;
  for (const scenario::Stage& stage : plan.stages()) {
    const auto* field = scenario::Stage::descriptor()->FindFieldByNumber(
        static_cast<int>(stage.kind_case()));
    kinds.push_back(field != nullptr ? field->name() : "");
  }
  return kinds;
}

Result<std::vector<TracerRun>> SelectTracers(
    const scenario::Scenario& scenario, const std::vector<std::string>& names) {
  std::vector<TracerRun> runs;
  if (!names.empty()) {
    for (const std::string& n : names) runs.push_back({n, n, {}});
  } else if (scenario.tracers_size() > 0) {
    for (const scenario::TracerSpec& spec : scenario.tracers()) {
      TracerRun r;
      r.tracer = spec.tracer();
      r.id = spec.has_id() ? spec.id() : spec.tracer();
      r.options.max_hops = spec.max_hops();
      r.options.drop_fee_taint = spec.drop_fee_taint();
      runs.push_back(std::move(r));
    }
  } else {
    for (const trace::TracerInfo& info : trace::RegisteredTracers()) {
      runs.push_back({info.name, info.name, {}});
    }
  }
  for (const TracerRun& r : runs) {
    auto made = trace::MakeTracer(r.tracer, r.options);
    if (!made.ok()) return made.status();
  }
  return runs;
}

Result<RunResult> RunScenario(const scenario::Scenario& scenario,
                              const RunOptions& options) {
  const auto progress = [&](std::string_view phase) {
    if (options.progress) options.progress(phase);
  };
  auto runs = SelectTracers(scenario, options.tracers);
  if (!runs.ok()) return runs.status();

  progress("simulate");
  auto begin = std::chrono::steady_clock::now();
  sim::SimulateOptions sim_options;
  sim_options.seed = options.seed;
  sim_options.scale = options.scale;
  sim_options.scenario_sha256 = options.scenario_sha256;
  auto simulated = sim::Simulate(scenario, sim_options);
  if (!simulated.ok()) return simulated.status();
  RunResult out;
  out.ledger = std::move(simulated->file);
  out.simulate_s = SecondsSince(begin);

  const LedgerFile& file = out.ledger;
  report::Report& report = out.report;
  common::Provenance* prov = report.mutable_provenance();
  prov->set_scenario(file.provenance.scenario);
  prov->set_scenario_sha256(file.provenance.scenario_sha256);
  prov->set_seed(file.provenance.seed);
  prov->set_chaintrace_version(file.provenance.chaintrace_version);
  prov->set_scale(file.provenance.scale);
  report.set_start(FormatCalendarTime(file.ledger.start()));

  progress("evaluate");
  begin = std::chrono::steady_clock::now();
  auto evaluation = Evaluation::Create(file, ScenarioPlans(scenario));
  if (!evaluation.ok()) return evaluation.status();
  for (const report::AttackSummary& a : evaluation->attacks()) {
    *report.add_attacks() = a;
  }
  out.evaluate_s = SecondsSince(begin);

  const std::vector<trace::Seed> seeds = trace::SeedsFromThefts(file.ledger);
  for (const TracerRun& r : *runs) {
    progress("trace " + r.id);
    auto tracer = trace::MakeTracer(r.tracer, r.options);
    if (!tracer.ok()) return tracer.status();
    begin = std::chrono::steady_clock::now();
    auto result =
        (*tracer)->Trace(trace::TraceInput{&file.ledger, seeds, &file.labels});
    if (!result.ok()) {
      return Status::Error("tracer '" + r.id + "': " + result.message());
    }
    const double trace_s = SecondsSince(begin);
    begin = std::chrono::steady_clock::now();
    report::TracerReport tr = evaluation->Score(*result);
    out.evaluate_s += SecondsSince(begin);
    tr.set_tracer(r.tracer);
    tr.set_id(r.id);
    tr.set_run_time_s(trace_s);
    *report.add_tracers() = std::move(tr);
  }
  return out;
}

}  // namespace chaintrace::eval
