#include "sim/world/simulator.h"

#include <utility>

#include "model/version.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {

void Simulation::Schedule(Seconds t, Ev kind, std::uint32_t a, std::uint32_t b,
                          EntityId holder, Amount amount) {
  if (t > end_) return;
  queue_.push(Event{t, seq_++, kind, a, b, holder, amount});
}

void Simulation::Dispatch(const Event& e) {
  switch (e.kind) {
    case Ev::kBlock:
      return OnBlock(e);
    case Ev::kPayment:
      return OnPayment(e);
    case Ev::kMerchantSettle:
      return OnMerchantSettle(e);
    case Ev::kMinerSell:
      return OnMinerSell(e);
    case Ev::kExchangeSweep:
      return OnExchangeSweep(e);
    case Ev::kExchangeWithdraw:
      return OnExchangeWithdraw(e);
    case Ev::kExchangeRebalance:
      return OnExchangeRebalance(e);
    case Ev::kMixerDeposit:
      return OnMixerDeposit(e);
    case Ev::kMixerWithdraw:
      return OnMixerWithdraw(e);
    case Ev::kCoinJoinRound:
      return OnCoinJoinRound(e);
    case Ev::kBridgeLock:
      return OnBridgeLock(e);
    case Ev::kBridgeRelease:
      return OnBridgeRelease(e);
    case Ev::kDexSwap:
      return OnDexSwap(e);
    case Ev::kLaunder:
      return OnLaunder(e);
  }
}

void Simulation::Run() {
  while (!queue_.empty()) {
    const Event e = queue_.top();
    queue_.pop();
    world_.set_now(e.time);
    Dispatch(e);
  }
}

std::vector<ChainCounters> Simulation::TakeCounters() const {
  std::vector<ChainCounters> out;
  for (ChainId c : file_->ledger.chain_ids()) out.push_back(world_.counters(c));
  return out;
}

void Simulation::GrantLabels() {
  // Each address of a service is labelled with the probability the
  // scenario's LabelCoverage gives its kind; one stream, address order.
  const scenario::LabelCoverage& cov = scenario_.labels();
  Rng rng = Rng::Stream(seed_, "labels");
  const GroundTruth& truth = *file_->truth;
  Labels& labels = file_->labels;
  for (AddressId a : file_->ledger.address_ids()) {
    const EntityId owner = truth.owner(a);
    if (owner == EntityId::kNone) continue;
    const Entity& entity = truth.entity(owner);
    LabelKind kind = common::LABEL_KIND_UNSPECIFIED;
    double p = 0;
    switch (world_.role(a)) {
      case AddressRole::kExchangeDeposit:
        kind = common::LABEL_EXCHANGE_DEPOSIT;
        p = cov.exchange_deposit();
        break;
      case AddressRole::kExchangeHot:
      case AddressRole::kExchangeCold:
        kind = common::LABEL_EXCHANGE_WALLET;
        p = cov.exchange_wallet();
        break;
      case AddressRole::kService:
        switch (entity.kind) {
          case common::MIXER:
            kind = common::LABEL_MIXER;
            p = cov.mixer();
            break;
          case common::BRIDGE:
            kind = common::LABEL_BRIDGE;
            p = cov.bridge();
            break;
          case common::DEX_POOL:
            kind = common::LABEL_DEX;
            p = cov.dex();
            break;
          case common::OTC_DESK:
            kind = common::LABEL_OTC;
            p = cov.otc();
            break;
          case common::COINJOIN_COORDINATOR:
            kind = common::LABEL_COINJOIN;
            p = cov.coinjoin();
            break;
          default:
            break;
        }
        break;
      case AddressRole::kPersonal:
        break;
    }
    // Draw for every address so that labels of one kind do not depend on
    // how many addresses of another kind exist before them.
    const double u = rng.Uniform01();
    if (kind == common::LABEL_KIND_UNSPECIFIED || u >= p) continue;
    const auto service = labels.AddService(entity.name);
    if (service.ok()) (void)labels.Add(a, *service, kind);
  }
}

Result<SimulationResult> Simulate(const scenario::Scenario& scenario,
                                  const SimulateOptions& options) {
  SimulationResult result;
  LedgerFile& file = result.file;
  file.truth.emplace();
  file.provenance.scenario = scenario.metadata().name();
  file.provenance.scenario_sha256 = options.scenario_sha256;
  file.provenance.seed = options.seed.value_or(scenario.seed());
  file.provenance.chaintrace_version = kVersion;
  file.provenance.scale = options.scale;
  Simulation sim(scenario, options, &file);
  if (Status st = sim.Setup(); !st.ok()) return st;
  sim.Run();
  sim.FinishAttacks();
  sim.GrantLabels();
  file.truth->Resize(file.ledger);
  // The storage estimate reserved more than was used (payments the payer
  // could not afford, fewer inputs and outputs than the margin). The rest
  // is not given back (Ledger::ShrinkToFit): it was never written, so it
  // occupies address space but no memory, while shrinking copies every
  // array into fresh memory (1.9 s of 16 s at 10M transactions).
  result.counters = sim.TakeCounters();
  result.books = sim.TakeBooks();
  result.shortfalls = sim.TakeShortfalls();
  return result;
}

}  // namespace chaintrace::sim
