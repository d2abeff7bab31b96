#ifndef CHAINTRACE_TOOLS_CHAINTRACE_COMMANDS_H_
#define CHAINTRACE_TOOLS_CHAINTRACE_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace chaintrace::tools {

// Exit codes of every chaintrace command.
enum ExitCode : int {
  kExitOk = 0,
  kExitCheckFailed = 1,
  kExitBadInput = 2,
};

// Each command registers itself as a subcommand of `app`; when the command
// line selects it, its callback runs the command and stores its exit code in
// *exit_code. Options live as long as `app` does.
void AddSimulateCommand(CLI::App& app, int* exit_code);
void AddValidateCommand(CLI::App& app, int* exit_code);
void AddTraceCommand(CLI::App& app, int* exit_code);
void AddVerifyCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddImportCommand(CLI::App& app, int* exit_code);
void AddRunCommand(CLI::App& app, int* exit_code);
void AddCheckCommand(CLI::App& app, int* exit_code);
void AddSweepCommand(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);

}  // namespace chaintrace::tools

#endif  // CHAINTRACE_TOOLS_CHAINTRACE_COMMANDS_H_
