// Fuzzes scenario loading (sim/scenario/loader.h LoadScenarioText): the text
// parser, include resolution, merging, validation and hashing. The input is
// the root file, placed in tests/data/scenarios/includes/ so that relative
// includes reach the small shipped include tree. Limits are kept small so
// that each input runs fast.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sim/scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using chaintrace::sim::LoadOptions;
  using chaintrace::sim::LoadResult;
  static const std::string kRoot =
      std::string(CHAINTRACE_SOURCE_DIR) +
      "/tests/data/scenarios/includes/fuzz.textproto";
  LoadOptions options;
  options.max_file_bytes = std::size_t{1} << 20;
  options.max_files = 16;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LoadResult result =
      chaintrace::sim::LoadScenarioText(text, kRoot, options);
  // A load either succeeds with no diagnostics or names at least one error.
  if (result.scenario.has_value() == !result.diagnostics.empty()) {
    std::abort();
  }
  for (const auto& d : result.diagnostics) {
    if (d.ToString().empty()) std::abort();
  }
  return 0;
}
