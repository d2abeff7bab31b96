// Simulation setup: chains and assets into the ledger, scenario entities
// into truth entities and service state, the genesis coinbase that funds
// them, and the first event of every recurring process.

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "model/amount.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {
namespace {

constexpr double kDay = 86400.0;

// Genesis balance of a user: log-normal around this many median payments.
constexpr double kUserFundingPayments = 40.0;
// Gas float of a service (mixer relayer, DEX pool, bridge) in USD.
constexpr double kServiceGasUsd = 2e6;

Seconds DurationOr(const std::string& text, Seconds fallback) {
  const auto d = ParseDuration(text);
  return d.ok() ? *d : fallback;
}

double UsdOr(const std::string& text, double fallback) {
  const auto a = ParseDecimalAmount(text, 6);
  return a.ok() ? static_cast<double>(*a) / 1e6 : fallback;
}

double MeanGap(double per_day) { return per_day > 0 ? kDay / per_day : 0; }

}  // namespace

Simulation::Simulation(const scenario::Scenario& scenario,
                       const SimulateOptions& options, LedgerFile* file)
    : scenario_(scenario),
      options_(options),
      seed_(options.seed.value_or(scenario.seed())),
      file_(file),
      world_(&file->ledger, &*file->truth, seed_) {
  settle_rng_ = Rng::Stream(seed_, "merchant-settle");
  genesis_rng_ = Rng::Stream(seed_, "genesis");
}

AssetId Simulation::AssetByName(const std::string& name) const {
  for (std::size_t a = 0; a < file_->ledger.asset_count(); ++a) {
    if (file_->ledger.asset(IdFromIndex<AssetId>(a)).name == name) {
      return IdFromIndex<AssetId>(a);
    }
  }
  return AssetId::kNone;
}

ChainId Simulation::ChainByName(const std::string& name) const {
  return file_->ledger.FindChain(name);
}

Amount Simulation::UsdToUnits(AssetId asset, Seconds t, double usd) const {
  const AssetInfo& info = file_->ledger.asset(asset);
  const auto a = UsdToAmount(usd, info.UsdAt(t), info.decimals);
  return a.value_or(0);
}

double Simulation::UnitsToUsd(AssetId asset, Seconds t, Amount amount) const {
  const AssetInfo& info = file_->ledger.asset(asset);
  return AmountToUsd(amount, info.UsdAt(t), info.decimals);
}

Status Simulation::Setup() {
  const auto start = ParseCalendarTime(scenario_.start());
  const auto duration = ParseDuration(scenario_.duration());
  if (!start.ok() || !duration.ok()) {
    return Status::Error("scenario start or duration unusable");
  }
  if (!(options_.scale > 0) || options_.scale > 1e6) {
    return Status::Error("scale must be in (0, 1000000]");
  }
  start_ = *start;
  end_ = *duration;
  world_.set_end(end_);
  file_->ledger.set_start(start_);
  if (Status st = SetupChains(); !st.ok()) return st;
  if (Status st = SetupEntities(); !st.ok()) return st;
  Genesis();
  ScheduleFirstEvents();
  BuildVenues();
  ReserveStorage();
  return SetupAttacks();
}

