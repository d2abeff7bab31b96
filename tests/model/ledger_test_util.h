#ifndef CHAINTRACE_TESTS_MODEL_LEDGER_TEST_UTIL_H_
#define CHAINTRACE_TESTS_MODEL_LEDGER_TEST_UTIL_H_

// Helpers for model tests: test ledgers from tests/model/testdata/ or from
// inline text, and fresh temporary directories (tests never write into the
// source tree).

#include <string>
#include <string_view>

#include "model/ledger_file.h"

namespace chaintrace::testing_util {

// Path of tests/model/testdata/<name> in the source tree.
std::string TestdataPath(std::string_view name);

// Reads a test ledger; fails the current test (and returns an empty file)
// on error.
LedgerFile ReadTestdata(std::string_view name);
LedgerFile ParseText(std::string_view text);

// A new empty directory under testing::TempDir().
std::string MakeTempDir();

// The header of a one-chain test ledger: a UTXO chain "btc" (BTC, 8
// decimals) or an ACCOUNT chain "eth" (ETH and USDT).
inline constexpr char kUtxoHeader[] = R"pb(
  header {
    start: "2021-01-01T00:00:00Z"
    chains { name: "btc" model: UTXO native_asset: "BTC" }
    assets { name: "BTC" chain: "btc" decimals: 8 }
  }
)pb";
inline constexpr char kAccountHeader[] = R"pb(
  header {
    start: "2021-01-01T00:00:00Z"
    chains { name: "eth" model: ACCOUNT native_asset: "ETH" }
    assets { name: "ETH" chain: "eth" decimals: 9 }
    assets { name: "USDT" chain: "eth" decimals: 6 }
  }
)pb";

}  // namespace chaintrace::testing_util

#endif  // CHAINTRACE_TESTS_MODEL_LEDGER_TEST_UTIL_H_
