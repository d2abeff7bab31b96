#ifndef CHAINTRACE_SIM_SWEEP_SWEEP_RUN_H_
#define CHAINTRACE_SIM_SWEEP_SWEEP_RUN_H_

// Runs a sweep into an output directory, resumably, and merges the
// directories of several shards.
//
// Layout of an output directory:
//   sweep.textproto    the resolved sweep (sweep_file.h); a directory holds
//                      the output of one sweep only
//   runs/P-S.csv       the rows of point P with seed S, written atomically
//                      when that run ends; an interrupted sweep leaves whole
//                      files only
//   results.csv        every row found, in grid order (results_csv.h),
//                      rewritten atomically after the runs
//   plots/NAME.svg     one per plot, once every run of the grid is present
//
// A run whose rows are already in runs/ or results.csv is not run again.
// The rows, results.csv and plots depend only on the sweep and the runner's
// reports, never on --jobs or on the order runs finish in.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "model/status.h"
#include "sim/sweep/grid.h"
#include "sim/sweep/runner.h"
#include "sim/sweep/sweep_file.h"

namespace chaintrace::sweep {

struct SweepProgress {
  std::size_t done = 0;   // runs finished by this invocation
  std::size_t total = 0;  // runs this invocation has to do
  double elapsed_seconds = 0;
};

struct SweepRunOptions {
  std::string out_dir;
  int jobs = 1;  // worker threads, >= 1
  Shard shard;
  PointRunner runner;
  // Called after each run, from the worker thread that finished it, one
  // call at a time. May be empty.
  std::function<void(const SweepProgress&)> progress;
};

struct SweepRunSummary {
  std::size_t grid_runs = 0;       // points x seeds
  std::size_t shard_runs = 0;      // of them in this shard
  std::size_t already_done = 0;    // of the shard's, found in the output
  std::size_t ran = 0;             // run by this invocation
  std::size_t missing = 0;         // grid runs not in the output (other shards)
  std::vector<std::string> plots;  // files written
};

// Runs the shard's runs that the output does not hold yet. On a runner
// error no new run starts; the runs that finished are kept (in runs/ and
// results.csv) and the error names the point and seed.
Result<SweepRunSummary> RunSweep(const SweepPlan& plan,
                                 const SweepRunOptions& options);

struct MergeSummary {
  std::size_t grid_runs = 0;
  std::size_t found = 0;
  std::size_t missing = 0;
  std::vector<std::string> plots;
};

// Combines the outputs in `dirs` (all of the same sweep, e.g. its shards)
// into `out_dir` (which may be one of them): manifest, results.csv and,
// when no run is missing, the plots. Two outputs disagreeing on one run's
// rows are an error.
Result<MergeSummary> MergeSweepOutputs(const std::vector<std::string>& dirs,
                                       const std::string& out_dir);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_SWEEP_RUN_H_
