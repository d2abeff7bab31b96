#include "sim/scenario/validate_world.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace chaintrace::sim {
namespace {

using common::ChainModel;
using scenario::Entity;

constexpr std::int64_t kMaxBps = 10000;
constexpr std::int64_t kMaxPopulation = 100'000'000;

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

void CheckCountry(ScenarioChecker* c, const FieldPath& path, bool present,
                  const std::string& country) {
  if (!present) return;
  const bool ok = country.size() == 2 && country[0] >= 'A' &&
                  country[0] <= 'Z' && country[1] >= 'A' && country[1] <= 'Z';
  if (!ok) {
    c->Error(path, Quote(country) +
                       " is not an ISO 3166-1 alpha-2 country code such as "
                       "\"KR\"");
  }
}

// A holding: a known asset and a positive amount of it.
void CheckHolding(ScenarioChecker* c, const FieldPath& path,
                  const scenario::Holding& holding,
                  const std::string* required_chain) {
  const scenario::Asset* asset =
      c->RefAsset(path.Field("asset"), holding.has_asset(), holding.asset());
  if (asset != nullptr && required_chain != nullptr &&
      c->FindChain(asset->chain()) != nullptr &&
      asset->chain() != *required_chain) {
    c->Error(path.Field("asset"),
             "asset " + Quote(asset->name()) + " lives on chain " +
                 Quote(asset->chain()) + ", not on " + Quote(*required_chain));
  }
  if (c->Require(path.Field("amount"), holding.has_amount())) {
    c->CheckAmount(path.Field("amount"), holding.amount(), asset);
  }
}

void CheckHoldings(
    ScenarioChecker* c, const FieldPath& path, std::string_view field,
    const google::protobuf::RepeatedPtrField<scenario::Holding>& holdings) {
  std::set<std::string> seen;
  for (int i = 0; i < holdings.size(); ++i) {
    const scenario::Holding& h = holdings.Get(i);
    CheckHolding(c, path.Element(field, i), h, nullptr);
    if (h.has_asset() && !seen.insert(h.asset()).second) {
      c->Error(path.Element(field, i).Field("asset"),
               "asset " + Quote(h.asset()) + " is listed twice");
    }
  }
}

void CheckChainList(
    ScenarioChecker* c, const FieldPath& path,
    const google::protobuf::RepeatedPtrField<std::string>& chains) {
  for (int i = 0; i < chains.size(); ++i) {
    c->RefChain(path.Element("chains", i), true, chains.Get(i));
  }
}

// A required chain reference; the chain's model, when set, must be `model`.
const scenario::Chain* ChainOfModel(ScenarioChecker* c, const FieldPath& path,
                                    bool present, const std::string& name,
                                    ChainModel model, std::string_view what) {
  const scenario::Chain* chain = c->RefChain(path, present, name);
  if (chain != nullptr && chain->model() != common::CHAIN_MODEL_UNSPECIFIED &&
      chain->model() != model) {
    c->Error(path, std::string(what) + " needs chain model " +
                       common::ChainModel_Name(model) + "; chain " +
                       Quote(name) + " is " +
                       common::ChainModel_Name(chain->model()));
  }
  return chain;
}

void ValidateChain(ScenarioChecker* c, const FieldPath& p,
                   const scenario::Chain& chain) {
  if (c->Require(p.Field("model"), chain.has_model()) &&
      chain.model() == common::CHAIN_MODEL_UNSPECIFIED) {
    c->Error(p.Field("model"), "must be UTXO or ACCOUNT");
  }
  const scenario::Asset* native = c->RefAsset(
      p.Field("native_asset"), chain.has_native_asset(), chain.native_asset());
  if (native != nullptr && native->has_chain() && chain.has_name() &&
      native->chain() != chain.name()) {
    c->Error(p.Field("native_asset"),
             "native asset " + Quote(native->name()) + " lives on chain " +
                 Quote(native->chain()) + ", not on " + Quote(chain.name()));
  }
  if (chain.has_block_interval()) {
    c->CheckDuration(p.Field("block_interval"), chain.block_interval(), true);
  }
  if (chain.has_block_reward()) {
    c->CheckAmount(p.Field("block_reward"), chain.block_reward(), native,
                   /*allow_zero=*/true);
  }
  if (chain.has_fees()) {
    const FieldPath f = p.Field("fees");
    const scenario::FeeModel& fees = chain.fees();
    c->CheckInt(f.Field("tx_vbytes"), fees.tx_vbytes(), 0, 1'000'000);
    c->CheckInt(f.Field("input_vbytes"), fees.input_vbytes(), 0, 1'000'000);
    c->CheckInt(f.Field("output_vbytes"), fees.output_vbytes(), 0, 1'000'000);
    c->CheckInt(f.Field("transfer_gas"), fees.transfer_gas(), 1, 1'000'000'000);
    c->CheckInt(f.Field("token_transfer_gas"), fees.token_transfer_gas(), 1,
                1'000'000'000);
    c->CheckInt(f.Field("contract_call_gas"), fees.contract_call_gas(), 1,
                1'000'000'000);
    c->CheckPathPoints(f, "rate", fees.rate(), /*value_positive=*/false);
    c->CheckPathPoints(f, "gas_price", fees.gas_price(), false);
  }
}

void ValidateAsset(ScenarioChecker* c, const FieldPath& p,
                   const scenario::Asset& asset) {
  const scenario::Chain* chain =
      c->RefChain(p.Field("chain"), asset.has_chain(), asset.chain());
  if (c->Require(p.Field("decimals"), asset.has_decimals())) {
    c->CheckInt(p.Field("decimals"), asset.decimals(), 0, kMaxDecimals);
  }
  if (asset.usd_price().empty()) {
    c->Error(p.Field("usd_price"), "at least one price point is required");
  }
  c->CheckPathPoints(p, "usd_price", asset.usd_price(), true);
  if (chain != nullptr && chain->model() == common::UTXO &&
      chain->native_asset() != asset.name()) {
    c->Error(p.Field("chain"), "UTXO chain " + Quote(chain->name()) +
                                   " carries only its native asset " +
                                   Quote(chain->native_asset()) +
                                   "; tokens such as " + Quote(asset.name()) +
                                   " need an ACCOUNT chain");
  }
}

void ValidateMixer(ScenarioChecker* c, const FieldPath& p,
                   const scenario::Mixer& mixer) {
  const bool pool = mixer.kind() == scenario::POOL;
  if (c->Require(p.Field("kind"), mixer.has_kind()) &&
      mixer.kind() == scenario::MIXER_KIND_UNSPECIFIED) {
    c->Error(p.Field("kind"), "must be POOL or CUSTODIAL");
  }
  if (mixer.kind() == scenario::MIXER_KIND_UNSPECIFIED) {
    c->RefChain(p.Field("chain"), mixer.has_chain(), mixer.chain());
  } else {
    ChainOfModel(c, p.Field("chain"), mixer.has_chain(), mixer.chain(),
                 pool ? common::ACCOUNT : common::UTXO,
                 pool ? "a POOL mixer" : "a CUSTODIAL mixer");
  }
  if (mixer.has_asset()) {
    const scenario::Asset* asset =
        c->RefAsset(p.Field("asset"), true, mixer.asset());
    if (asset != nullptr && c->FindChain(asset->chain()) != nullptr &&
        mixer.has_chain() && asset->chain() != mixer.chain()) {
      c->Error(p.Field("asset"),
               "asset " + Quote(asset->name()) + " lives on chain " +
                   Quote(asset->chain()) + ", not on " + Quote(mixer.chain()));
    }
  }
  const scenario::Asset* asset = MixerAsset(*c, mixer);
  if (pool) {
    if (mixer.denominations().empty()) {
      c->Error(p.Field("denominations"),
               "a POOL mixer needs at least one denomination");
    }
    for (int i = 0; i < mixer.denominations_size(); ++i) {
      c->CheckAmount(p.Element("denominations", i), mixer.denominations(i),
                     asset);
    }
  }
  c->CheckAtLeast(p.Field("benign_deposits_per_day"),
                  mixer.benign_deposits_per_day(), 0);
  c->CheckDuration(p.Field("benign_delay"), mixer.benign_delay());
  c->CheckInt(p.Field("fee_bps"), mixer.fee_bps(), 0, kMaxBps);
  if (mixer.has_reserve()) {
    c->CheckAmount(p.Field("reserve"), mixer.reserve(), asset);
  }
}

void ValidateCoinJoin(ScenarioChecker* c, const FieldPath& p,
                      const scenario::CoinJoinCoordinator& cj) {
  const scenario::Chain* chain =
      ChainOfModel(c, p.Field("chain"), cj.has_chain(), cj.chain(),
                   common::UTXO, "CoinJoin");
  const scenario::Asset* native =
      chain != nullptr ? c->FindAsset(chain->native_asset()) : nullptr;
  c->CheckAmount(p.Field("denomination"), cj.denomination(), native);
  c->CheckInt(p.Field("min_participants"), cj.min_participants(), 2, 10000);
  c->CheckInt(p.Field("max_participants"), cj.max_participants(), 2, 10000);
  if (cj.min_participants() > cj.max_participants()) {
    c->Error(p.Field("max_participants"),
             "min_participants (" + std::to_string(cj.min_participants()) +
                 ") is greater than max_participants (" +
                 std::to_string(cj.max_participants()) + ")");
  }
  c->CheckDuration(p.Field("round_interval"), cj.round_interval(), true);
  c->CheckInt(p.Field("fee_bps"), cj.fee_bps(), 0, kMaxBps);
}

void ValidateDex(ScenarioChecker* c, const FieldPath& p,
                 const scenario::DexPool& dex) {
  c->RefChain(p.Field("chain"), dex.has_chain(), dex.chain());
  const std::string* chain = dex.has_chain() ? &dex.chain() : nullptr;
  if (c->Require(p.Field("reserve_a"), dex.has_reserve_a())) {
    CheckHolding(c, p.Field("reserve_a"), dex.reserve_a(), chain);
  }
  if (c->Require(p.Field("reserve_b"), dex.has_reserve_b())) {
    CheckHolding(c, p.Field("reserve_b"), dex.reserve_b(), chain);
  }
  if (dex.has_reserve_a() && dex.has_reserve_b() &&
      dex.reserve_a().asset() == dex.reserve_b().asset()) {
    c->Error(p.Field("reserve_b").Field("asset"),
             "a pool needs two different assets");
  }
  c->CheckInt(p.Field("fee_bps"), dex.fee_bps(), 0, kMaxBps);
  c->CheckAtLeast(p.Field("benign_swaps_per_day"), dex.benign_swaps_per_day(),
                  0);
  c->CheckReal(p.Field("arbitrage_share"), dex.arbitrage_share(), 0, 1);
}

// One cryptojacking campaign of an attacker group. Its name shares the
// namespace of attacks, since the ground truth attributes proceeds by name;
// duplicates among campaigns are checked in CheckCampaignNames.
void ValidateCryptojacking(ScenarioChecker* c, const FieldPath& p,
                           const scenario::Cryptojacking& cj) {
  const FieldPath name = p.Field("name");
  if (c->RequireString(name, cj.has_name(), cj.name())) {
    if (!IsIdentifier(cj.name())) {
      c->Error(name, Quote(cj.name()) +
                         " is not a name: a letter, then letters, digits, "
                         "'_', '.' or '-'");
    } else if (c->HasAttack(cj.name())) {
      c->Error(name, "campaign name " + Quote(cj.name()) +
                         " is also the name of an attack");
    }
  }
  c->RefChain(p.Field("chain"), cj.has_chain(), cj.chain());
  std::optional<UnixSeconds> start;
  std::optional<UnixSeconds> end;
  if (c->RequireString(p.Field("start"), cj.has_start(), cj.start())) {
    start = c->CheckTime(p.Field("start"), cj.start());
    if (start) c->CheckInSpan(p.Field("start"), *start, cj.start());
  }
  if (c->RequireString(p.Field("end"), cj.has_end(), cj.end())) {
    end = c->CheckTime(p.Field("end"), cj.end());
    if (end) c->CheckInSpan(p.Field("end"), *end, cj.end());
  }
  if (start && end && *end <= *start) {
    c->Error(p.Field("end"),
             "end (" + cj.end() + ") must be after start (" + cj.start() + ")");
  }
  if (c->Require(p.Field("hashrate_share"), cj.has_hashrate_share())) {
    c->CheckReal(p.Field("hashrate_share"), cj.hashrate_share(), 0, 1,
                 /*lo_open=*/true, /*hi_open=*/true);
  }
  CheckCountry(c, p.Field("country"), cj.has_country(), cj.country());
  if (cj.has_plan() && c->RequireString(p.Field("plan"), true, cj.plan()) &&
      c->FindPlan(cj.plan()) == nullptr) {
    c->Error(p.Field("plan"), "unknown plan " + Quote(cj.plan()));
  }
  if (cj.source().has_date()) {
    c->CheckTime(p.Field("source").Field("date"), cj.source().date());
  }
}

// Cryptojacking campaign names are unique across all attacker groups.
void CheckCampaignNames(ScenarioChecker* c) {
  std::map<std::string, FieldPath, std::less<>> seen;
  const auto& entities = c->scenario().entities();
  for (int i = 0; i < entities.size(); ++i) {
    if (entities.Get(i).kind_case() != Entity::kAttacker) continue;
    const auto& campaigns = entities.Get(i).attacker().cryptojacking();
    for (int k = 0; k < campaigns.size(); ++k) {
      const std::string& name = campaigns.Get(k).name();
      if (name.empty()) continue;  // reported as missing
      const FieldPath path = FieldPath()
                                 .Element("entities", i)
                                 .Field("attacker")
                                 .Element("cryptojacking", k)
                                 .Field("name");
      const auto [it, inserted] = seen.emplace(name, path);
      if (!inserted) {
        c->Error(path, "duplicate cryptojacking campaign name " + Quote(name) +
                           ", first defined at " + c->Position(it->second));
      }
    }
  }
}

void ValidateEntity(ScenarioChecker* c, const FieldPath& p,
                    const Entity& entity) {
  switch (entity.kind_case()) {
    case Entity::KIND_NOT_SET:
      c->Error(p,
               "exactly one entity kind must be set (exchange, users, "
               "merchants, miner, mixer, coinjoin, bridge, dex, otc or "
               "attacker)");
      return;
    case Entity::kExchange: {
      const FieldPath q = p.Field("exchange");
      const scenario::Exchange& e = entity.exchange();
      CheckCountry(c, q.Field("country"), e.has_country(), e.country());
      CheckHoldings(c, q, "reserves", e.reserves());
      c->CheckReal(q.Field("hot_fraction"), e.hot_fraction(), 0, 1);
      c->CheckInt(q.Field("accounts"), e.accounts(), 1, kMaxPopulation);
      c->CheckDuration(q.Field("sweep_delay"), e.sweep_delay());
      c->CheckDuration(q.Field("withdrawal_batch_interval"),
                       e.withdrawal_batch_interval(), true);
      c->CheckUsd(q.Field("report_threshold_usd"), e.report_threshold_usd(),
                  /*allow_zero=*/true);
      c->CheckAtLeast(q.Field("withdrawal_rate"), e.withdrawal_rate(), 0);
      return;
    }
    case Entity::kUsers: {
      const FieldPath q = p.Field("users");
      c->CheckInt(q.Field("count"), entity.users().count(), 1, kMaxPopulation);
      CheckChainList(c, q, entity.users().chains());
      c->CheckAtLeast(q.Field("payments_per_day"),
                      entity.users().payments_per_day(), 0);
      return;
    }
    case Entity::kMerchants: {
      const FieldPath q = p.Field("merchants");
      c->CheckInt(q.Field("count"), entity.merchants().count(), 1,
                  kMaxPopulation);
      CheckChainList(c, q, entity.merchants().chains());
      return;
    }
    case Entity::kMiner: {
      const FieldPath q = p.Field("miner");
      c->RefChain(q.Field("chain"), entity.miner().has_chain(),
                  entity.miner().chain());
      c->CheckReal(q.Field("hashrate_share"), entity.miner().hashrate_share(),
                   0, 1, /*lo_open=*/true);
      return;
    }
    case Entity::kMixer:
      return ValidateMixer(c, p.Field("mixer"), entity.mixer());
    case Entity::kCoinjoin:
      return ValidateCoinJoin(c, p.Field("coinjoin"), entity.coinjoin());
    case Entity::kBridge: {
      const FieldPath q = p.Field("bridge");
      const scenario::Bridge& b = entity.bridge();
      c->RefChain(q.Field("from_chain"), b.has_from_chain(), b.from_chain());
      c->RefChain(q.Field("to_chain"), b.has_to_chain(), b.to_chain());
      if (b.has_from_chain() && b.from_chain() == b.to_chain()) {
        c->Error(q.Field("to_chain"), "a bridge joins two different chains");
      }
      c->CheckInt(q.Field("fee_bps"), b.fee_bps(), 0, kMaxBps);
      c->CheckDuration(q.Field("delay"), b.delay());
      c->CheckAtLeast(q.Field("benign_per_day"), b.benign_per_day(), 0);
      c->CheckUsd(q.Field("liquidity_usd"), b.liquidity_usd(),
                  /*allow_zero=*/true);
      return;
    }
    case Entity::kDex:
      return ValidateDex(c, p.Field("dex"), entity.dex());
    case Entity::kOtc: {
      const FieldPath q = p.Field("otc");
      const scenario::OtcDesk& o = entity.otc();
      CheckCountry(c, q.Field("country"), o.has_country(), o.country());
      CheckHoldings(c, q, "float", o.float_());
      c->CheckInt(q.Field("fee_bps"), o.fee_bps(), 0, kMaxBps);
      return;
    }
    case Entity::kAttacker: {
      const FieldPath q = p.Field("attacker");
      const auto& campaigns = entity.attacker().cryptojacking();
      for (int k = 0; k < campaigns.size(); ++k) {
        ValidateCryptojacking(c, q.Element("cryptojacking", k),
                              campaigns.Get(k));
      }
      return;
    }
  }
}

void ValidateBackground(ScenarioChecker* c) {
  const FieldPath p = FieldPath().Field("background");
  std::set<std::string> seen;
  const auto& chains = c->scenario().background().chains();
  for (int i = 0; i < chains.size(); ++i) {
    const scenario::ChainTraffic& t = chains.Get(i);
    const FieldPath q = p.Element("chains", i);
    if (c->RefChain(q.Field("chain"), t.has_chain(), t.chain()) != nullptr &&
        !seen.insert(t.chain()).second) {
      c->Error(q.Field("chain"),
               "chain " + Quote(t.chain()) + " has background traffic twice");
    }
    c->CheckAtLeast(q.Field("value_median_usd"), t.value_median_usd(), 0,
                    /*open=*/true);
    c->CheckAtLeast(q.Field("value_sigma"), t.value_sigma(), 0);
    c->CheckReal(q.Field("address_reuse"), t.address_reuse(), 0, 1);
    c->CheckReal(q.Field("consolidation_share"), t.consolidation_share(), 0, 1);
    c->CheckReal(q.Field("batch_share"), t.batch_share(), 0, 1);
    c->CheckReal(q.Field("token_share"), t.token_share(), 0, 1);
    for (int k = 0; k < t.address_types_size(); ++k) {
      const FieldPath a = q.Element("address_types", k);
      c->RequireString(a.Field("type"), t.address_types(k).has_type(),
                       t.address_types(k).type());
      c->CheckReal(a.Field("share"), t.address_types(k).share(), 0, 1);
    }
  }
}

}  // namespace

const scenario::Asset* MixerAsset(const ScenarioChecker& checker,
                                  const scenario::Mixer& mixer) {
  if (mixer.has_asset()) return checker.FindAsset(mixer.asset());
  const scenario::Chain* chain = checker.FindChain(mixer.chain());
  return chain != nullptr ? checker.FindAsset(chain->native_asset()) : nullptr;
}

void ValidateWorld(ScenarioChecker* c) {
  const scenario::Scenario& s = c->scenario();
  if (s.chains().empty()) {
    c->Error(FieldPath().Field("chains"),
             "a scenario needs at least one chain");
  }
  for (int i = 0; i < s.chains_size(); ++i) {
    ValidateChain(c, FieldPath().Element("chains", i), s.chains(i));
  }
  for (int i = 0; i < s.assets_size(); ++i) {
    ValidateAsset(c, FieldPath().Element("assets", i), s.assets(i));
  }
  for (int i = 0; i < s.entities_size(); ++i) {
    ValidateEntity(c, FieldPath().Element("entities", i), s.entities(i));
  }
  CheckCampaignNames(c);
  ValidateBackground(c);
}

}  // namespace chaintrace::sim
