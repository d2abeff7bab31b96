#include "sim/scenario/summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "sim/scenario/checker.h"
#include "sim/scenario/source_map.h"
#include "sim/scenario/validate.h"

namespace chaintrace::sim {
namespace {

using scenario::Stage;

constexpr Seconds kDay = 86400;

// Name of the stage kind, as in the .proto ("dex_swap", "mixer", ...).
std::string StageKind(const Stage& stage) {
  const auto* field = Stage::descriptor()->FindFieldByNumber(
      static_cast<int>(stage.kind_case()));
  return field != nullptr ? std::string(field->name()) : "none";
}

struct PlanEstimate {
  double mixed = 0;
  std::optional<double> held;
};

// The flow estimate documented in summary.h, as shares of the stolen value.
PlanEstimate EstimatePlan(const scenario::Plan& plan) {
  double moving = 1;   // value still moving through the plan
  double unmixed = 1;  // part of `moving` that no mixing stage handled
  double held = 0;
  bool known = true;
  PlanEstimate out;
  for (const Stage& stage : plan.stages()) {
    const double f = stage.fraction();
    double leaves = 0;  // share of `moving` that leaves the plan here
    switch (stage.kind_case()) {
      case Stage::kMixer:
      case Stage::kCoinjoin:
        out.mixed += f * unmixed;
        unmixed *= 1 - f;
        break;
      case Stage::kCashOut:
        leaves = f;
        break;
      case Stage::kHold:
        held += f * moving;
        leaves = f;
        break;
      case Stage::kPeelChain: {
        const scenario::PeelChain& peel = stage.peel_chain();
        if (peel.peel_to() == scenario::SERVICES) known = false;
        if (peel.peel_to() == scenario::EXCHANGE_DEPOSITS) {
          leaves = f * (1 - std::pow(1 - peel.peel_fraction(), peel.hops()));
        }
        break;
      }
      default:
        break;
    }
    moving *= 1 - leaves;
    unmixed *= 1 - leaves;
  }
  if (known) out.held = held + moving;
  return out;
}

// Defaults stated in scenario.proto for a chain's blocks.
Seconds BlockInterval(const scenario::Chain& chain) {
  if (chain.has_block_interval()) {
    const Result<Seconds> s = ParseDuration(chain.block_interval());
    if (s.ok() && *s > 0) return *s;
  }
  return chain.model() == common::UTXO ? 600 : 12;
}

std::string BlockReward(const scenario::Chain& chain) {
  if (chain.has_block_reward()) return chain.block_reward();
  return chain.model() == common::UTXO ? "6.25" : "2";
}

class Summarizer {
 public:
  explicit Summarizer(const scenario::Scenario& s)
      : scenario_(s), checker_(s, map_) {
    checker_.IndexNames();
  }

  Result<ScenarioSummary> Run();

 private:
  Result<AttackSummary> Attack(const scenario::Attack& attack);
  Result<CryptojackingSummary> Campaign(const std::string& group,
                                        const scenario::Cryptojacking& cj);
  // USD price of `asset` at `t`.
  double Price(const scenario::Asset& asset, UnixSeconds t) const {
    return checker_.PriceAt(asset, t).value_or(0);
  }

