#ifndef CHAINTRACE_SIM_SCENARIO_LOADER_H_
#define CHAINTRACE_SIM_SCENARIO_LOADER_H_

// Loads a scenario: reads the root file and every file it includes
// (resolved relative to the including file), merges them, validates the
// result and hashes it. Either returns the merged scenario with no
// diagnostics, or every error found, each located at file:line:col in the
// file it comes from.
//
// Includes: included files are merged first, in order, depth first; then the
// including file. Repeated fields are appended; a singular top-level field
// set in a later file replaces the earlier value as a whole. A file reached a
// second time through another path (a diamond) is merged only once, at its
// first occurrence, like `#pragma once`; a file that includes itself,
// directly or not, is an error (a cycle). Files are identified by their
// canonical path. The merged scenario has no `include` entries, so its hash
// depends on content, not on how it is split into files.
//
// Syntax errors stop the load before validation: each file reports at most
// its first syntax error, and the includes of a file that does not parse are
// not followed, but the other files are still parsed. Semantic errors are
// all reported together.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proto/scenario.pb.h"
#include "sim/scenario/diagnostic.h"
#include "sim/scenario/text_parser.h"

namespace chaintrace::sim {

struct LoadOptions {
  // Largest file accepted, checked before the file is read whole.
  std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;
  // Deepest message nesting accepted.
  int recursion_limit = kDefaultRecursionLimit;
  // Largest number of files one scenario may read, the root included.
  int max_files = 1000;
};

struct LoadedScenario {
  chaintrace::scenario::Scenario scenario;  // merged, includes resolved
  std::vector<std::string> files;           // every file read, the root first
  // Sha256Hex of the merged scenario's deterministic binary serialization.
  std::string sha256;
};

struct LoadResult {
  std::optional<LoadedScenario> scenario;  // set only when there are no errors
  std::vector<Diagnostic> diagnostics;     // every error, in file order
  bool ok() const { return scenario.has_value() && diagnostics.empty(); }
};

// Loads the scenario file at `path`; diagnostics name it as given.
LoadResult LoadScenarioFile(const std::string& path,
                            const LoadOptions& options = {});

// Loads a scenario from `text`, named `name` in diagnostics; includes are
// resolved relative to the directory of `name`.
LoadResult LoadScenarioText(std::string_view text, const std::string& name,
                            const LoadOptions& options = {});

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_LOADER_H_