Status Simulation::SetupChains() {
  Ledger& ledger = file_->ledger;
  const auto to_points = [&](const auto& path) {
    std::vector<PricePoint> points;
    for (const scenario::PathPoint& p : path) {
      const auto at = ParseCalendarTime(p.at());
      if (at.ok()) points.push_back(PricePoint{*at - start_, p.value()});
    }
    return points;
  };
  for (const scenario::Chain& c : scenario_.chains()) {
    const bool utxo = c.model() == common::UTXO;
    const Seconds interval =
        DurationOr(c.block_interval(), utxo ? Seconds{600} : Seconds{12});
    const auto id = ledger.AddChain(c.name(), c.model(), interval);
    if (!id.ok()) return id.status();
  }
  for (const scenario::Asset& a : scenario_.assets()) {
    AssetInfo info;
    info.name = a.name();
    info.chain = ledger.FindChain(a.chain());
    info.decimals = a.decimals();
    info.usd_price = to_points(a.usd_price());
    const auto id = ledger.AddAsset(std::move(info));
    if (!id.ok()) return id.status();
  }
  traffic_.assign(ledger.chain_count(), nullptr);
  tokens_.assign(ledger.chain_count(), {});
  for (const scenario::ChainTraffic& t : scenario_.background().chains()) {
    traffic_[Index(ChainByName(t.chain()))] = &t;
  }
  static const scenario::ChainTraffic kDefaultTraffic;
  for (const scenario::Chain& c : scenario_.chains()) {
    const ChainId chain = ChainByName(c.name());
    if (traffic_[Index(chain)] == nullptr) {
      traffic_[Index(chain)] = &kDefaultTraffic;
    }
    const AssetId native = AssetByName(c.native_asset());
    if (Status st = ledger.SetNativeAsset(chain, native); !st.ok()) return st;
    for (std::size_t a = 0; a < ledger.asset_count(); ++a) {
      const auto asset = IdFromIndex<AssetId>(a);
      if (ledger.asset(asset).chain == chain && asset != native) {
        tokens_[Index(chain)].push_back(asset);
      }
    }
    ChainParams p;
    p.utxo = c.model() == common::UTXO;
    p.native = native;
    p.block_interval = ledger.chain(chain).block_interval;
    const int decimals = ledger.asset(native).decimals;
    p.block_reward = ParseDecimalAmount(c.has_block_reward() ? c.block_reward()
                                        : p.utxo             ? "6.25"
                                                             : "2",
                                        decimals)
                         .value_or(0);
    const scenario::FeeModel& f = c.fees();
    p.tx_vbytes = f.tx_vbytes();
    p.input_vbytes = f.input_vbytes();
    p.output_vbytes = f.output_vbytes();
    p.fee_rate.points = to_points(f.rate());
    p.fee_rate.fallback = 20;
    p.transfer_gas = f.transfer_gas();
    p.token_gas = f.token_transfer_gas();
    p.call_gas = f.contract_call_gas();
    p.gas_price.points = to_points(f.gas_price());
    p.gas_price.fallback = 50;
    double total = 0;
    for (const scenario::AddressTypeShare& s :
         traffic_[Index(chain)]->address_types()) {
      total += s.share();
    }
    double cum = 0;
    for (const scenario::AddressTypeShare& s :
         traffic_[Index(chain)]->address_types()) {
      if (s.share() <= 0) continue;
      cum += s.share() / total;
      p.address_types.push_back(s.type());
      p.address_type_cdf.push_back(cum);
    }
    world_.AddChain(chain, std::move(p));
  }
  return Status::Ok();
}

