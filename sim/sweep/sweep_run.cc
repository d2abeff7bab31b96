#include "sim/sweep/sweep_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "sim/sweep/files.h"
#include "sim/sweep/plot_data.h"
#include "sim/sweep/results_csv.h"
#include "sim/sweep/svg_plot.h"

namespace chaintrace::sweep {
namespace {

namespace fs = std::filesystem;

constexpr const char* kManifest = "sweep.textproto";
constexpr const char* kResults = "results.csv";
constexpr const char* kRunsDir = "runs";
constexpr const char* kPlotsDir = "plots";

// "P-S": the name of a run, its file name in runs/ without ".csv".
std::string RunName(const std::string& point_id, std::uint64_t seed) {
  return point_id + "-" + std::to_string(seed);
}

// Rows per run name, each the run's CSV lines without the header.
using RowsByRun = std::map<std::string, std::string>;

Status AddRows(const std::string& run, const std::string& lines,
               const std::string& source, RowsByRun* rows) {
  const auto [it, inserted] = rows->emplace(run, lines);
  if (!inserted && it->second != lines) {
    return Status::Error(source + ": rows of run " + run +
                         " differ from those found before (outputs of "
                         "different runs mixed?)");
  }
  return Status::Ok();
}

// Reads the rows `dir` holds, in runs/ and results.csv. Only runs of the
// grid are accepted.
Status CollectRows(const SweepPlan& plan, const std::set<std::string>& grid,
                   const std::string& dir, RowsByRun* rows) {
  const fs::path results = fs::path(dir) / kResults;
  std::error_code ec;
  if (fs::exists(results, ec)) {
    const Result<std::string> text = ReadWholeFile(results.string());
    if (!text.ok()) return text.status();
    const auto parsed = ParseResults(plan, *text, results.string());
    if (!parsed.ok()) return parsed.status();
    RowsByRun found;
    for (const ResultRow& row : *parsed) {
      found[RunName(row.point, row.seed)] += row.line;
    }
    for (const auto& [run, lines] : found) {
      if (grid.count(run) == 0) {
        return Status::Error(results.string() + ": run " + run +
                             " is not in this sweep's grid");
      }
      if (Status s = AddRows(run, lines, results.string(), rows); !s.ok()) {
        return s;
      }
    }
  }
  const fs::path runs = fs::path(dir) / kRunsDir;
  if (!fs::is_directory(runs, ec)) return Status::Ok();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(runs, ec)) {
    const std::string name = entry.path().filename().string();
    // Hidden names are temporary files of atomic writes.
    if (name.empty() || name.front() == '.' ||
        entry.path().extension() != ".csv") {
      continue;
    }
    files.push_back(entry.path());
  }
  if (ec) return Status::Error(runs.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string run = file.stem().string();
    if (grid.count(run) == 0) {
      return Status::Error(file.string() + ": run " + run +
                           " is not in this sweep's grid");
    }
    const Result<std::string> text = ReadWholeFile(file.string());
    if (!text.ok()) return text.status();
    const auto parsed = ParseResults(plan, *text, file.string());
    if (!parsed.ok()) return parsed.status();
    std::string lines;
    for (const ResultRow& row : *parsed) {
      if (RunName(row.point, row.seed) != run) {
        return Status::Error(file.string() + ": holds a row of run " +
                             RunName(row.point, row.seed));
      }
      lines += row.line;
    }
    if (Status s = AddRows(run, lines, file.string(), rows); !s.ok()) return s;
  }
  return Status::Ok();
}

std::set<std::string> GridRunNames(const SweepPlan& plan,
                                   const std::vector<GridPoint>& points) {
  std::set<std::string> names;
  for (const GridPoint& p : points) {
    for (std::uint64_t seed : plan.seeds) names.insert(RunName(p.id, seed));
  }
  return names;
}

// Writes the manifest, or checks that the directory's is the same.
Status ClaimDirectory(const SweepPlan& plan, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(fs::path(dir) / kRunsDir, ec);
  if (ec) return Status::Error(dir + ": cannot create: " + ec.message());
  const std::string path = (fs::path(dir) / kManifest).string();
  const std::string text = ManifestText(plan.manifest);
  if (fs::exists(path, ec)) {
    const Result<std::string> old = ReadWholeFile(path);
    if (!old.ok()) return old.status();
    if (*old != text) {
      return Status::Error(path +
                           ": this directory holds the output of another "
                           "sweep (or of this sweep before its file or base "
                           "scenario changed); use another --out");
    }
    return Status::Ok();
  }
  return WriteWholeFile(path, text);
}

// Writes results.csv (grid order) and, when complete, the plots.
Status WriteCombined(const SweepPlan& plan,
                     const std::vector<GridPoint>& points,
                     const RowsByRun& rows, const std::string& dir,
                     std::size_t* missing, std::vector<std::string>* plots) {
  std::string text = ResultHeader(plan);
  *missing = 0;
  for (const GridPoint& p : points) {
    for (std::uint64_t seed : plan.seeds) {
      const auto it = rows.find(RunName(p.id, seed));
      if (it == rows.end()) {
        ++*missing;
      } else {
        text += it->second;
      }
    }
  }
  const std::string results = (fs::path(dir) / kResults).string();
  if (Status s = WriteWholeFile(results, text); !s.ok()) return s;
  if (*missing > 0) return Status::Ok();
  const auto parsed = ParseResults(plan, text, results);
  if (!parsed.ok()) return parsed.status();
  std::error_code ec;
  fs::create_directories(fs::path(dir) / kPlotsDir, ec);
  if (ec) return Status::Error(dir + ": cannot create plots/: " + ec.message());
  for (const Plot& plot : plan.plots) {
    const Result<PlotData> data = BuildPlotData(plan, plot, *parsed);
    if (!data.ok()) return data.status();
    const std::string path =
        (fs::path(dir) / kPlotsDir / (plot.name() + ".svg")).string();
    if (Status s = WriteWholeFile(path, RenderSvgPlot(*data)); !s.ok()) {
      return s;
    }
    plots->push_back(path);
  }
  return Status::Ok();
}

}  // namespace

