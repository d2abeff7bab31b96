#include "sim/io/export.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/ledger_io.h"
#include "sim/io/stolen_selection.h"

namespace chaintrace::io {
namespace {

namespace fs = std::filesystem;

LedgerFile Testdata(const std::string& name) {
  Result<LedgerFile> f = ReadLedger(std::string(CHAINTRACE_SOURCE_DIR) +
                                    "/tests/model/testdata/" + name);
  EXPECT_TRUE(f.ok()) << f.message();
  return f.ok() ? std::move(f).value() : LedgerFile{};
}

std::string TempDir() {
  std::string pattern = ::testing::TempDir() + "/chaintrace_io_XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const char* dir = ::mkdtemp(buffer.data());
  EXPECT_NE(dir, nullptr);
  return dir == nullptr ? ::testing::TempDir() : std::string(dir);
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// peel.textproto (see its drawing): stolen outputs are t1:0, p1:0, p1:1,
// p2:0, p2:1; so transactions t1, p1, p2; their inputs spend c0:0 (the
// victim's hot wallet), t1:0 and p1:1.
TEST(StolenSelection, IsTheSubgraphCarryingStolenValue) {
  const LedgerFile file = Testdata("peel.textproto");
  const Result<Selection> sel = Selection::Stolen(file);
  ASSERT_TRUE(sel.ok()) << sel.message();
  const Ledger& l = file.ledger;
  const ChainId btc = l.FindChain("btc");
  const TxStore& s = l.txs(btc);
  std::vector<std::string> txs;
  for (TxId t : s.txs()) {
    if (sel->tx(btc, t)) txs.emplace_back(s.txid(t));
  }
  EXPECT_EQ(txs, (std::vector<std::string>{"t1", "p1", "p2"}));
  std::vector<std::string> addresses;
  for (AddressId a : l.address_ids()) {
    if (sel->address(a)) addresses.emplace_back(l.address_name(a));
  }
  EXPECT_EQ(addresses,
            (std::vector<std::string>{"hot", "thief1", "thief2", "thief3",
                                      "exch_dep", "shop"}));
  std::size_t outputs = 0;
  for (std::size_t o = 0; o < s.output_count(); ++o) {
    if (sel->output(btc, IdFromIndex<OutputId>(o))) ++outputs;
  }
  EXPECT_EQ(outputs, 5u);
}

TEST(Export, StolenOnlyNeedsGroundTruth) {
  const LedgerFile file = Testdata("account.textproto");
  const std::string out = TempDir() + "/x.json";
  const Result<ExportStats> r =
      ExportLedger(file, {ExportFormat::kJson, true}, out);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("no ground truth"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Export, CsvDirectoryIsReplacedWholeAndOthersAreRefused) {
  const LedgerFile file = Testdata("peel.textproto");
  const std::string dir = TempDir() + "/csv";
  ASSERT_TRUE(ExportLedger(file, {ExportFormat::kCsv, false}, dir).ok());
  const std::string full = Read(fs::path(dir) / "outputs.csv");
  const Result<ExportStats> stolen =
      ExportLedger(file, {ExportFormat::kCsv, true}, dir);
  ASSERT_TRUE(stolen.ok()) << stolen.message();
  EXPECT_EQ(stolen->outputs, 5u);
  EXPECT_NE(Read(fs::path(dir) / "outputs.csv"), full);
  // Nothing left behind beside the directory.
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(fs::path(dir).parent_path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1u);

  const std::string other = TempDir();
  std::ofstream(other + "/precious.txt") << "keep";
  EXPECT_FALSE(ExportLedger(file, {ExportFormat::kCsv, false}, other).ok());
  EXPECT_TRUE(fs::exists(other + "/precious.txt"));
}

TEST(Export, OutputIsDeterministicAndAmountsExact) {
  const LedgerFile file = Testdata("peel.textproto");
  const std::string dir = TempDir();
  for (const char* f : {"a.json", "b.json"}) {
    ASSERT_TRUE(
        ExportLedger(file, {ExportFormat::kJson, false}, dir + "/" + f).ok());
  }
  const std::string a = Read(dir + "/a.json");
  EXPECT_EQ(a, Read(dir + "/b.json"));
  EXPECT_NE(a.find("\"amount\":\"0.0000999\",\"amount_base_units\":9990"),
            std::string::npos);
}

TEST(ExportFormat, ParsesKnownNames) {
  EXPECT_EQ(*ParseExportFormat("graphml"), ExportFormat::kGraphMl);
  EXPECT_EQ(ParseExportFormat("xlsx").message(),
            "unknown export format 'xlsx' (known: csv, graphml, dot, json)");
}

}  // namespace
}  // namespace chaintrace::io
