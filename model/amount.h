#ifndef CHAINTRACE_MODEL_AMOUNT_H_
#define CHAINTRACE_MODEL_AMOUNT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace chaintrace {

// An amount of one asset in its base unit (satoshi, gwei, 10^-6 USD).
// Arithmetic on amounts is exact; overflow is detected, never wrapped.
using Amount = std::int64_t;

// Largest number of decimal places an asset may have: 10^18 fits int64.
inline constexpr int kMaxDecimals = 18;

// Parses a non-negative decimal string in whole asset units ("1250.5",
// "0.00000001", "42") into base units with `decimals` places. Refuses signs,
// exponents, spaces, empty parts ("1.", ".5" is accepted as 0.5), more
// fractional digits than `decimals`, and values that do not fit int64.
// Precondition: 0 <= decimals <= kMaxDecimals.
Result<Amount> ParseDecimalAmount(std::string_view text, int decimals);

// Formats base units as a decimal string in whole units, without trailing
// fractional zeros ("1250.5", "42", "-0.1").
std::string FormatDecimalAmount(Amount amount, int decimals);

// 10^decimals. Precondition: 0 <= decimals <= kMaxDecimals.
Amount PowerOfTen(int decimals);

// Exact arithmetic: nullopt on int64 overflow.
std::optional<Amount> CheckedAdd(Amount a, Amount b);
std::optional<Amount> CheckedSub(Amount a, Amount b);
std::optional<Amount> CheckedMul(Amount a, Amount b);

// Converts a USD value to base units of an asset priced `usd_per_unit`,
// rounding to the nearest base unit; nullopt when the price is not positive
// or the result does not fit int64.
std::optional<Amount> UsdToAmount(double usd, double usd_per_unit,
                                  int decimals);

// USD value of `amount` base units at `usd_per_unit`.
double AmountToUsd(Amount amount, double usd_per_unit, int decimals);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_AMOUNT_H_