  const scenario::Scenario& scenario_;
  SourceMap map_;
  ScenarioChecker checker_;
};

Result<AttackSummary> Summarizer::Attack(const scenario::Attack& a) {
  AttackSummary out;
  out.name = a.name();
  out.victim = a.victim();
  const scenario::Entity* victim = checker_.FindEntity(a.victim());
  const Result<UnixSeconds> at = ParseCalendarTime(a.at());
  if (victim == nullptr || !at.ok()) {
    return Status::Error("attack '" + a.name() + "': bad victim or time");
  }
  out.country = victim->exchange().country();
  out.region = victim->exchange().region();
  out.at = *at;
  for (const scenario::Theft& theft : a.thefts()) {
    const scenario::Asset* asset = checker_.FindAsset(theft.asset());
    const scenario::Chain* chain =
        asset != nullptr ? checker_.FindChain(asset->chain()) : nullptr;
    if (chain == nullptr) {
      return Status::Error("attack '" + a.name() + "': unknown asset");
    }
    TheftSummary t;
    t.asset = asset->name();
    t.decimals = asset->decimals();
    t.asset_class =
        chain->native_asset() != asset->name()
            ? AssetClass::kToken
            : (chain->model() == common::UTXO ? AssetClass::kUtxoNative
                                              : AssetClass::kAccountNative);
    const double price = Price(*asset, out.at);
    std::optional<Amount> amount;
    if (theft.has_amount()) {
      const Result<Amount> parsed =
          ParseDecimalAmount(theft.amount(), t.decimals);
      if (parsed.ok()) amount = *parsed;
    } else {
      const Result<Amount> micros = ParseDecimalAmount(theft.usd(), 6);
      if (micros.ok()) {
        amount =
            UsdToAmount(static_cast<double>(*micros) / 1e6, price, t.decimals);
      }
    }
    if (!amount) {
      return Status::Error("attack '" + a.name() + "': bad theft amount");
    }
    t.amount = *amount;
    t.usd = AmountToUsd(t.amount, price, t.decimals);
    out.usd += t.usd;
    out.thefts.push_back(std::move(t));
  }
  const scenario::Plan* plan = &a.inline_plan();
  if (a.has_plan()) {
    out.plan = a.plan();
    plan = checker_.FindPlan(a.plan());
    if (plan == nullptr) return Status::Error("unknown plan " + a.plan());
  }
  for (const Stage& stage : plan->stages()) {
    out.stages.push_back(StageKind(stage));
    out.plan_mixes =
        out.plan_mixes || stage.has_mixer() || stage.has_coinjoin();
  }
  const PlanEstimate estimate = EstimatePlan(*plan);
  out.mixed_share = estimate.mixed;
  out.held_share = estimate.held;
  return out;
}

Result<CryptojackingSummary> Summarizer::Campaign(
    const std::string& group, const scenario::Cryptojacking& cj) {
  CryptojackingSummary out;
  out.name = cj.name();
  out.group = group;
  out.chain = cj.chain();
  out.country = cj.country();
  out.hashrate_share = cj.hashrate_share();
  const scenario::Chain* chain = checker_.FindChain(cj.chain());
  const scenario::Asset* asset =
      chain != nullptr ? checker_.FindAsset(chain->native_asset()) : nullptr;
  const Result<UnixSeconds> start = ParseCalendarTime(cj.start());
  const Result<UnixSeconds> end = ParseCalendarTime(cj.end());
  if (asset == nullptr || !start.ok() || !end.ok()) {
    return Status::Error("cryptojacking '" + cj.name() + "' is not valid");
  }
  out.asset = asset->name();
  out.decimals = asset->decimals();
  out.start = *start;
  out.end = *end;
  const Result<Amount> reward =
      ParseDecimalAmount(BlockReward(*chain), asset->decimals());
  if (!reward.ok()) return reward.status();
  const double per_second = cj.hashrate_share() * static_cast<double>(*reward) /
                            static_cast<double>(BlockInterval(*chain));
  double mined = 0;
  for (UnixSeconds t = out.start; t < out.end; t += kDay) {
    const Seconds span = std::min(kDay, out.end - t);
    const double units = per_second * static_cast<double>(span);
    mined += units;
    out.usd += units / static_cast<double>(PowerOfTen(asset->decimals())) *
               Price(*asset, t + span / 2);
  }
  out.mined = static_cast<Amount>(std::llround(mined));
  return out;
}

Result<ScenarioSummary> Summarizer::Run() {
  const std::vector<Diagnostic> problems = ValidateScenario(scenario_, map_);
  if (!problems.empty()) {
    return Status::Error("the scenario is not valid (" +
                         std::to_string(problems.size()) +
                         " problems), first: " + problems.front().ToString());
  }
  ScenarioSummary out;
  out.name = scenario_.metadata().name();
  out.start = *ParseCalendarTime(scenario_.start());
  out.end = out.start + *ParseDuration(scenario_.duration());
  for (const scenario::Attack& a : scenario_.attacks()) {
    Result<AttackSummary> attack = Attack(a);
    if (!attack.ok()) return attack.status();
    out.total_usd += attack->usd;
    for (const TheftSummary& t : attack->thefts) {
      out.usd_by_asset[t.asset] += t.usd;
      out.usd_by_class[t.asset_class] += t.usd;
    }
    if (!attack->country.empty()) {
      out.usd_by_country[attack->country] += attack->usd;
      ++out.incidents_by_country[attack->country];
    }
    out.usd_by_region[attack->region] += attack->usd;
    ++out.incidents;
    if (attack->plan_mixes) out.mixing_plan_usd += attack->usd;
    out.mixed_usd += attack->mixed_share * attack->usd;
    if (attack->held_share) {
      out.held_usd += *attack->held_share * attack->usd;
      for (const TheftSummary& t : attack->thefts) {
        const double end_price = Price(*checker_.FindAsset(t.asset), out.end);
        out.held_usd_at_end +=
            *attack->held_share * AmountToUsd(t.amount, end_price, t.decimals);
      }
    } else {
      ++out.held_unknown;
    }
    out.attacks.push_back(*std::move(attack));
  }
  for (const scenario::Entity& e : scenario_.entities()) {
    if (!e.has_attacker()) continue;
    for (const scenario::Cryptojacking& cj : e.attacker().cryptojacking()) {
      Result<CryptojackingSummary> campaign = Campaign(e.name(), cj);
      if (!campaign.ok()) return campaign.status();
      out.cryptojacking_usd += campaign->usd;
      if (!campaign->country.empty()) {
        ++out.incidents_by_country[campaign->country];
        ++out.incidents;
      }
      out.cryptojacking.push_back(*std::move(campaign));
    }
  }
  out.distinct_countries = static_cast<int>(out.incidents_by_country.size());
  return out;
}

// "US$12.35M", "US$950,000" style: millions with two decimals from 1M up.
std::string Usd(double usd) {
  char buf[64];
  if (std::fabs(usd) >= 1e6) {
    std::snprintf(buf, sizeof buf, "US$%.2fM", usd / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "US$%.0f", usd);
  }
  return buf;
}

std::string Percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100 * share);
  return buf;
}