Result<SweepRunSummary> RunSweep(const SweepPlan& plan,
                                 const SweepRunOptions& options) {
  if (!plan.base) return Status::Error(plan.file + ": no base scenario");
  if (!options.runner) return Status::Error("no point runner");
  if (options.jobs < 1) return Status::Error("--jobs must be at least 1");
  if (Status s = ClaimDirectory(plan, options.out_dir); !s.ok()) return s;

  const std::vector<GridPoint> points = ExpandGrid(plan);
  const std::set<std::string> grid = GridRunNames(plan, points);
  RowsByRun rows;
  if (Status s = CollectRows(plan, grid, options.out_dir, &rows); !s.ok()) {
    return s;
  }
  const std::vector<RunKey> all = AllRuns(plan);
  const std::vector<RunKey> mine = ShardRuns(all, options.shard);
  SweepRunSummary summary;
  summary.grid_runs = all.size();
  summary.shard_runs = mine.size();
  std::vector<RunKey> pending;
  for (const RunKey& r : mine) {
    if (rows.count(RunName(points[r.point].id, plan.seeds[r.seed_index]))) {
      ++summary.already_done;
    } else {
      pending.push_back(r);
    }
  }
  // Every point's scenario must be valid before anything runs.
  std::set<std::size_t> checked;
  for (const RunKey& r : pending) {
    if (!checked.insert(r.point).second) continue;
    const auto s = PointScenario(plan, points[r.point], plan.seeds.front());
    if (!s.ok()) return s.status();
  }

  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;  // guards rows, error, done and the progress callback
  Status error;
  std::size_t done = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::string runs_dir = (fs::path(options.out_dir) / kRunsDir).string();
  const std::string header = ResultHeader(plan);

  const auto work = [&] {
    while (!stop.load()) {
      const std::size_t i = next.fetch_add(1);
      if (i >= pending.size()) return;
      const RunKey& r = pending[i];
      const GridPoint& point = points[r.point];
      const std::uint64_t seed = plan.seeds[r.seed_index];
      const std::string name = RunName(point.id, seed);
      Status failed;
      std::string lines;
      auto scenario = PointScenario(plan, point, seed);
      if (!scenario.ok()) {
        failed = scenario.status();
      } else {
        const Result<report::Report> report = options.runner(*scenario, seed);
        if (!report.ok()) {
          failed =
              Status::Error(plan.file + ": point " + point.id + " (" +
                            DescribePoint(plan, point) + "), seed " +
                            std::to_string(seed) + ": " + report.message());
        } else {
          lines = ResultRows(plan, point, seed, *report);
          failed = WriteWholeFile(
              (fs::path(runs_dir) / (name + ".csv")).string(), header + lines);
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      if (!failed.ok()) {
        if (error.ok()) error = failed;
        stop.store(true);
        return;
      }
      rows[name] = lines;
      ++done;
      if (options.progress) {
        const std::chrono::duration<double> elapsed =
            std::chrono::steady_clock::now() - start;
        options.progress(SweepProgress{done, pending.size(), elapsed.count()});
      }
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(static_cast<std::size_t>(options.jobs),
                            std::max<std::size_t>(pending.size(), 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  summary.ran = done;

  const Status combined = WriteCombined(plan, points, rows, options.out_dir,
                                        &summary.missing, &summary.plots);
  if (!error.ok()) return error;
  if (!combined.ok()) return combined;
  return summary;
}

Result<MergeSummary> MergeSweepOutputs(const std::vector<std::string>& dirs,
                                       const std::string& out_dir) {
  if (dirs.empty()) return Status::Error("nothing to merge");
  const std::string first = (fs::path(dirs.front()) / kManifest).string();
  SweepLoadResult loaded = LoadSweepManifest(first);
  if (!loaded.ok()) {
    std::string message = first + ": not a sweep output:";
    for (const sim::Diagnostic& d : loaded.diagnostics) {
      message += "\n  " + d.ToString();
    }
    return Status::Error(message);
  }
  const SweepPlan& plan = *loaded.plan;
  const std::string manifest = ManifestText(plan.manifest);
  const std::vector<GridPoint> points = ExpandGrid(plan);
  const std::set<std::string> grid = GridRunNames(plan, points);
  RowsByRun rows;
  for (const std::string& dir : dirs) {
    const std::string path = (fs::path(dir) / kManifest).string();
    const Result<std::string> text = ReadWholeFile(path);
    if (!text.ok()) return text.status();
    if (*text != manifest) {
      std::string message = path;
      message += ": the output of another sweep than ";
      message += first;
      return Status::Error(message);
    }
    if (Status s = CollectRows(plan, grid, dir, &rows); !s.ok()) return s;
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Status::Error(out_dir + ": cannot create: " + ec.message());
  const std::string out_manifest = (fs::path(out_dir) / kManifest).string();
  if (fs::exists(out_manifest, ec)) {
    const Result<std::string> text = ReadWholeFile(out_manifest);
    if (!text.ok()) return text.status();
    if (*text != manifest) {
      return Status::Error(out_manifest +
                           ": the output directory holds another sweep");
    }
  } else if (Status s = WriteWholeFile(out_manifest, manifest); !s.ok()) {
    return s;
  }
  MergeSummary summary;
  summary.grid_runs = grid.size();
  summary.found = rows.size();
  if (Status s = WriteCombined(plan, points, rows, out_dir, &summary.missing,
                               &summary.plots);
      !s.ok()) {
    return s;
  }
  return summary;
}

}  // namespace chaintrace::sweep
