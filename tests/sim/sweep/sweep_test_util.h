#ifndef CHAINTRACE_TESTS_SIM_SWEEP_SWEEP_TEST_UTIL_H_
#define CHAINTRACE_TESTS_SIM_SWEEP_SWEEP_TEST_UTIL_H_

// Helpers for sweep tests: files in temporary directories, and a
// deterministic test double for the point runner.

#include <cstdint>
#include <filesystem>
#include <string>

#include "model/status.h"
#include "proto/report.pb.h"
#include "proto/scenario.pb.h"

namespace chaintrace::sweep::testing {

// tests/data/scenarios/minimal.textproto: one attack whose inline plan is a
// 10-hop peel chain.
std::string MinimalScenario();

void WriteText(const std::filesystem::path& path, const std::string& text);

// A sweep file over the minimal scenario's peel-chain hops.
std::string HopsSweep(const std::string& extra = "");

// Test double for the real pipeline: two tracers whose metrics are simple
// functions of the peel-chain hops, the label coverage and the seed, so
// that tests can predict every number. "alpha": value_recall =
// 1 / (1 + hops / 10) + seed / 1000, collateral_addresses = hops * seed;
// "beta": value_recall = exchange_deposit coverage, no collateral.
Result<report::Report> FakeRunner(const scenario::Scenario& scenario,
                                  std::uint64_t seed);

}  // namespace chaintrace::sweep::testing

#endif  // CHAINTRACE_TESTS_SIM_SWEEP_SWEEP_TEST_UTIL_H_