Status Simulation::SetupEntities() {
  Ledger& ledger = file_->ledger;
  const std::size_t n_chains = ledger.chain_count();
  const double scale = options_.scale;
  const auto scaled = [&](std::int64_t n) {
    return static_cast<std::uint32_t>(
        std::max(1.0, std::round(static_cast<double>(n) * scale)));
  };
  for (const scenario::Entity& e : scenario_.entities()) {
    const auto add = [&](common::EntityKind kind, const std::string& country,
                         common::Region region) {
      return world_.AddEntity(Entity{e.name(), kind, country, region});
    };
    switch (e.kind_case()) {
      case scenario::Entity::kUsers:
      case scenario::Entity::kMerchants: {
        const bool merchants = e.has_merchants();
        Population pop;
        pop.name = e.name();
        pop.merchants = merchants;
        pop.count =
            scaled(merchants ? e.merchants().count() : e.users().count());
        pop.payments_per_day = merchants ? 0 : e.users().payments_per_day();
        const auto& chains =
            merchants ? e.merchants().chains() : e.users().chains();
        pop.on_chain.assign(n_chains, chains.empty() ? 1 : 0);
        for (const std::string& c : chains)
          pop.on_chain[Index(ChainByName(c))] = 1;
        const common::EntityKind kind =
            merchants ? common::MERCHANT : common::USER;
        for (std::uint32_t i = 0; i < pop.count; ++i) {
          const EntityId id =
              world_.AddEntity(Entity{e.name() + "#" + std::to_string(i), kind,
                                      "", common::REGION_UNSPECIFIED});
          if (id == EntityId::kNone) {
            return Status::Error("entity name clash at " + e.name());
          }
          if (i == 0) pop.first = id;
        }
        populations_.push_back(std::move(pop));
        break;
      }
      case scenario::Entity::kMiner: {
        const ChainId chain = ChainByName(e.miner().chain());
        const EntityId id = add(common::MINER, "", common::REGION_UNSPECIFIED);
        auto it = std::find_if(
            blocks_.begin(), blocks_.end(),
            [&](const BlockProcess& b) { return b.chain == chain; });
        if (it == blocks_.end()) {
          BlockProcess b;
          b.chain = chain;
          const ChainParams& p = world_.params(chain);
          // ACCOUNT chains get one reward transaction per hour carrying the
          // rewards of the blocks in it, not one per 12-second block.
          const Seconds interval =
              p.utxo ? p.block_interval
                     : std::max<Seconds>(p.block_interval, 3600);
          b.interval = interval;
          b.reward = p.block_reward * (interval / p.block_interval);
          b.rng = Rng::Stream(seed_, "blocks/" + e.miner().chain());
          blocks_.push_back(std::move(b));
          it = blocks_.end() - 1;
        }
        it->miners.push_back(id);
        it->cdf.push_back(e.miner().hashrate_share());
        it->payout.push_back(
            world_.NewAddress(chain, id, AddressRole::kPersonal, genesis_rng_));
        break;
      }
      case scenario::Entity::kExchange: {
        const scenario::Exchange& x = e.exchange();
        ExchangeState s;
        s.spec = &e;
        s.entity = add(common::EXCHANGE, x.country(), x.region());
        s.hot_fraction = x.hot_fraction();
        s.accounts = static_cast<std::uint32_t>(x.accounts());
        s.sweep_delay = DurationOr(x.sweep_delay(), 7200);
        s.batch_interval = DurationOr(x.withdrawal_batch_interval(), 1800);
        s.withdrawals_per_day =
            x.withdrawal_rate() * static_cast<double>(s.accounts) * scale;
        s.chains.resize(n_chains);
        s.rng = Rng::Stream(seed_, "exchange/" + e.name());
        for (const scenario::Holding& h : x.reserves()) {
          const AssetId asset = AssetByName(h.asset());
          const ChainId chain = ledger.asset(asset).chain;
          ExchangeChain& xc = s.chains[Index(chain)];
          if (!xc.active) {
            xc.active = true;
            xc.hot = world_.NewAddress(chain, s.entity,
                                       AddressRole::kExchangeHot, s.rng);
            xc.cold = world_.NewAddress(chain, s.entity,
                                        AddressRole::kExchangeCold, s.rng);
            xc.deposit.assign(s.accounts, AddressId::kNone);
          }
          xc.assets.push_back(asset);
        }
        exchanges_.push_back(std::move(s));
        break;
      }
      case scenario::Entity::kMixer: {
        const scenario::Mixer& m = e.mixer();
        MixerState s;
        s.spec = &e;
        s.entity = add(common::MIXER, "", common::REGION_UNSPECIFIED);
        s.chain = ChainByName(m.chain());
        s.pool = m.kind() == scenario::POOL;
        s.asset = m.has_asset() ? AssetByName(m.asset())
                                : world_.params(s.chain).native;
        s.rng = Rng::Stream(seed_, "mixer/" + e.name());
        for (const std::string& d : m.denominations()) {
          s.denominations.push_back(
              ParseDecimalAmount(d, ledger.asset(s.asset).decimals)
                  .value_or(0));
        }
        std::sort(s.denominations.begin(), s.denominations.end());
        if (s.pool) {
          for (std::size_t i = 0; i < s.denominations.size(); ++i) {
            s.pool_address.push_back(world_.NewAddress(
                s.chain, s.entity, AddressRole::kService, s.rng));
          }
          s.relayer = world_.NewAddress(s.chain, s.entity,
                                        AddressRole::kPersonal, s.rng);
        }
        s.mean_gap = MeanGap(m.benign_deposits_per_day() * scale);
        s.mean_delay = DurationOr(m.benign_delay(), Seconds{3} * 86400);
        s.fee_bps = m.fee_bps();
        mixers_.push_back(std::move(s));
        break;
      }
      case scenario::Entity::kCoinjoin: {
        const scenario::CoinJoinCoordinator& c = e.coinjoin();
        CoinJoinState s;
        s.spec = &e;
        s.entity =
            add(common::COINJOIN_COORDINATOR, "", common::REGION_UNSPECIFIED);
        s.chain = ChainByName(c.chain());
        s.denomination =
            ParseDecimalAmount(
                c.denomination(),
                ledger.asset(world_.params(s.chain).native).decimals)
                .value_or(0);
        s.min_participants = c.min_participants();
        s.max_participants = c.max_participants();
        s.interval = DurationOr(c.round_interval(), 3600);
        s.fee_bps = c.fee_bps();
        s.multi_denomination =
            c.style() == scenario::CoinJoinCoordinator::MULTI_DENOMINATION;
        s.rng = Rng::Stream(seed_, "coinjoin/" + e.name());
        s.fee_address =
            world_.NewAddress(s.chain, s.entity, AddressRole::kService, s.rng);
        coinjoins_.push_back(std::move(s));
        break;
      }
      case scenario::Entity::kBridge: {
        const scenario::Bridge& b = e.bridge();
        BridgeState s;
        s.spec = &e;
        s.entity = add(common::BRIDGE, "", common::REGION_UNSPECIFIED);
        s.side[0] = ChainByName(b.from_chain());
        s.side[1] = ChainByName(b.to_chain());
        s.rng = Rng::Stream(seed_, "bridge/" + e.name());
        for (int k = 0; k < 2; ++k) {
          s.address[k] = world_.NewAddress(s.side[k], s.entity,
                                           AddressRole::kService, s.rng);
        }
        s.fee_bps = b.fee_bps();
        s.delay = DurationOr(b.delay(), 1200);
        s.mean_gap = MeanGap(b.benign_per_day() * scale);
        bridges_.push_back(s);
        break;
      }
      case scenario::Entity::kDex: {
        const scenario::DexPool& d = e.dex();
        DexState s;
        s.spec = &e;
        s.entity = add(common::DEX_POOL, "", common::REGION_UNSPECIFIED);
        s.chain = ChainByName(d.chain());
        s.asset[0] = AssetByName(d.reserve_a().asset());
        s.asset[1] = AssetByName(d.reserve_b().asset());
        s.rng = Rng::Stream(seed_, "dex/" + e.name());
        s.pool =
            world_.NewAddress(s.chain, s.entity, AddressRole::kService, s.rng);
        s.fee_bps = d.fee_bps();
        s.mean_gap = MeanGap(d.benign_swaps_per_day() * scale);
        s.arbitrage_share = d.arbitrage_share();
        if (s.arbitrage_share > 0) {
          s.arbitrageur =
              world_.AddEntity(Entity{e.name() + "/arbitrageur", common::USER,
                                      "", common::REGION_UNSPECIFIED});
          s.arbitrage_address = world_.NewAddress(
              s.chain, s.arbitrageur, AddressRole::kPersonal, s.rng);
        }
        dexes_.push_back(s);
        break;
      }
      case scenario::Entity::kOtc: {
        OtcState s;
        s.spec = &e;
        s.entity = add(common::OTC_DESK, e.otc().country(), e.otc().region());
        s.address.assign(n_chains, AddressId::kNone);
        Rng rng = Rng::Stream(seed_, "otc/" + e.name());
        for (const scenario::Holding& h : e.otc().float_()) {
          const ChainId chain = ledger.asset(AssetByName(h.asset())).chain;
          if (s.address[Index(chain)] == AddressId::kNone) {
            s.address[Index(chain)] =
                world_.NewAddress(chain, s.entity, AddressRole::kService, rng);
          }
        }
        otcs_.push_back(std::move(s));
        break;
      }
      case scenario::Entity::kAttacker:
        add(common::ATTACKER, "", common::REGION_UNSPECIFIED);
        break;
      case scenario::Entity::KIND_NOT_SET:
        return Status::Error("entity " + e.name() + " has no kind");
    }
  }
  // Normalise miners' shares into cumulative distributions.
  for (BlockProcess& b : blocks_) {
    double total = 0;
    for (double s : b.cdf) total += s;
    double cum = 0;
    for (double& s : b.cdf) {
      cum += s / total;
      s = cum;
    }
  }
  // Payment processes: one per (user population, chain).
  for (std::uint32_t i = 0; i < populations_.size(); ++i) {
    const Population& pop = populations_[i];
    if (pop.merchants || pop.payments_per_day <= 0) continue;
    for (ChainId c : ledger.chain_ids()) {
      if (!pop.on_chain[Index(c)]) continue;
      PaymentProcess p;
      p.chain = c;
      p.population = i;
      p.mean_gap =
          MeanGap(pop.payments_per_day * static_cast<double>(pop.count));
      p.rng = Rng::Stream(seed_,
                          "payments/" + pop.name + "/" + ledger.chain(c).name);
      p.ahead_rng = Rng::Stream(seed_, "payments/" + pop.name + "/" +
                                           ledger.chain(c).name + "/ahead");
      payments_.push_back(p);
    }
  }
  return Status::Ok();
}

