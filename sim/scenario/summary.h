#ifndef CHAINTRACE_SIM_SCENARIO_SUMMARY_H_
#define CHAINTRACE_SIM_SCENARIO_SUMMARY_H_

// The figures a scenario states, computed from the scenario alone (no
// simulation), so that a case file can be checked against the public
// figures it cites: per attack the victim, its country and region, the time,
// what is stolen (exact base units, and USD at the attack time with the
// asset's price path) and the kinds of its plan's stages; totals by asset,
// asset class, victim country and region; the share of the stolen value
// that a mixer or CoinJoin stage handles; an estimate of the value left held;
// and the expected proceeds of cryptojacking campaigns.
//
// The estimates follow the plan's stage fractions with every stage applied
// to all the value reaching it, whatever its chain, and ignore fees, price
// impact and price changes after the attack:
// - a stage with fraction f handles f of the value reaching it; the rest
//   passes to the next stage untouched;
// - cash_out removes what it handles; hold keeps it (held); a peel chain to
//   EXCHANGE_DEPOSITS removes 1 - (1 - peel_fraction)^hops of what it
//   handles (the expected peels), one to ATTACKER_WALLETS removes nothing;
//   every other stage passes on what it handles;
// - what is left after the last stage stays at attacker addresses: held;
// - a peel chain to SERVICES makes the held share unknown (the peels enter
//   services whose outcome the plan does not state).
// The mixed share is the value that goes through at least one mixer or
// CoinJoin stage; what leaves the plan is taken evenly from mixed and
// unmixed value.
//
// Precondition: a valid scenario; an invalid one gives an error Status
// naming its first problem.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/amount.h"
#include "model/status.h"
#include "model/time.h"
#include "proto/common.pb.h"
#include "proto/scenario.pb.h"

namespace chaintrace::sim {

enum class AssetClass {
  kUtxoNative,     // the native asset of a UTXO chain (BTC)
  kAccountNative,  // the native asset of an ACCOUNT chain (ETH)
  kToken,          // any other asset of an ACCOUNT chain (ERC-20 tokens)
};

// "UTXO native", "ACCOUNT native", "token".
std::string AssetClassName(AssetClass asset_class);

struct TheftSummary {
  std::string asset;
  AssetClass asset_class = AssetClass::kToken;
  int decimals = 0;
  Amount amount = 0;  // exact, base units
  double usd = 0;     // at the attack time
};

struct AttackSummary {
  std::string name;
  std::string victim;
  std::string country;  // ISO 3166-1 alpha-2; "" when the victim has none
  common::Region region = common::REGION_UNSPECIFIED;
  UnixSeconds at = 0;
  std::vector<TheftSummary> thefts;
  double usd = 0;                    // all thefts
  std::string plan;                  // plan name; "" for an inline plan
  std::vector<std::string> stages;   // stage kinds in order, e.g. "dex_swap"
  bool plan_mixes = false;           // some stage is a mixer or coinjoin
  double mixed_share = 0;            // estimated share through a mixing stage
  std::optional<double> held_share;  // estimated share left held
};

struct CryptojackingSummary {
  std::string name;
  std::string group;
  std::string chain;
  std::string asset;    // the chain's native asset
  int decimals = 0;     // of `asset`
  std::string country;  // "" when unset
  UnixSeconds start = 0;
  UnixSeconds end = 0;
  double hashrate_share = 0;
  // Expected block rewards found (fees left out), base units of `asset`,
  // and their USD value at the price of the day each is mined.
  Amount mined = 0;
  double usd = 0;
};

struct ScenarioSummary {
  std::string name;
  UnixSeconds start = 0;
  UnixSeconds end = 0;  // start + duration
  std::vector<AttackSummary> attacks;
  std::vector<CryptojackingSummary> cryptojacking;

  double total_usd = 0;  // all attacks, USD at each attack's time
  std::map<std::string, double> usd_by_asset;
  std::map<AssetClass, double> usd_by_class;
  std::map<std::string, double> usd_by_country;
  std::map<common::Region, double> usd_by_region;

  // Incidents: attacks, plus cryptojacking campaigns that name a country.
  int incidents = 0;
  std::map<std::string, int> incidents_by_country;
  int distinct_countries = 0;  // keys of incidents_by_country

  double mixing_plan_usd = 0;  // value of attacks whose plan mixes
  double mixed_usd = 0;        // estimated value through a mixing stage
  // Estimated held value over the attacks whose held share is known, at
  // the attack-time prices and at the scenario end's prices (as if held in
  // the stolen assets).
  double held_usd = 0;
  double held_usd_at_end = 0;
  int held_unknown = 0;  // attacks whose held share is unknown
  double cryptojacking_usd = 0;
};

Result<ScenarioSummary> SummarizeScenario(const scenario::Scenario& scenario);

// A multi-line plain-text rendering, each line indented by two spaces.
std::string FormatSummary(const ScenarioSummary& summary);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_SUMMARY_H_
