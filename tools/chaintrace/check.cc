// `chaintrace check SCENARIO...`: run each scenario and compare the report
// with the expectations it declares. Prints every bound with its measured
// value and PASS or FAIL; exit 1 listing the failures, 0 when all hold, 2
// when a scenario cannot be loaded or run.

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/eval/expectations.h"
#include "sim/eval/format.h"
#include "sim/eval/run.h"
#include "sim/scenario/loader.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct CheckOptions {
  std::vector<std::string> scenarios;
  std::optional<std::uint64_t> seed;
  double scale = 1.0;
  bool quiet = false;
};

std::string OutcomeLine(const std::string& scenario,
                        const eval::ExpectationOutcome& o) {
  std::string line = std::string(o.pass ? "PASS " : "FAIL ") + scenario + ": " +
                     eval::DescribeExpectation(o.expectation) + ": ";
  line +=
      o.measured ? "measured " + eval::FormatNumber(*o.measured) : o.problem;
  if (!o.pass && o.expectation.has_note()) {
    line += " (" + o.expectation.note() + ")";
  }
  return line;
}

int RunCheck(const CheckOptions& o) {
  bool bad_input = false;
  std::vector<std::string> failures;
  std::size_t total = 0;
  for (const std::string& path : o.scenarios) {
    const sim::LoadResult loaded = sim::LoadScenarioFile(path);
    for (const sim::Diagnostic& d : loaded.diagnostics) {
      std::cerr << d.ToString() << "\n";
    }
    if (!loaded.ok()) {
      bad_input = true;
      continue;
    }
    const scenario::Scenario& s = loaded.scenario->scenario;
    if (s.expectations_size() == 0) {
      if (!o.quiet) std::cout << "---- " << path << ": no expectations\n";
      continue;
    }
    eval::RunOptions options;
    options.seed = o.seed;
    options.scale = o.scale;
    options.scenario_sha256 = loaded.scenario->sha256;
    auto run = eval::RunScenario(s, options);
    if (!run.ok()) {
      std::cerr << path << ": " << run.message() << "\n";
      bad_input = true;
      continue;
    }
    for (const eval::ExpectationOutcome& out :
         eval::CheckExpectations(s, run->report)) {
      ++total;
      const std::string line = OutcomeLine(path, out);
      if (!o.quiet || !out.pass) std::cout << line << "\n";
      if (!out.pass) failures.push_back(line);
    }
  }
  if (!failures.empty()) {
    std::cout << "\n"
              << failures.size() << " of " << total
              << " expectations failed:\n";
    for (const std::string& f : failures) std::cout << "  " << f << "\n";
  } else if (!o.quiet) {
    std::cout << "all " << total << " expectations hold\n";
  }
  if (bad_input) return kExitBadInput;
  return failures.empty() ? kExitOk : kExitCheckFailed;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Run each scenario and check the metric bounds it declares "
      "(`expectations`); print every bound with its measured value; exit 1 "
      "when one fails, 2 when a scenario cannot be loaded or run");
  cmd->add_option("scenarios", options->scenarios, "Scenario files")
      ->required();
  cmd->add_option("--seed", options->seed,
                  "Random seed for every scenario (default: each one's)");
  cmd->add_option("--scale", options->scale,
                  "Multiply background activity by this factor, > 0")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("-q,--quiet", options->quiet,
                "Print only failures and their summary");
  cmd->callback([options, exit_code] { *exit_code = RunCheck(*options); });
}

}  // namespace chaintrace::tools