void Simulation::Genesis() {
  Ledger& ledger = file_->ledger;
  Rng& rng = genesis_rng_;
  // One coinbase per (chain, asset) at time 0 funds every balance.
  for (ChainId chain : ledger.chain_ids()) {
    const ChainParams& p = world_.params(chain);
    for (std::size_t ai = 0; ai < ledger.asset_count(); ++ai) {
      const AssetId asset = IdFromIndex<AssetId>(ai);
      if (ledger.asset(asset).chain != chain) continue;
      const bool native = asset == p.native;
      outs_.clear();
      const auto fund = [&](EntityId holder, AddressRole role, Amount amount,
                            int pieces, AddressId at) {
        if (amount <= 0) return;
        pieces = p.utxo ? std::max(pieces, 1) : 1;
        Amount left = amount;
        for (int k = 0; k < pieces; ++k) {
          const Amount part = k + 1 == pieces ? left : amount / pieces;
          left -= part;
          AddressId a = at;
          if (a == AddressId::kNone ||
              (p.utxo && k > 0 && role == AddressRole::kPersonal)) {
            a = world_.NewAddress(chain, holder, role, rng);
          }
          if (part > 0) outs_.push_back(OutputSpec{a, part});
        }
      };
      // Users: a log-normal stake, in the native asset and (ACCOUNT) in
      // tokens for about half of them.
      for (const Population& pop : populations_) {
        if (!pop.on_chain[Index(chain)] || pop.merchants) continue;
        const double median =
            traffic_[Index(chain)]->value_median_usd() * kUserFundingPayments;
        for (std::uint32_t i = 0; i < pop.count; ++i) {
          const auto holder = IdFromIndex<EntityId>(Index(pop.first) + i);
          // Every user holds every asset of its chains at the start.
          const double usd = rng.LogNormal(median, 1.0);
          const auto addrs = world_.addresses_of(chain, holder);
          fund(holder, AddressRole::kPersonal, UsdToUnits(asset, 0, usd),
               static_cast<int>(rng.Between(1, 4)),
               addrs.empty() ? AddressId::kNone : addrs.front());
        }
      }
      // The amount of this asset a list of holdings declares (0 if none).
      const auto held = [&](const auto& holdings) {
        Amount total = 0;
        for (const scenario::Holding& h : holdings) {
          if (AssetByName(h.asset()) != asset) continue;
          total += ParseDecimalAmount(h.amount(), ledger.asset(asset).decimals)
                       .value_or(0);
        }
        return total;
      };
      for (ExchangeState& x : exchanges_) {
        ExchangeChain& xc = x.chains[Index(chain)];
        if (!xc.active) continue;
        const Amount total = held(x.spec->exchange().reserves());
        const auto hot = static_cast<Amount>(
            std::floor(static_cast<double>(total) * x.hot_fraction));
        fund(x.entity, AddressRole::kExchangeHot, hot, 40, xc.hot);
        fund(x.entity, AddressRole::kExchangeCold, total - hot, 1, xc.cold);
        // Gas for sweeping token deposits.
        if (native && !p.utxo) {
          fund(x.entity, AddressRole::kExchangeHot,
               UsdToUnits(asset, 0, kServiceGasUsd), 1, xc.hot);
        }
      }
      for (MixerState& m : mixers_) {
        if (m.chain != chain || !native) continue;
        if (m.pool) {
          fund(m.entity, AddressRole::kPersonal,
               UsdToUnits(asset, 0, kServiceGasUsd), 1, m.relayer);
        } else if (m.spec->mixer().has_reserve()) {
          fund(m.entity, AddressRole::kService,
               ParseDecimalAmount(m.spec->mixer().reserve(),
                                  ledger.asset(asset).decimals)
                   .value_or(0),
               20, AddressId::kNone);
        }
      }
      for (BridgeState& b : bridges_) {
        for (int k = 0; k < 2; ++k) {
          if (b.side[k] != chain || !native) continue;
          const double usd = UsdOr(b.spec->bridge().liquidity_usd(), 5e8);
          fund(b.entity, AddressRole::kService, UsdToUnits(asset, 0, usd), 20,
               b.address[k]);
        }
      }
      for (DexState& d : dexes_) {
        if (d.chain != chain) continue;
        const scenario::DexPool& dex = d.spec->dex();
        const std::array<scenario::Holding, 2> reserves = {dex.reserve_a(),
                                                           dex.reserve_b()};
        fund(d.entity, AddressRole::kService, held(reserves), 1, d.pool);
        // The arbitrageur holds what brings the declared reserves to the
        // market price at the start, plus twice the pool's reserves of each
        // asset: enough to follow a fourfold price move (a constant-product
        // reserve moves by the square root of the price), and gas.
        if (d.arbitrage_address != AddressId::kNone) {
          const auto reserve = [&](std::size_t k) {
            return ParseDecimalAmount(reserves[k].amount(),
                                      ledger.asset(d.asset[k]).decimals)
                .value_or(0);
          };
          const ArbitrageTrade start = Arbitrage(d, reserve(0), reserve(1), 0);
          const Amount catch_up =
              d.asset[start.side] == asset ? start.amount : 0;
          fund(d.arbitrageur, AddressRole::kPersonal,
               catch_up + 2 * held(reserves), 1, d.arbitrage_address);
          if (native && !p.utxo) {
            fund(d.arbitrageur, AddressRole::kPersonal,
                 UsdToUnits(asset, 0, kServiceGasUsd), 1, d.arbitrage_address);
          }
        }
      }
      for (OtcState& o : otcs_) {
        if (o.address[Index(chain)] == AddressId::kNone) continue;
        fund(o.entity, AddressRole::kService, held(o.spec->otc().float_()), 10,
             o.address[Index(chain)]);
      }
      if (outs_.empty()) continue;
      // A UTXO chain's genesis pays the native asset; ACCOUNT genesis mints
      // each asset in its own coinbase.
      world_.Coinbase(chain, 0, outs_, asset);
    }
  }
}

