#include "sim/trace/registry.h"

#include <string>

#include "sim/trace/analyst.h"
#include "sim/trace/bridge_match.h"
#include "sim/trace/change_cluster.h"
#include "sim/trace/deposit_cluster.h"
#include "sim/trace/fifo.h"
#include "sim/trace/haircut.h"
#include "sim/trace/lifo.h"
#include "sim/trace/mixer_demix.h"
#include "sim/trace/multi_input.h"
#include "sim/trace/peel_follower.h"
#include "sim/trace/poison.h"
#include "sim/trace/seniority.h"
#include "sim/trace/tiho.h"

namespace chaintrace::trace {
namespace {

using Factory = std::unique_ptr<Tracer> (*)(const TracerOptions&);

struct Entry {
  TracerInfo info;
  Factory make;
};

// The registry. Add a tracer here: its name, a one-line summary, and its
// factory (declared in its own header under sim/trace/).
const std::vector<Entry>& Entries() {
  // clang-format off
  static const std::vector<Entry> entries = {
    {{"poison", "taint model: any tainted input taints every output wholly (Moser et al. 2014)"}, MakePoisonTracer},
    {{"haircut", "taint model: taint pro rata to value, exact integer split, and exact fractions from the sparse triangular system (I - W) x = b solved by forward substitution in the same pass (Eigen with --haircut-eigen) (Moser et al. 2014)"}, MakeHaircutTracer},
    {{"fifo", "taint model: inputs in order fill outputs in order, fee last, Clayton's case (Anderson et al. 2018)"}, MakeFifoTracer},
    {{"lifo", "taint model: last input in is first out, fee last (Anderson et al. 2018)"}, MakeLifoTracer},
    {{"tiho", "taint model: taint in, highest-value outputs out first (Anderson et al. 2018)"}, MakeTihoTracer},
    {{"seniority", "taint model: tainted value is spent first, outputs in order"}, MakeSeniorityTracer},
      {{"multi_input", "common-input clusters, CoinJoins excluded (Meiklejohn et al. 2013)"}, &MakeMultiInputTracer},
      {{"change", "multi-input + change-address clusters (Meiklejohn et al. 2013; BlockSci)"}, &MakeChangeTracer},
      {{"deposit_cluster", "exchange deposit-address clusters on account chains (Victor 2020)"}, &MakeDepositClusterTracer},
      {{"peel_follower", "follows peel chains along the change (Kappos et al. 2022)"}, &MakePeelFollowerTracer},
      {{"mixer_demix", "links fixed-denomination mixer deposits to withdrawals (Béres et al. 2021; Tutela)"}, &MakeMixerDemixTracer},
      {{"bridge_match", "matches bridge locks to releases and swap legs by amount, time and address (Mazorra et al. 2023)"}, &MakeBridgeMatchTracer},
      {{"analyst", "follows through transfers, change, mixers, bridges and swaps to labelled exchanges and OTC desks, within a hop limit"}, &MakeAnalystTracer},
  };
  // clang-format on
  return entries;
}

}  // namespace

const std::vector<TracerInfo>& RegisteredTracers() {
  static const std::vector<TracerInfo> infos = [] {
    std::vector<TracerInfo> out;
    for (const Entry& e : Entries()) out.push_back(e.info);
    return out;
  }();
  return infos;
}

Result<std::unique_ptr<Tracer>> MakeTracer(std::string_view name,
                                           const TracerOptions& options) {
  for (const Entry& e : Entries()) {
    if (e.info.name == name) return e.make(options);
  }
  std::string known;
  for (const Entry& e : Entries()) {
    if (!known.empty()) known += ", ";
    known += e.info.name;
  }
  return Status::Error("unknown tracer '" + std::string(name) +
                       "' (known: " + known + ")");
}

}  // namespace chaintrace::trace
