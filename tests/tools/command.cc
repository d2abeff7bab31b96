#include "tests/tools/command.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <utility>

namespace chaintrace::testing_util {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path MakeTempDir(std::string_view prefix) {
  std::string pattern =
      ::testing::TempDir() + "/" + std::string(prefix) + "_XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const char* dir = ::mkdtemp(buffer.data());
  EXPECT_NE(dir, nullptr) << pattern;
  return dir == nullptr ? fs::path(::testing::TempDir()) : fs::path(dir);
}

CommandResult RunCommand(std::vector<std::string> args) {
  const fs::path dir = MakeTempDir("chaintrace_command");
  const fs::path out = dir / "stdout";
  const fs::path err = dir / "stderr";
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadAll(out);
  result.err = ReadAll(err);
  fs::remove_all(dir);
  return result;
}

CommandResult RunChaintrace(std::vector<std::string> args) {
  args.insert(args.begin(), CHAINTRACE_BINARY);
  return RunCommand(std::move(args));
}

}  // namespace chaintrace::testing_util
