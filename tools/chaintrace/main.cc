// chaintrace: simulate laundering of stolen crypto assets and score tracing
// heuristics against the exact ground truth.

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "model/version.h"
#include "tools/chaintrace/commands.h"

int main(int argc, char** argv) {
  using chaintrace::tools::kExitBadInput;
  using chaintrace::tools::kExitOk;

  CLI::App app(
      "chaintrace: simulate how funds stolen from cryptocurrency exchanges "
      "are laundered on-chain, and measure how well tracing heuristics "
      "follow them.\n\nExit codes: 0 ok, 1 a check failed, 2 bad usage or "
      "bad input.",
      "chaintrace");
  app.set_version_flag("--version", chaintrace::kVersion,
                       "Print the chaintrace version and exit");
  app.require_subcommand(1);

  int exit_code = kExitOk;
  chaintrace::tools::AddSimulateCommand(app, &exit_code);
  chaintrace::tools::AddValidateCommand(app, &exit_code);
  chaintrace::tools::AddTraceCommand(app, &exit_code);
  chaintrace::tools::AddVerifyCommand(app, &exit_code);
  chaintrace::tools::AddExportCommand(app, &exit_code);
  chaintrace::tools::AddImportCommand(app, &exit_code);
  chaintrace::tools::AddRunCommand(app, &exit_code);
  chaintrace::tools::AddCheckCommand(app, &exit_code);
  chaintrace::tools::AddSweepCommand(app, &exit_code);
  chaintrace::tools::AddReportCommand(app, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here with exit code 0; usage errors with a
    // non-zero one, which chaintrace reports as bad usage.
    const int cli_code = app.exit(e);
    return cli_code == 0 ? kExitOk : kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "chaintrace: internal error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return exit_code;
}
