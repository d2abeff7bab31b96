// End-to-end tests of `chaintrace export` and `chaintrace import`, reading
// every export back with an independent reader: Graphviz `dot` for DOT,
// Python's xml.etree and networkx for GraphML, Python's csv and json
// modules (tests/tools/read_export.py, run with Debian's /usr/bin/python3).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/tools/command.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = CHAINTRACE_SOURCE_DIR;
const fs::path kImportData = kSource / "tests/data/import";
const fs::path kPeel = kSource / "tests/model/testdata/peel.textproto";
const fs::path kAccount = kSource / "tests/model/testdata/account.textproto";

using testing_util::CommandResult;
using testing_util::ReadAll;

fs::path TempDir() { return testing_util::MakeTempDir("chaintrace_io_cli"); }
CommandResult Run(std::vector<std::string> args) {
  return testing_util::RunCommand(std::move(args));
}
CommandResult Chaintrace(std::vector<std::string> args) {
  return testing_util::RunChaintrace(std::move(args));
}

// The summary read_export.py prints for `path`.
std::string ReadBack(const std::string& format, const fs::path& path) {
  const CommandResult r = Run(
      {"/usr/bin/python3", (kSource / "tests/tools/read_export.py").string(),
       format, path.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// Renders DOT to SVG with Graphviz; returns the number of SVG nodes.
int DotNodes(const fs::path& dot) {
  const fs::path svg = dot.string() + ".svg";
  const CommandResult r =
      Run({"/usr/bin/dot", "-Tsvg", dot.string(), "-o", svg.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string text = ReadAll(svg);
  EXPECT_NE(text.find("<svg"), std::string::npos);
  int nodes = 0;
  for (std::size_t at = text.find("class=\"node\""); at != std::string::npos;
       at = text.find("class=\"node\"", at + 1)) {
    ++nodes;
  }
  return nodes;
}

// peel.textproto: 5 transactions, 4 inputs, 8 outputs of 44930 sat in all,
// 5 of them carrying 28940 stolen sat; 7 addresses.
TEST(ExportCli, EveryFormatReadsBackWithAnIndependentReader) {
  const fs::path dir = TempDir();
  for (const char* format : {"csv", "json", "graphml", "dot"}) {
    const fs::path out = dir / (std::string("peel.") + format);
    const CommandResult r = Chaintrace(
        {"export", kPeel.string(), "--format", format, "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_NE(r.out.find("5 transactions, 4 inputs, 8 outputs, 7 addresses"),
              std::string::npos)
        << r.out;
  }
  EXPECT_EQ(ReadBack("csv", dir / "peel.csv"),
            "transactions=5 inputs=4 outputs=8 transfers=0 addresses=7 "
            "thefts=1 output_sum=44930 stolen_sum=28940\n");
  EXPECT_EQ(ReadBack("json", dir / "peel.json"),
            "transactions=5 inputs=4 outputs=8 addresses=7 output_sum=44930 "
            "stolen_sum=28940\n");
  EXPECT_EQ(ReadBack("graphml", dir / "peel.graphml"),
            "nodes=12 edges=12 addresses=7 transactions=5 output_sum=44930 "
            "stolen_sum=28940\n");
  EXPECT_EQ(DotNodes(dir / "peel.dot"), 12);
}

TEST(ExportCli, StolenOnlyWritesTheStolenSubgraph) {
  const fs::path dir = TempDir();
  for (const char* format : {"csv", "graphml", "dot"}) {
    const fs::path out = dir / (std::string("stolen.") + format);
    ASSERT_EQ(Chaintrace({"export", kPeel.string(), "--format", format,
                          "--stolen-only", "--out", out.string()})
                  .exit_code,
              0);
  }
  EXPECT_EQ(ReadBack("csv", dir / "stolen.csv"),
            "transactions=3 inputs=3 outputs=5 transfers=0 addresses=6 "
            "thefts=1 output_sum=28940 stolen_sum=28940\n");
  EXPECT_EQ(ReadBack("graphml", dir / "stolen.graphml"),
            "nodes=9 edges=8 addresses=6 transactions=3 output_sum=28940 "
            "stolen_sum=28940\n");
  EXPECT_EQ(DotNodes(dir / "stolen.dot"), 9);
}

TEST(ExportCli, StolenOnlyWithoutGroundTruthExitsTwoAndWritesNothing) {
  const fs::path out = TempDir() / "x.json";
  const CommandResult r =
      Chaintrace({"export", kAccount.string(), "--format", "json",
                  "--stolen-only", "--out", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no ground truth"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(Chaintrace({"export", kPeel.string(), "--format", "xlsx", "--out",
                        out.string()})
                .exit_code,
            2);
}

// transfers_bigquery.csv -> ledger (binary) -> CSV: 5 transfers plus the two
// external credits, 256000000001 gwei-or-micro base units in all.
TEST(ImportCli, TransfersRoundTripThroughExport) {
  const fs::path dir = TempDir();
  const fs::path ledger = dir / "eth.ledger";
  const CommandResult r = Chaintrace(
      {"import", "--format", "transfers-csv",
       (kImportData / "transfers_bigquery.csv").string(), "--labels",
       (kImportData / "labels.csv").string(), "--out", ledger.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("skipped 1 rows of value 0"), std::string::npos)
      << r.out;
  ASSERT_EQ(Chaintrace({"export", ledger.string(), "--format", "csv", "--out",
                        (dir / "csv").string()})
                .exit_code,
            0);
  EXPECT_EQ(ReadBack("csv", dir / "csv"),
            "transactions=7 inputs=5 outputs=0 transfers=7 addresses=5 "
            "thefts=0 output_sum=256000000001 stolen_sum=0\n");
  const std::string transfers = ReadAll(dir / "csv/transfers.csv");
  EXPECT_NE(transfers.find("eth,0x04,0,1614600000,2021-03-01T12:00:00Z,"
                           "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,"
                           "0xdddddddddddddddddddddddddddddddddddddddd,USDT,"
                           "100.25,100250000000,1,,,\n"),
            std::string::npos)
      << transfers;
  EXPECT_NE(ReadAll(dir / "csv/addresses.csv")
                .find("eth,0xcccccccccccccccccccccccccccccccccccccccc,account,"
                      ",,exchange_deposit,asia_exchange\n"),
            std::string::npos);
}

TEST(ImportCli, BitcoinBlocksRoundTripThroughGraphMl) {
  const fs::path dir = TempDir();
  const fs::path ledger = dir / "btc.textproto";
  const CommandResult r =
      Chaintrace({"import", "--format", "bitcoin-json",
                  (kImportData / "btc_two_blocks.json").string(),
                  (kImportData / "btc_rpc_block102.json").string(), "--out",
                  ledger.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(Chaintrace({"export", ledger.string(), "--format", "graphml",
                        "--out", (dir / "btc.graphml").string()})
                .exit_code,
            0);
  // 9 transactions, 8 addresses; 6 inputs + 12 outputs (sat): coinbases
  // 3 x 625000000, external funding 2 x 75000000 + 50000000, t1 100000000 +
  // 49990001, t2 1000 + 624990000, t3 99980001, t4 900.
  EXPECT_EQ(ReadBack("graphml", dir / "btc.graphml"),
            "nodes=17 edges=18 addresses=8 transactions=9 "
            "output_sum=2949961902 stolen_sum=0\n");
}

TEST(ImportCli, MalformedInputExitsTwoWithLocatedMessageAndWritesNothing) {
  const fs::path out = TempDir() / "never.ledger";
  const std::string bad = (kImportData / "bad_address.csv").string();
  const CommandResult r = Chaintrace(
      {"import", "--format", "transfers-csv", bad, "--out", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, bad + ":2: to: address '0xbbbb' has 4 hex digits, not 40\n");
  EXPECT_FALSE(fs::exists(out));

  const std::string labels = (kImportData / "bad_labels.csv").string();
  const CommandResult l =
      Chaintrace({"import", "--format", "transfers-csv",
                  (kImportData / "transfers_bigquery.csv").string(), "--labels",
                  labels, "--out", out.string()});
  EXPECT_EQ(l.exit_code, 2);
  EXPECT_EQ(l.err.rfind(labels + ":2: unknown label kind 'casino'", 0), 0u)
      << l.err;
  EXPECT_FALSE(fs::exists(out));

  EXPECT_EQ(
      Chaintrace({"import", "--format", "parquet", bad, "--out", out.string()})
          .exit_code,
      2);
}

TEST(IoCli, HelpDescribesBothCommands) {
  const CommandResult e = Chaintrace({"export", "--help"});
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_NE(e.out.find("--stolen-only"), std::string::npos);
  const CommandResult i = Chaintrace({"import", "--help"});
  EXPECT_EQ(i.exit_code, 0);
  EXPECT_NE(i.out.find("--labels"), std::string::npos);
}

}  // namespace
}  // namespace chaintrace
