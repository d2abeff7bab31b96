// `chaintrace simulate` end to end, its robustness (issue 9):
// - resource limits: a scenario estimated too large is refused with exit 2
//   before any work (sim/world/estimate.h);
// - atomic outputs: `simulate --out DIR` killed with SIGKILL while it writes
//   DIR/ledger.pb leaves either the previous complete ledger.pb or none,
//   never a truncated one (model/atomic_file.h).
//
// "While it writes" is observed, not guessed: the test polls the child's
// open file descriptors (/proc/PID/fd) and kills it as soon as one of them
// is a file inside DIR (the temporary output file; the directory itself,
// opened only to sync the rename, does not count).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "model/ledger_io.h"
#include "tests/tools/command.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;
using testing_util::MakeTempDir;
using testing_util::ReadAll;
using testing_util::RunChaintrace;

const std::string kSmall = std::string(CHAINTRACE_SOURCE_DIR) +
                           "/tests/data/scenarios/world/small.textproto";

std::vector<std::string> SimulateArgs(const fs::path& out, int seed) {
  return {"simulate",           kSmall,   "--out", out.string(), "--seed",
          std::to_string(seed), "--quiet"};
}

// Starts chaintrace with `args`, its output to /dev/null; -1 on failure.
pid_t Start(const std::vector<std::string>& args) {
  std::vector<std::string> all = {CHAINTRACE_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(all.size() + 1);
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Whether process `pid` holds a file inside `dir` open.
bool HoldsFileIn(pid_t pid, const std::string& dir) {
  std::error_code ec;
  const fs::path fds = fs::path("/proc") / std::to_string(pid) / "fd";
  for (fs::directory_iterator it(fds, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code link_ec;
    const std::string target = fs::read_symlink(it->path(), link_ec).string();
    if (!link_ec && target.rfind(dir + "/", 0) == 0) return true;
  }
  return false;
}

enum class Outcome { kKilledWhileWriting, kFinished, kFailed };

// Runs `simulate` into `out` and kills it with SIGKILL as soon as it holds
// a file in `out` open.
Outcome KillWhileWriting(const fs::path& out, int seed) {
  fs::create_directories(out);
  const std::string dir = fs::canonical(out).string();
  const pid_t pid = Start(SimulateArgs(out, seed));
  if (pid < 0) return Outcome::kFailed;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (HoldsFileIn(pid, dir)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return WIFSIGNALED(status) ? Outcome::kKilledWhileWriting
                                 : Outcome::kFinished;
    }
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Outcome::kFinished
                                                           : Outcome::kFailed;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return Outcome::kFailed;
}

// Names in `dir` that are not hidden (temporary files are hidden).
std::vector<std::string> VisibleFiles(const fs::path& dir) {
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.front() != '.') names.push_back(name);
  }
  return names;
}

// A population typed with a few zeros too many: refused in well under a
// second (simulating it would take hours), nothing written.
TEST(SimulateLimits, RefusesAnAbsurdUserCountBeforeWork) {
  const fs::path dir = MakeTempDir("limits");
  const fs::path scenario = dir / "huge.textproto";
  std::ofstream(scenario) << "include: \"" << kSmall << "\"\n"
                          << "entities { name: \"huge_users\" users { count: "
                             "100000000 payments_per_day: 1 } }\n";
  const auto begin = std::chrono::steady_clock::now();
  const testing_util::CommandResult r = RunChaintrace(
      {"simulate", scenario.string(), "--out", (dir / "out").string()});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
          .count();
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("refused before simulating: the scenario would create "
                       "about 6.68e+09 transactions"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("TB of memory"), std::string::npos) << r.err;
  EXPECT_LT(seconds, 5.0);
  EXPECT_FALSE(fs::exists(dir / "out"));
}

// The limits can be set from the command line, both ways.
TEST(SimulateLimits, CommandLineOverridesTheLimits) {
  const fs::path dir = MakeTempDir("limits_cli");
  const testing_util::CommandResult low =
      RunChaintrace({"simulate", kSmall, "--out", (dir / "low").string(),
                     "--max-transactions", "1000"});
  EXPECT_EQ(low.exit_code, 2);
  EXPECT_NE(low.err.find("transactions, above the limit of 1000 "
                         "(limits.max_transactions, --max-transactions)"),
            std::string::npos)
      << low.err;
  const testing_util::CommandResult addresses =
      RunChaintrace({"simulate", kSmall, "--out", (dir / "a").string(),
                     "--max-addresses", "10"});
  EXPECT_EQ(addresses.exit_code, 2);
  EXPECT_NE(addresses.err.find("above the limit of 10 (limits.max_addresses"),
            std::string::npos)
      << addresses.err;
  const testing_util::CommandResult ok = RunChaintrace(
      {"simulate", kSmall, "--out", (dir / "ok").string(), "--quiet",
       "--max-transactions", "100000000", "--max-addresses", "100000000"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(fs::exists(dir / "ok" / "ledger.pb"));
}

TEST(AtomicOutput, KilledFirstRunLeavesNoLedger) {
  const fs::path base = MakeTempDir("atomic_first");
  int killed = 0;
  for (int attempt = 0; attempt < 5 && killed == 0; ++attempt) {
    const fs::path out = base / ("run" + std::to_string(attempt));
    const Outcome outcome = KillWhileWriting(out, 11);
    ASSERT_NE(outcome, Outcome::kFailed);
    if (outcome != Outcome::kKilledWhileWriting) continue;
    ++killed;
    // Killed after the rename, the ledger is whole; before it, absent.
    if (fs::exists(out / "ledger.pb")) {
      EXPECT_TRUE(ReadLedger((out / "ledger.pb").string()).ok());
    } else {
      EXPECT_TRUE(VisibleFiles(out).empty());
    }
  }
  EXPECT_GT(killed, 0) << "no run was seen writing its output";
}

TEST(AtomicOutput, KilledRerunKeepsThePreviousLedger) {
  const fs::path base = MakeTempDir("atomic_rerun");
  // The complete outputs of both seeds, for comparison.
  ASSERT_EQ(RunChaintrace(SimulateArgs(base / "old", 7)).exit_code, 0);
  ASSERT_EQ(RunChaintrace(SimulateArgs(base / "new", 8)).exit_code, 0);
  const std::string old_bytes = ReadAll(base / "old" / "ledger.pb");
  const std::string new_bytes = ReadAll(base / "new" / "ledger.pb");
  ASSERT_FALSE(old_bytes.empty());
  ASSERT_NE(old_bytes, new_bytes);

  // Kill reruns with the other seed while they write over the old output;
  // the ledger is always one of the two complete ones. The kill can land
  // just after the rename; at least one of a few attempts must land before.
  int kept_old = 0;
  for (int attempt = 0; attempt < 5 && kept_old == 0; ++attempt) {
    const fs::path out = base / ("run" + std::to_string(attempt));
    fs::create_directories(out);
    fs::copy_file(base / "old" / "ledger.pb", out / "ledger.pb");
    const Outcome outcome = KillWhileWriting(out, 8);
    ASSERT_NE(outcome, Outcome::kFailed);
    const std::string bytes = ReadAll(out / "ledger.pb");
    EXPECT_TRUE(bytes == old_bytes || bytes == new_bytes)
        << "ledger.pb is neither complete output (" << bytes.size()
        << " bytes)";
    EXPECT_EQ(VisibleFiles(out), std::vector<std::string>{"ledger.pb"});
    if (outcome == Outcome::kKilledWhileWriting && bytes == old_bytes) {
      ++kept_old;
      EXPECT_TRUE(ReadLedger((out / "ledger.pb").string()).ok());
    }
  }
  EXPECT_GT(kept_old, 0) << "no run was killed before its rename";
}

}  // namespace
}  // namespace chaintrace
