#ifndef CHAINTRACE_SIM_SWEEP_SWEEP_FILE_H_
#define CHAINTRACE_SIM_SWEEP_SWEEP_FILE_H_

// Loads a sweep file (proto/sweep.proto) into a SweepPlan: the base
// scenario loaded and validated, every axis field path resolved against it,
// every axis value checked against its fields' types (ranges expanded), the
// seeds listed and the plots filled in with their defaults. Errors are
// diagnostics located at `sweep.textproto:line:col` (or in the scenario
// file for errors of the base scenario); every error found is reported.
//
// A SweepPlan also comes from the resolved copy chaintrace writes to a sweep
// output directory (`manifest`), which is what `sweep merge` reads: it has
// the values, seeds and plots but no base scenario.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "proto/scenario.pb.h"
#include "proto/sweep.pb.h"
#include "sim/scenario/diagnostic.h"
#include "sim/scenario/field_path.h"

namespace chaintrace::sweep {

struct SweepAxis {
  std::string name;
  std::string unit;
  // Resolved against the base scenario; empty in a plan read from a
  // manifest.
  std::vector<sim::FieldPath> fields;
  std::vector<std::string> values;  // as set on the fields
  // Plot position of each value: the number, or a duration in days; unset
  // when the value is neither.
  std::vector<std::optional<double>> x;
  bool durations = false;  // some value is a duration (x in days)
};

struct SweepPlan {
  std::string file;  // the sweep file as given
  std::string name;
  // Set when loaded from a sweep file; empty from a manifest.
  std::optional<scenario::Scenario> base;
  std::vector<SweepAxis> axes;
  std::vector<std::uint64_t> seeds;
  std::vector<scenario::TracerSpec> tracers;  // empty: the scenario's
  std::vector<Plot> plots;                    // defaults filled in
  // The resolved sweep, written to the output directory as
  // sweep.textproto; two outputs belong to the same sweep when their
  // manifests are equal.
  Sweep manifest;
};

struct SweepLoadResult {
  std::optional<SweepPlan> plan;  // set only when there are no errors
  std::vector<sim::Diagnostic> diagnostics;
  bool ok() const { return plan.has_value() && diagnostics.empty(); }
};

// Loads the sweep file at `path` and its base scenario.
SweepLoadResult LoadSweepFile(const std::string& path);

// Loads a manifest written by RunSweep (`DIR/sweep.textproto`).
SweepLoadResult LoadSweepManifest(const std::string& path);

// The manifest as text, deterministic, with the chaintrace version in its
// first comment line.
std::string ManifestText(const Sweep& manifest);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_SWEEP_FILE_H_
