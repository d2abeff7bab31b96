// `chaintrace validate FILE...`: load each scenario (includes resolved),
// validate it, print every problem, exit 0 when all are valid and 2 otherwise.
// For each valid file it prints a line and the scenario's summary (figures
// by attack, asset, country and region; sim/scenario/summary.h) unless -q.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/scenario/loader.h"
#include "sim/scenario/summary.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  bool quiet = false;
};

int RunValidate(const ValidateOptions& options) {
  int exit_code = kExitOk;
  for (const std::string& file : options.files) {
    const sim::LoadResult result = sim::LoadScenarioFile(file);
    for (const sim::Diagnostic& d : result.diagnostics) {
      std::cerr << d.ToString() << "\n";
    }
    if (!result.ok()) {
      std::cerr << file << ": invalid (" << result.diagnostics.size()
                << (result.diagnostics.size() == 1 ? " error" : " errors")
                << ")\n";
      exit_code = kExitBadInput;
      continue;
    }
    if (options.quiet) continue;
    const scenario::Scenario& s = result.scenario->scenario;
    std::cout << file << ": ok: " << s.metadata().name() << " ("
              << s.chains_size() << " chains, " << s.assets_size()
              << " assets, " << s.entities_size() << " entities, "
              << s.attacks_size() << " attacks, "
              << result.scenario->files.size() << " files, sha256 "
              << result.scenario->sha256.substr(0, 16) << ")\n";
    const Result<sim::ScenarioSummary> summary = sim::SummarizeScenario(s);
    if (!summary.ok()) {
      std::cerr << file << ": cannot summarize: " << summary.message() << "\n";
      exit_code = kExitBadInput;
      continue;
    }
    std::cout << sim::FormatSummary(*summary);
  }
  return exit_code;
}

}  // namespace

void AddValidateCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check scenario files (syntax, references, amounts, ranges, times, "
      "includes) and print every problem as file:line:col: field: message");
  cmd->add_option("FILE", options->files, "Scenario files (.textproto)")
      ->required();
  cmd->add_flag("-q,--quiet", options->quiet,
                "Print only problems, not a line and a summary per valid file");
  cmd->callback([options, exit_code] { *exit_code = RunValidate(*options); });
}

}  // namespace chaintrace::tools
