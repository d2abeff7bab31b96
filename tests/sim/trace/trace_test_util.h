#ifndef CHAINTRACE_TESTS_SIM_TRACE_TRACE_TEST_UTIL_H_
#define CHAINTRACE_TESTS_SIM_TRACE_TRACE_TEST_UTIL_H_

// Helpers for tracer tests: tiny ledgers from inline text, seeds and lookups
// by txid, and running a registered tracer.

#include <string>
#include <string_view>
#include <vector>

#include "model/ledger_file.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace::testing_util {

// Headers of one-chain ledgers: a UTXO chain "btc" (BTC, 8 decimals) and an
// ACCOUNT chain "eth" (ETH, 9 decimals, and the token USDT, 6 decimals).
inline constexpr char kBtcHeader[] = R"pb(
  header {
    start: "2021-01-01T00:00:00Z"
    chains { name: "btc" model: UTXO native_asset: "BTC" }
    assets { name: "BTC" chain: "btc" decimals: 8 }
  }
)pb";
inline constexpr char kEthHeader[] = R"pb(
  header {
    start: "2021-01-01T00:00:00Z"
    chains { name: "eth" model: ACCOUNT native_asset: "ETH" }
    assets { name: "ETH" chain: "eth" decimals: 9 }
    assets { name: "USDT" chain: "eth" decimals: 6 }
  }
)pb";

// Parses a text ledger (value conservation checked); fails the current
// test on error.
LedgerFile ParseLedger(std::string_view text);

// The output `index` of transaction `txid` on the ledger's first chain.
OutputId Out(const Ledger& ledger, std::string_view txid, std::uint32_t index);
// Its first input.
InputId FirstIn(const Ledger& ledger, std::string_view txid);
TxId Tx(const Ledger& ledger, std::string_view txid);

// A seed on the first chain.
Seed SeedOf(const Ledger& ledger, std::string_view txid, std::uint32_t index,
            Amount amount);

// Runs the registered tracer `name`; fails the current test on error.
TraceResult RunTracer(std::string_view name, const LedgerFile& file,
                      const std::vector<Seed>& seeds,
                      const TracerOptions& options = {});

// Taint of an output / fee of a transaction on the first chain.
Amount TaintOf(const TraceResult& result, const Ledger& ledger,
               std::string_view txid, std::uint32_t index);
Amount FeeTaintOf(const TraceResult& result, const Ledger& ledger,
                  std::string_view txid);

// Names of the registered taint models.
std::vector<std::string> TaintModelNames();

// A small random ledger with its seeds (only on coinbase outputs) and
// labels: one UTXO chain "btc" (utxo = true) or one ACCOUNT chain "eth"
// with ETH and the token USDT. Address "a0" is an exchange deposit (taint
// stops), "a1" a mixer. Deterministic in `seed`.
struct RandomLedger {
  LedgerFile file;
  std::vector<Seed> seeds;
};
RandomLedger MakeRandomLedger(std::uint64_t seed, bool utxo);

}  // namespace chaintrace::trace::testing_util

#endif  // CHAINTRACE_TESTS_SIM_TRACE_TRACE_TEST_UTIL_H_
