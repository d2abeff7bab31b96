#include "sim/scenario/checker.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace chaintrace::sim {
namespace {

using scenario::Entity;

template <typename T>
const T* Lookup(const std::map<std::string, int, std::less<>>& index,
                const google::protobuf::RepeatedPtrField<T>& items,
                std::string_view name) {
  const auto it = index.find(name);
  return it == index.end() ? nullptr : &items.Get(it->second);
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// Decimal places to parse `text` with when its asset is unknown: as many as
// it has (at most 18), so that only its syntax and sign are checked.
int SyntaxDecimals(std::string_view text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return 0;
  return static_cast<int>(
      std::min<std::size_t>(text.size() - dot - 1, kMaxDecimals));
}

}  // namespace

bool IsIdentifier(std::string_view name) {
  if (name.empty()) return false;
  const auto alpha = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  };
  if (!alpha(name.front())) return false;
  for (char c : name) {
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' &&
        c != '-') {
      return false;
    }
  }
  return true;
}

std::string FormatReal(double value) {
  // Shortest text that reads back as the same double ("10", "0.3", "1e-06").
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

std::string EntityKindName(Entity::KindCase kind) {
  switch (kind) {
    case Entity::kExchange:
      return "an exchange";
    case Entity::kUsers:
      return "a user population";
    case Entity::kMerchants:
      return "a merchant population";
    case Entity::kMiner:
      return "a miner";
    case Entity::kMixer:
      return "a mixer";
    case Entity::kCoinjoin:
      return "a CoinJoin coordinator";
    case Entity::kBridge:
      return "a bridge";
    case Entity::kDex:
      return "a DEX pool";
    case Entity::kOtc:
      return "an OTC desk";
    case Entity::kAttacker:
      return "an attacker group";
    case Entity::KIND_NOT_SET:
      break;
  }
  return "an entity of no kind";
}

ScenarioChecker::ScenarioChecker(const scenario::Scenario& scenario,
                                 const SourceMap& map)
    : scenario_(scenario), map_(map) {}

void ScenarioChecker::Error(const FieldPath& path, std::string message) {
  diagnostics_.push_back(map_.Locate(path, std::move(message)));
}

std::string ScenarioChecker::Position(const FieldPath& path) const {
  return map_.Position(path);
}

template <typename T>
void ScenarioChecker::IndexKind(
    const google::protobuf::RepeatedPtrField<T>& items, std::string_view field,
    std::string_view kind, std::map<std::string, int, std::less<>>* index) {
  for (int i = 0; i < items.size(); ++i) {
    const T& item = items.Get(i);
    const FieldPath path = FieldPath().Element(field, i).Field("name");
    if (!RequireString(path, item.has_name(), item.name())) continue;
    if (!IsIdentifier(item.name())) {
      Error(path, Quote(item.name()) +
                      " is not a name: a letter, then letters, digits, "
                      "'_', '.' or '-'");
    }
    const auto [it, inserted] = index->emplace(item.name(), i);
    if (!inserted) {
      Error(path, "duplicate " + std::string(kind) + " name " +
                      Quote(item.name()) + ", first defined at " +
                      Position(FieldPath().Element(field, it->second)));
    }
  }
}

void ScenarioChecker::IndexNames() {
  IndexKind(scenario_.chains(), "chains", "chain", &chains_);
  IndexKind(scenario_.assets(), "assets", "asset", &assets_);
  IndexKind(scenario_.entities(), "entities", "entity", &entities_);
  IndexKind(scenario_.plans(), "plans", "plan", &plans_);
  IndexKind(scenario_.attacks(), "attacks", "attack", &attacks_);
}

const scenario::Chain* ScenarioChecker::FindChain(std::string_view n) const {
  return Lookup(chains_, scenario_.chains(), n);
}
const scenario::Asset* ScenarioChecker::FindAsset(std::string_view n) const {
  return Lookup(assets_, scenario_.assets(), n);
}
const scenario::Entity* ScenarioChecker::FindEntity(std::string_view n) const {
  return Lookup(entities_, scenario_.entities(), n);
}
const scenario::Plan* ScenarioChecker::FindPlan(std::string_view n) const {
  return Lookup(plans_, scenario_.plans(), n);
}
bool ScenarioChecker::HasAttack(std::string_view n) const {
  return attacks_.count(n) > 0;
}

const scenario::Chain* ScenarioChecker::RefChain(const FieldPath& path,
                                                 bool present,
                                                 const std::string& name) {
  if (!RequireString(path, present, name)) return nullptr;
  const scenario::Chain* chain = FindChain(name);
  if (chain == nullptr) Error(path, "unknown chain " + Quote(name));
  return chain;
}

const scenario::Asset* ScenarioChecker::RefAsset(const FieldPath& path,
                                                 bool present,
                                                 const std::string& name) {
  if (!RequireString(path, present, name)) return nullptr;
  const scenario::Asset* asset = FindAsset(name);
  if (asset == nullptr) Error(path, "unknown asset " + Quote(name));
  return asset;
}

const scenario::Entity* ScenarioChecker::RefEntity(const FieldPath& path,
                                                   bool present,
                                                   const std::string& name,
                                                   Entity::KindCase kind) {
  if (!RequireString(path, present, name)) return nullptr;
  const scenario::Entity* entity = FindEntity(name);
  if (entity == nullptr) {
    Error(path, "unknown entity " + Quote(name) + " (expected " +
                    EntityKindName(kind) + ")");
    return nullptr;
  }
  if (entity->kind_case() != kind) {
    Error(path, "entity " + Quote(name) + " is " +
                    EntityKindName(entity->kind_case()) + ", not " +
                    EntityKindName(kind));
    return nullptr;
  }
  return entity;
}

std::optional<int> ScenarioChecker::Decimals(const scenario::Asset* asset) {
  if (asset == nullptr || !asset->has_decimals() || asset->decimals() < 0 ||
      asset->decimals() > kMaxDecimals) {
    return std::nullopt;
  }
  return asset->decimals();
}

std::optional<Amount> ScenarioChecker::CheckAmount(const FieldPath& path,
                                                   const std::string& text,
                                                   const scenario::Asset* asset,
                                                   bool allow_zero) {
  const std::optional<int> decimals = Decimals(asset);
  const Result<Amount> amount =
      ParseDecimalAmount(text, decimals.value_or(SyntaxDecimals(text)));
  if (!amount.ok()) {
    Error(path,
          amount.message() + (asset != nullptr && decimals
                                  ? " (asset " + Quote(asset->name()) + ")"
                                  : std::string()));
    return std::nullopt;
  }
  if (!allow_zero && *amount == 0) {
    Error(path, "amount must be positive, got " + Quote(text));
    return std::nullopt;
  }
  if (!decimals) return std::nullopt;  // syntax checked, value unusable
  return *amount;
}

std::optional<double> ScenarioChecker::CheckUsd(const FieldPath& path,
                                                const std::string& text,
                                                bool allow_zero) {
  constexpr int kUsdDecimals = 6;
  const Result<Amount> micros = ParseDecimalAmount(text, kUsdDecimals);
  const std::string expected = allow_zero ? "a non-negative" : "a positive";
  if (!micros.ok()) {
    Error(path, "not " + expected +
                    " USD value (a decimal with at most 6 decimal places): " +
                    micros.message());
    return std::nullopt;
  }
  if (!allow_zero && *micros == 0) {
    Error(path, "USD value must be positive, got " + Quote(text));
    return std::nullopt;
  }
  return static_cast<double>(*micros) / 1e6;
}

std::optional<Seconds> ScenarioChecker::CheckDuration(const FieldPath& path,
                                                      const std::string& text,
                                                      bool positive) {
  const Result<Seconds> d = ParseDuration(text);
  if (!d.ok()) {
    Error(path, d.message());
    return std::nullopt;
  }
  if (positive && *d == 0) {
    Error(path, "duration must be positive, got " + Quote(text));
    return std::nullopt;
  }
  return *d;
}

std::optional<UnixSeconds> ScenarioChecker::CheckTime(const FieldPath& path,
                                                      const std::string& text) {
  const Result<UnixSeconds> t = ParseCalendarTime(text);
  if (!t.ok()) {
    Error(path, t.message());
    return std::nullopt;
  }
  return *t;
}

void ScenarioChecker::CheckInSpan(const FieldPath& path, UnixSeconds t,
                                  const std::string& text) {
  if (!start_ || !end_) return;
  if (t < *start_ || t > *end_) {
    Error(path, "time " + Quote(text) + " is outside the scenario [" +
                    FormatCalendarTime(*start_) + ", " +
                    FormatCalendarTime(*end_) + "] (start + duration)");
  }
}

void ScenarioChecker::CheckReal(const FieldPath& path, double value, double lo,
                                double hi, bool lo_open, bool hi_open) {
  const bool ok = std::isfinite(value) &&
                  (lo_open ? value > lo : value >= lo) &&
                  (hi_open ? value < hi : value <= hi);
  if (!ok) {
    Error(path, "must be in " + std::string(lo_open ? "(" : "[") +
                    FormatReal(lo) + ", " + FormatReal(hi) +
                    (hi_open ? ")" : "]") + ", got " + FormatReal(value));
  }
}

void ScenarioChecker::CheckAtLeast(const FieldPath& path, double value,
                                   double lo, bool open) {
  const bool ok = std::isfinite(value) && (open ? value > lo : value >= lo);
  if (!ok) {
    Error(path, std::string(open ? "must be > " : "must be >= ") +
                    FormatReal(lo) + " and finite, got " + FormatReal(value));
  }
}

void ScenarioChecker::CheckInt(const FieldPath& path, std::int64_t value,
                               std::int64_t lo, std::int64_t hi) {
  if (value < lo || value > hi) {
    Error(path, "must be in [" + std::to_string(lo) + ", " +
                    std::to_string(hi) + "], got " + std::to_string(value));
  }
}

bool ScenarioChecker::Require(const FieldPath& path, bool present) {
  if (!present) Error(path, "required field is missing");
  return present;
}

bool ScenarioChecker::RequireString(const FieldPath& path, bool present,
                                    const std::string& value) {
  if (!Require(path, present)) return false;
  if (value.empty()) {
    Error(path, "must not be empty");
    return false;
  }
  return true;
}

bool ScenarioChecker::CheckPathPoints(
    const FieldPath& path, std::string_view field,
    const google::protobuf::RepeatedPtrField<scenario::PathPoint>& points,
    bool value_positive) {
  bool usable = true;
  std::optional<UnixSeconds> previous;
  for (int i = 0; i < points.size(); ++i) {
    const scenario::PathPoint& point = points.Get(i);
    const FieldPath at = path.Element(field, i);
    std::optional<UnixSeconds> t;
    if (Require(at.Field("at"), point.has_at())) {
      t = CheckTime(at.Field("at"), point.at());
    }
    if (Require(at.Field("value"), point.has_value())) {
      const std::size_t before = diagnostics_.size();
      CheckAtLeast(at.Field("value"), point.value(), 0, value_positive);
      if (diagnostics_.size() != before) usable = false;
    } else {
      usable = false;
    }
    if (!t) {
      usable = false;
      continue;
    }
    if (previous && *t <= *previous) {
      Error(at.Field("at"),
            "points must be in strictly increasing time "
            "order");
      usable = false;
    }
    previous = t;
  }
  return usable;
}

std::optional<double> ScenarioChecker::PriceAt(const scenario::Asset& asset,
                                               UnixSeconds t) const {
  const auto& points = asset.usd_price();
  if (points.empty()) return std::nullopt;
  std::vector<std::pair<UnixSeconds, double>> path;
  for (const scenario::PathPoint& p : points) {
    const Result<UnixSeconds> at = ParseCalendarTime(p.at());
    if (!at.ok() || !(p.value() > 0) || !std::isfinite(p.value())) {
      return std::nullopt;
    }
    if (!path.empty() && *at <= path.back().first) return std::nullopt;
    path.emplace_back(*at, p.value());
  }
  if (t <= path.front().first) return path.front().second;
  if (t >= path.back().first) return path.back().second;
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (t > path[i].first) continue;
    const auto [t0, v0] = path[i - 1];
    const auto [t1, v1] = path[i];
    const double w = static_cast<double>(t - t0) / static_cast<double>(t1 - t0);
    return v0 + (v1 - v0) * w;
  }
  return path.back().second;
}

}  // namespace chaintrace::sim