void Simulation::ScheduleFirstEvents() {
  for (std::uint32_t i = 0; i < blocks_.size(); ++i) {
    Schedule(blocks_[i].interval, Ev::kBlock, i);
  }
  for (std::uint32_t i = 0; i < payments_.size(); ++i) {
    PaymentProcess& p = payments_[i];
    if (p.mean_gap <= 0) continue;
    for (PlannedPayment& plan : p.ahead) plan = PlanPayment(p);
    Schedule(static_cast<Seconds>(p.rng.Exponential(p.mean_gap)), Ev::kPayment,
             i);
  }
  for (ChainId c : file_->ledger.chain_ids()) {
    Schedule(static_cast<Seconds>(settle_rng_.Exponential(kDay / 10)),
             Ev::kMerchantSettle, static_cast<std::uint32_t>(Index(c)));
  }
  for (std::uint32_t i = 0; i < blocks_.size(); ++i) {
    Schedule(static_cast<Seconds>(kDay), Ev::kMinerSell, i);
  }
  for (std::uint32_t i = 0; i < exchanges_.size(); ++i) {
    ExchangeState& x = exchanges_[i];
    for (ChainId c : file_->ledger.chain_ids()) {
      if (!x.chains[Index(c)].active) continue;
      const auto ci = static_cast<std::uint32_t>(Index(c));
      Schedule(std::max<Seconds>(x.sweep_delay, 60), Ev::kExchangeSweep, i, ci);
      Schedule(x.batch_interval, Ev::kExchangeWithdraw, i, ci);
      Schedule(static_cast<Seconds>(kDay), Ev::kExchangeRebalance, i, ci);
    }
  }
  for (std::uint32_t i = 0; i < mixers_.size(); ++i) {
    MixerState& m = mixers_[i];
    if (m.mean_gap <= 0) continue;
    Schedule(static_cast<Seconds>(m.rng.Exponential(m.mean_gap)),
             Ev::kMixerDeposit, i);
  }
  for (std::uint32_t i = 0; i < coinjoins_.size(); ++i) {
    Schedule(coinjoins_[i].interval, Ev::kCoinJoinRound, i);
  }
  for (std::uint32_t i = 0; i < bridges_.size(); ++i) {
    BridgeState& b = bridges_[i];
    if (b.mean_gap <= 0) continue;
    Schedule(static_cast<Seconds>(b.rng.Exponential(b.mean_gap)),
             Ev::kBridgeLock, i);
  }
  for (std::uint32_t i = 0; i < dexes_.size(); ++i) {
    DexState& d = dexes_[i];
    if (d.mean_gap <= 0) continue;
    Schedule(static_cast<Seconds>(d.rng.Exponential(d.mean_gap)), Ev::kDexSwap,
             i);
  }
}

}  // namespace chaintrace::sim
