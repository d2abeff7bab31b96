// End-to-end tests of the chaintrace command line: exit codes and messages.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model/ledger_io.h"
#include "tests/tools/command.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;

using testing_util::CommandResult;
using testing_util::ReadAll;
using testing_util::RunChaintrace;

const fs::path kSource = CHAINTRACE_SOURCE_DIR;

bool IsDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == s.npos;
}

// True when some line of `text` reads "<path>:<line>:<col>: <message>".
bool HasLocatedLine(const std::string& text, const std::string& path) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(path + ":", 0) != 0) continue;
    const std::string_view rest =
        std::string_view{line}.substr(path.size() + 1);
    const std::size_t colon1 = rest.find(':');
    if (colon1 == rest.npos) continue;
    const std::size_t colon2 = rest.find(':', colon1 + 1);
    if (colon2 == rest.npos) continue;
    if (IsDigits(rest.substr(0, colon1)) &&
        IsDigits(rest.substr(colon1 + 1, colon2 - colon1 - 1)) &&
        rest.substr(colon2).size() > 2 && rest[colon2 + 1] == ' ') {
      return true;
    }
  }
  return false;
}

TEST(Cli, VersionAndHelp) {
  const CommandResult version = RunChaintrace({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("0."), std::string::npos) << version.out;

  const CommandResult help = RunChaintrace({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("validate"), std::string::npos) << help.out;

  const CommandResult validate_help = RunChaintrace({"validate", "--help"});
  EXPECT_EQ(validate_help.exit_code, 0);
  EXPECT_NE(validate_help.out.find("FILE"), std::string::npos);
}

TEST(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(RunChaintrace({}).exit_code, 2);
  EXPECT_EQ(RunChaintrace({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(RunChaintrace({"validate"}).exit_code, 2);
  EXPECT_EQ(RunChaintrace({"validate", "--no-such-flag", "x"}).exit_code, 2);
}

TEST(Cli, ValidateAcceptsEveryShippedScenario) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "scenarios")) {
    if (entry.path().extension() != ".textproto") continue;
    ++count;
    const CommandResult r = RunChaintrace({"validate", entry.path().string()});
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.err;
    EXPECT_NE(r.out.find(": ok: "), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");
  }
  EXPECT_GE(count, 1);
}

TEST(Cli, ValidateAcceptsTheThreeExchangeCase) {
  const fs::path file = kSource / "scenarios/un2022_three_exchanges.textproto";
  const CommandResult r = RunChaintrace({"validate", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("un2022_three_exchanges"), std::string::npos);
  EXPECT_NE(r.out.find("3 attacks"), std::string::npos) << r.out;
}

// Every malformed file is refused with exit code 2 and at least one message
// located as path:line:col.
TEST(Cli, ValidateRejectsEveryMalformedFileWithALocatedMessage) {
  int count = 0;
  for (const auto& entry :
       fs::directory_iterator(kSource / "tests/data/malformed")) {
    if (!entry.is_regular_file()) continue;
    ++count;
    const std::string path = entry.path().string();
    const CommandResult r = RunChaintrace({"validate", path});
    EXPECT_EQ(r.exit_code, 2) << path << "\n" << r.out << r.err;
    EXPECT_TRUE(HasLocatedLine(r.err, path)) << path << "\n" << r.err;
  }
  EXPECT_GE(count, 8);
}

TEST(Cli, ValidateRejectsGeneratedHostileInput) {
  const fs::path dir = fs::path(testing::TempDir()) /
                       ("cli_test_hostile_" + std::to_string(getpid()));
  fs::create_directories(dir);
  // 100,000 levels of nesting: refused by the recursion limit, no crash.
  const fs::path deep = dir / "deep.textproto";
  {
    std::ofstream out(deep);
    for (int i = 0; i < 100000; ++i) out << "metadata {";
  }
  // Binary garbage with NUL bytes.
  const fs::path garbage = dir / "garbage.textproto";
  {
    std::ofstream out(garbage, std::ios::binary);
    unsigned x = 12345;
    for (int i = 0; i < 4096; ++i) {
      x = x * 1103515245u + 12345u;
      out.put(static_cast<char>(x >> 16));
    }
  }
  for (const fs::path& file : {deep, garbage}) {
    const CommandResult r = RunChaintrace({"validate", file.string()});
    EXPECT_EQ(r.exit_code, 2) << file << r.err;
    EXPECT_TRUE(HasLocatedLine(r.err, file.string())) << r.err;
  }
}

TEST(Cli, ValidateReportsMissingFileAndKeepsGoing) {
  const fs::path good = kSource / "scenarios/un2022_three_exchanges.textproto";
  const CommandResult r =
      RunChaintrace({"validate", "/no/such/file.textproto", good.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/no/such/file.textproto"), std::string::npos);
  // The valid file after the missing one is still checked.
  EXPECT_NE(r.out.find("un2022_three_exchanges"), std::string::npos);
}

// ---- chaintrace trace

const fs::path kTraceLedger =
    kSource / "tests/tools/testdata/trace_services.textproto";

TEST(CliTrace, HaircutFromTheReportedTheftWritesTheCsv) {
  const fs::path dir =
      fs::path(testing::TempDir()) / ("cli_trace_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path csv = dir / "taint.csv";
  const fs::path json = dir / "taint.json";
  const CommandResult r =
      RunChaintrace({"trace", kTraceLedger.string(), "--tracer", "haircut",
                     "--csv", csv.string(), "--json", json.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // 4 BTC reach the exchange directly, 5.99 through the mixer.
  EXPECT_NE(r.out.find("kr_exchange  BTC    9.99"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tumbler      BTC    6"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("flagged addresses: 4"), std::string::npos) << r.out;
  EXPECT_EQ(ReadAll(csv),
            "chain,txid,index,address,asset,amount,taint,hop\n"
            "btc,theft,0,thief,BTC,10,10,0\n"
            "btc,s1,0,mixer_in,BTC,6,6,1\n"
            "btc,s1,1,dep1,BTC,4,4,1\n"
            "btc,m1,0,dep2,BTC,5.99,5.99,2\n");
  const std::string j = ReadAll(json);
  EXPECT_NE(j.find("\"tracer\": \"haircut\""), std::string::npos) << j;
  EXPECT_NE(j.find("{\"service\": \"kr_exchange\", \"asset\": \"BTC\", "
                   "\"amount\": \"9.99\"}"),
            std::string::npos)
      << j;
  // No temporary files left beside the outputs.
  EXPECT_EQ(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 2);
}

TEST(CliTrace, SeedOptionsAndHopLimit) {
  // 2.5 BTC of the 6 BTC mixer deposit, FIFO: a partly tainted output is
  // tainted evenly through, so dep2 (5.99 BTC) gets 2.5 * 5.99 / 6 and the
  // fee the rest.
  const CommandResult fifo =
      RunChaintrace({"trace", kTraceLedger.string(), "--tracer", "fifo",
                     "--seed-output", "btc:s1:0=2.5"});
  ASSERT_EQ(fifo.exit_code, 0) << fifo.err;
  EXPECT_NE(fifo.out.find("kr_exchange  BTC    2.49583333"), std::string::npos)
      << fifo.out;
  EXPECT_NE(fifo.out.find("fee taint: 0.00416667 BTC"), std::string::npos)
      << fifo.out;
  const CommandResult poison =
      RunChaintrace({"trace", kTraceLedger.string(), "--tracer", "poison",
                     "--seed-address", "btc:thief", "--max-hops", "1"});
  ASSERT_EQ(poison.exit_code, 0) << poison.err;
  EXPECT_NE(poison.out.find("kr_exchange  BTC    4\n"), std::string::npos)
      << poison.out;
  EXPECT_NE(poison.out.find("max hop: 1"), std::string::npos) << poison.out;
}

TEST(CliTrace, BadSeedsExitTwoWithTheOptionAndValue) {
  const std::vector<std::vector<std::string>> bad = {
      {"--seed-output", "btc:s1:7"},     // no such output
      {"--seed-output", "btc:nope:0"},   // no such transaction
      {"--seed-output", "eth:s1:0"},     // no such chain
      {"--seed-output", "btc-s1-0"},     // malformed
      {"--seed-output", "btc:s1:0=7"},   // more than the output
      {"--seed-output", "btc:s1:0=-1"},  // not a decimal amount
      {"--seed-address", "btc:nobody"},  // no such address
  };
  for (const auto& seed : bad) {
    std::vector<std::string> args = {"trace", kTraceLedger.string(), "--tracer",
                                     "fifo"};
    args.insert(args.end(), seed.begin(), seed.end());
    const CommandResult r = RunChaintrace(args);
    EXPECT_EQ(r.exit_code, 2) << seed[1];
    EXPECT_EQ(r.err.rfind("error: " + seed[0] + " '" + seed[1] + "': ", 0), 0U)
        << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(CliTrace, UnknownTracerAndBadLedgerExitTwo) {
  const CommandResult unknown =
      RunChaintrace({"trace", kTraceLedger.string(), "--tracer", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown tracer 'nope'"), std::string::npos)
      << unknown.err;
  EXPECT_NE(unknown.err.find("haircut"), std::string::npos);
  const CommandResult missing =
      RunChaintrace({"trace", "/no/such/ledger.textproto", "--tracer", "fifo"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("error: "), std::string::npos);
  EXPECT_EQ(RunChaintrace({"trace", kTraceLedger.string()}).exit_code, 2);
  EXPECT_EQ(RunChaintrace({"trace", kTraceLedger.string(), "--tracer", "fifo",
                           "--max-hops", "-1"})
                .exit_code,
            2);
}

TEST(CliTrace, ListTracers) {
  const CommandResult r = RunChaintrace({"trace", "--list-tracers"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* name :
       {"poison", "haircut", "fifo", "lifo", "tiho", "seniority"}) {
    EXPECT_NE(r.out.find(std::string(name) + " "), std::string::npos) << name;
  }
}

// ---- verify

const fs::path kLedgers = kSource / "tests/data/ledgers";

TEST(Cli, VerifyAcceptsCleanLedgers) {
  for (const fs::path& file :
       {kLedgers / "ok_theft.textproto",
        kLedgers / "ok_account_theft.textproto",
        kLedgers / "ok_mixer.textproto", kLedgers / "ok_conversion.textproto",
        kLedgers / "ok_exchange_cash_out.textproto",
        kSource / "tests/model/testdata/peel.textproto",
        kSource / "tests/model/testdata/account.textproto"}) {
    const CommandResult r = RunChaintrace({"verify", file.string()});
    EXPECT_EQ(r.exit_code, 0) << file << "\n" << r.err;
    EXPECT_NE(r.out.find(file.string() + ": ok ("), std::string::npos) << r.out;
  }
  const CommandResult accounts = RunChaintrace(
      {"verify", "--accounts", (kLedgers / "ok_theft.textproto").string()});
  EXPECT_NE(accounts.out.find(
                "attack 'hack1' BTC: seeded 9990 = held 9970 + fees 20"),
            std::string::npos)
      << accounts.out;
  const CommandResult cash_out =
      RunChaintrace({"verify", "--accounts",
                     (kLedgers / "ok_exchange_cash_out.textproto").string()});
  EXPECT_EQ(cash_out.exit_code, 0) << cash_out.err;
  EXPECT_NE(cash_out.out.find("attack 'hack1' BTC: seeded 9990 = held 1000 + "
                              "fees 10 + claims 8980\n  attack 'hack1' BTC: "
                              "cash-out 8980 at 'exch_b' (EXCHANGE)\n"),
            std::string::npos)
      << cash_out.out;
}

TEST(Cli, VerifyReadsBinaryLedgers) {
  const fs::path dir = fs::path(testing::TempDir()) /
                       ("cli_test_verify_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const Result<LedgerFile> file =
      ReadLedger((kLedgers / "ok_theft.textproto").string());
  ASSERT_TRUE(file.ok()) << file.message();
  const std::string bin = (dir / "ok_theft.bin").string();
  ASSERT_TRUE(WriteLedger(*file, bin).ok());
  const CommandResult r = RunChaintrace({"verify", "-q", bin});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

// Every bad_<kind>.textproto fails with exit 1, its first finding of kind
// <kind>, the offending transaction named, and the count of findings.
TEST(Cli, VerifyNamesTheFirstOffendingTransaction) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kLedgers)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bad_", 0) != 0) continue;
    ++count;
    std::string kind = name.substr(4, name.find('.') - 4);
    for (char& c : kind) {
      if (c == '_') c = '-';
    }
    const std::string path = entry.path().string();
    const CommandResult r = RunChaintrace({"verify", path});
    EXPECT_EQ(r.exit_code, 1) << path << "\n" << r.err;
    const std::string first_line =
        std::string(path).append(": ").append(kind).append(": chain '");
    EXPECT_NE(r.err.find(first_line), std::string::npos) << r.err;
    const std::size_t summary = r.err.find(path + ": FAILED: ");
    ASSERT_NE(summary, std::string::npos) << r.err;
    EXPECT_NE(r.err.find(" finding", summary), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("; first: chain '", summary), std::string::npos);
    EXPECT_NE(r.err.find("' transaction '", summary), std::string::npos);
    EXPECT_NE(r.err.find("(" + kind + ")", summary), std::string::npos)
        << r.err;
  }
  EXPECT_GE(count, 10);
}

TEST(Cli, VerifyCountsAllFindingsAndLimitsThoseItPrints) {
  const std::string path = (kLedgers / "bad_stolen_created.textproto").string();
  const CommandResult r =
      RunChaintrace({"verify", "--max-findings", "1", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(path + ": ... 1 more"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("FAILED: 2 findings; first: chain 'btc' transaction "
                       "'p1' (stolen-created)"),
            std::string::npos)
      << r.err;
}

TEST(Cli, VerifyExitsTwoOnUnreadableInput) {
  const fs::path dir = fs::path(testing::TempDir()) /
                       ("cli_test_unreadable_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path garbage = dir / "garbage.bin";
  {
    std::ofstream out(garbage, std::ios::binary);
    out << "\x05hello world";
  }
  const fs::path text = dir / "broken.textproto";
  {
    std::ofstream out(text);
    out << "header { chains { name: \"btc\" ";
  }
  for (const fs::path& file :
       {dir / "missing.bin", garbage, text,
        kSource / "tests/data/malformed/unbalanced_brace.textproto"}) {
    const CommandResult r = RunChaintrace({"verify", file.string()});
    EXPECT_EQ(r.exit_code, 2) << file << "\n" << r.err;
    EXPECT_NE(r.err.find(file.string() + ": cannot be verified"),
              std::string::npos)
        << r.err;
  }
  EXPECT_EQ(RunChaintrace({"verify"}).exit_code, 2);
  const CommandResult help = RunChaintrace({"verify", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("LEDGER"), std::string::npos);
}

}  // namespace
}  // namespace chaintrace
