#ifndef CHAINTRACE_TESTS_TOOLS_COMMAND_H_
#define CHAINTRACE_TESTS_TOOLS_COMMAND_H_

// Running programs from end-to-end tests: no shell, stdout and stderr
// captured through files in a private temporary directory.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace chaintrace::testing_util {

struct CommandResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

// The whole content of `path`, "" when it cannot be read.
std::string ReadAll(const std::filesystem::path& path);

// A fresh directory under gtest's temporary directory, unique per call and
// process (ctest runs test cases in parallel processes).
std::filesystem::path MakeTempDir(std::string_view prefix);

// Runs `argv` (argv[0] is the program's path) and waits for it.
CommandResult RunCommand(std::vector<std::string> argv);

// Runs the chaintrace binary under test with `args`.
CommandResult RunChaintrace(std::vector<std::string> args);

}  // namespace chaintrace::testing_util

#endif  // CHAINTRACE_TESTS_TOOLS_COMMAND_H_
