#include "sim/scenario/validate_attacks.h"

#include <limits>
#include <map>
#include <string>

#include "sim/scenario/validate_world.h"

namespace chaintrace::sim {
namespace {

using scenario::Entity;
using scenario::Stage;

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

void CheckMinMax(ScenarioChecker* c, const FieldPath& p, std::string_view lo,
                 std::int64_t lo_value, std::string_view hi,
                 std::int64_t hi_value, const std::string& lo_text,
                 const std::string& hi_text) {
  if (lo_value > hi_value) {
    c->Error(p.Field(hi), std::string(lo) + " (" + lo_text +
                              ") is greater than " + std::string(hi) + " (" +
                              hi_text + ")");
  }
}

// min <= max for a pair of duration fields.
void CheckDurationRange(ScenarioChecker* c, const FieldPath& p,
                        std::string_view lo, const std::string& lo_text,
                        std::string_view hi, const std::string& hi_text) {
  const auto min = c->CheckDuration(p.Field(lo), lo_text);
  const auto max = c->CheckDuration(p.Field(hi), hi_text);
  if (min && max) CheckMinMax(c, p, lo, *min, hi, *max, lo_text, hi_text);
}

void ValidateDexSwap(ScenarioChecker* c, const FieldPath& p,
                     const scenario::DexSwap& swap) {
  const Entity* dex =
      c->RefEntity(p.Field("dex"), swap.has_dex(), swap.dex(), Entity::kDex);
  const scenario::Asset* to =
      c->RefAsset(p.Field("to_asset"), swap.has_to_asset(), swap.to_asset());
  const scenario::Asset* sold = nullptr;
  if (dex != nullptr && to != nullptr) {
    const std::string& a = dex->dex().reserve_a().asset();
    const std::string& b = dex->dex().reserve_b().asset();
    if (swap.to_asset() != a && swap.to_asset() != b) {
      c->Error(p.Field("to_asset"), "pool " + Quote(swap.dex()) + " trades " +
                                        Quote(a) + " and " + Quote(b) +
                                        ", not " + Quote(swap.to_asset()));
    } else {
      sold = c->FindAsset(swap.to_asset() == a ? b : a);
    }
  }
  if (swap.has_max_swap()) {
    c->CheckAmount(p.Field("max_swap"), swap.max_swap(), sold);
  }
}

void ValidateMix(ScenarioChecker* c, const FieldPath& p,
                 const scenario::MixStage& mix) {
  const Entity* mixer = c->RefEntity(p.Field("mixer"), mix.has_mixer(),
                                     mix.mixer(), Entity::kMixer);
  if (mix.has_denomination()) {
    const scenario::Asset* asset =
        mixer != nullptr ? MixerAsset(*c, mixer->mixer()) : nullptr;
    const auto lot =
        c->CheckAmount(p.Field("denomination"), mix.denomination(), asset);
    if (lot && mixer != nullptr && asset != nullptr &&
        mixer->mixer().kind() == scenario::POOL) {
      bool offered = false;
      for (const std::string& d : mixer->mixer().denominations()) {
        const Result<Amount> v = ParseDecimalAmount(d, asset->decimals());
        offered = offered || (v.ok() && *v == *lot);
      }
      if (!offered) {
        c->Error(p.Field("denomination"),
                 "mixer " + Quote(mix.mixer()) + " has no " +
                     Quote(mix.denomination()) + " denomination");
      }
    }
  }
  c->CheckDuration(p.Field("lot_interval"), mix.lot_interval());
  c->CheckInt(p.Field("min_lots_per_address"), mix.min_lots_per_address(), 1,
              1000);
  c->CheckInt(p.Field("max_lots_per_address"), mix.max_lots_per_address(), 1,
              1000);
  CheckMinMax(c, p, "min_lots_per_address", mix.min_lots_per_address(),
              "max_lots_per_address", mix.max_lots_per_address(),
              std::to_string(mix.min_lots_per_address()),
              std::to_string(mix.max_lots_per_address()));
  CheckDurationRange(c, p, "min_withdraw_delay", mix.min_withdraw_delay(),
                     "max_withdraw_delay", mix.max_withdraw_delay());
}

void ValidateBridge(ScenarioChecker* c, const FieldPath& p,
                    const scenario::BridgeStage& stage) {
  const Entity* bridge = c->RefEntity(p.Field("bridge"), stage.has_bridge(),
                                      stage.bridge(), Entity::kBridge);
  const scenario::Asset* to =
      c->RefAsset(p.Field("to_asset"), stage.has_to_asset(), stage.to_asset());
  if (bridge != nullptr && to != nullptr &&
      to->chain() != bridge->bridge().from_chain() &&
      to->chain() != bridge->bridge().to_chain()) {
    c->Error(p.Field("to_asset"), "asset " + Quote(to->name()) +
                                      " lives on chain " + Quote(to->chain()) +
                                      ", which bridge " +
                                      Quote(stage.bridge()) + " does not join");
  }
}

void ValidateOtc(ScenarioChecker* c, const FieldPath& p,
                 const scenario::OtcStage& stage) {
  const Entity* desk = c->RefEntity(p.Field("desk"), stage.has_desk(),
                                    stage.desk(), Entity::kOtc);
  if (!stage.has_pay_asset()) return;
  const scenario::Asset* pay =
      c->RefAsset(p.Field("pay_asset"), true, stage.pay_asset());
  if (desk == nullptr || pay == nullptr) return;
  for (const scenario::Holding& h : desk->otc().float_()) {
    if (h.asset() == stage.pay_asset()) return;
  }
  c->Error(p.Field("pay_asset"), "OTC desk " + Quote(stage.desk()) +
                                     " holds no float of " +
                                     Quote(stage.pay_asset()));
}

void ValidateCashOut(ScenarioChecker* c, const FieldPath& p,
                     const scenario::CashOut& cash_out) {
  for (int i = 0; i < cash_out.exchanges_size(); ++i) {
    const FieldPath q = p.Element("exchanges", i);
    const scenario::ExchangeWeight& w = cash_out.exchanges(i);
    c->RefEntity(q.Field("exchange"), w.has_exchange(), w.exchange(),
                 Entity::kExchange);
    c->CheckAtLeast(q.Field("weight"), w.weight(), 0, /*open=*/true);
  }
  c->CheckInt(p.Field("deposits"), cash_out.deposits(), 1, 1'000'000);
  c->CheckInt(p.Field("accounts_per_exchange"),
              cash_out.accounts_per_exchange(), 1, 10000);
  c->CheckUsd(p.Field("structure_below_usd"), cash_out.structure_below_usd(),
              /*allow_zero=*/true);
  c->CheckDuration(p.Field("interval"), cash_out.interval());
}

void ValidateStage(ScenarioChecker* c, const FieldPath& p, const Stage& stage) {
  c->CheckReal(p.Field("fraction"), stage.fraction(), 0, 1, /*lo_open=*/true);
  c->CheckDuration(p.Field("delay"), stage.delay());
  if (stage.fingerprint().has_fixed_fee()) {
    c->CheckAmount(p.Field("fingerprint").Field("fixed_fee"),
                   stage.fingerprint().fixed_fee(), nullptr);
  }
  switch (stage.kind_case()) {
    case Stage::KIND_NOT_SET:
      c->Error(p,
               "exactly one stage kind must be set (split, peel_chain, "
               "consolidate, dex_swap, mixer, coinjoin, bridge, otc, "
               "dormancy, cash_out or hold)");
      return;
    case Stage::kSplit:
      c->CheckInt(p.Field("split").Field("ways"), stage.split().ways(), 2,
                  100000);
      c->CheckAtLeast(p.Field("split").Field("evenness"),
                      stage.split().evenness(), 0, /*open=*/true);
      return;
    case Stage::kPeelChain: {
      const FieldPath q = p.Field("peel_chain");
      const scenario::PeelChain& peel = stage.peel_chain();
      c->CheckInt(q.Field("hops"), peel.hops(), 1, 100000);
      c->CheckReal(q.Field("peel_fraction"), peel.peel_fraction(), 0, 1, true,
                   true);
      c->CheckReal(q.Field("peel_jitter"), peel.peel_jitter(), 0, 1);
      if (peel.peel_to() == scenario::PEEL_DESTINATION_UNSPECIFIED) {
        c->Error(q.Field("peel_to"),
                 "must be EXCHANGE_DEPOSITS, ATTACKER_WALLETS or SERVICES");
      }
      for (int i = 0; i < peel.exchanges_size(); ++i) {
        c->RefEntity(q.Element("exchanges", i), true, peel.exchanges(i),
                     Entity::kExchange);
      }
      c->CheckDuration(q.Field("hop_interval"), peel.hop_interval());
      return;
    }
    case Stage::kConsolidate:
      c->CheckInt(p.Field("consolidate").Field("into"),
                  stage.consolidate().into(), 1, 10000);
      return;
    case Stage::kDexSwap:
      return ValidateDexSwap(c, p.Field("dex_swap"), stage.dex_swap());
    case Stage::kMixer:
      return ValidateMix(c, p.Field("mixer"), stage.mixer());
    case Stage::kCoinjoin: {
      const FieldPath q = p.Field("coinjoin");
      c->RefEntity(q.Field("coordinator"), stage.coinjoin().has_coordinator(),
                   stage.coinjoin().coordinator(), Entity::kCoinjoin);
      c->CheckInt(q.Field("rounds"), stage.coinjoin().rounds(), 1, 100);
      return;
    }
    case Stage::kBridge:
      return ValidateBridge(c, p.Field("bridge"), stage.bridge());
    case Stage::kOtc:
      return ValidateOtc(c, p.Field("otc"), stage.otc());
    case Stage::kDormancy:
      return CheckDurationRange(c, p.Field("dormancy"), "min",
                                stage.dormancy().min(), "max",
                                stage.dormancy().max());
    case Stage::kCashOut:
      return ValidateCashOut(c, p.Field("cash_out"), stage.cash_out());
    case Stage::kHold:
      return;
  }
}

void ValidatePlan(ScenarioChecker* c, const FieldPath& p,
                  const scenario::Plan& plan) {
  if (plan.stages().empty()) {
    c->Error(p.Field("stages"), "a plan needs at least one stage");
  }
  for (int i = 0; i < plan.stages_size(); ++i) {
    ValidateStage(c, p.Element("stages", i), plan.stages(i));
  }
}

// What an exchange holds of one asset.
struct Reserve {
  bool held = false;             // some reserves entry names the asset
  std::optional<Amount> amount;  // total, when every entry parses
};

Reserve ReserveOf(const ScenarioChecker& c, const scenario::Exchange& exchange,
                  const std::string& asset) {
  Reserve reserve;
  const std::optional<int> decimals =
      ScenarioChecker::Decimals(c.FindAsset(asset));
  Amount total = 0;
  bool parsed = decimals.has_value();
  for (const scenario::Holding& h : exchange.reserves()) {
    if (h.asset() != asset) continue;
    reserve.held = true;
    if (!parsed) continue;
    const Result<Amount> v = ParseDecimalAmount(h.amount(), *decimals);
    const std::optional<Amount> sum =
        v.ok() ? CheckedAdd(total, *v) : std::nullopt;
    if (sum) {
      total = *sum;
    } else {
      parsed = false;  // reported where the reserve is validated
    }
  }
  if (reserve.held && parsed) reserve.amount = total;
  return reserve;
}

// The amount of a theft in base units, converting USD at the attack time.
std::optional<Amount> TheftAmount(ScenarioChecker* c, const FieldPath& p,
                                  const scenario::Theft& theft,
                                  const scenario::Asset* asset,
                                  std::optional<UnixSeconds> at) {
  if (theft.has_amount() && theft.has_usd()) {
    c->Error(p, "set exactly one of amount and usd, not both");
    return std::nullopt;
  }
  if (theft.has_amount()) {
    return c->CheckAmount(p.Field("amount"), theft.amount(), asset);
  }
  if (!theft.has_usd()) {
    c->Error(p, "set exactly one of amount and usd");
    return std::nullopt;
  }
  const std::optional<double> usd =
      c->CheckUsd(p.Field("usd"), theft.usd(), /*allow_zero=*/false);
  const std::optional<int> decimals = ScenarioChecker::Decimals(asset);
  if (!usd || !decimals || !at) return std::nullopt;
  const std::optional<double> price = c->PriceAt(*asset, *at);
  if (!price) return std::nullopt;
  const std::optional<Amount> amount = UsdToAmount(*usd, *price, *decimals);
  if (!amount) {
    c->Error(p.Field("usd"),
             "US$" + theft.usd() + " at " + FormatReal(*price) + " USD per " +
                 Quote(asset->name()) + " on " + FormatCalendarTime(*at) +
                 " does not fit in 64 bits once scaled to base units");
  }
  return amount;
}

void ValidateAttack(ScenarioChecker* c, const FieldPath& p,
                    const scenario::Attack& attack) {
  c->RefEntity(p.Field("group"), attack.has_group(), attack.group(),
               Entity::kAttacker);
  const Entity* victim = c->RefEntity(p.Field("victim"), attack.has_victim(),
                                      attack.victim(), Entity::kExchange);
  std::optional<UnixSeconds> at;
  if (c->Require(p.Field("at"), attack.has_at())) {
    at = c->CheckTime(p.Field("at"), attack.at());
    if (at) c->CheckInSpan(p.Field("at"), *at, attack.at());
  }
  if (attack.thefts().empty()) {
    c->Error(p.Field("thefts"), "at least one theft is required");
  }
  std::map<std::string, Amount> stolen;
  for (int i = 0; i < attack.thefts_size(); ++i) {
    const FieldPath q = p.Element("thefts", i);
    const scenario::Theft& theft = attack.thefts(i);
    const scenario::Asset* asset =
        c->RefAsset(q.Field("asset"), theft.has_asset(), theft.asset());
    const std::optional<Amount> amount = TheftAmount(c, q, theft, asset, at);
    if (victim == nullptr || asset == nullptr) continue;
    const Reserve reserve = ReserveOf(*c, victim->exchange(), theft.asset());
    if (!reserve.held) {
      c->Error(q.Field("asset"), "victim " + Quote(attack.victim()) +
                                     " holds no " + Quote(theft.asset()) +
                                     " (no reserves of it)");
      continue;
    }
    if (!amount || !reserve.amount) continue;
    Amount& total = stolen[theft.asset()];
    const bool was_within = total <= *reserve.amount;
    total =
        CheckedAdd(total, *amount).value_or(std::numeric_limits<Amount>::max());
    if (was_within && total > *reserve.amount) {
      const int decimals = asset->decimals();
      c->Error(q.Field(theft.has_amount() ? "amount" : "usd"),
               "the attack steals " + FormatDecimalAmount(total, decimals) +
                   " " + theft.asset() + ", more than victim " +
                   Quote(attack.victim()) + " holds (" +
                   FormatDecimalAmount(*reserve.amount, decimals) + ")");
    }
  }
  c->CheckInt(p.Field("burst_transactions"), attack.burst_transactions(), 1,
              100000);
  c->CheckDuration(p.Field("burst_interval"), attack.burst_interval());
  switch (attack.laundering_case()) {
    case scenario::Attack::LAUNDERING_NOT_SET:
      c->Error(p, "a laundering plan is required: set plan or inline_plan");
      break;
    case scenario::Attack::kPlan:
      if (c->RequireString(p.Field("plan"), true, attack.plan()) &&
          c->FindPlan(attack.plan()) == nullptr) {
        c->Error(p.Field("plan"), "unknown plan " + Quote(attack.plan()));
      }
      break;
    case scenario::Attack::kInlinePlan:
      ValidatePlan(c, p.Field("inline_plan"), attack.inline_plan());
      break;
  }
  if (attack.source().has_date()) {
    c->CheckTime(p.Field("source").Field("date"), attack.source().date());
  }
}

}  // namespace

void ValidateAttacks(ScenarioChecker* c) {
  const scenario::Scenario& s = c->scenario();
  for (int i = 0; i < s.plans_size(); ++i) {
    ValidatePlan(c, FieldPath().Element("plans", i), s.plans(i));
  }
  for (int i = 0; i < s.attacks_size(); ++i) {
    ValidateAttack(c, FieldPath().Element("attacks", i), s.attacks(i));
  }
}

}  // namespace chaintrace::sim
