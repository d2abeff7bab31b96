// `chaintrace run SCENARIO [--seed N] [--scale X] [--tracer NAME]... [--out
// DIR] [-q]`: simulate the scenario, run the tracers, score them against the
// ground truth, print a summary and write report.pb, report.json,
// metrics.csv and ledger.pb to DIR.

#include "sim/eval/run.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/atomic_file.h"
#include "model/ledger_io.h"
#include "sim/eval/report_csv.h"
#include "sim/scenario/loader.h"
#include "tools/chaintrace/commands.h"
#include "tools/chaintrace/run_summary.h"

namespace chaintrace::tools {
namespace {

struct RunCommandOptions {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  double scale = 1.0;
  std::vector<std::string> tracers;
  std::string out;
  bool quiet = false;
};

Status WriteText(const std::string& path, const std::string& text) {
  return WriteFileAtomically(path,
                             [&](int fd) { return WriteAll(fd, text, path); });
}

Status WriteOutputs(const eval::RunResult& run, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status::Error(dir + ": cannot create directory: " + ec.message());
  }
  const auto path = [&](const char* name) {
    return (std::filesystem::path(dir) / name).string();
  };
  std::string binary;
  {
    google::protobuf::io::StringOutputStream stream(&binary);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    run.report.SerializeToCodedStream(&coded);
  }
  if (Status st = WriteText(path("report.pb"), binary); !st.ok()) return st;
  std::string json;
  google::protobuf::util::JsonPrintOptions json_options;
  json_options.add_whitespace = true;
  json_options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(run.report, &json,
                                                   json_options)
           .ok()) {
    return Status::Error(path("report.json") + ": cannot encode the report");
  }
  if (Status st = WriteText(path("report.json"), json); !st.ok()) return st;
  if (Status st =
          WriteText(path("metrics.csv"), eval::FormatMetricsCsv(run.report));
      !st.ok()) {
    return st;
  }
  return WriteLedger(run.ledger, path("ledger.pb"));
}

int RunRun(const RunCommandOptions& o) {
  const sim::LoadResult loaded = sim::LoadScenarioFile(o.scenario);
  for (const sim::Diagnostic& d : loaded.diagnostics) {
    std::cerr << d.ToString() << "\n";
  }
  if (!loaded.ok()) return kExitBadInput;
  eval::RunOptions options;
  options.seed = o.seed;
  options.scale = o.scale;
  options.scenario_sha256 = loaded.scenario->sha256;
  options.tracers = o.tracers;
  if (!o.quiet) {
    options.progress = [](std::string_view phase) {
      std::cerr << "[run] " << phase << "\n";
    };
  }
  auto run = eval::RunScenario(loaded.scenario->scenario, options);
  if (!run.ok()) {
    std::cerr << o.scenario << ": " << run.message() << "\n";
    return kExitBadInput;
  }
  if (!o.out.empty()) {
    if (Status st = WriteOutputs(*run, o.out); !st.ok()) {
      std::cerr << "error: " << st.message() << "\n";
      return kExitBadInput;
    }
  }
  if (o.quiet) return kExitOk;
  std::cout << FormatRunSummary(*run);
  if (!o.out.empty()) {
    std::cout << "\nwrote report.pb, report.json, metrics.csv and ledger.pb "
                 "to "
              << o.out << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddRunCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<RunCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Simulate a scenario, run the tracers from the reported thefts and "
      "score each against the ground truth; print a summary (metrics per "
      "tracer, true vs attributed USD per exchange, per attack where each "
      "tracer lost the trail) and with --out write report.pb, report.json, "
      "metrics.csv and ledger.pb");
  cmd->add_option("scenario", options->scenario, "Scenario file (.textproto)")
      ->required();
  cmd->add_option("--seed", options->seed,
                  "Random seed (default: the scenario's)");
  cmd->add_option("--scale", options->scale,
                  "Multiply background activity by this factor, > 0")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--tracer", options->tracers,
                  "Run this registered tracer (repeatable; default: the "
                  "scenario's tracers, else every registered tracer)");
  cmd->add_option("--out", options->out, "Output directory");
  cmd->add_flag("-q,--quiet", options->quiet,
                "Print nothing on success (no summary, no progress)");
  cmd->callback([options, exit_code] { *exit_code = RunRun(*options); });
}

}  // namespace chaintrace::tools
