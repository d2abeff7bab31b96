#include "tests/model/ledger_test_util.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <vector>

#include "model/ledger_io.h"

namespace chaintrace::testing_util {

std::string TestdataPath(std::string_view name) {
  return std::string(CHAINTRACE_SOURCE_DIR) + "/tests/model/testdata/" +
         std::string(name);
}

LedgerFile ReadTestdata(std::string_view name) {
  auto file = ReadLedger(TestdataPath(name));
  EXPECT_TRUE(file.ok()) << file.message();
  return file.ok() ? std::move(file).value() : LedgerFile{};
}

LedgerFile ParseText(std::string_view text) {
  auto file = ReadLedgerText(text, "test.textproto");
  EXPECT_TRUE(file.ok()) << file.message();
  return file.ok() ? std::move(file).value() : LedgerFile{};
}

std::string MakeTempDir() {
  std::string pattern = ::testing::TempDir() + "/chaintrace_model_XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const char* dir = ::mkdtemp(buffer.data());
  EXPECT_NE(dir, nullptr);
  return dir == nullptr ? ::testing::TempDir() : std::string(dir);
}

}  // namespace chaintrace::testing_util
