#ifndef CHAINTRACE_MODEL_STANDARD_DENOMINATIONS_H_
#define CHAINTRACE_MODEL_STANDARD_DENOMINATIONS_H_

// The standard output denominations of Wasabi Wallet 2.0 (WabiSabi)
// CoinJoins, in base units of an 8-decimal asset (satoshi): every power of
// 2, power of 3, 2 x 3^n, and 1, 2 and 5 x 10^n from 5,000 sat to
// 1,343.75 BTC (134,375,000,000 sat), both ends included. Source: the
// WabiSabi amount organisation (zkSNACKs 2021, WalletWasabi's denomination
// list), which chain analysis reuses to recognise Wasabi 2 rounds (the
// Dumplings scanner; Gavenda et al. 2025). The simulator's coordinator pays
// in these values and the CoinJoin detector looks for them: the list is
// public, so an analyst knows it as well as a client does.

#include <span>
#include <vector>

#include "model/amount.h"

namespace chaintrace {

inline constexpr Amount kMinStandardDenomination = 5'000;
inline constexpr Amount kMaxStandardDenomination = 134'375'000'000;

// The denominations, ascending, without duplicates.
std::span<const Amount> StandardDenominations();

// True when `amount` is one of the standard denominations.
bool IsStandardDenomination(Amount amount);

// Splits `available` the way a Wasabi 2 client does, simplified: the
// largest standard denomination d with d + `per_output_cost` <= what is
// left, repeatedly, at most `max_outputs` times. Appends the chosen values
// to `*outputs` and returns what is left (available - sum of (d + cost)),
// never negative. Preconditions: per_output_cost >= 0, max_outputs >= 0.
Amount SplitIntoStandardDenominations(Amount available, Amount per_output_cost,
                                      int max_outputs,
                                      std::vector<Amount>* outputs);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_STANDARD_DENOMINATIONS_H_
