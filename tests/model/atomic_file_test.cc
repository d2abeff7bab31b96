#include "model/atomic_file.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "model/ledger_io.h"
#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Entries of `dir` that a user or a glob would take for outputs: every name
// not starting with '.', hidden temporary files excluded.
std::vector<std::string> VisibleEntries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name[0] != '.') names.push_back(name);
  }
  return names;
}

std::size_t AllEntries(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

// A UTXO ledger of `n` chained transactions, `tag` making the content of two
// ledgers of the same size differ:
//   c0 ── a0 ──▶ t1 ── a1 ──▶ t2 ── ... ──▶ t<n-1>
LedgerFile ChainLedger(int n, const std::string& tag) {
  LedgerFile file;
  Ledger& l = file.ledger;
  const ChainId btc = *l.AddChain("btc", common::UTXO, 600);
  AssetInfo asset;
  asset.name = "BTC";
  asset.chain = btc;
  asset.decimals = 8;
  const AssetId native = *l.AddAsset(asset);
  EXPECT_TRUE(l.SetNativeAsset(btc, native).ok());
  Amount value = Amount{1} << 40;
  OutputSpec out;
  out.address = *l.AddAddress(btc, tag + "-a0", "p2wpkh");
  out.amount = value;
  TxSpec tx;
  std::string id = tag + "-c0";
  tx.id = id;
  tx.coinbase = true;
  tx.outputs = {&out, 1};
  TxId prev = *l.AddTransaction(btc, tx);
  for (int i = 1; i < n; ++i) {
    InputSpec in;
    in.spent = l.txs(btc).outputs(prev)[0];
    value -= 1;
    out.address = *l.AddAddress(btc, tag + "-a" + std::to_string(i), "p2wpkh");
    out.amount = value;
    id = tag + "-t" + std::to_string(i);
    TxSpec spend;
    spend.id = id;
    spend.time = i;
    spend.fee = 1;
    spend.inputs = {&in, 1};
    spend.outputs = {&out, 1};
    prev = *l.AddTransaction(btc, spend);
  }
  return file;
}

TEST(WriteFileAtomically, AFailedWriteLeavesThePreviousFileAndNoTemporary) {
  const std::string dir = testing_util::MakeTempDir();
  const std::string path = dir + "/out.txt";
  ASSERT_TRUE(WriteFileAtomically(path, [&](int fd) {
                return WriteAll(fd, "old", path);
              }).ok());
  const Status st = WriteFileAtomically(path, [&](int fd) {
    (void)WriteAll(fd, "half of the new", path);
    return Status::Error("abandoned");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(ReadFile(path), "old");
  EXPECT_EQ(AllEntries(dir), 1u);
}

TEST(WriteFileAtomically, ReplacesTheFileWhole) {
  const std::string dir = testing_util::MakeTempDir();
  const std::string path = dir + "/out.txt";
  for (const char* content : {"first", "second, longer", "3"}) {
    ASSERT_TRUE(WriteFileAtomically(path, [&](int fd) {
                  return WriteAll(fd, content, path);
                }).ok());
    EXPECT_EQ(ReadFile(path), content);
  }
  EXPECT_EQ(AllEntries(dir), 1u);
}

TEST(WriteFileAtomically, RefusesADirectoryThatDoesNotExist) {
  const std::string dir = testing_util::MakeTempDir();
  const Status st = WriteFileAtomically(dir + "/missing/out.txt",
                                        [](int) { return Status::Ok(); });
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("missing/out.txt"), std::string::npos);
}

// A process killed while its write callback runs leaves the previous file
// and no visible temporary file.
TEST(WriteFileAtomically, AProcessKilledMidWriteLeavesThePreviousFile) {
  const std::string dir = testing_util::MakeTempDir();
  const std::string path = dir + "/out.txt";
  ASSERT_TRUE(WriteFileAtomically(path, [&](int fd) {
                return WriteAll(fd, "previous", path);
              }).ok());
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    (void)WriteFileAtomically(path, [&](int fd) {
      (void)WriteAll(fd, "part of the ne", path);
      ::raise(SIGKILL);
      return Status::Ok();
    });
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(ReadFile(path), "previous");
  EXPECT_EQ(VisibleEntries(dir), std::vector<std::string>{"out.txt"});
}

// Kills a child writing a large ledger over a complete previous one at
// random points of the write, several times: the path always holds one of
// the two complete ledgers, readable and equal to what was written, and no
// temporary file shows as an output.
TEST(WriteLedger, AKilledWriterLeavesTheOldOrTheNewLedgerWhole) {
  const std::string dir = testing_util::MakeTempDir();
  const std::string path = dir + "/ledger.bin";
  const LedgerFile versions[2] = {ChainLedger(40000, "old"),
                                  ChainLedger(40000, "new")};
  const std::string bytes[2] = {EncodeLedgerBinary(versions[0]),
                                EncodeLedgerBinary(versions[1])};
  ASSERT_TRUE(WriteLedger(versions[0], path).ok());

  // How long a whole write takes in a child, to aim the kills within it.
  const auto start = std::chrono::steady_clock::now();
  const pid_t timing = fork();
  ASSERT_GE(timing, 0);
  if (timing == 0) _exit(WriteLedger(versions[1], path).ok() ? 0 : 1);
  int status = 0;
  ASSERT_EQ(waitpid(timing, &status, 0), timing);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  int current = 1;
  ASSERT_EQ(ReadFile(path), bytes[1]);

  std::mt19937 random(20240601);  // fixed: the same kill points every run
  // Within the first half of a write's time, so that a later write that runs
  // faster than the timed one is still interrupted.
  std::uniform_int_distribution<std::int64_t> delay(0, full.count() / 2);
  int killed = 0;
  for (int trial = 0; trial < 8; ++trial) {
    const int next = 1 - current;
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) _exit(WriteLedger(versions[next], path).ok() ? 0 : 1);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    ::kill(pid, SIGKILL);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) ++killed;

    const std::string now = ReadFile(path);
    ASSERT_TRUE(now == bytes[0] || now == bytes[1])
        << "trial " << trial << ": " << now.size() << " bytes, neither the "
        << bytes[current].size() << "-byte old nor the " << bytes[next].size()
        << "-byte new ledger";
    current = now == bytes[0] ? 0 : 1;
    EXPECT_EQ(VisibleEntries(dir), std::vector<std::string>{"ledger.bin"});
  }
  // The bytes are the canonical encoding of a version; they also read back
  // as that version.
  const Result<LedgerFile> read = ReadLedger(path);
  ASSERT_TRUE(read.ok()) << read.message();
  EXPECT_TRUE(*read == versions[current]);
  // The kills landed before the writes finished (typically all eight).
  EXPECT_GE(killed, 2);
}

}  // namespace
}  // namespace chaintrace
