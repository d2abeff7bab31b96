// End-to-end tests of `chaintrace run` and `chaintrace check`: outputs,
// exit codes 0, 1 and 2.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/tools/command.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;

using testing_util::CommandResult;
using testing_util::MakeTempDir;
using testing_util::ReadAll;
using testing_util::RunChaintrace;

const fs::path kCheck =
    fs::path(CHAINTRACE_SOURCE_DIR) / "tests/data/scenarios/check";

TEST(RunCli, WritesEveryOutput) {
  const fs::path dir = MakeTempDir("run_cli");
  const CommandResult r = RunChaintrace(
      {"run", (kCheck / "holds.textproto").string(), "--tracer", "poison",
       "--tracer", "haircut", "--scale", "0.3", "--out", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("check_holds: seed 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("haircut"), std::string::npos);
  EXPECT_NE(r.out.find("Exchanges"), std::string::npos);
  for (const char* name :
       {"report.pb", "report.json", "metrics.csv", "ledger.pb"}) {
    EXPECT_TRUE(fs::exists(dir / name)) << name;
  }
  const std::string csv = ReadAll(dir / "metrics.csv");
  EXPECT_EQ(csv.rfind("tracer,id,attack,value_recall,", 0), 0u) << csv;
  EXPECT_NE(csv.find("\npoison,poison,all,"), std::string::npos) << csv;
  const std::string json = ReadAll(dir / "report.json");
  EXPECT_NE(json.find("\"scenario\": \"check_holds\""), std::string::npos)
      << json;
  EXPECT_EQ(json.find("NaN"), std::string::npos);
  // The ledger it wrote verifies.
  EXPECT_EQ(RunChaintrace({"verify", (dir / "ledger.pb").string()}).exit_code,
            0);
}

TEST(RunCli, QuietPrintsNothing) {
  const CommandResult r = RunChaintrace(
      {"run", (kCheck / "holds.textproto").string(), "-q", "--scale", "0.2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(RunCli, BadInputExitsTwo) {
  EXPECT_EQ(RunChaintrace({"run"}).exit_code, 2);
  const CommandResult missing = RunChaintrace({"run", "no/such.textproto"});
  EXPECT_EQ(missing.exit_code, 2);
  const CommandResult tracer = RunChaintrace(
      {"run", (kCheck / "holds.textproto").string(), "-q", "--tracer", "nope"});
  EXPECT_EQ(tracer.exit_code, 2);
  EXPECT_NE(tracer.err.find("unknown tracer 'nope'"), std::string::npos)
      << tracer.err;
}

TEST(CheckCli, AllHoldExitsZero) {
  const CommandResult r =
      RunChaintrace({"check", (kCheck / "holds.textproto").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS"), std::string::npos);
  EXPECT_NE(r.out.find("poison collateral_addresses <= 0: measured 0"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("all 2 expectations hold"), std::string::npos);
}

TEST(CheckCli, FailureExitsOneListingEveryFailedBound) {
  const CommandResult r =
      RunChaintrace({"check", (kCheck / "holds.textproto").string(),
                     (kCheck / "fails.textproto").string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("2 of 5 expectations failed"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("FAIL " + (kCheck / "fails.textproto").string() +
                       ": poison collateral_addresses >= 1: measured 0 "
                       "(cannot hold: nothing is stolen)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("poison value_recall >= 0.5: not measured"),
            std::string::npos)
      << r.out;
}

TEST(CheckCli, BadInputExitsTwo) {
  const std::string path = (kCheck / "unknown_tracer.textproto").string();
  const CommandResult r = RunChaintrace({"check", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown tracer id 'haircut'"), std::string::npos)
      << r.err;
  EXPECT_EQ(RunChaintrace({"check"}).exit_code, 2);
}

// Every shipped case declares expectations, and they hold (at scale 0.1,
// where the suite can afford all of them; the scenarios' notes give the
// values measured at full scale too).
TEST(CheckCli, EveryShippedScenarioHoldsItsExpectations) {
  const fs::path dir = fs::path(CHAINTRACE_SOURCE_DIR) / "scenarios";
  std::vector<std::string> args = {"check", "--scale", "0.1"};
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".textproto") continue;
    EXPECT_NE(ReadAll(entry.path()).find("expectations {"), std::string::npos)
        << entry.path() << " declares no expectation";
    args.push_back(entry.path().string());
  }
  ASSERT_GE(args.size(), 7u);
  const CommandResult r = RunChaintrace(args);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("all "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace chaintrace