std::string Date(UnixSeconds t) { return FormatCalendarTime(t).substr(0, 10); }

}  // namespace

std::string AssetClassName(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::kUtxoNative:
      return "UTXO native";
    case AssetClass::kAccountNative:
      return "ACCOUNT native";
    case AssetClass::kToken:
      break;
  }
  return "token";
}

Result<ScenarioSummary> SummarizeScenario(const scenario::Scenario& scenario) {
  return Summarizer(scenario).Run();
}

std::string FormatSummary(const ScenarioSummary& s) {
  std::string out;
  const auto line = [&out](const std::string& text) {
    out += "  " + text + "\n";
  };
  const double total = s.total_usd > 0 ? s.total_usd : 1;
  line("period " + Date(s.start) + " to " + Date(s.end) + "; " +
       std::to_string(s.attacks.size()) + " attacks, " +
       std::to_string(s.incidents) + " incidents in " +
       std::to_string(s.distinct_countries) + " countries; stolen " +
       Usd(s.total_usd) + " at the attack times");
  std::string text = "by asset:";
  for (const auto& [asset, usd] : s.usd_by_asset) {
    text += " " + asset + " " + Usd(usd) + " (" + Percent(usd / total) + ")";
  }
  line(text);
  text = "by asset class:";
  for (const auto& [asset_class, usd] : s.usd_by_class) {
    text += " " + AssetClassName(asset_class) + " " + Percent(usd / total);
  }
  line(text);
  text = "by victim region:";
  for (const auto& [region, usd] : s.usd_by_region) {
    text += " " + common::Region_Name(region) + " " + Usd(usd);
  }
  line(text);
  text = "incidents by country:";
  for (const auto& [country, count] : s.incidents_by_country) {
    const auto usd = s.usd_by_country.find(country);
    text += " " + country + " " + std::to_string(count);
    if (usd != s.usd_by_country.end()) text += " (" + Usd(usd->second) + ")";
  }
  line(text);
  line("mixing: " + Percent(s.mixing_plan_usd / total) +
       " of the value in plans with a mixer or coinjoin stage, " +
       Percent(s.mixed_usd / total) + " through one (estimate)");
  line("held (estimate): " + Usd(s.held_usd) + " at the attack times, " +
       Usd(s.held_usd_at_end) + " at the end's prices" +
       (s.held_unknown > 0
            ? "; unknown for " + std::to_string(s.held_unknown) + " attacks"
            : ""));
  for (const AttackSummary& a : s.attacks) {
    text = "attack " + a.name + " " + Date(a.at) + " " + a.victim + " (" +
           (a.country.empty() ? "?" : a.country) + ", " +
           common::Region_Name(a.region) + ") " + Usd(a.usd) + ":";
    for (std::size_t i = 0; i < a.thefts.size(); ++i) {
      const TheftSummary& t = a.thefts[i];
      text += std::string(i > 0 ? "," : "") + " " +
              FormatDecimalAmount(t.amount, t.decimals) + " " + t.asset + " " +
              Usd(t.usd);
    }
    text +=
        "; plan " + (a.plan.empty() ? std::string("(inline)") : a.plan) + ":";
    for (std::size_t i = 0; i < a.stages.size(); ++i) {
      text += (i > 0 ? " > " : " ") + a.stages[i];
    }
    text += "; mixed " + Percent(a.mixed_share) + ", held " +
            (a.held_share ? Percent(*a.held_share) : std::string("unknown"));
    line(text);
  }
  for (const CryptojackingSummary& c : s.cryptojacking) {
    char share[32];
    std::snprintf(share, sizeof share, "%g", c.hashrate_share);
    char mined[64];
    std::snprintf(mined, sizeof mined, "%.2f",
                  static_cast<double>(c.mined) /
                      static_cast<double>(PowerOfTen(c.decimals)));
    line("cryptojacking " + c.name + " by " + c.group + " on " + c.chain + " " +
         Date(c.start) + " to " + Date(c.end) + " (" + share + " of blocks" +
         (c.country.empty() ? "" : ", " + c.country) + "): ~" + mined + " " +
         c.asset + ", " + Usd(c.usd));
  }
  return out;
}

}  // namespace chaintrace::sim
