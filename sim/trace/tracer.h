#ifndef CHAINTRACE_SIM_TRACE_TRACER_H_
#define CHAINTRACE_SIM_TRACE_TRACER_H_

// The tracer interface. A tracer sees only what an investigator could see:
// the ledger, the thefts the victims reported (seeds) and a knowledge base of
// labelled addresses. It never sees ground truth, sim/world or sim/launder
// (DESIGN.md, "walls"). It returns, per output (UTXO) or credit (ACCOUNT),
// the stolen value it believes the output carries; the addresses it flags;
// clusters, where it clusters; and the value it attributes to each labelled
// service — where a freeze request would go.
//
// Amounts are in base units of the asset of the transaction the output
// belongs to. A tracer that does not apportion amounts (a follower, a
// clustering) reports the whole value of each output it flags as taint, and
// may add a confidence score.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/labels.h"
#include "model/ledger.h"
#include "model/status.h"

namespace chaintrace::trace {

// A stolen output as a victim reports it: the output or credit that received
// the stolen value and how much of it is stolen (<= the output's amount).
struct Seed {
  ChainId chain = ChainId::kNone;
  OutputId output = OutputId::kNone;
  Amount amount = 0;
  // Attack name the seed belongs to; may be empty.
  std::string attack;
};

// The seeds of every theft a ledger reports (Ledger::thefts()).
std::vector<Seed> SeedsFromThefts(const Ledger& ledger);

struct TraceInput {
  const Ledger* ledger = nullptr;
  std::span<const Seed> seeds;
  const Labels* labels = nullptr;
};

// Options every tracer accepts (scenario TracerSpec).
struct TracerOptions {
  // Stop following after this many transactions from a seed; 0: no limit.
  int max_hops = 0;
  // Taint models: drop the taint a fee carries instead of conserving it.
  bool drop_fee_taint = false;
  // haircut: compute the exact fractions (output_score) by assembling the
  // sparse system (I - W) x = b and solving it with Eigen in a second pass
  // (sim/trace/haircut_system.h) instead of by the forward substitution
  // the integer walk does as it goes; the same numbers, slower. A
  // cross-check of the fused solve on any ledger.
  bool haircut_eigen = false;
};

// Value attributed to one labelled service, per asset.
struct Attribution {
  ServiceId service = ServiceId::kNone;
  AssetId asset = AssetId::kNone;
  // Base units of `asset` the tracer believes reached the service.
  Amount amount = 0;
  friend bool operator==(const Attribution&, const Attribution&) = default;
};

struct ChainTrace {
  // Per OutputId of the chain: believed stolen base units, 0 = clean.
  std::vector<Amount> output_taint;
  // Per OutputId: confidence in [0, 1]; empty when the tracer has none (then
  // an output is flagged exactly when its taint is > 0).
  std::vector<float> output_score;
  // Per OutputId: transactions from the nearest seed (0 for a seed output),
  // -1 where never reached. May be empty.
  std::vector<std::int32_t> output_hop;
  // Taint models fill these; other tracers may leave them empty.
  // Per InputId: the taint the input carries into its transaction (UTXO: its
  // spent output's; ACCOUNT: what the debit took from the address's pool).
  // Per TxId: the taint the fee carries, in the chain's native asset (0 when
  // TracerOptions::drop_fee_taint). A conserving model keeps, on every
  // transaction none of whose outputs is a seed, sum(input_taint) =
  // sum(output_taint) + fee_taint (a token transfer: sum(input_taint) =
  // sum(output_taint); its fee_taint comes from the payer's native pool).
  std::vector<Amount> input_taint;
  std::vector<Amount> fee_taint;
  friend bool operator==(const ChainTrace&, const ChainTrace&) = default;
};

struct TraceResult {
  // Indexed by ChainId; every vector sized to its chain's output count.
  std::vector<ChainTrace> chains;
  // Per AddressId: 1 when the tracer flags the address as holding or having
  // held stolen value (attacker-controlled or receiving).
  std::vector<std::uint8_t> address_flagged;
  // Per AddressId: cluster id, or kNoCluster. Empty when the tracer does not
  // cluster. Cluster ids are dense from 0.
  static constexpr std::uint32_t kNoCluster = 0xFFFFFFFF;
  std::vector<std::uint32_t> address_cluster;
  // Sorted by (service, asset); one entry per pair with amount > 0.
  std::vector<Attribution> attributions;
  // Farthest hop from a seed the tracer reached.
  std::int32_t max_hop = 0;
  friend bool operator==(const TraceResult&, const TraceResult&) = default;
};

// Ok, or an error naming the first seed whose chain or output the ledger
// lacks, or whose amount is negative or larger than its output's.
Status CheckSeeds(const Ledger& ledger, std::span<const Seed> seeds);

// An empty result shaped for `ledger`: every per-output and per-address
// vector sized, nothing flagged, no clusters.
TraceResult MakeEmptyResult(const Ledger& ledger);

class Tracer {
 public:
  virtual ~Tracer() = default;
  // Registry name, e.g. "haircut".
  virtual std::string_view name() const = 0;
  // Errors: seeds naming outputs the ledger lacks, or amounts larger than
  // their output. Deterministic: the same input gives the same result.
  virtual Result<TraceResult> Trace(const TraceInput& input) const = 0;
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_TRACER_H_
