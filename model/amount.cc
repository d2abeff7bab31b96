#include "model/amount.h"

#include <cmath>
#include <limits>

namespace chaintrace {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Amount PowerOfTen(int decimals) {
  Amount p = 1;
  for (int i = 0; i < decimals; ++i) p *= 10;
  return p;
}

Result<Amount> ParseDecimalAmount(std::string_view text, int decimals) {
  if (text.empty()) return Status::Error("empty amount");
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() && frac.empty()) {
    return Status::Error("'" + std::string(text) + "' is not a decimal amount");
  }
  for (std::string_view part : {whole, frac}) {
    for (char c : part) {
      if (!IsDigit(c)) {
        return Status::Error("'" + std::string(text) +
                             "' is not a decimal amount (digits and one '.' "
                             "only, no sign or exponent)");
      }
    }
  }
  if (dot != std::string_view::npos && frac.empty()) {
    return Status::Error("'" + std::string(text) +
                         "' has no digits after the decimal point");
  }
  // Trailing zeros beyond the asset's precision are harmless.
  std::string_view significant = frac;
  while (!significant.empty() && significant.back() == '0') {
    significant.remove_suffix(1);
  }
  if (static_cast<int>(significant.size()) > decimals) {
    return Status::Error("'" + std::string(text) + "' has more than " +
                         std::to_string(decimals) +
                         " decimal places, the asset's precision");
  }
  const auto overflow = [&] {
    return Status::Error("'" + std::string(text) +
                         "' does not fit in 64 bits once scaled to base "
                         "units (10^" +
                         std::to_string(decimals) + " per unit)");
  };
  Amount value = 0;
  for (char c : whole) {
    const auto next = CheckedMul(value, 10);
    if (!next) return overflow();
    const auto sum = CheckedAdd(*next, c - '0');
    if (!sum) return overflow();
    value = *sum;
  }
  for (int i = 0; i < decimals; ++i) {
    const int digit = i < static_cast<int>(significant.size())
                          ? significant[static_cast<std::size_t>(i)] - '0'
                          : 0;
    const auto next = CheckedMul(value, 10);
    if (!next) return overflow();
    const auto sum = CheckedAdd(*next, digit);
    if (!sum) return overflow();
    value = *sum;
  }
  return value;
}

std::string FormatDecimalAmount(Amount amount, int decimals) {
  const bool negative = amount < 0;
  // Work in unsigned so that INT64_MIN formats correctly.
  const auto magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(amount)
               : static_cast<std::uint64_t>(amount);
  const auto scale = static_cast<std::uint64_t>(PowerOfTen(decimals));
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / scale);
  std::uint64_t frac = magnitude % scale;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, static_cast<std::size_t>(decimals) - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

std::optional<Amount> CheckedAdd(Amount a, Amount b) {
  Amount r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<Amount> CheckedSub(Amount a, Amount b) {
  Amount r;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<Amount> CheckedMul(Amount a, Amount b) {
  Amount r;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<Amount> UsdToAmount(double usd, double usd_per_unit,
                                  int decimals) {
  if (!(usd_per_unit > 0) || !std::isfinite(usd) || usd < 0) {
    return std::nullopt;
  }
  const double units = std::round(usd / usd_per_unit *
                                  static_cast<double>(PowerOfTen(decimals)));
  // 2^63 is exactly representable; anything at or above it overflows.
  if (!(units < 9223372036854775808.0)) return std::nullopt;
  return static_cast<Amount>(units);
}

double AmountToUsd(Amount amount, double usd_per_unit, int decimals) {
  return static_cast<double>(amount) /
         static_cast<double>(PowerOfTen(decimals)) * usd_per_unit;
}

}  // namespace chaintrace
