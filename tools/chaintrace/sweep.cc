// `chaintrace sweep SWEEP_FILE [--jobs N] [--out DIR] [--shard i/N]` and
// `chaintrace sweep merge DIR... [--out DIR]`: run a parameter sweep
// (proto/sweep.proto), resumably and in parallel, and combine the outputs
// of its shards.

#include <unistd.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sim/sweep/grid.h"
#include "sim/sweep/number_text.h"
#include "sim/sweep/runner.h"
#include "sim/sweep/sweep_file.h"
#include "sim/sweep/sweep_run.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct SweepCommandOptions {
  std::string file;
  int jobs = 0;  // 0: one per hardware thread
  std::string out;
  std::string shard = "0/1";
  std::vector<std::string> merge_dirs;
  std::string merge_out;
};

std::string Clock(double seconds) {
  const auto s = static_cast<long long>(std::llround(seconds));
  if (s >= 3600) {
    return std::to_string(s / 3600) + "h" + std::to_string(s % 3600 / 60) + "m";
  }
  if (s >= 60)
    return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
  return std::to_string(s) + "s";
}

// "runs 12/40, 0.80/s, 35s left" on one terminal line, rewritten in place.
void ShowProgress(const sweep::SweepProgress& p) {
  const double rate = p.elapsed_seconds > 0
                          ? static_cast<double>(p.done) / p.elapsed_seconds
                          : 0;
  const double left =
      rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
  std::cerr << "\r\033[Kruns " << p.done << "/" << p.total << ", "
            << sweep::FormatFixed(rate, 2) << "/s, " << Clock(left) << " left"
            << std::flush;
}

void PrintPlots(const std::vector<std::string>& plots) {
  for (const std::string& p : plots) std::cout << "plot: " << p << "\n";
}

int RunSweepCommand(const SweepCommandOptions& options) {
  if (options.file.empty()) {
    std::cerr << "error: sweep needs SWEEP_FILE (or: sweep merge DIR...)\n";
    return kExitBadInput;
  }
  const Result<sweep::Shard> shard = sweep::ParseShard(options.shard);
  if (!shard.ok()) {
    std::cerr << "error: " << shard.message() << "\n";
    return kExitBadInput;
  }
  const sweep::SweepLoadResult loaded = sweep::LoadSweepFile(options.file);
  if (!loaded.ok()) {
    for (const sim::Diagnostic& d : loaded.diagnostics) {
      std::cerr << d.ToString() << "\n";
    }
    return kExitBadInput;
  }
  const sweep::SweepPlan& plan = *loaded.plan;
  sweep::SweepRunOptions run;
  run.out_dir = options.out.empty() ? "sweeps/" + plan.name : options.out;
  run.jobs =
      options.jobs > 0
          ? options.jobs
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  run.shard = *shard;
  run.runner = sweep::RunScenarioPoint;
  const bool terminal = isatty(STDERR_FILENO) == 1;
  if (terminal) run.progress = ShowProgress;
  const Result<sweep::SweepRunSummary> result = sweep::RunSweep(plan, run);
  if (terminal) std::cerr << "\n";
  if (!result.ok()) {
    std::cerr << result.message() << "\n";
    return kExitBadInput;
  }
  const sweep::SweepRunSummary& s = *result;
  std::cout << "sweep " << plan.name << ": " << s.grid_runs
            << " runs (points x seeds); shard " << options.shard << ": "
            << s.shard_runs << " runs, " << s.already_done << " already done, "
            << s.ran << " run now\n";
  std::cout << "results: " << run.out_dir << "/results.csv\n";
  PrintPlots(s.plots);
  if (s.missing > 0) {
    std::cout << s.missing
              << " runs of the grid are not in this output (other shards); "
                 "combine them with `chaintrace sweep merge`\n";
  }
  return kExitOk;
}

int RunMergeCommand(const SweepCommandOptions& options) {
  const std::string out = options.merge_out.empty() ? options.merge_dirs.front()
                                                    : options.merge_out;
  const Result<sweep::MergeSummary> result =
      sweep::MergeSweepOutputs(options.merge_dirs, out);
  if (!result.ok()) {
    std::cerr << result.message() << "\n";
    return kExitBadInput;
  }
  std::cout << "merged " << options.merge_dirs.size()
            << " outputs: " << result->found << " of " << result->grid_runs
            << " runs\n";
  std::cout << "results: " << out << "/results.csv\n";
  PrintPlots(result->plots);
  if (result->missing > 0) {
    std::cerr << "error: " << result->missing
              << " runs are missing (a shard not run or not merged); plots "
                 "are drawn once every run is present\n";
    return kExitCheckFailed;
  }
  return kExitOk;
}

}  // namespace

void AddSweepCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<SweepCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "Run a parameter sweep (proto/sweep.proto): every grid point x seed is "
      "simulated, traced and scored; one CSV row per point, seed and tracer "
      "in OUT/results.csv, SVG plots in OUT/plots/. Resumes: runs already in "
      "OUT are not redone. Exit 0 ok, 2 bad input or a run failed.");
  cmd->add_option("SWEEP_FILE", options->file, "Sweep file (text format)");
  cmd->add_option("--jobs,-j", options->jobs,
                  "Runs in parallel (default: one per hardware thread); the "
                  "outputs are the same whatever N is")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--out", options->out,
                  "Output directory (default: sweeps/NAME)");
  cmd->add_option("--shard", options->shard,
                  "Run only slice i of N (0 <= i < N): every run whose index "
                  "in the grid is i modulo N; combine with `sweep merge`")
      ->default_str("0/1");
  CLI::App* merge = cmd->add_subcommand(
      "merge",
      "Combine sweep outputs (e.g. the --shard directories of one sweep) "
      "into one: results.csv and, once no run is missing, the plots. Exit 1 "
      "when runs are missing.");
  merge->add_option("DIR", options->merge_dirs, "Sweep output directories")
      ->required();
  merge->add_option("--out", options->merge_out,
                    "Where to write (default: the first DIR)");
  merge->callback(
      [options, exit_code] { *exit_code = RunMergeCommand(*options); });
  cmd->callback([options, exit_code, merge] {
    if (merge->parsed()) return;
    *exit_code = RunSweepCommand(*options);
  });
}

}  // namespace chaintrace::tools
