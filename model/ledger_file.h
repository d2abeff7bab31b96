#ifndef CHAINTRACE_MODEL_LEDGER_FILE_H_
#define CHAINTRACE_MODEL_LEDGER_FILE_H_

// What a ledger file holds: the public ledger, its address labels, its ground
// truth when the ledger was simulated (nullopt for imported real data, or when
// a file carries no truth at all), and the provenance of the run that wrote it
// (proto/common.proto Provenance).

#include <cstdint>
#include <optional>
#include <string>

#include "model/ground_truth.h"
#include "model/labels.h"
#include "model/ledger.h"

namespace chaintrace {

struct Provenance {
  std::string scenario;
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  std::string chaintrace_version;
  double scale = 1.0;
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct LedgerFile {
  Provenance provenance;
  Ledger ledger;
  // Public address labels (the tracers' knowledge base); may be empty.
  Labels labels;
  std::optional<GroundTruth> truth;
  friend bool operator==(const LedgerFile&, const LedgerFile&) = default;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_LEDGER_FILE_H_
